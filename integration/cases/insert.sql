-- INSERT: single and multi-row, defaults, serial ids, RETURNING, INSERT ... SELECT,
-- and the constraint / name errors. Failed inserts only target tables
-- without a serial column: PostgreSQL burns a sequence value on each failure.

CREATE TABLE ins_items (id serial PRIMARY KEY, name text NOT NULL, qty integer DEFAULT 1, price numeric(10,2), added date DEFAULT '2024-01-01');
INSERT INTO ins_items (name, qty, price) VALUES ('apple', 3, 0.5);
INSERT INTO ins_items (name) VALUES ('pear'), ('plum'), ('fig');
INSERT INTO ins_items (name, price) VALUES ('kiwi', 2) RETURNING *;
INSERT INTO ins_items (name) VALUES ('lime') RETURNING id, name;
INSERT INTO ins_items (name, qty, price) VALUES ('melon', 2, 3.25) RETURNING qty * price AS total, name || '!' AS shout, id + 100;
INSERT INTO ins_items (name, qty) VALUES ('a1', 10), ('a2', 20), ('a3', 30) RETURNING id, qty;
INSERT INTO ins_items (name, qty) VALUES ('nulls', NULL) RETURNING qty, price;
INSERT INTO ins_items (qty, name) VALUES (7, 'reordered') RETURNING name, qty;
INSERT INTO ins_items (id, name) VALUES (100, 'explicit id') RETURNING id;
INSERT INTO ins_items VALUES (DEFAULT, 'all defaults', DEFAULT, DEFAULT, DEFAULT) RETURNING *;
SELECT * FROM ins_items ORDER BY id;
SELECT count(*) FROM ins_items;
CREATE TABLE ins_people (id integer PRIMARY KEY, email text UNIQUE, nick varchar(8) NOT NULL, born date, seen timestamp, ok boolean DEFAULT false);
INSERT INTO ins_people VALUES (1, 'a@x.org', 'ann', '1990-05-17', '2024-01-15 10:30:00', true);
INSERT INTO ins_people (id, nick) VALUES (2, 'bob'), (3, 'cy') RETURNING *;
INSERT INTO ins_people (id, email, nick) VALUES (4, 'a@x.org', 'dup');
INSERT INTO ins_people (id, nick) VALUES (1, 'dup id');
INSERT INTO ins_people (id, nick) VALUES (5, NULL);
INSERT INTO ins_people (id) VALUES (6);
INSERT INTO ins_people (id, nick) VALUES (7, 'toolongnick');
INSERT INTO ins_people (id, nick, born) VALUES (8, 'bad', 'not a date');
INSERT INTO ins_people (id, nick) VALUES ('x', 'bad');
INSERT INTO ins_people (id, nick) VALUES (9, 'ok'), (2, 'dupe');
SELECT id, nick FROM ins_people ORDER BY id;
INSERT INTO ins_people (id, nick, nosuch) VALUES (10, 'z', 1);
INSERT INTO ins_missing VALUES (1);
INSERT INTO ins_people (id, nick) VALUES (11);
INSERT INTO ins_people (id) VALUES (12, 'extra');
CREATE TABLE ins_orders (id integer PRIMARY KEY, person_id integer REFERENCES ins_people(id), amount numeric(10,2));
INSERT INTO ins_orders VALUES (1, 1, 9.99), (2, 3, 100);
INSERT INTO ins_orders VALUES (3, 99, 1);
INSERT INTO ins_orders VALUES (4, NULL, 1) RETURNING *;
SELECT * FROM ins_orders ORDER BY id;
CREATE TABLE ins_copy (id integer, nick text);
INSERT INTO ins_copy SELECT id, nick FROM ins_people WHERE id <= 2;
INSERT INTO ins_copy (id, nick) SELECT id, nick FROM ins_people WHERE false;
INSERT INTO ins_copy SELECT id + 10, nick || '2' FROM ins_people ORDER BY id RETURNING id, nick;
SELECT * FROM ins_copy ORDER BY id;
INSERT INTO ins_copy VALUES (1.6, 'rounded'), ('42', 'from text') RETURNING *;
INSERT INTO ins_copy VALUES (2147483648, 'overflow');
CREATE TABLE ins_nums (i integer, n numeric(10,2), r real, d double precision, b boolean);
INSERT INTO ins_nums VALUES (1, 1.005, 0.1, 0.1, 'yes'), (2, 123.456, 3.14159, 3.14159, 'f'), (3, -7, 1e-5, 1e20, 'on') RETURNING *;
INSERT INTO ins_nums (n) VALUES (123456789.12);
SELECT * FROM ins_nums ORDER BY i;
