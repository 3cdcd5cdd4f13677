// json_value_test.cpp — PostgreSQL's json input rules and jsonb's canonical
// text: key order and de-duplication, spacing, number normal form, escaping,
// containment and the 22P02 errors with their DETAIL.
#include "pgwire/json_value.h"

#include <doctest/doctest.h>

#include <string>

#include "pgwire/pg_error.h"

using litegres::pgwire::JsonValue;
using litegres::pgwire::normalize_json_number;
using litegres::pgwire::PgError;

namespace {

std::string jsonb(const std::string& text) {
    JsonValue v = JsonValue::parse(text, true);
    v.canonicalize();
    return v.jsonb_text();
}

PgError parse_error(const std::string& text) {
    try {
        JsonValue::parse(text, true);
    } catch (const PgError& e) {
        return e;
    }
    FAIL("no error for " << text);
    return PgError("", "");
}

bool contains(const std::string& a, const std::string& b) {
    JsonValue x = JsonValue::parse(a), y = JsonValue::parse(b);
    x.canonicalize();
    y.canonicalize();
    return x.contains(y);
}

}  // namespace

TEST_CASE("jsonb text sorts keys by length then bytes, keeps the last duplicate, spaces as PostgreSQL") {
    CHECK(jsonb(R"({"b":1,"aa":2,"a":[1,2],"b":3})") == R"({"a": [1, 2], "b": 3, "aa": 2})");
    CHECK(jsonb(R"( { } )") == "{}");
    CHECK(jsonb("[]") == "[]");
    CHECK(jsonb(R"({"a":{"c":null,"b":true}})") == R"({"a": {"b": true, "c": null}})");
}

TEST_CASE("jsonb numbers take numeric's output form") {
    CHECK(normalize_json_number("2e2") == "200");
    CHECK(normalize_json_number("1.50") == "1.50");
    CHECK(normalize_json_number("-0") == "0");
    CHECK(normalize_json_number("1E-2") == "0.01");
    CHECK(normalize_json_number("1.5e1") == "15");
    CHECK(normalize_json_number("-12.5e-1") == "-1.25");
}

TEST_CASE("strings are decoded on input and escaped as escape_json does on output") {
    CHECK(jsonb(R"("a\nb\u00e9\/")") == "\"a\\nb\xC3\xA9/\"");
    CHECK(jsonb(R"("\ud83d\ude00")") == "\"\xF0\x9F\x98\x80\"");
    CHECK(jsonb(R"("\u0001")") == R"("\u0001")");
}

TEST_CASE("json keeps each value's source span") {
    std::string text = R"({"a" :  [1,  2 ], "b": "x"})";
    JsonValue v = JsonValue::parse(text);
    const JsonValue* a = v.find_member("a");
    REQUIRE(a != nullptr);
    CHECK(text.substr(a->begin, a->end - a->begin) == "[1,  2 ]");
}

TEST_CASE("bad json is 22P02 invalid input syntax for type json with PostgreSQL's DETAIL") {
    PgError e = parse_error(R"({"a":)");
    CHECK(e.sqlstate() == "22P02");
    CHECK(std::string(e.what()) == "invalid input syntax for type json");
    CHECK(e.detail() == "The input string ended unexpectedly.");
    CHECK(parse_error("{a:1}").detail() == "Token \"a\" is invalid.");
    CHECK(parse_error(R"({"a" 1})").detail() == "Expected \":\", but found \"1\".");
    CHECK(parse_error("[1,]").detail() == "Expected JSON value, but found \"]\".");
    CHECK(parse_error("1 2").detail() == "Expected end of input, but found \"2\".");
    CHECK(parse_error("01").sqlstate() == "22P02");
    CHECK(parse_error(R"("\u0000")").sqlstate() == "22P05");
}

TEST_CASE("jsonb containment follows PostgreSQL's @> rules") {
    CHECK(contains(R"({"a":1,"b":{"c":2}})", R"({"b":{}})"));
    CHECK(contains(R"({"a":1,"b":2})", R"({"a":1})"));
    CHECK_FALSE(contains(R"({"a":1})", R"({"a":2})"));
    CHECK(contains("[1,2,[3]]", "[[3],1]"));
    CHECK(contains("[1,2]", "1"));
    CHECK_FALSE(contains(R"({"a":[1,2]})", R"({"a":1})"));
    CHECK(contains("[1.0]", "[1]"));
}
