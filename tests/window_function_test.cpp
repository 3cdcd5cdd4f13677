// window_function_test.cpp — window functions, OVER clauses and FILTER:
// PostgreSQL's result types, NULL order inside windows, frames and errors.
#include "translate/window_function.h"

#include <doctest/doctest.h>

#include "translate_harness.h"

using litegres::pgwire::PgError;
using namespace litegres::test;
namespace oid = litegres::pgwire::oid;

namespace {

struct ScoresDb {
    SqlHarness sql;
    ScoresDb() {
        sql.run("CREATE TABLE s (id integer PRIMARY KEY, grp text, score integer)");
        sql.run("INSERT INTO s VALUES (1, 'a', 10), (2, 'a', NULL), (3, 'b', 30), (4, 'b', 20)");
    }
};

}  // namespace

TEST_CASE("window functions have pg_proc's result types") {
    ScoresDb db;
    auto columns = db.sql
                       .translate(
                           "SELECT row_number() OVER (), rank() OVER (), percent_rank() OVER (), "
                           "ntile(2) OVER (), lag(grp) OVER (), sum(score) OVER () FROM s")
                       .columns;
    REQUIRE(columns.size() == 6);
    CHECK(columns[0].type.oid == oid::kInt8);
    CHECK(columns[0].name == "row_number");
    CHECK(columns[1].type.oid == oid::kInt8);
    CHECK(columns[2].type.oid == oid::kFloat8);
    CHECK(columns[3].type.oid == oid::kInt4);
    CHECK(columns[4].type.oid == oid::kText);
    CHECK(columns[5].type.oid == oid::kInt8);
}

TEST_CASE("ORDER BY inside a window sorts NULL last ascending, as PostgreSQL") {
    ScoresDb db;
    CHECK(db.sql.text("SELECT id FROM s ORDER BY row_number() OVER (ORDER BY score)") == "1,4,3,2");
    CHECK(db.sql.text(
              "SELECT rank() OVER (PARTITION BY grp ORDER BY score DESC) FROM s ORDER BY id") ==
          "2,1,1,2");
}

TEST_CASE("frames, named windows and FILTER reach SQLite intact") {
    ScoresDb db;
    CHECK(
        db.sql.text(
            "SELECT sum(score) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM s "
            "ORDER BY id") == "10,10,30,50");
    CHECK(
        db.sql.text("SELECT max(score) OVER w FROM s WINDOW w AS (PARTITION BY grp) ORDER BY id") ==
        "10,10,30,30");
    CHECK(db.sql.text("SELECT count(*) FILTER (WHERE score > 15) FROM s") == "2");
}

TEST_CASE("misplaced window functions are PostgreSQL's errors") {
    ScoresDb db;
    CHECK(pg_error_of([&] {
              db.sql.run("SELECT id FROM s WHERE rank() OVER () = 1");
          }).sqlstate() == "42P20");
    PgError no_over = pg_error_of([&] { db.sql.run("SELECT rank() FROM s"); });
    CHECK(no_over.sqlstate() == "42809");
    CHECK(std::string(no_over.what()) == "window function rank requires an OVER clause");
    CHECK(pg_error_of([&] { db.sql.run("SELECT lower(grp) OVER () FROM s"); }).sqlstate() ==
          "42809");
    CHECK(pg_error_of([&] {
              db.sql.run("SELECT lower(grp) FILTER (WHERE true) FROM s");
          }).sqlstate() == "42809");
}
