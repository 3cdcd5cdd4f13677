// sqlite_error_test.cpp — sqlite_error: SQLite failures mapped to PostgreSQL SQLSTATEs.
#include "src/sqlite_error.h"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <string>

#include "src/sqlite_connection.h"

using litegres::sqlite_error;
using litegres::SqliteConnection;
using litegres::pgwire::PgError;

namespace {

// A connection with litegres's functions and a few constrained tables.
struct Db {
    SqliteConnection connection{":memory:", true};
    Db() {
        connection.exec("PRAGMA foreign_keys=ON");
        connection.exec(
            "CREATE TABLE parent (id int4 NOT NULL PRIMARY KEY, email text UNIQUE, "
            "name text NOT NULL, qty integer CHECK (qty > 0), "
            "CONSTRAINT code_len CHECK (length(name) < 10));"
            "CREATE TABLE child (id int4 PRIMARY KEY, parent_id int4 REFERENCES parent (id));"
            "CREATE TABLE pair (a int4, b int4, UNIQUE (a, b));"
            "INSERT INTO parent VALUES (1, 'a@x', 'one', 1);"
            "INSERT INTO pair VALUES (1, 2);");
    }

    // Runs one statement and maps its failure; fails the test if it succeeds.
    PgError error_of(const std::string& sql) {
        sqlite3* db = connection.handle();
        sqlite3_stmt* stmt = nullptr;
        int rc = sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr);
        if (rc == SQLITE_OK) {
            while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            }
        }
        PgError error = sqlite_error(db, rc);
        sqlite3_finalize(stmt);
        CHECK_MESSAGE(rc != SQLITE_DONE, "statement succeeded: " << sql);
        return error;
    }
};

}  // namespace

TEST_CASE("a primary key violation is 23505 naming the table's _pkey constraint") {
    Db db;
    PgError e = db.error_of("INSERT INTO parent VALUES (1, 'b@x', 'two', 1)");
    CHECK(e.sqlstate() == "23505");
    CHECK(std::string(e.what()) ==
          "duplicate key value violates unique constraint \"parent_pkey\"");
}

TEST_CASE("a unique violation is 23505 named <table>_<columns>_key as PostgreSQL names it") {
    Db db;
    PgError e = db.error_of("INSERT INTO parent VALUES (2, 'a@x', 'two', 1)");
    CHECK(e.sqlstate() == "23505");
    CHECK(std::string(e.what()) ==
          "duplicate key value violates unique constraint \"parent_email_key\"");
    CHECK(db.error_of("INSERT INTO pair VALUES (1, 2)").sqlstate() == "23505");
}

// PostgreSQL names a multi-column UNIQUE (a, b) constraint "pair_a_b_key" (column
// names joined by "_").
TEST_CASE("a multi-column unique constraint is named with single underscores") {
    Db db;
    PgError pair = db.error_of("INSERT INTO pair VALUES (1, 2)");
    CHECK(pair.sqlstate() == "23505");
    CHECK(std::string(pair.what()) ==
          "duplicate key value violates unique constraint \"pair_a_b_key\"");
}

TEST_CASE("a NOT NULL violation is 23502 naming the column and relation") {
    Db db;
    PgError e = db.error_of("INSERT INTO parent (id, email) VALUES (2, 'b@x')");
    CHECK(e.sqlstate() == "23502");
    CHECK(std::string(e.what()) ==
          "null value in column \"name\" of relation \"parent\" violates not-null constraint");
}

TEST_CASE("a foreign key violation is 23503") {
    Db db;
    PgError insert = db.error_of("INSERT INTO child VALUES (1, 99)");
    CHECK(insert.sqlstate() == "23503");
    db.connection.exec("INSERT INTO child VALUES (1, 1)");
    PgError remove = db.error_of("DELETE FROM parent WHERE id = 1");
    CHECK(remove.sqlstate() == "23503");
}

