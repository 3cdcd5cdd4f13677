-- The catalogs psql's describe commands and pg_dump-style tools read:
-- constraints, indexes (with the ones behind PRIMARY KEY / UNIQUE), their
-- definitions as pg_get_*def print them, sequences, databases, roles.

CREATE TABLE dc_parent (id serial PRIMARY KEY, name text NOT NULL UNIQUE);
CREATE TABLE dc_t (id integer PRIMARY KEY, a integer UNIQUE, b text NOT NULL DEFAULT 'x', c numeric(10,2) CHECK (c > 0), parent_id integer REFERENCES dc_parent (id) ON DELETE CASCADE ON UPDATE SET NULL, code integer GENERATED ALWAYS AS IDENTITY);
CREATE TABLE dc_pair (x integer, y integer, note varchar(20), PRIMARY KEY (x, y), CONSTRAINT dc_pair_sum CHECK (x + y > 1 AND note <> 'none'), FOREIGN KEY (x) REFERENCES dc_parent);
CREATE INDEX dc_t_partial ON dc_t (b) WHERE c > 10;
CREATE INDEX dc_t_lower ON dc_t (lower(b));
CREATE UNIQUE INDEX dc_t_a_b ON dc_t (a, b DESC);
CREATE VIEW dc_v AS SELECT id, b AS label FROM dc_t WHERE a > 1 ORDER BY id;
CREATE SEQUENCE dc_seq START 5 INCREMENT 2 MAXVALUE 100 CYCLE;
SELECT conname, contype, condeferrable, convalidated, confupdtype, confdeltype, confmatchtype, conkey, confkey, pg_get_constraintdef(oid), pg_get_constraintdef(oid, true) FROM pg_constraint WHERE conrelid = 'dc_t'::regclass ORDER BY conname;
SELECT conname, contype, conkey, confkey, confrelid::regclass, pg_get_constraintdef(oid, true) FROM pg_constraint WHERE conrelid = 'dc_pair'::regclass ORDER BY conname;
SELECT c.conname, i.relname FROM pg_constraint c JOIN pg_class i ON i.oid = c.conindid WHERE c.conrelid = 'dc_t'::regclass ORDER BY 1;
SELECT c.relname, c.relkind, a.amname, c.relnatts FROM pg_class c JOIN pg_am a ON a.oid = c.relam WHERE c.relname LIKE 'dc_%' ORDER BY 1;
SELECT relname, relchecks, relhasindex, relhastriggers, relhasrules FROM pg_class WHERE relname IN ('dc_t', 'dc_parent', 'dc_pair', 'dc_v') ORDER BY 1;
SELECT c.relname, i.indnatts, i.indisunique, i.indisprimary, i.indkey, pg_get_indexdef(i.indexrelid), pg_get_expr(i.indpred, i.indrelid, true) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = 'dc_t'::regclass ORDER BY 1;
SELECT c.relname, pg_get_indexdef(i.indexrelid, 1, true), pg_get_indexdef(i.indexrelid, 2, true) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = 'dc_t'::regclass ORDER BY 1;
SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnum FROM pg_attribute a WHERE a.attrelid = 'dc_t_lower'::regclass ORDER BY a.attnum;
SELECT a.attname, a.attstorage, a.attstattarget FROM pg_attribute a WHERE a.attrelid = 'dc_t'::regclass AND a.attnum > 0 ORDER BY a.attnum;
SELECT pg_get_viewdef('dc_v'::regclass), pg_get_viewdef('dc_v'::regclass, true);
SELECT format_type(seqtypid, NULL), seqstart, seqincrement, seqmax, seqmin, seqcache, seqcycle FROM pg_sequence WHERE seqrelid = 'dc_seq'::regclass;
SELECT d.deptype, d.refobjsubid FROM pg_depend d WHERE d.objid = 'dc_parent_id_seq'::regclass AND d.deptype IN ('a', 'i');
SELECT conrelid::regclass, conrelid::regclass::text FROM pg_constraint WHERE contype = 'f' ORDER BY 1;
SELECT count(*) FROM pg_inherits; SELECT count(*) FROM pg_policy; SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal; SELECT count(*) FROM pg_statistic_ext; SELECT count(*) FROM pg_publication;
SELECT extname, extversion FROM pg_extension;
SELECT spcname, pg_tablespace_location(oid) FROM pg_tablespace ORDER BY 1;
SELECT collname, collprovider FROM pg_collation WHERE oid IN (100, 950, 951) ORDER BY 1;
SELECT datname, pg_encoding_to_char(encoding), datallowconn FROM pg_database WHERE datname = current_database();
SELECT rolname, rolsuper, rolcanlogin FROM pg_roles WHERE rolname = current_user;
SELECT pg_size_pretty(0::bigint), pg_size_pretty(10239::bigint), pg_size_pretty(10240::bigint), pg_size_pretty(123456789::bigint), pg_size_pretty(-5000000::bigint), pg_size_pretty(9000000000000000::bigint);
SELECT pg_get_triggerdef(0), pg_get_ruledef(0);
SELECT 'pg_catalog.pg_class'::regclass::oid, 'pg_extension'::regclass::oid;
SELECT array_remove(ARRAY[1, 2, 1, 3], 1), array_remove(ARRAY['a', NULL, 'b'], NULL), array_remove(NULL::int[], 1);
