// lateral_test.cpp — LATERAL items in FROM: when the binder joins them
// through litegres_rows, what that function keeps of the rows, and the
// errors PostgreSQL gives for lateral references it does not allow.
#include <doctest/doctest.h>

#include <sqlite3.h>

#include "translate_harness.h"

using litegres::pgwire::PgError;
using namespace litegres::test;

namespace {

struct PostDb {
    SqlHarness sql;
    PostDb() {
        sql.run("CREATE TABLE author (id integer PRIMARY KEY, name text)");
        sql.run("INSERT INTO author VALUES (1, 'ann'), (2, 'bob'), (3, 'cy')");
        sql.run("CREATE TABLE post (id integer PRIMARY KEY, author_id integer, score float8, body bytea)");
        sql.run("INSERT INTO post VALUES (1, 1, 0.1, '\\x00ff'), (2, 1, 1e300, NULL), (3, 2, -0.5, '\\x')");
    }
};

}  // namespace

TEST_CASE("a LATERAL subquery that refers to an earlier FROM item is joined through litegres_rows") {
    PostDb db;
    auto sql = db.sql.translate(
                         "SELECT a.name, p.id FROM author a, LATERAL (SELECT id FROM post WHERE author_id = a.id "
                         "ORDER BY id DESC LIMIT 1) p")
                   .sqlite_sql;
    REQUIRE(!sql.empty());
    CHECK(sql.front().find("litegres_rows(") != std::string::npos);
    CHECK(db.sql.text("SELECT a.name, p.id FROM author a, LATERAL (SELECT id FROM post WHERE author_id = a.id "
                      "ORDER BY id DESC LIMIT 1) p ORDER BY 1") == "ann|2,bob|3");
    // LEFT JOIN LATERAL keeps the row without a match.
    CHECK(db.sql.text("SELECT a.name, p.id FROM author a LEFT JOIN LATERAL (SELECT id FROM post WHERE "
                      "author_id = a.id AND id > 1) p ON true ORDER BY 1") == "ann|2,bob|3,cy|NULL");
}

TEST_CASE("a LATERAL subquery that refers to nothing beside it stays an ordinary subquery") {
    PostDb db;
    auto sql = db.sql.translate("SELECT * FROM author a, LATERAL (SELECT 1 AS one) q").sqlite_sql;
    REQUIRE(!sql.empty());
    CHECK(sql.front().find("litegres_rows(") == std::string::npos);
}

TEST_CASE("litegres_rows gives back every value with its exact storage class") {
    PostDb db;
    // 0.1 and 1e300 survive bit for bit; blobs stay blobs; NULL stays NULL.
    CHECK(db.sql.text("SELECT p.score = 0.1, p.score * 1 FROM author a, LATERAL (SELECT score FROM post WHERE "
                      "author_id = a.id ORDER BY id LIMIT 1) p WHERE a.id = 1") == "1|0.1");
    CHECK(db.sql.text("SELECT length(p.body), p.body IS NULL FROM author a, LATERAL (SELECT body FROM post "
                      "WHERE author_id = a.id) p ORDER BY a.id, 2") == "2|0,NULL|1,0|0");
    CHECK(db.sql.text("SELECT p.score FROM author a, LATERAL (SELECT score FROM post WHERE author_id = a.id) p "
                      "WHERE p.score > 1") == "1.0e+300");
}

TEST_CASE("functions in FROM may refer to the FROM items before them") {
    PostDb db;
    CHECK(db.sql.text("SELECT a.id, g FROM author a, generate_series(1, a.id) g WHERE a.id < 3 ORDER BY 1, 2") ==
          "1|1,2|1,2|2");
}

TEST_CASE("a lateral reference under RIGHT or FULL JOIN is 42P10, a plain subquery cannot see its siblings") {
    PostDb db;
    auto e = pg_error_of([&] { db.sql.run("SELECT * FROM author a FULL JOIN LATERAL (SELECT a.id AS v) q ON true"); });
    CHECK(e.sqlstate() == "42P10");
    CHECK(std::string(e.what()) == "invalid reference to FROM-clause entry for table \"a\"");
    CHECK(e.detail() == "The combining JOIN type must be INNER or LEFT for a LATERAL reference.");
    CHECK(pg_error_of([&] { db.sql.run("SELECT * FROM author a, (SELECT a.id AS v) q"); }).sqlstate() == "42P01");
}

TEST_CASE("litegres_rows refuses a malformed argument instead of reading past it") {
    PostDb db;
    sqlite3* handle = db.sql.db();
    for (const char* bad : {"x'0100000003ffffff7f'", "x'0100000009'", "x'00000000'"}) {
        std::string query = std::string("SELECT * FROM litegres_rows(") + bad + ")";
        sqlite3_stmt* stmt = nullptr;
        REQUIRE(sqlite3_prepare_v2(handle, query.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
        int rc = sqlite3_step(stmt);
        sqlite3_finalize(stmt);
        CAPTURE(std::string(bad));
        CHECK(rc == SQLITE_ERROR);
    }
}
