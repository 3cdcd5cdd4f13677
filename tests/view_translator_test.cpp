// view_translator_test.cpp — CREATE [OR REPLACE] VIEW keeps PostgreSQL's
// column names and types; TRUNCATE and COMMENT ON beside it.
#include "translate/view_translator.h"

#include <doctest/doctest.h>

#include "translate_harness.h"

using namespace litegres::test;
namespace tr = litegres::translate;

TEST_CASE("a view's computed columns bind with their PostgreSQL types") {
    SqlHarness sql;
    sql.run("CREATE TABLE t (id integer PRIMARY KEY, qty integer, name text)");
    sql.run("CREATE VIEW v (k) AS SELECT id, qty > 0 AS in_stock, qty * 2 AS twice, 'x' AS tag FROM t");
    auto v = sql.catalog().find_table("v");
    REQUIRE(v);
    REQUIRE(v->columns.size() == 4);
    CHECK(v->columns[0].name == "k");
    CHECK(v->columns[1].type == tr::kBool);
    CHECK(v->columns[2].type == tr::kInt4);
    CHECK(v->columns[3].type == tr::kText);
    sql.run("INSERT INTO t VALUES (1, 3, 'a')");
    CHECK(sql.text("SELECT k, twice FROM v") == "1|6");
}

TEST_CASE("CREATE OR REPLACE VIEW may only add columns, as PostgreSQL") {
    SqlHarness sql;
    sql.run("CREATE TABLE t (id integer, name text)");
    sql.run("CREATE VIEW v AS SELECT id, name FROM t");
    CHECK(pg_error_of([&] { sql.run("CREATE VIEW v AS SELECT id FROM t"); }).sqlstate() == "42P07");
    CHECK(pg_error_of([&] { sql.run("CREATE OR REPLACE VIEW v AS SELECT id FROM t"); }).sqlstate() == "42P16");
    CHECK(pg_error_of([&] { sql.run("CREATE OR REPLACE VIEW v AS SELECT name, id FROM t"); }).sqlstate() == "42P16");
    CHECK(pg_error_of([&] { sql.run("CREATE OR REPLACE VIEW v AS SELECT id, 1 AS name FROM t"); }).sqlstate() ==
          "42P16");
    CHECK(pg_error_of([&] { sql.run("CREATE OR REPLACE VIEW t AS SELECT 1"); }).sqlstate() == "42809");
    sql.run("CREATE OR REPLACE VIEW v AS SELECT id, name, id + 1 AS next FROM t");
    CHECK(sql.catalog().find_table("v")->columns.size() == 3);
    sql.run("DROP VIEW v");
    CHECK(text(sql.sqlite("SELECT count(*) FROM _litegres_view_column")) == "0");
}

TEST_CASE("TRUNCATE of a referenced table needs its referencing tables or CASCADE") {
    SqlHarness sql;
    sql.run("CREATE TABLE p (id integer PRIMARY KEY)");
    sql.run("CREATE TABLE c (id serial PRIMARY KEY, p integer REFERENCES p (id))");
    sql.run("INSERT INTO p VALUES (1); INSERT INTO c (p) VALUES (1)");
    CHECK(pg_error_of([&] { sql.run("TRUNCATE p"); }).sqlstate() == "0A000");
    auto t = sql.translate("TRUNCATE p CASCADE");
    CHECK(t.tag == "TRUNCATE TABLE");
    REQUIRE(t.notices.size() == 1);
    CHECK(t.notices[0].message == "truncate cascades to table \"c\"");
    sql.run("TRUNCATE p, c RESTART IDENTITY");
    CHECK(sql.text("SELECT (SELECT count(*) FROM p), (SELECT count(*) FROM c)") == "0|0");
    CHECK(text(sql.sqlite("SELECT is_called FROM _litegres_sequence WHERE name = 'c_id_seq'")) == "0");
}

TEST_CASE("COMMENT ON stores and removes descriptions") {
    SqlHarness sql;
    sql.run("CREATE TABLE t (id integer, name text)");
    sql.run("COMMENT ON TABLE t IS 'things'");
    sql.run("COMMENT ON COLUMN t.name IS 'a name'");
    CHECK(text(sql.sqlite("SELECT relation, column_name, description FROM _litegres_comment ORDER BY 2")) ==
          "t||things,t|name|a name");
    sql.run("COMMENT ON TABLE t IS NULL");
    CHECK(text(sql.sqlite("SELECT count(*) FROM _litegres_comment")) == "1");
    CHECK(pg_error_of([&] { sql.run("COMMENT ON COLUMN t.nope IS 'x'"); }).sqlstate() == "42703");
    CHECK(pg_error_of([&] { sql.run("COMMENT ON VIEW t IS 'x'"); }).sqlstate() == "42809");
    sql.run("DROP TABLE t");
    CHECK(text(sql.sqlite("SELECT count(*) FROM _litegres_comment")) == "0");
}
