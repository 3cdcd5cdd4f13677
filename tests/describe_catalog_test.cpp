// describe_catalog_test.cpp — the describe catalogs over a real SQLite
// schema written by litegres's own DDL: constraints and their indexes,
// index definitions, view definitions, sizes.
#include "translate/describe_catalog.h"

#include <doctest/doctest.h>

#include "translate_harness.h"

using namespace litegres::test;

namespace {

struct DescribeDb {
    SqlHarness sql;
    DescribeDb() {
        sql.run("CREATE TABLE p (id serial PRIMARY KEY, name text NOT NULL UNIQUE)");
        sql.run(
            "CREATE TABLE t (id integer PRIMARY KEY, a integer UNIQUE, c numeric(10,2) CHECK (c > "
            "0), "
            "p_id integer REFERENCES p ON DELETE CASCADE)");
        sql.run("CREATE INDEX t_expr ON t ((a + 1)) WHERE c > 10");
        sql.run("CREATE VIEW v AS SELECT id, a AS x FROM t WHERE a > 1 ORDER BY id");
    }
};

}  // namespace

TEST_CASE(
    "pg_constraint lists PRIMARY KEY, UNIQUE, CHECK and FOREIGN KEY with PostgreSQL's "
    "definitions") {
    DescribeDb db;
    CHECK(db.sql.text("SELECT conname, contype, conkey, confkey, confdeltype, "
                      "pg_get_constraintdef(oid, true) "
                      "FROM pg_constraint WHERE conrelid = 't'::regclass ORDER BY conname") ==
          "t_a_key|u|[2]|NULL| |UNIQUE (a),"
          "t_c_check|c|[3]|NULL| |CHECK (c > 0::numeric),"
          "t_p_id_fkey|f|[4]|[1]|c|FOREIGN KEY (p_id) REFERENCES p(id) ON DELETE CASCADE,"
          "t_pkey|p|[1]|NULL| |PRIMARY KEY (id)");
    CHECK(db.sql.text(
              "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 't_c_check'") ==
          "CHECK ((c > (0)::numeric))");
}

TEST_CASE("constraint indexes are relations of their own, named as the constraint") {
    DescribeDb db;
    CHECK(
        db.sql.text(
            "SELECT c.relname, c.relkind, i.indisprimary, i.indisunique, i.indkey FROM pg_index i "
            "JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = 't'::regclass ORDER BY "
            "1") == "t_a_key|i|0|1|2,t_expr|i|0|0|0,t_pkey|i|1|1|1");
    CHECK(db.sql.text(
              "SELECT pg_get_indexdef(indexrelid, 0, true), pg_get_expr(indpred, indrelid, true) "
              "FROM pg_index WHERE indexrelid = 't_expr'::regclass") ==
          "CREATE INDEX t_expr ON public.t USING btree ((a + 1)) WHERE c > 10::numeric|c > "
          "10::numeric");
    CHECK(db.sql.text("SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute "
                      "WHERE attrelid = 't_expr'::regclass") == "expr|integer");
}

TEST_CASE("pg_get_viewdef prints the view's query in PostgreSQL's layout") {
    DescribeDb db;
    CHECK(db.sql.text("SELECT pg_get_viewdef('v'::regclass, true)") ==
          " SELECT t.id,\n    t.a AS x\n   FROM t\n  WHERE t.a > 1\n  ORDER BY t.id;");
}

TEST_CASE("pg_size_pretty rounds as PostgreSQL does") {
    SqlHarness sql;
    CHECK(sql.text("SELECT pg_size_pretty(10239::bigint), pg_size_pretty(10240::bigint), "
                   "pg_size_pretty(123456789::bigint), pg_size_pretty(-5000000::bigint)") ==
          "10239 bytes|10 kB|118 MB|-4883 kB");
}

TEST_CASE("regclass results print as relation names, 0 as -") {
    DescribeDb db;
    CHECK(db.sql.text("SELECT conrelid::regclass, confrelid::regclass FROM pg_constraint WHERE "
                      "conname = 't_pkey'") == "t|-");
}

TEST_CASE("a relation name computed by the query is read as regclass when it runs") {
    DescribeDb db;
    CHECK(db.sql.text("SELECT (relname::text)::regclass = oid, ('public.' || relname)::regclass = "
                      "oid FROM pg_class "
                      "WHERE relname = 't'") == "1|1");
    CHECK(
        db.sql.text(
            "SELECT ('pg_' || 'class')::regclass = 'pg_class'::regclass, (NULL::text)::regclass") ==
        "1|NULL");
    CHECK(pg_error_of([&] { db.sql.run("SELECT ('no' || 'pe')::regclass"); }).sqlstate() ==
          "42P01");
}

TEST_CASE("a type name computed by the query is read as regtype when it runs") {
    DescribeDb db;
    CHECK(db.sql.text("SELECT ('pg_catalog' || '.int4')::regtype = 23, "
                      "('\"public\".\"t\"')::regclass = 't'::regclass, "
                      "(current_database() || '.public.t')::regclass = 't'::regclass") == "1|1|1");
    CHECK(pg_error_of([&] { db.sql.run("SELECT ('no' || 'type')::regtype"); }).sqlstate() ==
          "42704");
}
