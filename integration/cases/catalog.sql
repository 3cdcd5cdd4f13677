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
