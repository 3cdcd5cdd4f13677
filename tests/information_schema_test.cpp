// information_schema_test.cpp — information_schema.tables/columns/schemata
// answer from the live schema with PostgreSQL's values and column types.
#include "translate/information_schema.h"

#include <doctest/doctest.h>

#include "translate_harness.h"

using namespace litegres::test;
namespace oid = litegres::pgwire::oid;

TEST_CASE("information_schema.columns describes each column as PostgreSQL does") {
    SqlHarness sql;
    sql.run(
        "CREATE TABLE t (id serial PRIMARY KEY, email varchar(20) NOT NULL, price numeric(8,2), ok "
        "boolean DEFAULT true)");
    CHECK(sql.text("SELECT column_name, is_nullable, data_type, character_maximum_length, "
                   "numeric_precision, "
                   "numeric_scale, udt_name FROM information_schema.columns WHERE table_name = 't' "
                   "ORDER BY ordinal_position") ==
          "id|NO|integer|NULL|32|0|int4,email|NO|character varying|20|NULL|NULL|varchar,"
          "price|YES|numeric|NULL|8|2|numeric,ok|YES|boolean|NULL|NULL|NULL|bool");
    CHECK(
        sql.text("SELECT column_default FROM information_schema.columns WHERE table_name = 't' AND "
                 "column_default IS NOT NULL ORDER BY ordinal_position") ==
        "nextval('t_id_seq'::regclass),true");
    auto columns =
        sql.translate(
               "SELECT table_name, ordinal_position, is_nullable FROM information_schema.columns")
            .columns;
    CHECK(columns.at(0).type.oid == oid::kName);
    CHECK(columns.at(1).type.oid == oid::kInt4);
    CHECK(columns.at(2).type.oid == oid::kVarchar);
}

TEST_CASE("column defaults print as PostgreSQL prints the constants and expressions they parse to") {
    SqlHarness sql;
    sql.run(
        "CREATE TABLE d (a int DEFAULT -1, b bigint DEFAULT 9000000000, c float8 DEFAULT -1.5, d numeric DEFAULT 7, "
        "e text[] DEFAULT '{}', f jsonb DEFAULT '{}', g char(2) DEFAULT 'ab', h bytea DEFAULT '\\x0a', "
        "i date DEFAULT CURRENT_DATE, j timestamp(3) DEFAULT now(), k int DEFAULT 2 * 3 + 1, l interval DEFAULT '1 day')");
    CHECK(sql.text("SELECT column_default FROM information_schema.columns WHERE table_name = 'd' "
                   "ORDER BY ordinal_position") ==
          "'-1'::integer,'9000000000'::bigint,'-1.5'::numeric,7,'{}'::text[],'{}'::jsonb,'ab'::bpchar,"
          "'\\x0a'::bytea,CURRENT_DATE,now(),((2 * 3) + 1),'1 day'::interval");
}

TEST_CASE("information_schema.tables lists user tables, never litegres's own") {
    SqlHarness sql;
    sql.run("CREATE TABLE a (x integer)");
    CHECK(sql.text("SELECT table_name, table_type FROM information_schema.tables WHERE "
                   "table_schema = 'public'") == "a|BASE TABLE");
    // A user table named like the view does not shadow it, nor the reverse.
    sql.run("CREATE TABLE tables (y integer)");
    CHECK(
        sql.text("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'") ==
        "2");
    CHECK(sql.text("SELECT count(*) FROM tables") == "0");
}

TEST_CASE("column defaults print their constants as PostgreSQL does") {
    SqlHarness sql;
    sql.run(
        "CREATE TABLE d (a numeric(12,2) DEFAULT '1.5', b numeric DEFAULT '0', c numeric(12,2) "
        "DEFAULT 1.5, "
        "d numeric(12,2) DEFAULT '-2', e numeric DEFAULT 7, j jsonb DEFAULT '{}', u uuid DEFAULT "
        "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')");
    CHECK(
        sql.text(
            "SELECT column_default FROM information_schema.columns WHERE table_name = 'd' ORDER BY "
            "ordinal_position") ==
        "1.5,'0'::numeric,1.5,'-2'::numeric,7,'{}'::jsonb,'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::"
        "uuid");
    sql.run("INSERT INTO d DEFAULT VALUES");
    CHECK(sql.text("SELECT a, d FROM d") == "1.50|-2.00");
}

TEST_CASE("table_constraints, key_column_usage and constraint_column_usage describe the keys") {
    SqlHarness sql;
    sql.run("CREATE TABLE p (id int PRIMARY KEY, code text NOT NULL, UNIQUE (code, id))");
    sql.run("CREATE TABLE c (x int REFERENCES p (id), y int CHECK (y > 0))");
    CHECK(sql.text("SELECT constraint_name, table_name, constraint_type FROM "
                   "information_schema.table_constraints "
                   "WHERE constraint_name NOT LIKE '%not_null' ORDER BY 1") ==
          "c_x_fkey|c|FOREIGN KEY,c_y_check|c|CHECK,p_code_id_key|p|UNIQUE,p_pkey|p|PRIMARY KEY");
    CHECK(
        sql.text(
            "SELECT count(*) FROM information_schema.table_constraints WHERE constraint_name LIKE "
            "'%_not_null'") == "2");
    CHECK(sql.text("SELECT constraint_name, column_name, ordinal_position, "
                   "position_in_unique_constraint FROM "
                   "information_schema.key_column_usage ORDER BY 1, 3") ==
          "c_x_fkey|x|1|1,p_code_id_key|code|1|NULL,p_code_id_key|id|2|NULL,p_pkey|id|1|NULL");
    CHECK(sql.text("SELECT constraint_name, table_name, column_name FROM "
                   "information_schema.constraint_column_usage "
                   "ORDER BY 1, 3") ==
          "c_x_fkey|p|id,c_y_check|c|y,p_code_id_key|p|code,p_code_id_key|p|id,p_pkey|p|id");
}
