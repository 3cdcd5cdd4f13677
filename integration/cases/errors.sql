-- Errors: SQLSTATEs for syntax errors, unknown names, bad values and
-- arithmetic, the empty query, and that the connection stays usable after each.

SELEC 1;
SELECT * FROM;
SELECT 1 +;
SELECT (1));
CREATE TABLE;
INSERT INTO VALUES (1);
SELECT 1 FROM WHERE;
CREATE TABLE err_t (id integer PRIMARY KEY, name text, amount numeric(10,2));
INSERT INTO err_t VALUES (1, 'one', 1.5), (2, 'two', NULL);
SELECT * FROM err_missing;
SELECT * FROM err_t JOIN err_missing ON true;
SELECT nosuch FROM err_t;
SELECT err_t.nosuch FROM err_t;
SELECT x.id FROM err_t;
SELECT id FROM err_t a, err_t b;
SELECT * FROM err_t, err_t;
-- known gap: the binder does not yet check that ungrouped columns appear in GROUP BY (issue 5)
SELECT id, count(*) FROM err_t;
SELECT count(*) FROM err_t WHERE count(*) > 1;
SELECT 1 / 0;
SELECT 5 % 0;
SELECT 1.0 / 0;
SELECT 1::float8 / 0;
SELECT id / 0 FROM err_t;
SELECT amount / 0 FROM err_t WHERE id = 1;
SELECT 'abc'::integer;
SELECT ''::integer;
SELECT '1.5'::integer;
SELECT 'maybe'::boolean;
SELECT '2024-13-01'::date;
SELECT 'not a timestamp'::timestamp;
SELECT 'x'::numeric;
SELECT * FROM err_t WHERE id = 'x';
SELECT 2147483647 + 1;
SELECT 9223372036854775807 + 1;
SELECT 12345678901::integer;
SELECT 123456789.999::numeric(10,2);
SELECT true + 1;
SELECT 'a'::text - 1;
SELECT nosuchfunc(1);
-- known gap: a scalar subquery returning several rows is not yet an error (21000) (issue 5)
SELECT (SELECT id FROM err_t);
SELECT id FROM err_t WHERE id IN (SELECT id, name FROM err_t);
;
SELECT 1; ;
SELECT * FROM err_t ORDER BY id;
