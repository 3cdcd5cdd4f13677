// enum_type_test.cpp — enum types: DDL bookkeeping, declared column types,
// label checks, the sort order SQLite sees through the litegres_enum_<oid>
// collations, and how that order stays right across connections.
#include <doctest/doctest.h>

#include "pgwire/sqlstate.h"
#include "temp_dir.h"
#include "translate/enum_type.h"
#include "translate_harness.h"

namespace tr = litegres::translate;
using litegres::test::pg_error_of;
using litegres::test::SqlHarness;

namespace {

// A harness over a database file, so that several connections can share it.
struct FileHarness {
    explicit FileHarness(const std::string& path) : connection(path, true), catalog(connection) {
        connection.exec(tr::kBookkeepingSchemaSql);
    }
    std::string text(const std::string& sql) {
        tr::ParsedQuery parsed(sql);
        std::string out;
        for (size_t i = 0; i < parsed.statement_count(); ++i) {
            tr::StatementTranslator translator(catalog);
            tr::TranslatedStatement stmt = translator.translate(parsed.statement(i));
            out.clear();
            for (const auto& s : stmt.sqlite_sql) {
                sqlite3_stmt* raw = nullptr;
                REQUIRE(sqlite3_prepare_v2(connection.handle(), s.c_str(), -1, &raw, nullptr) ==
                        SQLITE_OK);
                out.clear();
                while (sqlite3_step(raw) == SQLITE_ROW) {
                    if (!out.empty()) out += ",";
                    const unsigned char* v = sqlite3_column_text(raw, 0);
                    out += v != nullptr ? reinterpret_cast<const char*>(v) : "NULL";
                }
                sqlite3_finalize(raw);
            }
        }
        return out;
    }
    litegres::SqliteConnection connection;
    litegres::SqliteCatalog catalog;
};

}  // namespace

TEST_CASE("an enum column is declared by its type's OID and sorts in the type's order") {
    SqlHarness sql;
    sql.run("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')");
    sql.run("CREATE TABLE t (id int, m mood)");
    auto type = sql.catalog().find_enum_type("mood");
    REQUIRE(type);
    CHECK(type->labels == std::vector<std::string>{"sad", "ok", "happy"});
    CHECK(type->array_oid == type->oid + 1);
    CHECK(litegres::test::text(
              sql.sqlite("SELECT type FROM pragma_table_info('t') WHERE name = 'm'")) ==
          "enum text(" + std::to_string(type->oid) + ")");
    CHECK(tr::type_from_declared("enum text(" + std::to_string(type->oid) + ")") ==
          tr::PgType{type->oid, -1});
    CHECK(tr::format_type(tr::PgType{type->oid, -1}, &sql.catalog()) == "mood");
    CHECK(tr::format_type(tr::PgType{type->array_oid, -1}, &sql.catalog()) == "mood[]");
    sql.run("INSERT INTO t VALUES (1, 'happy'), (2, 'sad'), (3, 'ok')");
    CHECK(sql.text("SELECT m FROM t ORDER BY m") == "sad,ok,happy");
    CHECK(sql.text("SELECT min(m), max(m) FROM t") == "sad|happy");
    CHECK(sql.text("SELECT id FROM t WHERE m > 'sad' ORDER BY id") == "1,3");
    // As text the labels sort alphabetically again.
    CHECK(sql.text("SELECT m FROM t ORDER BY m::text") == "happy,ok,sad");
}

TEST_CASE("a label the type lacks is 22P02 at bind time for literals, at run time for text") {
    SqlHarness sql;
    sql.run("CREATE TYPE mood AS ENUM ('sad', 'ok')");
    sql.run("CREATE TABLE t (m mood)");
    auto literal = pg_error_of([&] { sql.run("INSERT INTO t VALUES ('glad')"); });
    CHECK(literal.sqlstate() ==
          std::string(litegres::pgwire::sqlstate::kInvalidTextRepresentation));
    CHECK(std::string(literal.what()) == "invalid input value for enum mood: \"glad\"");
    sql.run("CREATE TABLE s (x text)");
    sql.run("INSERT INTO s VALUES ('glad')");
    auto computed = pg_error_of([&] { sql.run("SELECT x::mood FROM s"); });
    CHECK(std::string(computed.what()) == "invalid input value for enum mood: \"glad\"");
    auto text_compare = pg_error_of([&] { sql.run("SELECT m = 'ok'::text FROM t"); });
    CHECK(text_compare.sqlstate() == std::string(litegres::pgwire::sqlstate::kUndefinedFunction));
}

