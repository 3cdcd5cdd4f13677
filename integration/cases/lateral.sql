-- LATERAL subqueries and functions in FROM that refer to the FROM items
-- before them (top-N per group, LEFT JOIN LATERAL ... ON true, correlated
-- generate_series/unnest/jsonb functions), and the errors PostgreSQL gives.

CREATE TABLE lt_author (id integer PRIMARY KEY, name text, tags text[], meta jsonb);
INSERT INTO lt_author VALUES (1, 'ann', '{x,y}', '{"a": 1, "b": [1, 2]}'), (2, 'bob', '{}', '[10, 20]'), (3, 'cy', NULL, NULL);
CREATE TABLE lt_post (id integer PRIMARY KEY, author_id integer, title text, score numeric(6,2), rating float8, published date);
INSERT INTO lt_post VALUES (1, 1, 'first', 1.50, 0.1, '2024-01-01'), (2, 1, 'second', 7.25, 1e300, '2024-02-01'), (3, 1, 'third', 3.00, NULL, '2024-03-01'), (4, 2, 'only', 2.10, -0.5, NULL);
SELECT a.name, p.title FROM lt_author a CROSS JOIN LATERAL (SELECT title FROM lt_post WHERE author_id = a.id ORDER BY published DESC LIMIT 1) p ORDER BY a.name;
SELECT a.name, p.title, p.score FROM lt_author a LEFT JOIN LATERAL (SELECT title, score FROM lt_post WHERE author_id = a.id ORDER BY score DESC LIMIT 2) p ON true ORDER BY a.name, p.score DESC;
SELECT a.name, p.* FROM lt_author a, LATERAL (SELECT id, score, rating, published FROM lt_post WHERE author_id = a.id) p ORDER BY p.id;
SELECT a.name, s.n, s.total FROM lt_author a, LATERAL (SELECT count(*) AS n, sum(score) AS total FROM lt_post WHERE author_id = a.id) s ORDER BY a.id;
SELECT a.name, s.total FROM lt_author a, LATERAL (SELECT sum(score) AS total FROM lt_post WHERE author_id = a.id) s WHERE s.total = 11.75;
SELECT a.name, x.doubled FROM lt_author a, LATERAL (SELECT a.id * 2 AS doubled) x WHERE x.doubled > 2 ORDER BY 1;
SELECT a.name, x.v FROM lt_author a JOIN LATERAL (SELECT a.id + p.id AS v FROM lt_post p WHERE p.author_id = a.id) x ON x.v > 3 ORDER BY 1, 2;
SELECT a.name, x.t FROM lt_author a LEFT JOIN LATERAL (SELECT title AS t FROM lt_post WHERE author_id = a.id AND score > 100) x ON true ORDER BY 1;
SELECT a.name, x.c FROM lt_author a, LATERAL (SELECT a.name || '!' AS c) AS x ORDER BY 1;
SELECT x.* FROM lt_author a, LATERAL (SELECT a.id, a.name) AS x(i, n) ORDER BY i;
SELECT * FROM lt_author a, LATERAL (SELECT 1 AS one) q ORDER BY a.id;
SELECT a.id, r.title FROM lt_author a, LATERAL (SELECT p.title FROM lt_post p WHERE p.author_id = a.id AND p.score > (SELECT avg(score) FROM lt_post q WHERE q.author_id = a.id)) r ORDER BY 1, 2;
SELECT a.id, r.id, r.rn FROM lt_author a, LATERAL (SELECT id, row_number() OVER (ORDER BY score) AS rn FROM lt_post WHERE author_id = a.id) r ORDER BY 1, 3;
SELECT a.id, z.k FROM lt_author a, LATERAL (SELECT p.id AS k FROM lt_post p WHERE p.author_id = a.id UNION ALL SELECT -a.id) z ORDER BY 1, 2;
SELECT a.id, b.v FROM lt_author a, LATERAL (SELECT a.id * 10 AS w) w1, LATERAL (SELECT w1.w + 1 AS v) b ORDER BY 1;
SELECT a.id, d.title FROM lt_author a, LATERAL (SELECT DISTINCT ON (author_id) title FROM lt_post WHERE author_id = a.id ORDER BY author_id, score) d ORDER BY 1;
SELECT a.name, g FROM lt_author a, generate_series(1, a.id) g ORDER BY 1, 2;
SELECT a.name, g FROM lt_author a CROSS JOIN LATERAL generate_series(a.id, 1, -1) AS g ORDER BY 1, 2 DESC;
SELECT a.name, t FROM lt_author a, unnest(a.tags) t ORDER BY 1, 2;
SELECT a.name, t FROM lt_author a LEFT JOIN LATERAL unnest(a.tags) t ON true ORDER BY 1, 2;
SELECT a.name, e.key, e.value FROM lt_author a, jsonb_each(a.meta) e WHERE jsonb_typeof(a.meta) = 'object' ORDER BY 1, 2;
SELECT a.name, v FROM lt_author a, jsonb_array_elements(a.meta) v WHERE jsonb_typeof(a.meta) = 'array' ORDER BY 1, 2;
SELECT count(*) FROM lt_author a, LATERAL (SELECT * FROM lt_post p WHERE p.author_id = a.id) p;
SELECT (SELECT max(x.s) FROM LATERAL (SELECT score AS s FROM lt_post WHERE author_id = a.id) x) AS best FROM lt_author a ORDER BY a.id;
SELECT a.id, x.m FROM lt_author a, LATERAL (SELECT max(score) AS m FROM lt_post WHERE author_id = a.id GROUP BY author_id) x ORDER BY 1;
SELECT a.id FROM lt_author a WHERE EXISTS (SELECT 1 FROM LATERAL (SELECT a.id AS v) q WHERE q.v = 2);
SELECT * FROM lt_author a FULL JOIN LATERAL (SELECT a.id AS v) q ON true;
SELECT * FROM lt_author a RIGHT JOIN LATERAL (SELECT a.id AS v) q ON true;
SELECT * FROM lt_author a, (SELECT a.id AS v) q;
SELECT * FROM LATERAL (SELECT 1 AS one) q, lt_author a ORDER BY a.id;
SELECT * FROM lt_author a, LATERAL (SELECT nope FROM lt_post) q;
SELECT * FROM lt_author a, LATERAL (SELECT 1);
CREATE VIEW lt_latest AS SELECT a.name, p.title FROM lt_author a LEFT JOIN LATERAL (SELECT title FROM lt_post WHERE author_id = a.id ORDER BY published DESC NULLS LAST LIMIT 1) p ON true;
SELECT * FROM lt_latest ORDER BY name;
PREPARE lt_q(int) AS SELECT a.name, p.title FROM lt_author a, LATERAL (SELECT title FROM lt_post WHERE author_id = a.id AND id > $1 ORDER BY id LIMIT 1) p ORDER BY 1;
EXECUTE lt_q(1);
EXECUTE lt_q(3);
UPDATE lt_post p SET score = x.m FROM lt_author a, LATERAL (SELECT max(score) AS m FROM lt_post WHERE author_id = a.id) x WHERE p.author_id = a.id AND p.id = 4 RETURNING p.id, p.score;
