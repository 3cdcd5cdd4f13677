// sequence_translator_test.cpp — CREATE/ALTER SEQUENCE options and checks,
// nextval's bounds and cycling, identity columns.
#include "translate/sequence_translator.h"

#include <doctest/doctest.h>

#include "translate_harness.h"

using namespace litegres::test;

TEST_CASE("nextval honours increment, maximum and cycle") {
    SqlHarness sql;
    sql.run("CREATE SEQUENCE s START 5 INCREMENT 5 MAXVALUE 15");
    CHECK(sql.text("SELECT nextval('s'), nextval('s'), nextval('s')") == "5|10|15");
    auto e = pg_error_of([&] { sql.run("SELECT nextval('s')"); });
    CHECK(e.sqlstate() == "2200H");
    CHECK(std::string(e.what()) == "nextval: reached maximum value of sequence \"s\" (15)");
    sql.run("CREATE SEQUENCE c MAXVALUE 2 CYCLE");
    CHECK(sql.text("SELECT nextval('c'), nextval('c'), nextval('c')") == "1|2|1");
    sql.run("CREATE SEQUENCE d INCREMENT -1");
    CHECK(sql.text("SELECT nextval('d'), nextval('d')") == "-1|-2");
}

TEST_CASE("sequence options are checked as PostgreSQL does") {
    SqlHarness sql;
    CHECK(pg_error_of([&] { sql.run("CREATE SEQUENCE s START 0"); }).sqlstate() == "22023");
    CHECK(pg_error_of([&] { sql.run("CREATE SEQUENCE s MINVALUE 10 MAXVALUE 5"); }).sqlstate() == "22023");
    CHECK(pg_error_of([&] { sql.run("CREATE SEQUENCE s INCREMENT 0"); }).sqlstate() == "22023");
    CHECK(pg_error_of([&] { sql.run("CREATE SEQUENCE s AS smallint MAXVALUE 40000"); }).sqlstate() == "22023");
    sql.run("CREATE SEQUENCE s AS integer");
    CHECK(text(sql.sqlite("SELECT max_value, data_type FROM _litegres_sequence")) == "2147483647|integer");
    CHECK(pg_error_of([&] { sql.run("CREATE SEQUENCE s"); }).sqlstate() == "42P07");
    CHECK(pg_error_of([&] { sql.run("SELECT setval('s', 0)"); }).sqlstate() == "22003");
}

TEST_CASE("ALTER SEQUENCE RESTART goes back to the start or the given value") {
    SqlHarness sql;
    sql.run("CREATE SEQUENCE s START 3");
    CHECK(sql.text("SELECT nextval('s'), nextval('s')") == "3|4");
    sql.run("ALTER SEQUENCE s RESTART");
    CHECK(sql.text("SELECT nextval('s')") == "3");
    sql.run("ALTER SEQUENCE s RESTART WITH 10 INCREMENT 10");
    CHECK(sql.text("SELECT nextval('s'), nextval('s')") == "10|20");
    CHECK(pg_error_of([&] { sql.run("ALTER SEQUENCE nope RESTART"); }).sqlstate() == "42P01");
}

TEST_CASE("GENERATED ALWAYS AS IDENTITY refuses explicit values unless overridden") {
    SqlHarness sql;
    sql.run("CREATE TABLE t (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v text)");
    CHECK(sql.text("INSERT INTO t (v) VALUES ('a'), ('b') RETURNING id") == "1,2");
    CHECK(pg_error_of([&] { sql.run("INSERT INTO t (id, v) VALUES (5, 'c')"); }).sqlstate() == "428C9");
    CHECK(pg_error_of([&] { sql.run("UPDATE t SET id = 9"); }).sqlstate() == "428C9");
    sql.run("INSERT INTO t (id, v) OVERRIDING SYSTEM VALUE VALUES (5, 'c')");
    CHECK(sql.text("SELECT id FROM t ORDER BY id") == "1,2,5");
    CHECK(sql.text("SELECT pg_get_serial_sequence('t', 'id')") == "public.t_id_seq");
}
