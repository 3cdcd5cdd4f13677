// container_expressions_test.cpp — json/jsonb and array expressions bound
// and run on SQLite: operators, functions, casts, subscripts, ANY/ALL and
// set-returning functions in FROM, checked by the values they produce (as
// stored in SQLite: jsonb canonical text, arrays as storage JSON).
#include <doctest/doctest.h>

#include <string>

#include "translate_harness.h"

using namespace litegres::test;

TEST_CASE("jsonb input is canonical and json input is kept verbatim") {
    SqlHarness sql;
    CHECK(sql.text(R"(SELECT '{"b":1, "a" : 2}'::jsonb, '{"b":1, "a" : 2}'::json)") ==
          R"({"a": 2, "b": 1}|{"b":1, "a" : 2})");
    CHECK(sql.text(R"(SELECT CAST('[1,  2]' AS text)::jsonb)") == "[1, 2]");
    CHECK(pg_error_of([&] { sql.run(R"(SELECT '{"a":'::jsonb)"); }).sqlstate() == "22P02");
}

TEST_CASE("-> and ->> take keys and indexes; #> and #>> take paths") {
    SqlHarness sql;
    CHECK(sql.text(R"(SELECT '{"a":{"b":[1,"x"]}}'::jsonb -> 'a', '{"a":"s"}'::jsonb ->> 'a', '[1,2,3]'::jsonb -> -1)") ==
          R"({"b": [1, "x"]}|s|3)");
    CHECK(sql.text(R"(SELECT '{"a":{"b":[1,"x"]}}'::jsonb #> '{a,b,1}', '{"a":{"b":[1,"x"]}}'::jsonb #>> '{a,b,1}')") ==
          R"("x"|x)");
    CHECK(sql.text(R"(SELECT '{"a" : [1,  2]}'::json -> 'a', '{"a":1}'::jsonb -> 'z')") == "[1,  2]|NULL");
}

TEST_CASE("jsonb containment, existence, concatenation and deletion") {
    SqlHarness sql;
    CHECK(sql.text(R"(SELECT '{"a":1,"b":2}'::jsonb @> '{"a":1}', '{"a":1}'::jsonb <@ '{"b":1}', )"
                   R"('{"a":1}'::jsonb ? 'a', '{"a":1}'::jsonb ?| array['x','a'], '{"a":1}'::jsonb ?& array['x','a'])") ==
          "1|0|1|1|0");
    CHECK(sql.text(R"(SELECT '{"a":1}'::jsonb || '{"a":2,"b":3}', '[1]'::jsonb || '2', '{"a":1,"b":2}'::jsonb - 'a', )"
                   R"('[1,2,3]'::jsonb - 0)") == R"({"a": 2, "b": 3}|[1, 2]|{"b": 2}|[2, 3])");
    CHECK(pg_error_of([&] { sql.run(R"(SELECT '{"a":1}'::jsonb - 0)"); }).sqlstate() == "22023");
}

TEST_CASE("json builders and to_json render each PostgreSQL type") {
    SqlHarness sql;
    CHECK(sql.text("SELECT json_build_object('a', 1, 'b', 'x', 'c', true, 'd', NULL)") ==
          R"({"a" : 1, "b" : "x", "c" : true, "d" : null})");
    CHECK(sql.text("SELECT jsonb_build_object('b', 1, 'a', ARRAY[1,2]), json_build_array(1, 'a', 2.5)") ==
          R"({"a": [1, 2], "b": 1}|[1, "a", 2.5])");
    CHECK(sql.text("SELECT to_json('a\"b'::text), to_json('2024-01-15 10:30:00'::timestamp), to_jsonb(false)") ==
          R"("a\"b"|"2024-01-15T10:30:00"|false)");
    CHECK(pg_error_of([&] { sql.run("SELECT json_build_object('a')"); }).sqlstate() == "22023");
}

