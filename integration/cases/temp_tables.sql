-- Temporary tables: CREATE TEMP TABLE (and AS, and TEMP views) in the session's
-- temp schema, searched before the search path, pg_temp as its name, 42P16 for
-- another schema, ON COMMIT only on temporary tables, rollback of their DDL.

CREATE TABLE t (a int, b text);
INSERT INTO t VALUES (1, 'public');
CREATE TEMP TABLE t (a int, c text DEFAULT 'tmp');
INSERT INTO t (a) VALUES (2);
SELECT * FROM t;
SELECT * FROM public.t;
SELECT * FROM pg_temp.t;
CREATE TEMPORARY TABLE tt (id serial PRIMARY KEY, v numeric(5,2));
INSERT INTO tt (v) VALUES (1.5), (2.25) RETURNING *;
UPDATE tt SET v = v * 2 WHERE id = 1;
DELETE FROM tt WHERE id = 2;
SELECT * FROM tt;
CREATE INDEX ON tt (v);
CREATE TEMP TABLE x AS SELECT * FROM tt;
SELECT * FROM x;
CREATE TEMP TABLE IF NOT EXISTS x (a int);
CREATE TEMP TABLE public.y (a int);
CREATE TEMP TABLE oc (a int) ON COMMIT PRESERVE ROWS;
CREATE TABLE perm (a int) ON COMMIT DELETE ROWS;
CREATE TEMP VIEW v AS SELECT 1;
DROP TABLE t;
SELECT * FROM t;
DROP TABLE t;
SELECT * FROM t;
SELECT relname, relpersistence FROM pg_class WHERE relname IN ('tt', 'x') ORDER BY 1;
SELECT count(*) FROM information_schema.tables WHERE table_name = 'tt';
SELECT table_schema LIKE 'pg_temp%' FROM information_schema.tables WHERE table_name = 'tt';
BEGIN;
CREATE TEMP TABLE inside (a int);
INSERT INTO inside VALUES (1);
ROLLBACK;
SELECT * FROM inside;
SELECT pg_table_is_visible('tt'::regclass);
SELECT nspname LIKE 'pg_temp%' FROM pg_namespace n JOIN pg_class c ON c.relnamespace = n.oid WHERE c.relname = 'tt';
CREATE TEMP TABLE gone (a int);
INSERT INTO gone VALUES (1);
DISCARD TEMP;
SELECT * FROM gone;
CREATE TEMP TABLE gone (b text);
INSERT INTO gone VALUES ('again');
SELECT * FROM gone;
DISCARD ALL;
SELECT * FROM gone;
