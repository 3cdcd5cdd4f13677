-- UPDATE and DELETE: WHERE filters, several columns, expressions, RETURNING,
-- zero-row tags, and constraint errors raised by an UPDATE or DELETE.
-- RETURNING cases touch one row each: PostgreSQL returns rows in scan order.

CREATE TABLE upd_acct (id integer PRIMARY KEY, owner text NOT NULL, balance numeric(10,2) DEFAULT 0, code text UNIQUE, opened date, closed boolean DEFAULT false);
INSERT INTO upd_acct VALUES (1, 'ann', 100, 'A', '2024-01-15', false), (2, 'ben', 250.5, 'B', '2023-06-01', false), (3, 'cat', 0, 'C', NULL, false), (4, 'dan', 75.25, NULL, '2022-02-28', true);
UPDATE upd_acct SET balance = balance + 10 WHERE id = 1;
SELECT id, balance FROM upd_acct ORDER BY id;
UPDATE upd_acct SET owner = 'benjamin', balance = 300, opened = '2023-07-01' WHERE id = 2;
SELECT * FROM upd_acct WHERE id = 2;
UPDATE upd_acct SET balance = balance * 2 WHERE balance < 100;
SELECT id, balance FROM upd_acct ORDER BY id;
UPDATE upd_acct SET code = 'Z' WHERE id = 99;
UPDATE upd_acct SET closed = true WHERE closed AND id > 100;
UPDATE upd_acct SET balance = 0 WHERE id = 3 RETURNING *;
UPDATE upd_acct SET balance = balance - 1.5 WHERE id = 1 RETURNING id, balance, balance * 2 AS doubled;
UPDATE upd_acct SET owner = owner || '!' WHERE code = 'A' RETURNING owner;
UPDATE upd_acct SET code = NULL, closed = NOT closed WHERE id = 4 RETURNING code, closed;
UPDATE upd_acct SET balance = DEFAULT WHERE id = 2 RETURNING balance;
UPDATE upd_acct SET opened = '2020-01-01' WHERE opened IS NULL;
UPDATE upd_acct SET closed = false;
SELECT * FROM upd_acct ORDER BY id;
UPDATE upd_acct SET balance = balance + 1 WHERE id IN (SELECT id FROM upd_acct WHERE owner LIKE 'c%');
UPDATE upd_acct SET id = id + 10 WHERE id = 4 RETURNING id;
SELECT id, owner FROM upd_acct ORDER BY id;
UPDATE upd_acct SET code = 'A' WHERE id = 2;
UPDATE upd_acct SET id = 1 WHERE id = 2;
UPDATE upd_acct SET owner = NULL WHERE id = 1;
UPDATE upd_acct SET balance = 'abc' WHERE id = 1;
-- known gap: numeric precision overflow (22003) is not checked yet (issue 5)
UPDATE upd_acct SET balance = 1000000000 WHERE id = 1;
UPDATE upd_acct SET nosuch = 1;
UPDATE upd_acct SET owner = 'x' WHERE nosuch = 1;
UPDATE upd_missing SET x = 1;
-- known gap: follows from the unchecked numeric overflow two cases above (issue 5)
SELECT * FROM upd_acct ORDER BY id;
CREATE TABLE upd_txn (id integer PRIMARY KEY, acct_id integer NOT NULL REFERENCES upd_acct(id), amount numeric(10,2));
INSERT INTO upd_txn VALUES (1, 1, 5), (2, 1, -2.5), (3, 2, 10), (4, 3, 1), (5, 3, 2);
UPDATE upd_txn SET acct_id = 99 WHERE id = 1;
UPDATE upd_txn SET acct_id = 2 WHERE id = 1 RETURNING *;
DELETE FROM upd_acct WHERE id = 2;
UPDATE upd_acct SET id = 20 WHERE id = 2;
DELETE FROM upd_txn WHERE id = 5 RETURNING *;
DELETE FROM upd_txn WHERE id = 5;
DELETE FROM upd_txn WHERE amount < 0 RETURNING id, amount * -1 AS refund;
DELETE FROM upd_txn WHERE acct_id = 3;
SELECT * FROM upd_txn ORDER BY id;
DELETE FROM upd_acct WHERE id = 3 RETURNING owner, balance;
DELETE FROM upd_acct WHERE owner = 'nobody';
DELETE FROM upd_acct WHERE nosuch = 1;
DELETE FROM upd_missing;
DELETE FROM upd_txn;
SELECT count(*) FROM upd_txn;
DELETE FROM upd_acct WHERE id NOT IN (SELECT acct_id FROM upd_txn);
SELECT * FROM upd_acct;
