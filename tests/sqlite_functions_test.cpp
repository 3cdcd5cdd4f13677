// sqlite_functions_test.cpp — litegres_* SQL functions: sequences, session facts, text, casts.
#include "translate/sqlite_functions.h"

#include <doctest/doctest.h>

#include <string>

#include "translate/session_context.h"
#include "translate_harness.h"

using litegres::pgwire::PgError;
using litegres::translate::SessionContext;
using litegres::translate::SessionContextScope;
using namespace litegres::test;

namespace {

// A database with one sequence "s" at its start, as CREATE TABLE makes them.
struct SequenceDb {
    SqlHarness sql;
    SequenceDb() {
        sql.sqlite(
            "INSERT INTO _litegres_sequence (name, last_value, owner_table, owner_column) "
            "VALUES ('s', 1, 't', 'id')");
    }
    std::string one(const std::string& sqlite) { return text(sql.sqlite(sqlite)); }
    PgError error(const std::string& sqlite) {
        return pg_error_of([&] { sql.sqlite(sqlite); });
    }
};

}  // namespace

TEST_CASE("nextval starts at the sequence's start and then counts up") {
    SequenceDb db;
    CHECK(db.one("SELECT litegres_nextval('s')") == "1");
    CHECK(db.one("SELECT litegres_nextval('s')") == "2");
    CHECK(db.one("SELECT litegres_nextval('s')") == "3");
}

TEST_CASE("setval sets the last value; with is_called false nextval returns it next") {
    SequenceDb db;
    CHECK(db.one("SELECT litegres_setval('s', 10)") == "10");
    CHECK(db.one("SELECT litegres_nextval('s')") == "11");
    CHECK(db.one("SELECT litegres_setval('s', 20, 0)") == "20");
    CHECK(db.one("SELECT litegres_nextval('s')") == "20");
    CHECK(db.one("SELECT litegres_nextval('s')") == "21");
}

TEST_CASE("nextval of an unknown sequence is 42P01") {
    SequenceDb db;
    PgError e = db.error("SELECT litegres_nextval('nope')");
    CHECK(e.sqlstate() == "42P01");
    CHECK(std::string(e.what()) == "relation \"nope\" does not exist");
}

TEST_CASE("currval is per session: 55000 before nextval, then its last value") {
    SequenceDb db;
    SessionContext mine;
    SessionContext theirs;
    {
        SessionContextScope scope(mine);
        PgError e = db.error("SELECT litegres_currval('s')");
        CHECK(e.sqlstate() == "55000");
        CHECK(std::string(e.what()) ==
              "currval of sequence \"s\" is not yet defined in this session");
        db.one("SELECT litegres_nextval('s')");
        db.one("SELECT litegres_nextval('s')");
        CHECK(db.one("SELECT litegres_currval('s')") == "2");
    }
    {
        SessionContextScope scope(theirs);
        CHECK(db.one("SELECT litegres_nextval('s')") == "3");
    }
    SessionContextScope scope(mine);
    CHECK(db.one("SELECT litegres_currval('s')") == "2");
}

TEST_CASE("now() is the statement start time of the running session") {
    SqlHarness sql;
    SessionContext context;
    context.statement_start_micros = 1705314030123456;
    context.user = "alice";
    context.database = "shop";
    SessionContextScope scope(context);
    CHECK(sql.value("SELECT now()") == Value("2024-01-15 10:20:30.123456+00"));
    CHECK(sql.value("SELECT current_timestamp") == Value("2024-01-15 10:20:30.123456+00"));
    CHECK(sql.value("SELECT current_date") == Value("2024-01-15"));
    CHECK(sql.value("SELECT current_user") == Value("alice"));
    CHECK(sql.value("SELECT current_database()") == Value("shop"));
}

TEST_CASE("version() names PostgreSQL 15") {
    SqlHarness sql;
    CHECK(sql.value("SELECT version()")->rfind("PostgreSQL 15.4 ", 0) == 0);
}

TEST_CASE("left and right count characters and accept negative lengths") {
    SqlHarness sql;
    CHECK(sql.value("SELECT left('h\xc3\xa9llo', 2)") == Value("h\xc3\xa9"));
    CHECK(sql.value("SELECT left('abc', -1)") == Value("ab"));
    CHECK(sql.value("SELECT left('abc', 10)") == Value("abc"));
    CHECK(sql.value("SELECT right('h\xc3\xa9llo', 4)") == Value("\xc3\xa9llo"));
    CHECK(sql.value("SELECT right('abc', -1)") == Value("bc"));
    CHECK(sql.value("SELECT right('abc', 0)") == Value(""));
    CHECK(sql.value("SELECT left(NULL, 1)") == std::nullopt);
}

TEST_CASE("explicit casts to varchar(n) and char(n) truncate, char(n) pads") {
    SqlHarness sql;
    CHECK(sql.value("SELECT 'abcdef'::text::varchar(3)") == Value("abc"));
    CHECK(sql.value("SELECT 'ab'::text::char(4)") == Value("ab  "));
    CHECK(sql.value("SELECT 'h\xc3\xa9llo'::text::varchar(2)") == Value("h\xc3\xa9"));
}

TEST_CASE("text casts to numbers, booleans and dates check their input at run time") {
    SqlHarness sql;
    sql.run("CREATE TABLE t (s text)");
    sql.run("INSERT INTO t VALUES (' 42 ')");
    CHECK(sql.value("SELECT s::int FROM t") == Value("42"));
    CHECK(sql.value("SELECT s::float8 FROM t") == Value("42.0"));
    sql.run("UPDATE t SET s = 'yes'");
    CHECK(sql.value("SELECT s::boolean FROM t") == Value("1"));
    PgError e = pg_error_of([&] { sql.run("SELECT s::int FROM t"); });
    CHECK(e.sqlstate() == "22P02");
    CHECK(std::string(e.what()) == "invalid input syntax for type integer: \"yes\"");
    sql.run("UPDATE t SET s = '2024-02-30'");
    CHECK(pg_error_of([&] { sql.run("SELECT s::date FROM t"); }).sqlstate() == "22008");
    sql.run("UPDATE t SET s = '2024-01-15 10:00:00-05'");
    CHECK(sql.value("SELECT s::timestamptz FROM t") == Value("2024-01-15 15:00:00+00"));
    CHECK(sql.value("SELECT s::date FROM t") == Value("2024-01-15"));
}

TEST_CASE("float to text casts print as PostgreSQL does") {
    SqlHarness sql;
    CHECK(sql.value("SELECT (0.1::float8 + 0.2::float8)::text") == Value("0.30000000000000004"));
    CHECK(sql.value("SELECT 1e15::float8::text") == Value("1e+15"));
    CHECK(sql.value("SELECT true::text") == Value("true"));
}
