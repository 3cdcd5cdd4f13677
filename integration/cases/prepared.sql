-- SQL-level PREPARE / EXECUTE / DEALLOCATE and DISCARD: statement names are
-- shared with the protocol's prepared statements, as in PostgreSQL.

CREATE TABLE prep_t (id integer PRIMARY KEY, name text, score double precision);
INSERT INTO prep_t VALUES (1, 'a', 1.5), (2, 'b', 2.5), (3, 'c', NULL);
PREPARE by_id (integer) AS SELECT name, score FROM prep_t WHERE id = $1;
EXECUTE by_id(2);
EXECUTE by_id(42);
PREPARE ins AS INSERT INTO prep_t VALUES ($1, $2) RETURNING id, name;
EXECUTE ins(4, 'd');
EXECUTE ins(4, 'dup');
EXECUTE ins('x', 'bad');
EXECUTE by_id(1, 2);
EXECUTE nosuch(1);
PREPARE by_id AS SELECT 1;
PREPARE upd AS UPDATE prep_t SET score = $2 WHERE id = $1;
EXECUTE upd(3, 9.5);
SELECT * FROM prep_t ORDER BY id;
PREPARE cnt AS SELECT count(*) FROM prep_t WHERE name LIKE $1;
EXECUTE cnt('%');
EXECUTE cnt('a%');
DEALLOCATE by_id;
EXECUTE by_id(1);
DEALLOCATE nosuch;
DEALLOCATE ALL;
EXECUTE cnt('%');
PREPARE again AS SELECT 'again';
EXECUTE again;
DISCARD ALL;
EXECUTE again;
BEGIN; DISCARD ALL;
ROLLBACK;
DISCARD PLANS;
DISCARD SEQUENCES;
