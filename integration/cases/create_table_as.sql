-- CREATE TABLE ... AS and SELECT ... INTO: the new table's columns take the
-- query's names and types (unknown literals become text), column name lists,
-- WITH NO DATA, IF NOT EXISTS, the 'SELECT n' tag, and rollback of the DDL.

CREATE TABLE src (id serial PRIMARY KEY, name text NOT NULL, price numeric(10,2), at timestamptz, tags text[], ok boolean, e varchar(5));
INSERT INTO src (name, price, at, tags, ok, e) VALUES ('a', 1.5, '2024-01-01 10:00+00', '{x,y}', true, 'abc'), ('b', NULL, NULL, NULL, false, NULL);
CREATE TABLE c1 AS SELECT * FROM src;
SELECT * FROM c1 ORDER BY id;
SELECT column_name, data_type, is_nullable, numeric_precision, numeric_scale, character_maximum_length FROM information_schema.columns WHERE table_name = 'c1' ORDER BY ordinal_position;
CREATE TABLE c2 (x, y) AS SELECT id, name || '!' FROM src WHERE id = 1;
SELECT * FROM c2;
CREATE TABLE c3 AS SELECT 1 AS one, 'lit' AS s, 1.50 AS n, now() IS NOT NULL AS b, NULL AS z;
SELECT * FROM c3;
SELECT pg_typeof(one), pg_typeof(s), pg_typeof(n), pg_typeof(b), pg_typeof(z) FROM c3;
CREATE TABLE c3 AS SELECT 1;
CREATE TABLE IF NOT EXISTS c3 AS SELECT 1;
CREATE TABLE c4 AS SELECT 1 WITH NO DATA;
SELECT count(*) FROM c4;
CREATE TABLE c5 (a, b, c) AS SELECT 1, 2;
CREATE TABLE c6 AS SELECT 1 AS a, 2 AS a;
SELECT id, name INTO c7 FROM src WHERE ok;
SELECT * FROM c7;
CREATE TABLE c8 AS VALUES (1, 'x'), (2, 'y');
SELECT * FROM c8 ORDER BY 1;
CREATE TABLE c9 AS TABLE src;
SELECT count(*) FROM c9;
CREATE TABLE c10 AS WITH w AS (SELECT 2 AS v) SELECT v * 2 AS d FROM w;
SELECT * FROM c10;
CREATE TABLE c11 AS SELECT count(*), sum(price), avg(price) FROM src;
SELECT * FROM c11;
CREATE TABLE c12 AS SELECT 1 AS a UNION ALL SELECT 2;
SELECT * FROM c12;
BEGIN;
CREATE TABLE c13 AS SELECT 1 AS a;
ROLLBACK;
SELECT * FROM c13;
CREATE TABLE c14 AS SELECT ARRAY[1,2] AS arr, '{"a":1}'::jsonb AS j;
SELECT * FROM c14;
