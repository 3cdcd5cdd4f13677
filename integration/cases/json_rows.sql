-- Whole-row references in the JSON functions: row_to_json(t), to_json(t),
-- to_jsonb(t), json_agg(t), json_build_object(..., t), t.*, subquery rows (the
-- json_agg(agg) / to_json(obj) shapes query builders emit), the NULL row of an
-- outer join, and json_agg's line breaks between rows and arrays.

CREATE TABLE person (id int PRIMARY KEY, name text, born date, score numeric(5,2), tags text[], meta jsonb, ok boolean);
INSERT INTO person VALUES (1, 'Ann', '1990-05-01', 9.50, '{a,b}', '{"x": [1, 2]}', true), (2, 'Bob', NULL, NULL, NULL, NULL, NULL);
CREATE TABLE pet (id int PRIMARY KEY, owner int REFERENCES person, name text);
INSERT INTO pet VALUES (10, 1, 'Rex');
SELECT row_to_json(p) FROM person p ORDER BY id;
SELECT to_json(p), to_jsonb(p) FROM person p ORDER BY id;
SELECT row_to_json(p.*) FROM person p ORDER BY id;
SELECT json_agg(p ORDER BY p.id) FROM person p;
SELECT jsonb_agg(p) FROM person p;
SELECT json_agg(x) FROM (SELECT id, name FROM person ORDER BY id) x;
SELECT coalesce(json_agg(agg), '[]') FROM (SELECT name FROM person WHERE id > 5) agg;
SELECT p.name, (SELECT coalesce(json_agg(agg), '[]') FROM (SELECT pet.name FROM pet WHERE pet.owner = p.id) agg) AS pets FROM person p ORDER BY p.id;
SELECT p.name, (SELECT to_json(obj) FROM (SELECT pet.name FROM pet WHERE pet.owner = p.id) obj) AS pet FROM person p ORDER BY p.id;
SELECT p.name, row_to_json(q) FROM person p LEFT JOIN pet q ON q.owner = p.id ORDER BY p.id;
SELECT json_build_object('person', p, 'n', 1) FROM person p WHERE id = 1;
SELECT jsonb_build_object('person', p) FROM person p WHERE id = 1;
SELECT json_build_array(p, p.id) FROM person p WHERE id = 1;
SELECT row_to_json(p, true) FROM person p WHERE id = 1;
SELECT row_to_json(t) FROM (SELECT 1 AS a, 'x' AS b, NULL::int AS c) t;
SELECT json_agg(ARRAY[1,2]) FROM generate_series(1,2);
SELECT json_object_agg(p.name, p) FROM person p;
SELECT row_to_json(1);
SELECT row_to_json(s) FROM generate_series(1,2) s;
SELECT to_json(s) FROM generate_series(1,2) s;
SELECT name FROM person p WHERE row_to_json(p)::jsonb ->> 'name' = 'Bob';
SELECT row_to_json(p) FROM person p GROUP BY p.id ORDER BY p.id;
