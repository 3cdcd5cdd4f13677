// name_resolver_test.cpp — relation names through schemas and the search
// path: where a name resolves, where CREATE puts a relation, and the SQLite
// names relations of other schemas than public get.
#include "translate/name_resolver.h"

#include <doctest/doctest.h>

#include "pgwire/sqlstate.h"
#include "translate_harness.h"

using namespace litegres::test;
namespace tr = litegres::translate;
namespace sqlstate = litegres::pgwire::sqlstate;

TEST_CASE("a relation of schema s is SQLite's \"s.name\"; public keeps its own name") {
    CHECK(tr::NameResolver::sqlite_name("s", "t") == "s.t");
    CHECK(tr::NameResolver::sqlite_name("public", "t") == "t");
    SqlHarness sql;
    sql.run("CREATE SCHEMA s");
    sql.run("CREATE TABLE s.t (id integer PRIMARY KEY, v text)");
    CHECK(text(sql.sqlite(
              "SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 's.%'")) == "s.t");
    sql.run("INSERT INTO s.t VALUES (1, 'a')");
    CHECK(sql.text("SELECT s.t.v, t.id FROM s.t") == "a|1");
    tr::NameResolver names(sql.catalog());
    auto found = names.of_sqlite_name("s.t");
    CHECK(found.schema == "s");
    CHECK(found.name == "t");
    CHECK(names.of_sqlite_name("x.y").schema == "public");
}

TEST_CASE("an unqualified name is the first schema of the search path that has it") {
    SqlHarness sql;
    sql.run("CREATE SCHEMA s");
    sql.run("CREATE TABLE t (a text)");
    sql.run("CREATE TABLE s.t (b text)");
    sql.run("INSERT INTO t VALUES ('public')");
    sql.run("INSERT INTO s.t VALUES ('s')");
    CHECK(sql.text("SELECT * FROM t") == "public");
    sql.catalog().set_search_path({"nope", "s", "public"});
    CHECK(sql.text("SELECT * FROM t") == "s");
    CHECK(sql.text("SELECT * FROM public.t") == "public");
    tr::NameResolver names(sql.catalog());
    CHECK(names.existing_search_path() == std::vector<std::string>{"s", "public"});
    CHECK(names.find_by_text("T")->schema == "s");
    CHECK(names.find_by_text("public.t")->schema == "public");
    CHECK_FALSE(names.find_by_text("nope.t"));
    sql.catalog().set_search_path({"public"});
    CHECK(sql.text("SELECT * FROM t") == "public");
}

TEST_CASE("CREATE goes into the first existing schema of the path, 3F000 when there is none") {
    SqlHarness sql;
    sql.run("CREATE SCHEMA s");
    sql.catalog().set_search_path({"nope", "s", "public"});
    sql.run("CREATE TABLE made (a integer)");
    CHECK(sql.catalog().find_table("s.made"));
    CHECK_FALSE(sql.catalog().find_table("made"));
    sql.catalog().set_search_path({"nope"});
    CHECK(std::string(pg_error_of([&] { sql.run("CREATE TABLE lost (a integer)"); }).sqlstate()) ==
          sqlstate::kInvalidSchemaName);
    CHECK(std::string(pg_error_of([&] {
                          sql.run("CREATE TABLE nope.t (a integer)");
                      }).sqlstate()) == sqlstate::kInvalidSchemaName);
    CHECK(std::string(pg_error_of([&] { sql.run("SELECT * FROM made"); }).sqlstate()) ==
          sqlstate::kUndefinedTable);
}

TEST_CASE("serial sequences, indexes and foreign keys live in their table's schema") {
    SqlHarness sql;
    sql.run("CREATE SCHEMA s");
    sql.run("CREATE TABLE parent (id integer PRIMARY KEY)");
    sql.run(
        "CREATE TABLE s.child (id serial PRIMARY KEY, parent_id integer REFERENCES public.parent "
        "(id))");
    sql.run("CREATE INDEX ON s.child (parent_id)");
    CHECK(sql.catalog().find_sequence("s.child_id_seq"));
    CHECK(sql.catalog().find_object("s.child_parent_id_idx"));
    CHECK(text(sql.sqlite("SELECT \"table\" FROM pragma_foreign_key_list('s.child')")) == "parent");
    CHECK(sql.value("SELECT pg_get_serial_sequence('s.child', 'id')") == "s.child_id_seq");
    sql.run("INSERT INTO parent VALUES (7)");
    CHECK(sql.text("INSERT INTO s.child (parent_id) VALUES (7) RETURNING id") == "1");
    CHECK(sql.value("SELECT nextval('s.child_id_seq')") == "2");
}

TEST_CASE("a temporary table lives in the session's temp schema, searched before the search path") {
    SqlHarness sql;
    sql.catalog().set_temp_schema("pg_temp_7");
    sql.run("CREATE TABLE t (a text)");
    sql.run("INSERT INTO t VALUES ('public')");
    sql.run("CREATE TEMP TABLE t (a text)");
    CHECK(sql.catalog().find_table("pg_temp_7.t"));
    sql.run("INSERT INTO t VALUES ('temp')");
    CHECK(sql.text("SELECT a FROM t") == "temp");
    CHECK(sql.text("SELECT a FROM pg_temp.t") == "temp");
    CHECK(sql.text("SELECT a FROM public.t") == "public");
    // A plain CREATE still goes to the search path, never to the temp schema.
    sql.run("CREATE TABLE u (a text)");
    CHECK(sql.catalog().find_table("u"));
    CHECK(std::string(pg_error_of([&] { sql.run("CREATE TEMP TABLE public.x (a text)"); }).sqlstate()) ==
          sqlstate::kInvalidTableDefinition);
    CHECK(std::string(pg_error_of([&] { sql.run("CREATE TABLE p (a int) ON COMMIT DROP"); }).sqlstate()) ==
          sqlstate::kInvalidTableDefinition);
    CHECK(std::string(pg_error_of([&] { sql.run("CREATE TEMP TABLE d (a int) ON COMMIT DROP"); }).sqlstate()) ==
          sqlstate::kFeatureNotSupported);
    // Another session's temp schema is not searched.
    sql.catalog().set_temp_schema("pg_temp_8");
    CHECK(sql.text("SELECT a FROM t") == "public");
}
