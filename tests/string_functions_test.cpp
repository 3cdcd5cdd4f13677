// string_functions_test.cpp — string and regular-expression functions as
// PostgreSQL defines them (values checked against PostgreSQL 15).
#include "translate/string_functions.h"

#include <doctest/doctest.h>

#include "translate_harness.h"

using litegres::pgwire::PgError;
using namespace litegres::test;
namespace tr = litegres::translate;

TEST_CASE("quote_ident quotes anything but a plain lower-case non-reserved name") {
    CHECK(tr::quote_ident("abc") == "abc");
    CHECK(tr::quote_ident("abc_1") == "abc_1");
    CHECK(tr::quote_ident("Abc") == "\"Abc\"");
    CHECK(tr::quote_ident("select") == "\"select\"");
    CHECK(tr::quote_ident("left") == "\"left\"");
    CHECK(tr::quote_ident("name") == "name");  // unreserved keyword
    CHECK(tr::quote_ident("a\"b") == "\"a\"\"b\"");
    CHECK(tr::quote_ident("1a") == "\"1a\"");
}

TEST_CASE("split_part, lpad, repeat and friends count characters") {
    SqlHarness sql;
    CHECK(sql.text("SELECT split_part('a,b,c', ',', -1)") == "c");
    CHECK(sql.text("SELECT split_part('a,b,c', ',', 4)") == "");
    CHECK(pg_error_of([&] { sql.run("SELECT split_part('a', ',', 0)"); }).sqlstate() == "22023");
    CHECK(sql.text("SELECT lpad('hé', 4, 'ü')") == "üühé");
    CHECK(sql.text("SELECT rpad('hello', 2)") == "he");
    CHECK(sql.text("SELECT repeat('ab', 2)") == "abab");
    CHECK(pg_error_of([&] { sql.run("SELECT repeat('ab', 2000000000)"); }).sqlstate() == "54000");
    CHECK(sql.text("SELECT initcap('hi THERE-you')") == "Hi There-You");
    CHECK(sql.text("SELECT reverse('añb')") == "bña");
    CHECK(sql.text("SELECT translate('12345', '143', 'ax')") == "a2x5");
    CHECK(sql.text("SELECT md5('abc')") == "900150983cd24fb0d6963f7d28e17f72");
    CHECK(sql.text("SELECT to_hex(-1)") == "ffffffff");
    CHECK(sql.text("SELECT to_hex(-1::bigint)") == "ffffffffffffffff");
    CHECK(sql.text("SELECT format('%s=%L, %I', 'k', 'it''s', 'Col')") == "k='it''s', \"Col\"");
    CHECK(sql.text("SELECT concat_ws('/', 'a', NULL, 'b')") == "a/b");
}

TEST_CASE("regular expressions follow PostgreSQL's operators and functions") {
    SqlHarness sql;
    CHECK(sql.text("SELECT 'Hello' ~ '^H', 'Hello' ~ '^h', 'Hello' ~* '^h', 'Hello' !~ 'x'") ==
          "1|0|1|1");
    CHECK(sql.text("SELECT 'abc' SIMILAR TO 'a%', 'abc' SIMILAR TO 'b%', 'a.c' SIMILAR TO 'a.c', "
                   "'abc' SIMILAR TO 'a.c'") == "1|0|1|0");
    CHECK(sql.text("SELECT regexp_replace('Hello World', '(\\w+) (\\w+)', '\\2 \\1')") ==
          "World Hello");
    CHECK(sql.text("SELECT regexp_replace('aXbX', 'x', '-', 'gi')") == "a-b-");
    CHECK(sql.text("SELECT regexp_count('banana', 'an')") == "2");
    PgError bad = pg_error_of([&] { sql.run("SELECT 'a' ~ '('"); });
    CHECK(bad.sqlstate() == "2201B");
    CHECK(pg_error_of([&] { sql.run("SELECT 1 ~ 'a'"); }).sqlstate() == "42883");
}

TEST_CASE("regexp_matches yields a text array per match, every match with 'g'") {
    SqlHarness sql;
    CHECK(sql.text("SELECT regexp_matches('foobarbequebaz', '(bar)(beque)')") == "[\"bar\",\"beque\"]");
    CHECK(sql.text("SELECT m FROM regexp_matches('a1b22', '\\d+', 'g') AS m") == "[\"1\"],[\"22\"]");
    CHECK(sql.text("SELECT count(*) FROM regexp_matches('abc', 'x')") == "0");
    // An empty match steps one character on, also over multi-byte characters.
    CHECK(sql.text("SELECT count(*) FROM regexp_matches('hé', '', 'g')") == "3");
    // A group that took no part in the match is NULL.
    CHECK(sql.text("SELECT regexp_match('ab', '(a)(x)?')") == "[\"a\",null]");
    CHECK(pg_error_of([&] { sql.run("SELECT regexp_match('a', 'a', 'g')"); }).sqlstate() == "22023");
}

TEST_CASE("regexp_split ignores empty matches at either end and right after a match") {
    SqlHarness sql;
    CHECK(sql.text("SELECT regexp_split_to_array('abc', '')") == "[\"a\",\"b\",\"c\"]");
    CHECK(sql.text("SELECT regexp_split_to_array('a b', '\\s*')") == "[\"a\",\"b\"]");
    CHECK(sql.text("SELECT regexp_split_to_array('a,,b,', ',')") == "[\"a\",\"\",\"b\",\"\"]");
    CHECK(sql.text("SELECT p FROM regexp_split_to_table('x-y', '-') AS p") == "x,y");
}

TEST_CASE("substring with a text pattern is the regular-expression form") {
    SqlHarness sql;
    CHECK(sql.text("SELECT substring('foobar' from 'o(b)a')") == "b");
    CHECK(sql.text("SELECT substring('foobar' from 'o.b')") == "oob");
    CHECK(sql.text("SELECT substring('foobar' from 2 for 3)") == "oob");
    CHECK(pg_error_of([&] { sql.run("SELECT substring('foobar' from 'o' for '#')"); }).sqlstate() == "0A000");
}

TEST_CASE("generate_series in FROM walks from start to stop by step") {
    SqlHarness sql;
    CHECK(sql.text("SELECT * FROM generate_series(1, 4)") == "1,2,3,4");
    CHECK(sql.text("SELECT g FROM generate_series(10, 1, -4) AS g") == "10,6,2");
    CHECK(sql.text("SELECT count(*) FROM generate_series(3, 1)") == "0");
    CHECK(sql.translate("SELECT * FROM generate_series(1, 2) AS s(n)").columns.at(0).name == "n");
    CHECK(pg_error_of([&] { sql.run("SELECT * FROM generate_series(1, 2, 0)"); }).sqlstate() ==
          "22023");
}

TEST_CASE("a pattern PCRE2 gives up on fails instead of reporting no match") {
    SqlHarness sql;
    PgError e = pg_error_of([&] { sql.run("SELECT repeat('a', 40) || 'b' ~ '^(a+)+$'"); });
    CHECK(e.sqlstate() == "2201B");
    CHECK(std::string(e.what()) == "invalid regular expression: regular expression is too complex");
}
