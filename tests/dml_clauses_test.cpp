// dml_clauses_test.cpp — WITH queries, ON CONFLICT, UPDATE ... FROM and
// DELETE ... USING: how each binds and what it does on SQLite.
#include <doctest/doctest.h>

#include "translate_harness.h"

using litegres::pgwire::PgError;
using namespace litegres::test;
namespace oid = litegres::pgwire::oid;

namespace {

struct StockDb {
    SqlHarness sql;
    StockDb() {
        sql.run(
            "CREATE TABLE item (id integer PRIMARY KEY, name text UNIQUE, qty integer NOT NULL "
            "DEFAULT 0)");
        sql.run("INSERT INTO item VALUES (1, 'apple', 5), (2, 'pear', 0), (3, 'plum', 12)");
        sql.run("CREATE TABLE delta (item_id integer, n integer)");
        sql.run("INSERT INTO delta VALUES (1, 3), (3, -2)");
    }
};

}  // namespace

TEST_CASE("a WITH query is a typed relation visible to the statement it prefixes") {
    StockDb db;
    auto columns =
        db.sql.translate("WITH t(n, label) AS (SELECT id, name FROM item) SELECT * FROM t").columns;
    REQUIRE(columns.size() == 2);
    CHECK(columns[0].name == "n");
    CHECK(columns[0].type.oid == oid::kInt4);
    CHECK(columns[1].name == "label");
    CHECK(columns[1].type.oid == oid::kText);
    CHECK(db.sql.text("WITH t AS (SELECT id FROM item WHERE qty > 0) SELECT count(*) FROM t") ==
          "2");
    // A WITH query shadows a table of the same name.
    CHECK(db.sql.text("WITH item AS (SELECT 42 AS id) SELECT id FROM item") == "42");
    // It is visible in subqueries, and gone after its statement.
    CHECK(db.sql.text(
              "WITH m AS (SELECT 3 AS v) SELECT name FROM item WHERE id = (SELECT v FROM m)") ==
          "plum");
    CHECK(pg_error_of([&] { db.sql.run("SELECT * FROM m"); }).sqlstate() == "42P01");
}

TEST_CASE("a recursive WITH query takes its column types from the non-recursive term") {
    StockDb db;
    auto t = db.sql.translate(
        "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 4) SELECT * FROM "
        "r");
    CHECK(t.columns.at(0).type.oid == oid::kInt4);
    CHECK(db.sql.text("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 4) "
                      "SELECT sum(n) FROM r") == "10");
}

TEST_CASE("WITH errors are PostgreSQL's") {
    StockDb db;
    PgError twice =
        pg_error_of([&] { db.sql.run("WITH a AS (SELECT 1), a AS (SELECT 2) SELECT * FROM a"); });
    CHECK(twice.sqlstate() == "42712");
    CHECK(std::string(twice.what()) == "WITH query name \"a\" specified more than once");
    PgError columns =
        pg_error_of([&] { db.sql.run("WITH a(x, y) AS (SELECT 1) SELECT * FROM a"); });
    CHECK(columns.sqlstate() == "42P10");
    CHECK(std::string(columns.what()) ==
          "WITH query \"a\" has 1 columns available but 2 columns specified");
}

TEST_CASE("ON CONFLICT DO NOTHING skips the conflicting row only") {
    StockDb db;
    db.sql.run(
        "INSERT INTO item VALUES (1, 'again', 1), (4, 'fig', 1) ON CONFLICT (id) DO NOTHING");
    CHECK(db.sql.text("SELECT name FROM item ORDER BY id") == "apple,pear,plum,fig");
    db.sql.run("INSERT INTO item VALUES (5, 'fig', 1) ON CONFLICT DO NOTHING");
    CHECK(db.sql.text("SELECT count(*) FROM item") == "4");
}

TEST_CASE("ON CONFLICT DO UPDATE sees the existing row and EXCLUDED") {
    StockDb db;
    auto t = db.sql.translate(
        "INSERT INTO item VALUES (1, 'apple', 10) ON CONFLICT (id) DO UPDATE SET qty = item.qty + "
        "excluded.qty "
        "RETURNING qty");
    CHECK(t.columns.at(0).type.oid == oid::kInt4);
    CHECK(db.sql.text("INSERT INTO item VALUES (1, 'apple', 10) ON CONFLICT (id) DO UPDATE "
                      "SET qty = item.qty + excluded.qty RETURNING qty") == "15");
    // The WHERE of DO UPDATE can leave the row as it is.
    db.sql.run(
        "INSERT INTO item AS i VALUES (2, 'pear', 7) ON CONFLICT (id) DO UPDATE SET qty = 99 WHERE "
        "i.qty > 5");
    CHECK(db.sql.text("SELECT qty FROM item WHERE id = 2") == "0");
}

