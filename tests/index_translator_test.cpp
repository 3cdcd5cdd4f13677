// index_translator_test.cpp — CREATE INDEX and DROP INDEX / TABLE: generated
// names, what unique, partial and expression indexes enforce, the errors.
#include "translate/index_translator.h"

#include <doctest/doctest.h>

#include "translate_harness.h"

using namespace litegres::test;

namespace {

std::string indexes(SqlHarness& sql) {
    return text(sql.sqlite("SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"));
}

}  // namespace

TEST_CASE("unnamed indexes get PostgreSQL's generated names, numbered on a clash") {
    SqlHarness sql;
    sql.run("CREATE TABLE t (a integer, b text, c integer)");
    sql.run("CREATE INDEX ON t (a)");
    sql.run("CREATE INDEX ON t (a)");
    sql.run("CREATE INDEX ON t (b, c)");
    sql.run("CREATE INDEX ON t (lower(b))");
    sql.run("CREATE INDEX ON t ((a + c))");
    CHECK(indexes(sql) == "t_a_idx,t_a_idx1,t_b_c_idx,t_expr_idx,t_lower_idx");
    // Each index gets a stable OID, as pg_class shows it.
    CHECK(text(sql.sqlite("SELECT count(*) FROM _litegres_relation WHERE name LIKE 't_%idx%'")) == "5");
}

TEST_CASE("a unique expression index rejects duplicates with 23505 naming the index") {
    SqlHarness sql;
    sql.run("CREATE TABLE p (id integer PRIMARY KEY, name text)");
    sql.run("CREATE UNIQUE INDEX p_lower ON p (lower(name))");
    sql.run("INSERT INTO p VALUES (1, 'Alice')");
    auto e = pg_error_of([&] { sql.run("INSERT INTO p VALUES (2, 'ALICE')"); });
    CHECK(e.sqlstate() == "23505");
    CHECK(std::string(e.what()).find("\"p_lower\"") != std::string::npos);
}

TEST_CASE("a partial unique index only constrains the rows its predicate selects") {
    SqlHarness sql;
    sql.run("CREATE TABLE p (id integer PRIMARY KEY, code text, active boolean)");
    sql.run("CREATE UNIQUE INDEX p_code ON p (code) WHERE active");
    sql.run("INSERT INTO p VALUES (1, 'x', true), (2, 'x', false), (3, 'x', false)");
    CHECK(pg_error_of([&] { sql.run("INSERT INTO p VALUES (4, 'x', true)"); }).sqlstate() == "23505");
}

TEST_CASE("CREATE INDEX errors are PostgreSQL's") {
    SqlHarness sql;
    sql.run("CREATE TABLE t (a integer)");
    sql.run("CREATE INDEX t_i ON t (a)");
    CHECK(pg_error_of([&] { sql.run("CREATE INDEX t_i ON t (a)"); }).sqlstate() == "42P07");
    CHECK(sql.translate("CREATE INDEX IF NOT EXISTS t_i ON t (a)").sqlite_sql.empty());
    CHECK(pg_error_of([&] { sql.run("CREATE INDEX ON nope (a)"); }).sqlstate() == "42P01");
    CHECK(pg_error_of([&] { sql.run("CREATE INDEX ON t (nope)"); }).sqlstate() == "42703");
    CHECK(pg_error_of([&] { sql.run("CREATE INDEX ON t USING gin (a)"); }).sqlstate() == "0A000");
}

TEST_CASE("DROP INDEX drops only indexes, and forgets their OIDs") {
    SqlHarness sql;
    sql.run("CREATE TABLE t (a integer)");
    sql.run("CREATE INDEX t_i ON t (a)");
    CHECK(pg_error_of([&] { sql.run("DROP INDEX t"); }).sqlstate() == "42809");
    CHECK(pg_error_of([&] { sql.run("DROP TABLE t_i"); }).sqlstate() == "42809");
    CHECK(pg_error_of([&] { sql.run("DROP INDEX nope"); }).sqlstate() == "42704");
    CHECK(sql.translate("DROP INDEX IF EXISTS nope").notices.size() == 1);
    sql.run("DROP INDEX t_i");
    CHECK(indexes(sql) == "");
    CHECK(text(sql.sqlite("SELECT name FROM _litegres_relation")) == "t");
    sql.run("CREATE INDEX t_j ON t (a)");
    sql.run("DROP TABLE t");
    CHECK(text(sql.sqlite("SELECT count(*) FROM _litegres_relation")) == "0");
}