TEST_CASE("json aggregates and jsonb_set") {
    SqlHarness sql;
    CHECK(sql.text("SELECT json_agg(x), jsonb_object_agg(x, x * 2) FROM (VALUES (1), (2)) t(x)") ==
          R"([1, 2]|{"1": 2, "2": 4})");
    CHECK(sql.text(R"(SELECT jsonb_set('{"a":1}', '{b}', '2'), jsonb_insert('[1,2]', '{0}', '0'))") ==
          R"({"a": 1, "b": 2}|[0, 1, 2])");
}

TEST_CASE("arrays: literals, constructors, subscripts, functions and operators") {
    SqlHarness sql;
    CHECK(sql.text("SELECT '{1,2,3}'::int[], ARRAY['a','b c'], '{t,f}'::bool[]") == R"([1,2,3]|["a","b c"]|[1,0])");
    CHECK(sql.text("SELECT (ARRAY[1,2,3])[2], (ARRAY[1,2,3])[5], (ARRAY[1,2,3])[2:3]") == "2|NULL|[2,3]");
    CHECK(sql.text("SELECT array_length(ARRAY[1,2], 1), cardinality('{}'::int[]), array_to_string(ARRAY[1,NULL,3], ',')") ==
          "2|0|1,3");
    CHECK(sql.text("SELECT ARRAY[1,2] || 3, 0 || ARRAY[1], ARRAY[1] || ARRAY[2]") == "[1,2,3]|[0,1]|[1,2]");
    CHECK(sql.text("SELECT ARRAY[1,2] @> ARRAY[2], ARRAY[1] && ARRAY[3], ARRAY[1,2] < ARRAY[1,3], ARRAY[1] = ARRAY[1]") ==
          "1|0|1|1");
    CHECK(sql.text("SELECT 1 = ANY(ARRAY[1,2]), 3 = ANY(ARRAY[1,NULL]), 3 <> ALL(ARRAY[1,2])") == "1|NULL|1");
    CHECK(sql.text("SELECT ARRAY(SELECT 1 UNION SELECT 2), string_to_array('a,b', ',')") == R"([1,2]|["a","b"])");
}

TEST_CASE("array and json columns round-trip; set-returning functions in FROM see earlier FROM items") {
    SqlHarness sql;
    sql.run("CREATE TABLE t (id int PRIMARY KEY, tags text[], j jsonb)");
    sql.run(R"(INSERT INTO t VALUES (1, '{a,b}', '{"k":1}'), (2, ARRAY['c'], '{"m":[1]}'))");
    CHECK(sql.text("SELECT t.id, u FROM t, unnest(t.tags) u ORDER BY 1, 2") == "1|a,1|b,2|c");
    CHECK(sql.text("SELECT t.id, e.key, e.value FROM t, jsonb_each(t.j) e ORDER BY 1") == R"(1|k|1,2|m|[1])");
    CHECK(sql.text("SELECT * FROM jsonb_array_elements_text('[1,\"a\",null]')") == "1,a,NULL");
    CHECK(sql.text("SELECT id FROM t WHERE 'c' = ANY(tags)") == "2");
}

TEST_CASE("arrays and jsonb sort and compare as PostgreSQL orders them, not as their storage text") {
    SqlHarness sql;
    CHECK(sql.text("SELECT x FROM (VALUES (ARRAY[10]), (ARRAY[2]), (ARRAY[2,1]), ('{}'::int[])) t(x) ORDER BY x") ==
          "[],[2],[2,1],[10]");
    CHECK(sql.text("SELECT ARRAY[10] > ARRAY[2], ARRAY[2,NULL] > ARRAY[2,5]") == "1|1");
    CHECK(sql.text(R"(SELECT x FROM (VALUES ('{"a":1}'::jsonb), ('[1]'::jsonb), ('true'::jsonb), ('10'::jsonb), )"
                   R"(('9'::jsonb), ('"s"'::jsonb), ('null'::jsonb)) t(x) ORDER BY x)") ==
          R"(null,"s",9,10,true,[1],{"a": 1})");
    CHECK(sql.text("SELECT '1.0'::jsonb = '1', '[1,2]'::jsonb < '[3]'") == "1|0");
}

