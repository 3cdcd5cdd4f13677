// grouping_check_test.cpp — PostgreSQL's grouping rule in the binder (42803),
// functional dependency on a grouped primary key, and scalar-subquery
// cardinality (21000).
#include <doctest/doctest.h>

#include "translate_harness.h"

using litegres::pgwire::PgError;
using namespace litegres::test;

namespace {

struct BooksDb {
    SqlHarness sql;
    BooksDb() {
        sql.run("CREATE TABLE author (id integer PRIMARY KEY, name text)");
        sql.run("CREATE TABLE book (id integer PRIMARY KEY, author_id integer, pages integer)");
        sql.run("INSERT INTO author VALUES (1, 'ann'), (2, 'bob')");
        sql.run("INSERT INTO book VALUES (1, 1, 100), (2, 1, 50), (3, 2, 10)");
    }
};

}  // namespace

TEST_CASE("an ungrouped column outside an aggregate is 42803 with its position") {
    BooksDb db;
    PgError e = pg_error_of([&] { db.sql.run("SELECT pages, count(*) FROM book"); });
    CHECK(e.sqlstate() == "42803");
    CHECK(std::string(e.what()) ==
          "column \"book.pages\" must appear in the GROUP BY clause or be used in an aggregate "
          "function");
    CHECK(e.position() == 8);
    CHECK(pg_error_of([&] {
              db.sql.run("SELECT author_id FROM book GROUP BY author_id ORDER BY pages");
          }).sqlstate() == "42803");
    CHECK(pg_error_of([&] {
              db.sql.run("SELECT author_id FROM book GROUP BY author_id HAVING pages > 1");
          }).sqlstate() == "42803");
}

TEST_CASE("grouped expressions, aliases, positions and aggregates pass") {
    BooksDb db;
    CHECK(db.sql.text(
              "SELECT author_id * 10, sum(pages) FROM book GROUP BY author_id * 10 ORDER BY 1") ==
          "10|150,20|10");
    CHECK(db.sql.text("SELECT author_id + 1 AS a FROM book GROUP BY a ORDER BY a") == "2,3");
    CHECK(db.sql.text("SELECT author_id + 1 FROM book GROUP BY 1 ORDER BY 1") == "2,3");
    CHECK(db.sql.text("SELECT count(*) FROM book WHERE pages > 20") == "2");
}

TEST_CASE("grouping by a primary key lets the table's other columns through") {
    BooksDb db;
    CHECK(db.sql.text("SELECT a.name, count(b.id) FROM author a JOIN book b ON b.author_id = a.id "
                      "GROUP BY a.id "
                      "ORDER BY a.name") == "ann|2,bob|1");
    // The key of the other table does not cover this one's columns.
    CHECK(pg_error_of([&] {
              db.sql.run(
                  "SELECT a.name FROM author a JOIN book b ON b.author_id = a.id GROUP BY b.id");
          }).sqlstate() == "42803");
}

TEST_CASE("a scalar subquery yielding two rows is 21000") {
    BooksDb db;
    PgError e = pg_error_of([&] { db.sql.run("SELECT (SELECT pages FROM book)"); });
    CHECK(e.sqlstate() == "21000");
    CHECK(std::string(e.what()) ==
          "more than one row returned by a subquery used as an expression");
    CHECK(db.sql.text("SELECT (SELECT pages FROM book WHERE id = 3)") == "10");
    CHECK(db.sql.text("SELECT (SELECT pages FROM book WHERE id = 9)") == "NULL");
}

TEST_CASE("DISTINCT ON keeps the first row of each key in ORDER BY order") {
    BooksDb db;
    CHECK(db.sql.text("SELECT DISTINCT ON (author_id) author_id, pages FROM book ORDER BY "
                      "author_id, pages") == "1|50,2|10");
    CHECK(db.sql.text("SELECT DISTINCT ON (author_id) author_id, pages FROM book ORDER BY "
                      "author_id, pages DESC") == "1|100,2|10");
    auto columns =
        db.sql.translate("SELECT DISTINCT ON (1) author_id AS a, pages FROM book").columns;
    CHECK(columns.at(0).name == "a");
    CHECK(pg_error_of([&] { db.sql.run("SELECT DISTINCT ON (3) pages FROM book"); }).sqlstate() ==
          "42P10");
}
