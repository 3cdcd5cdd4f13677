// schema_translator_test.cpp — CREATE/DROP/ALTER SCHEMA: the SQLSTATEs
// PostgreSQL gives, and what a schema's relations and bookkeeping become.
#include "translate/schema_translator.h"

#include <doctest/doctest.h>

#include "pgwire/sqlstate.h"
#include "translate_harness.h"

using namespace litegres::test;
namespace sqlstate = litegres::pgwire::sqlstate;

namespace {

std::string sqlstate_of(SqlHarness& sql, const std::string& statement) {
    return pg_error_of([&] { sql.run(statement); }).sqlstate();
}

}  // namespace

TEST_CASE("CREATE SCHEMA: 42P06 when it exists, a notice with IF NOT EXISTS, 42939 for pg_ names") {
    SqlHarness sql;
    sql.run("CREATE SCHEMA s");
    CHECK(sql.catalog().schema_exists("s"));
    CHECK(sqlstate_of(sql, "CREATE SCHEMA s") == sqlstate::kDuplicateSchema);
    CHECK(sqlstate_of(sql, "CREATE SCHEMA public") == sqlstate::kDuplicateSchema);
    CHECK(sqlstate_of(sql, "CREATE SCHEMA pg_catalog") == sqlstate::kReservedName);
    CHECK(sqlstate_of(sql, "CREATE SCHEMA pg_x") == sqlstate::kReservedName);
    CHECK(sql.translate("CREATE SCHEMA IF NOT EXISTS s").notices.size() == 1);
    sql.run("CREATE SCHEMA AUTHORIZATION bob");
    CHECK(text(sql.sqlite("SELECT name, owner FROM _litegres_namespace ORDER BY name")) ==
          "bob|bob,s|postgres");
    CHECK(sql.text("SELECT nspname FROM pg_namespace WHERE nspname IN ('s', 'bob') ORDER BY 1") ==
          "bob,s");
}

TEST_CASE("a schema name that would make SQLite names ambiguous is refused") {
    SqlHarness sql;
    CHECK(sqlstate_of(sql, "CREATE SCHEMA \"a.b\"") == sqlstate::kFeatureNotSupported);
    sql.run("CREATE TABLE \"x.y\" (a integer)");
    CHECK(sqlstate_of(sql, "CREATE SCHEMA x") == sqlstate::kFeatureNotSupported);
}

TEST_CASE("DROP SCHEMA: 2BP01 while it holds relations, CASCADE drops them and their bookkeeping") {
    SqlHarness sql;
    sql.run("CREATE SCHEMA s");
    sql.run("CREATE TABLE s.t (id serial PRIMARY KEY, v text)");
    sql.run("CREATE VIEW s.v AS SELECT v FROM s.t");
    sql.run("CREATE SEQUENCE s.q");
    sql.run("COMMENT ON TABLE s.t IS 'x'");
    CHECK(sqlstate_of(sql, "DROP SCHEMA s") == sqlstate::kDependentObjectsStillExist);
    CHECK(sqlstate_of(sql, "DROP SCHEMA nope") == sqlstate::kInvalidSchemaName);
    CHECK(sqlstate_of(sql, "DROP SCHEMA pg_catalog") == sqlstate::kDependentObjectsStillExist);
    auto t = sql.translate("DROP SCHEMA s CASCADE");
    REQUIRE(t.notices.size() == 1);
    CHECK(t.notices[0].message == "drop cascades to 3 other objects");
    sql.run("DROP SCHEMA s CASCADE");
    CHECK_FALSE(sql.catalog().schema_exists("s"));
    CHECK(text(sql.sqlite("SELECT count(*) FROM sqlite_schema WHERE name LIKE 's.%'")) == "0");
    CHECK(text(sql.sqlite("SELECT (SELECT count(*) FROM _litegres_relation) + (SELECT count(*) "
                          "FROM _litegres_sequence) + "
                          "(SELECT count(*) FROM _litegres_comment) + (SELECT count(*) FROM "
                          "_litegres_view_column)")) == "0");
    CHECK(sql.translate("DROP SCHEMA IF EXISTS s").notices.size() == 1);
}

TEST_CASE("ALTER SCHEMA RENAME moves tables, views, indexes and their OIDs") {
    SqlHarness sql;
    sql.run("CREATE SCHEMA s");
    sql.run("CREATE TABLE s.t (id integer PRIMARY KEY, v text)");
    sql.run("CREATE INDEX ON s.t (v)");
    sql.run("CREATE VIEW s.v AS SELECT v FROM s.t");
    sql.run("CREATE TABLE u (t_id integer REFERENCES s.t (id))");
    sql.run("INSERT INTO s.t VALUES (1, 'a')");
    std::string oid = text(sql.sqlite("SELECT oid FROM _litegres_relation WHERE name = 's.t'"));
    sql.run("ALTER SCHEMA s RENAME TO r");
    CHECK(sql.text("SELECT * FROM r.v") == "a");
    CHECK(text(sql.sqlite("SELECT name FROM sqlite_schema WHERE name LIKE 'r.%' ORDER BY name")) ==
          "r.t,r.t_v_idx,r.v");
    CHECK(text(sql.sqlite("SELECT oid FROM _litegres_relation WHERE name = 'r.t'")) == oid);
    CHECK(text(sql.sqlite("SELECT \"table\" FROM pragma_foreign_key_list('u')")) == "r.t");
    CHECK(sqlstate_of(sql, "SELECT * FROM s.t") == sqlstate::kUndefinedTable);
    CHECK(sqlstate_of(sql, "ALTER SCHEMA nope RENAME TO x") == sqlstate::kInvalidSchemaName);
    sql.run("CREATE SCHEMA other");
    CHECK(sqlstate_of(sql, "ALTER SCHEMA r RENAME TO other") == sqlstate::kDuplicateSchema);
}

TEST_CASE("ALTER SCHEMA RENAME of a schema whose serial columns use its sequences is 0A000") {
    SqlHarness sql;
    sql.run("CREATE SCHEMA s");
    sql.run("CREATE TABLE s.t (id serial)");
    CHECK(sqlstate_of(sql, "ALTER SCHEMA s RENAME TO r") == sqlstate::kFeatureNotSupported);
}
