// ordered_aggregate_test.cpp — aggregates with ORDER BY inside the call:
// key directions, NULL order, several keys, DISTINCT, FILTER and grouping.
#include "translate/ordered_aggregate.h"

#include <doctest/doctest.h>

#include "translate_harness.h"

using namespace litegres::test;

namespace {

struct PeopleDb {
    SqlHarness sql;
    PeopleDb() {
        sql.run("CREATE TABLE p (id integer PRIMARY KEY, team text, name text, age integer)");
        sql.run(
            "INSERT INTO p VALUES (1, 'a', 'cy', 30), (2, 'a', 'al', NULL), (3, 'b', 'bo', 20), "
            "(4, 'a', 'di', 30)");
    }
};

}  // namespace

TEST_CASE("string_agg and array_agg follow their own ORDER BY") {
    PeopleDb db;
    CHECK(db.sql.text("SELECT string_agg(name, ',' ORDER BY name) FROM p") == "al,bo,cy,di");
    CHECK(db.sql.text("SELECT string_agg(name, ',' ORDER BY name DESC) FROM p") == "di,cy,bo,al");
    // NULLs sort last ascending, first descending; later keys break ties.
    CHECK(db.sql.text("SELECT string_agg(name, ',' ORDER BY age, name DESC) FROM p") ==
          "bo,di,cy,al");
    CHECK(db.sql.text("SELECT string_agg(name, ',' ORDER BY age DESC, name) FROM p") ==
          "al,cy,di,bo");
    CHECK(db.sql.text("SELECT string_agg(name, ',' ORDER BY age NULLS FIRST, id) FROM p") ==
          "al,bo,cy,di");
}

TEST_CASE("ordered aggregates work per group and with FILTER") {
    PeopleDb db;
    CHECK(db.sql.text("SELECT team, string_agg(name, '+' ORDER BY id DESC) FROM p GROUP BY team "
                      "ORDER BY team") == "a|di+al+cy,b|bo");
    CHECK(
        db.sql.text("SELECT string_agg(name, ',' ORDER BY name) FILTER (WHERE age = 30) FROM p") ==
        "cy,di");
    CHECK(db.sql.text("SELECT string_agg(name, ',' ORDER BY name) FROM p WHERE false") == "NULL");
}