TEST_CASE("a CHECK violation is 23514") {
    Db db;
    PgError e = db.error_of("INSERT INTO parent VALUES (2, 'b@x', 'two', 0)");
    CHECK(e.sqlstate() == "23514");
    PgError named = db.error_of("UPDATE parent SET name = 'far too long a name'");
    CHECK(named.sqlstate() == "23514");
    CHECK(std::string(named.what()).find("violates check constraint \"code_len\"") !=
          std::string::npos);
}

// PostgreSQL's wording names the relation (and for foreign keys the constraint):
//   new row for relation "parent" violates check constraint "code_len"
//   insert or update on table "child" violates foreign key constraint "child_parent_id_fkey"
// BUG: litegres says "new row violates check constraint ..." and "insert or update on
// table violates foreign key constraint" (no relation, no constraint name); the
// SQLSTATEs are right.
TEST_CASE("CHECK and foreign key messages name the relation as PostgreSQL's do" *
          doctest::may_fail()) {
    Db db;
    PgError check = db.error_of("UPDATE parent SET name = 'far too long a name'");
    CHECK(std::string(check.what()) ==
          "new row for relation \"parent\" violates check constraint \"code_len\"");
    PgError fk = db.error_of("INSERT INTO child VALUES (1, 99)");
    CHECK(std::string(fk.what()) ==
          "insert or update on table \"child\" violates foreign key constraint "
          "\"child_parent_id_fkey\"");
}

TEST_CASE("errors raised by litegres functions carry their SQLSTATE in the message") {
    Db db;
    PgError division = db.error_of("SELECT 1 / litegres_nonzero(0)");
    CHECK(division.sqlstate() == "22012");
    CHECK(std::string(division.what()) == "division by zero");
    PgError range = db.error_of("SELECT litegres_to_integer(3000000000, 23, 0)");
    CHECK(range.sqlstate() == "22003");
    CHECK(std::string(range.what()) == "integer out of range");
    PgError input = db.error_of("SELECT litegres_text_to_bool('maybe')");
    CHECK(input.sqlstate() == "22P02");
    CHECK(std::string(input.what()) == "invalid input syntax for type boolean: \"maybe\"");
}

TEST_CASE("missing tables and columns map to 42P01 and 42703") {
    Db db;
    PgError table = db.error_of("SELECT * FROM nope");
    CHECK(table.sqlstate() == "42P01");
    CHECK(std::string(table.what()) == "relation \"nope\" does not exist");
    PgError column = db.error_of("SELECT nope FROM parent");
    CHECK(column.sqlstate() == "42703");
    CHECK(std::string(column.what()) == "column \"nope\" does not exist");
}

TEST_CASE("SQLite's integer overflow is bigint out of range") {
    Db db;
    PgError e =
        db.error_of("SELECT sum(x) FROM (SELECT 9223372036854775807 AS x UNION ALL SELECT 1)");
    CHECK(e.sqlstate() == "22003");
    CHECK(std::string(e.what()) == "bigint out of range");
}

TEST_CASE("other SQLite failures are internal errors carrying SQLite's message") {
    Db db;
    PgError e = db.error_of("SELEC 1");
    CHECK(e.sqlstate() == "XX000");
    CHECK(std::string(e.what()).find("syntax error") != std::string::npos);
}

TEST_CASE("a litegres function's error keeps its SQLSTATE, message and DETAIL") {
    Db db;
    // numeric(5,2) is typmod (5 << 16 | 2) + 4.
    PgError e = db.error_of("SELECT litegres_numeric_typmod('12345.678', 327686)");
    CHECK(e.sqlstate() == "22003");
    CHECK(std::string(e.what()) == "numeric field overflow");
    CHECK(e.detail() == "A field with precision 5, scale 2 must round to an absolute value less than 10^3.");
    PgError plain = db.error_of("SELECT litegres_numeric_divide(1, 0)");
    CHECK(plain.sqlstate() == "22012");
    CHECK(std::string(plain.what()) == "division by zero");
    CHECK(plain.detail().empty());
}
