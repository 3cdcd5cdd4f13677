-- information_schema views (tables, columns, schemata) as migration tools
-- and ORMs query them.

CREATE TABLE cat_user (id serial PRIMARY KEY, email varchar(120) NOT NULL UNIQUE, name text, score numeric(8,2) DEFAULT 0, big bigint, ok boolean NOT NULL DEFAULT true, created timestamptz, born date, ratio double precision, code char(3));
CREATE TABLE cat_post (id bigserial PRIMARY KEY, user_id integer REFERENCES cat_user (id), body text);
SELECT table_catalog, table_schema, table_name, table_type, is_insertable_into FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name;
SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'cat_user';
SELECT count(1) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'nosuch' LIMIT 1;
SELECT EXISTS (SELECT FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'cat_post');
SELECT column_name, ordinal_position, is_nullable, data_type, character_maximum_length, numeric_precision, numeric_precision_radix, numeric_scale, datetime_precision, udt_name FROM information_schema.columns WHERE table_name = 'cat_user' ORDER BY ordinal_position;
SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'cat_post' ORDER BY ordinal_position;
SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 'cat_user' AND column_name IN ('id', 'ok') ORDER BY 1;
SELECT c.table_name, count(*) FROM information_schema.columns c JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema WHERE t.table_schema = 'public' GROUP BY c.table_name ORDER BY 1;
SELECT schema_name FROM information_schema.schemata ORDER BY 1;
SELECT * FROM information_schema.nosuch;
SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 'cat_user' AND column_default IS NOT NULL ORDER BY 1;
SELECT n.nspname as "Schema", c.relname as "Name", CASE c.relkind WHEN 'r' THEN 'table' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'i' THEN 'index' WHEN 'S' THEN 'sequence' WHEN 't' THEN 'TOAST table' WHEN 'f' THEN 'foreign table' WHEN 'p' THEN 'partitioned table' WHEN 'I' THEN 'partitioned index' END as "Type", pg_catalog.pg_get_userbyid(c.relowner) as "Owner" FROM pg_catalog.pg_class c LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_catalog.pg_am am ON am.oid = c.relam WHERE c.relkind IN ('r','p','') AND n.nspname <> 'pg_catalog' AND n.nspname !~ '^pg_toast' AND n.nspname <> 'information_schema' AND pg_catalog.pg_table_is_visible(c.oid) ORDER BY 1,2;
SELECT n.nspname AS "Name", pg_catalog.pg_get_userbyid(n.nspowner) AS "Owner" FROM pg_catalog.pg_namespace n WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema' ORDER BY 1;
SELECT n.nspname, c.relname FROM pg_catalog.pg_class c LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.relname OPERATOR(pg_catalog.~) '^(cat_user)$' COLLATE pg_catalog.default AND pg_catalog.pg_table_is_visible(c.oid) ORDER BY 2, 3;
SELECT pg_catalog.format_type(23, -1), format_type(1043, 24), format_type(1700, 655366), format_type(NULL, -1), pg_encoding_to_char(6);
SELECT 'abc' COLLATE "C" < 'abd', 'b' COLLATE "POSIX" > 'a';
SELECT 'cat_user'::regclass = (SELECT oid FROM pg_class WHERE relname = 'cat_user'), 'nosuch'::regclass;
SELECT (relname::text)::regclass = oid, ('public.' || relname)::regclass::text, ('no' || 'such')::regclass FROM pg_class WHERE relname = 'cat_user';
SELECT s.relname, a.attname FROM pg_class s JOIN pg_depend d ON d.refobjid = s.oid AND d.refclassid = 'pg_class'::regclass JOIN pg_attrdef ad ON ad.oid = d.objid AND d.classid = 'pg_attrdef'::regclass JOIN pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum JOIN pg_class t ON t.oid = ad.adrelid WHERE s.relkind = 'S' AND d.deptype IN ('a', 'n') AND t.relname = 'cat_user';
-- known gap: joining pg_attrdef with pg_attribute on (attrelid, attnum) under ORDER BY loses every row (SQLite 3.40's automatic index over the materialized catalog views answers wrong; without ORDER BY, or with PRAGMA automatic_index off, the rows are there)
SELECT s.relname, a.attname FROM pg_class s JOIN pg_depend d ON d.refobjid = s.oid AND d.refclassid = 'pg_class'::regclass JOIN pg_attrdef ad ON ad.oid = d.objid AND d.classid = 'pg_attrdef'::regclass JOIN pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum WHERE s.relkind = 'S' ORDER BY 1;
SELECT c.relname, k, o FROM pg_index i, unnest(i.indkey, i.indoption) WITH ORDINALITY u(k, o, n), pg_class c WHERE c.oid = i.indexrelid AND i.indrelid = 'cat_user'::regclass ORDER BY 1, n;
SELECT typname FROM pg_type WHERE typinput = 'pg_catalog.array_in'::regproc AND typname = '_int4';
SELECT 'integer'::regtype::oid, 'text'::regtype::oid, 'nosuchtype'::regtype;
SELECT current_schemas(false), current_schemas(true), (current_schemas(false))[1];
SELECT a.attname, pg_get_expr(d.adbin, d.adrelid) FROM pg_attribute a JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum WHERE a.attrelid = 'cat_user'::regclass ORDER BY a.attnum;
COMMENT ON TABLE cat_user IS 'people';
COMMENT ON COLUMN cat_user.email IS 'where to write';
SELECT d.objsubid, d.description FROM pg_description d JOIN pg_class c ON c.oid = d.objoid WHERE c.relname = 'cat_user' ORDER BY 1;
CREATE TABLE cat_doc (d jsonb DEFAULT '{}', u uuid DEFAULT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', day date DEFAULT '2024-01-15', t varchar(5) DEFAULT 'x'); SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 'cat_doc' ORDER BY ordinal_position; DROP TABLE cat_doc;
CREATE TABLE cat_num (a numeric(12,2) DEFAULT '1.5', b numeric DEFAULT '0', c numeric(12,2) DEFAULT 1.5, d numeric(12,2) DEFAULT '-2', e numeric DEFAULT 7, f numeric(4,0) DEFAULT '12'); SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 'cat_num' ORDER BY ordinal_position; DROP TABLE cat_num;
SELECT constraint_name, table_name, constraint_type, is_deferrable, initially_deferred FROM information_schema.table_constraints WHERE table_schema = 'public' AND constraint_name NOT LIKE '%not_null' ORDER BY 1;
SELECT constraint_name, table_name, column_name, ordinal_position, position_in_unique_constraint FROM information_schema.key_column_usage WHERE table_schema = 'public' ORDER BY 1, 4;
SELECT constraint_name, table_name, column_name FROM information_schema.constraint_column_usage WHERE table_schema = 'public' ORDER BY 1, 3;
CREATE TABLE cat_dup (name text UNIQUE); ALTER TABLE cat_dup ADD UNIQUE (name); SELECT conname FROM pg_constraint WHERE conrelid = 'cat_dup'::regclass ORDER BY 1; DROP TABLE cat_dup;
SELECT ('pg_catalog' || '.int4')::regtype, ('"public"."' || 'cat_user' || '"')::regclass, (current_database() || '.public.cat_user')::regclass, ('no' || 'type')::regtype;
SELECT * FROM current_schema();
SELECT ('other.public.' || 'cat_user')::regclass;