TEST_CASE("ADD VALUE places labels as PostgreSQL does and the order follows") {
    SqlHarness sql;
    sql.run("CREATE TYPE m AS ENUM ('a', 'b', 'c')");
    sql.run("ALTER TYPE m ADD VALUE 'x' BEFORE 'a'");
    sql.run("ALTER TYPE m ADD VALUE 'y' AFTER 'c'");
    sql.run("ALTER TYPE m ADD VALUE 'z' AFTER 'a'");
    sql.run("ALTER TYPE m ADD VALUE 'w' AFTER 'a'");
    sql.run("ALTER TYPE m ADD VALUE 'v'");
    CHECK(sql.text("SELECT enumsortorder, enumlabel FROM pg_enum ORDER BY enumsortorder") ==
          "0.0|x,1.0|a,1.25|w,1.5|z,2.0|b,3.0|c,4.0|y,5.0|v");
    CHECK(sql.text("SELECT enum_range(NULL::m)") == R"(["x","a","w","z","b","c","y","v"])");
    sql.run("CREATE TABLE t (v m)");
    sql.run("INSERT INTO t VALUES ('b'), ('w'), ('x'), ('v')");
    CHECK(sql.text("SELECT v FROM t ORDER BY v") == "x,w,b,v");
    CHECK(pg_error_of([&] { sql.run("ALTER TYPE m ADD VALUE 'q' BEFORE 'nope'"); }).sqlstate() ==
          std::string(litegres::pgwire::sqlstate::kInvalidParameterValue));
}

TEST_CASE("RENAME VALUE rewrites stored labels; DROP TYPE refuses or cascades to columns") {
    SqlHarness sql;
    sql.run("CREATE TYPE m AS ENUM ('a', 'b')");
    sql.run("CREATE TABLE t (id int, v m)");
    sql.run("INSERT INTO t VALUES (1, 'a'), (2, 'b')");
    sql.run("ALTER TYPE m RENAME VALUE 'a' TO 'z'");
    CHECK(sql.text("SELECT v FROM t ORDER BY v") == "z,b");
    auto refused = pg_error_of([&] { sql.run("DROP TYPE m"); });
    CHECK(refused.sqlstate() ==
          std::string(litegres::pgwire::sqlstate::kDependentObjectsStillExist));
    sql.run("DROP TYPE m CASCADE");
    CHECK(litegres::test::text(sql.sqlite("SELECT name FROM pragma_table_info('t')")) == "id");
    CHECK(!sql.catalog().find_enum_type("m"));
}

TEST_CASE("a dropped type's OIDs are never given out again") {
    SqlHarness sql;
    sql.run("CREATE TYPE m AS ENUM ('a', 'b')");
    tr::Oid first = sql.catalog().find_enum_type("m")->oid;
    sql.run("DROP TYPE m");
    sql.run("CREATE TYPE m AS ENUM ('b', 'a')");
    CHECK(sql.catalog().find_enum_type("m")->oid > first);
    sql.run("CREATE TABLE t (id int)");
    CHECK(std::stoll(*sql.value("SELECT oid FROM pg_class WHERE relname = 't'")) >
          sql.catalog().find_enum_type("m")->array_oid);
}

TEST_CASE("a connection learns labels another connection added, in their place") {
    litegres::test::TempDir dir;
    std::filesystem::create_directories(dir.path);
    std::string path = (dir.path / "enums.db").string();
    FileHarness writer(path);
    writer.text(
        "CREATE TYPE m AS ENUM ('sad', 'happy'); CREATE TABLE t (v m); INSERT INTO t VALUES "
        "('happy'), ('sad')");
    FileHarness reader(path);
    CHECK(reader.text("SELECT v FROM t ORDER BY v") == "sad,happy");
    writer.text(
        "ALTER TYPE m ADD VALUE 'ok' BEFORE 'happy'; ALTER TYPE m ADD VALUE 'awful' BEFORE 'sad'");
    writer.text("INSERT INTO t VALUES ('ok'), ('awful')");
    CHECK(reader.text("SELECT v FROM t ORDER BY v") == "awful,sad,ok,happy");
    // An index built by a connection that never sorted this type before.
    FileHarness indexer(path);
    indexer.text("CREATE INDEX t_v ON t (v)");
    CHECK(indexer.text("SELECT v FROM t WHERE v >= 'sad' ORDER BY v DESC") == "happy,ok,sad");
    // A rolled-back ADD VALUE leaves no trace on the connection that ran it.
    writer.connection.exec("BEGIN");
    writer.text("ALTER TYPE m ADD VALUE 'meh' AFTER 'happy'");
    writer.connection.exec("ROLLBACK");
    writer.text("ALTER TYPE m ADD VALUE 'meh' BEFORE 'awful'; INSERT INTO t VALUES ('meh')");
    CHECK(writer.text("SELECT v FROM t ORDER BY v") == "meh,awful,sad,ok,happy");
    CHECK(reader.text("SELECT v FROM t ORDER BY v") == "meh,awful,sad,ok,happy");
}