TEST_CASE("ON CONFLICT ON CONSTRAINT names the key whose columns are the conflict target") {
    SqlHarness sql;
    sql.run(
        "CREATE TABLE kv (k text CONSTRAINT kv_pkey PRIMARY KEY, a int, b int, v int, "
        "CONSTRAINT kv_a_b_key UNIQUE (a, b))");
    sql.run("INSERT INTO kv VALUES ('x', 1, 2, 0)");
    sql.run(
        "INSERT INTO kv VALUES ('x', 5, 5, 1) ON CONFLICT ON CONSTRAINT kv_pkey DO UPDATE SET v = "
        "excluded.v");
    sql.run(
        "INSERT INTO kv VALUES ('y', 1, 2, 7) ON CONFLICT ON CONSTRAINT kv_a_b_key DO UPDATE SET v "
        "= kv.v + 10");
    sql.run("INSERT INTO kv VALUES ('x', 0, 0, 9) ON CONFLICT ON CONSTRAINT kv_pkey DO NOTHING");
    CHECK(sql.text("SELECT k, v FROM kv") == "x|11");
    PgError missing = pg_error_of(
        [&] { sql.run("INSERT INTO kv VALUES ('z') ON CONFLICT ON CONSTRAINT nope DO NOTHING"); });
    CHECK(missing.sqlstate() == "42704");
    CHECK(std::string(missing.what()) == "constraint \"nope\" for table \"kv\" does not exist");
}

TEST_CASE("ON CONFLICT errors are PostgreSQL's") {
    StockDb db;
    PgError no_target = pg_error_of(
        [&] { db.sql.run("INSERT INTO item VALUES (1) ON CONFLICT DO UPDATE SET qty = 1"); });
    CHECK(no_target.sqlstate() == "42601");
    PgError no_index = pg_error_of(
        [&] { db.sql.run("INSERT INTO item VALUES (1) ON CONFLICT (qty) DO NOTHING"); });
    CHECK(no_index.sqlstate() == "42P10");
    PgError no_column = pg_error_of(
        [&] { db.sql.run("INSERT INTO item VALUES (1) ON CONFLICT (nosuch) DO NOTHING"); });
    CHECK(no_column.sqlstate() == "42703");
}

TEST_CASE("UPDATE ... FROM joins the target with other tables") {
    StockDb db;
    db.sql.run("UPDATE item SET qty = item.qty + d.n FROM delta d WHERE d.item_id = item.id");
    CHECK(db.sql.text("SELECT qty FROM item ORDER BY id") == "8,0,10");
    auto t = db.sql.translate(
        "UPDATE item i SET qty = 0 FROM delta d WHERE d.item_id = i.id RETURNING i.name");
    CHECK(t.columns.at(0).name == "name");
}

TEST_CASE("DELETE ... USING deletes the target rows the join finds") {
    StockDb db;
    CHECK(
        db.sql.text(
            "DELETE FROM item i USING delta d WHERE d.item_id = i.id AND d.n < 0 RETURNING name") ==
        "plum");
    CHECK(db.sql.text("SELECT name FROM item ORDER BY id") == "apple,pear");
}

TEST_CASE("a data-modifying WITH query runs first and its RETURNING rows are captured for the main query") {
    StockDb db;
    auto t = db.sql.translate(
        "WITH d AS (DELETE FROM delta WHERE n < 0 RETURNING item_id, n) INSERT INTO item (id, name) "
        "SELECT item_id + 10, 'moved' FROM d");
    CHECK(t.writes);
    REQUIRE(t.row_captures.size() == 1);
    // CREATE TEMP TABLE, empty it, the DELETE (captured), then the INSERT.
    REQUIRE(t.sqlite_sql.size() == 4);
    CHECK(t.row_captures[0].statement == 2);
    CHECK(t.sqlite_sql[2].rfind("DELETE FROM \"delta\"", 0) == 0);
    CHECK(t.sqlite_sql[3].find(t.row_captures[0].table) != std::string::npos);
    // Without RETURNING there is nothing to capture, and nothing to read.
    CHECK(db.sql.translate("WITH d AS (DELETE FROM delta) SELECT 1").row_captures.empty());
    CHECK(pg_error_of([&] { db.sql.translate("WITH d AS (DELETE FROM delta) SELECT * FROM d"); }).sqlstate() ==
          "0A000");
}

TEST_CASE("a statement that reads what its data-modifying WITH query changes is refused, not answered late") {
    StockDb db;
    PgError e = pg_error_of(
        [&] { db.sql.translate("WITH d AS (DELETE FROM delta RETURNING *) SELECT count(*) FROM delta"); });
    CHECK(e.sqlstate() == "0A000");
    // Reading another table, or inserting into the modified one, is fine.
    CHECK_NOTHROW(db.sql.translate("WITH d AS (DELETE FROM delta RETURNING *) SELECT count(*) FROM item"));
    CHECK_NOTHROW(
        db.sql.translate("WITH d AS (DELETE FROM delta RETURNING *) INSERT INTO delta SELECT item_id, n + 1 FROM d"));
}