TEST_CASE("one set-returning function as a select-list item yields a row per element of each FROM row") {
    SqlHarness sql;
    sql.run("CREATE TABLE t (id int PRIMARY KEY, tags text[])");
    sql.run("INSERT INTO t VALUES (1, '{a,b}'), (2, '{}'), (3, '{c}')");
    CHECK(sql.text("SELECT id, unnest(tags) FROM t ORDER BY 1, 2") == "1|a,1|b,3|c");
    CHECK(sql.text("SELECT jsonb_array_elements_text('[1,\"x\"]')") == "1,x");
    CHECK(pg_error_of([&] {
              sql.run("SELECT jsonb_array_elements('[1]'), jsonb_array_elements('[2]')");
          }).sqlstate() == "0A000");
}

TEST_CASE("array set-returning functions side by side are zipped, the shorter padded with NULLs") {
    SqlHarness sql;
    sql.run("CREATE TABLE t (id int PRIMARY KEY, tags text[])");
    sql.run("INSERT INTO t VALUES (1, '{a,b}'), (2, '{}'), (3, '{c}')");
    CHECK(sql.text("SELECT id, unnest(tags), generate_subscripts(tags, 1) FROM t ORDER BY 1, 3") ==
          "1|a|1,1|b|2,3|c|1");
    CHECK(sql.text("SELECT unnest(ARRAY[1, 2, 3]), unnest(ARRAY['x'])") == "1|x,2|NULL,3|NULL");
    CHECK(sql.text(
              "SELECT * FROM unnest(ARRAY[1, 2, 3], ARRAY['x']) WITH ORDINALITY AS u(n, s, o)") ==
          "1|x|1,2|NULL|2,3|NULL|3");
    CHECK(sql.text("SELECT t.id, u.a, u.b FROM t, unnest(t.tags, t.tags) u(a, b) ORDER BY 1, 2") ==
          "1|a|a,1|b|b,3|c|c");
    CHECK(pg_error_of([&] { sql.run("SELECT generate_subscripts(tags, 2) FROM t"); }).sqlstate() ==
          "0A000");
}

TEST_CASE("int2vector catalog columns are arrays where an array is expected, subscripted from 0") {
    SqlHarness sql;
    sql.run("CREATE TABLE t (a int, b int, c int)");
    sql.run("CREATE INDEX t_cb ON t (c, b DESC)");
    CHECK(sql.text("SELECT indkey[0], indkey[1], indoption FROM pg_index") == "3|2|0 3");
    CHECK(sql.text("SELECT k, o, n FROM pg_index i, unnest(i.indkey, i.indoption) WITH ORDINALITY "
                   "u(k, o, n)") == "3|0|1,2|3|2");
    CHECK(sql.text("SELECT unnest(indkey), generate_subscripts(indkey, 1) FROM pg_index") ==
          "3|0,2|1");
    CHECK(sql.text("SELECT count(*) FROM pg_attribute a, pg_index i WHERE a.attrelid = i.indrelid "
                   "AND a.attnum = ANY(i.indkey)") == "2");
}

TEST_CASE("a function returning one value is a one-row FROM item named after it or its alias") {
    SqlHarness sql;
    CHECK(sql.text("SELECT * FROM upper('ab')") == "AB");
    CHECK(sql.text("SELECT s, x.v, x.n FROM upper('ab') s, lower('Q') WITH ORDINALITY x(v, n)") ==
          "AB|q|1");
    sql.run("CREATE TABLE t (id int, name text)");
    sql.run("INSERT INTO t VALUES (1, 'a'), (2, 'b')");
    CHECK(sql.text("SELECT t.id, u FROM t, upper(t.name) u ORDER BY 1") == "1|A,2|B");
}
