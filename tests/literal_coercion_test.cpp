// literal_coercion_test.cpp — untyped literals read as typed values, with PostgreSQL's errors.
#include "translate/literal_coercion.h"

#include <doctest/doctest.h>

#include <string>

#include "pgwire/pg_error.h"

using litegres::pgwire::PgError;
using litegres::translate::coerce_literal;
using litegres::translate::normalize_datetime_input;
using litegres::translate::PgType;
namespace tr = litegres::translate;
namespace oid = litegres::pgwire::oid;

namespace {

// The PgError coerce_literal throws. (Error positions are checked end to end in the
// translator tests, against the statement text.)
PgError coercion_error(const std::string& text, PgType type) {
    try {
        std::string sql = coerce_literal(text, type, 7);
        FAIL("expected PgError, got " << sql);
    } catch (const PgError& e) {
        return e;
    }
    return PgError("", "");
}

PgType varchar(int n) {
    return PgType{oid::kVarchar, n + 4};
}
PgType character(int n) {
    return PgType{oid::kBpchar, n + 4};
}
const PgType kUuid{oid::kUuid};
const PgType kBytea{oid::kBytea};

}  // namespace

TEST_CASE("boolean literals accept PostgreSQL's spellings and their prefixes") {
    for (const char* text : {"t", "true", "TRUE", "tr", "yes", "y", "on", "1", " true "}) {
        CAPTURE(text);
        CHECK(coerce_literal(text, tr::kBool, 0) == "1");
    }
    for (const char* text : {"f", "false", "fa", "no", "n", "off", "of", "0", "OFF"}) {
        CAPTURE(text);
        CHECK(coerce_literal(text, tr::kBool, 0) == "0");
    }
}

TEST_CASE("invalid boolean literals are 22P02, and 'o' alone is ambiguous") {
    for (const char* text : {"o", "maybe", "", "2", "truex", "yess"}) {
        CAPTURE(text);
        PgError e = coercion_error(text, tr::kBool);
        CHECK(e.sqlstate() == "22P02");
        CHECK(std::string(e.what()) ==
              "invalid input syntax for type boolean: \"" + std::string(text) + "\"");
    }
}

TEST_CASE("integer literals are checked against their type's range") {
    CHECK(coerce_literal("42", tr::kInt4, 0) == "42");
    CHECK(coerce_literal(" -17 ", tr::kInt4, 0) == "-17");
    CHECK(coerce_literal("+5", tr::kInt2, 0) == "5");
    CHECK(coerce_literal("2147483647", tr::kInt4, 0) == "2147483647");
    CHECK(coerce_literal("-2147483648", tr::kInt4, 0) == "-2147483648");
    CHECK(coerce_literal("-32768", tr::kInt2, 0) == "-32768");
    CHECK(coerce_literal("9223372036854775807", tr::kInt8, 0) == "9223372036854775807");
    CHECK(coerce_literal("-9223372036854775808", tr::kInt8, 0) == "-9223372036854775808");

    PgError int4 = coercion_error("2147483648", tr::kInt4);
    CHECK(int4.sqlstate() == "22003");
    CHECK(std::string(int4.what()) == "value \"2147483648\" is out of range for type integer");

    PgError int2 = coercion_error("32768", tr::kInt2);
    CHECK(int2.sqlstate() == "22003");
    CHECK(std::string(int2.what()) == "value \"32768\" is out of range for type smallint");

    PgError int8 = coercion_error("9223372036854775808", tr::kInt8);
    CHECK(int8.sqlstate() == "22003");
    CHECK(std::string(int8.what()) ==
          "value \"9223372036854775808\" is out of range for type bigint");
}

TEST_CASE("non-digits in an integer literal are 22P02") {
    for (const char* text : {"12abc", "", "-", "1.5", "1e3", "0x10"}) {
        CAPTURE(text);
        PgError e = coercion_error(text, tr::kInt4);
        CHECK(e.sqlstate() == "22P02");
        CHECK(std::string(e.what()) ==
              "invalid input syntax for type integer: \"" + std::string(text) + "\"");
    }
}

TEST_CASE("float literals keep a decimal point so SQLite stores a REAL") {
    CHECK(coerce_literal("3", tr::kFloat8, 0) == "3.0");
    CHECK(coerce_literal("2.5", tr::kFloat8, 0) == "2.5");
    CHECK(coerce_literal("1e10", tr::kFloat4, 0) == "10000000000.0");
    CHECK(coerce_literal("Infinity", tr::kFloat8, 0) == "9e999");
    CHECK(coerce_literal("-infinity", tr::kFloat8, 0) == "-9e999");
    CHECK(coercion_error("abc", tr::kFloat8).sqlstate() == "22P02");
    PgError big = coercion_error("1e400", tr::kFloat8);
    CHECK(big.sqlstate() == "22003");
    CHECK(std::string(big.what()) == "\"1e400\" is out of range for type double precision");
}

TEST_CASE("numeric literals must be decimal numbers, stored as numeric text") {
    CHECK(coerce_literal(" 12.50 ", tr::kNumeric, 0) == "'12.50'");
    CHECK(coerce_literal("-1.5e3", tr::kNumeric, 0) == "'-1500'");
    CHECK(coerce_literal("1.005", tr::PgType{tr::kNumeric.oid, tr::numeric_typmod(5, 2)}, 0) == "'1.01'");
    PgError e = coercion_error("12,5", tr::kNumeric);
    CHECK(e.sqlstate() == "22P02");
    CHECK(std::string(e.what()) == "invalid input syntax for type numeric: \"12,5\"");
}

TEST_CASE("varchar(n) refuses a longer value with 22001") {
    CHECK(coerce_literal("abc", varchar(3), 0) == "'abc'");
    CHECK(coerce_literal("it's", varchar(10), 0) == "'it''s'");
    PgError e = coercion_error("abcd", varchar(3));
    CHECK(e.sqlstate() == "22001");
    CHECK(std::string(e.what()) == "value too long for type character varying(3)");
    // Length counts characters, not bytes.
    CHECK(coerce_literal("h\xc3\xa9llo", varchar(5), 0) == "'h\xc3\xa9llo'");
}

TEST_CASE("trailing spaces are trimmed to make a value fit, and only spaces") {
    CHECK(coerce_literal("ab     ", varchar(3), 0) == "'ab '");
    CHECK(coerce_literal("abc   ", varchar(3), 0) == "'abc'");
    CHECK(coercion_error("abcd  ", varchar(3)).sqlstate() == "22001");
    // A value that fits keeps its trailing spaces.
    CHECK(coerce_literal("a  ", varchar(5), 0) == "'a  '");
}

TEST_CASE("char(n) pads with spaces and refuses longer values") {
    CHECK(coerce_literal("ab", character(5), 0) == "'ab   '");
    CHECK(coerce_literal("abcde", character(5), 0) == "'abcde'");
    CHECK(coerce_literal("abc  ", character(3), 0) == "'abc'");
    PgError e = coercion_error("abcdef", character(5));
    CHECK(e.sqlstate() == "22001");
    CHECK(std::string(e.what()) == "value too long for type character(5)");
}

TEST_CASE("uuid literals are normalized to lowercase with dashes") {
    CHECK(coerce_literal("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11", kUuid, 0) ==
          "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'");
    CHECK(coerce_literal("{a0eebc999c0b4ef8bb6d6bb9bd380a11}", kUuid, 0) ==
          "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'");
    CHECK(coerce_literal("a0eebc999c0b4ef8bb6d6bb9bd380a11", kUuid, 0) ==
          "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'");
    for (const char* text :
         {"not-a-uuid", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1",
          "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11ff", "{a0eebc999c0b4ef8bb6d6bb9bd380a11"}) {
        CAPTURE(text);
        PgError e = coercion_error(text, kUuid);
        CHECK(e.sqlstate() == "22P02");
        CHECK(std::string(e.what()) ==
              "invalid input syntax for type uuid: \"" + std::string(text) + "\"");
    }
}

TEST_CASE("bytea literals become SQLite blob literals") {
    CHECK(coerce_literal("\\xDEADbeef", kBytea, 0) == "X'deadbeef'");
    CHECK(coerce_literal("AZ", kBytea, 0) == "X'415a'");
}

TEST_CASE("date and timestamp literals are stored in PostgreSQL's ISO output form") {
    CHECK(coerce_literal("2024-01-15", tr::kDate, 0) == "'2024-01-15'");
    CHECK(coerce_literal("2024-01-15 10:20:30", tr::kDate, 0) == "'2024-01-15'");
    CHECK(coerce_literal("2024-01-15T10:20:30.500", tr::kTimestamp, 0) ==
          "'2024-01-15 10:20:30.5'");
    CHECK(coerce_literal("2024-01-15", tr::kTimestamp, 0) == "'2024-01-15 00:00:00'");
    CHECK(coerce_literal("2024-01-15T10:20:30Z", tr::kTimestamptz, 0) ==
          "'2024-01-15 10:20:30+00'");
    CHECK(coerce_literal("2024-01-15 10:20:30+05:30", tr::kTimestamptz, 0) ==
          "'2024-01-15 04:50:30+00'");
    CHECK(coerce_literal("2024-01-15 20:00:00-08", tr::kTimestamptz, 0) ==
          "'2024-01-16 04:00:00+00'");
}

TEST_CASE("an impossible date is 22008 and bad date syntax is 22007") {
    PgError range = coercion_error("2024-02-30", tr::kDate);
    CHECK(range.sqlstate() == "22008");
    CHECK(std::string(range.what()) == "date/time field value out of range: \"2024-02-30\"");

    PgError syntax = coercion_error("yesterday-ish", tr::kDate);
    CHECK(syntax.sqlstate() == "22007");
    CHECK(std::string(syntax.what()) == "invalid input syntax for type date: \"yesterday-ish\"");

    PgError ts = coercion_error("2024-01-15 10:20:xx", tr::kTimestamptz);
    CHECK(ts.sqlstate() == "22007");
    CHECK(std::string(ts.what()) ==
          "invalid input syntax for type timestamp with time zone: \"2024-01-15 10:20:xx\"");
}

TEST_CASE("run-time datetime input uses the same rules") {
    CHECK(normalize_datetime_input("2024-01-15T01:00:00+02", oid::kTimestamptz) ==
          "2024-01-14 23:00:00+00");
    CHECK(normalize_datetime_input("2024-1-5", oid::kDate) == "2024-01-05");
    try {
        normalize_datetime_input("2023-02-29", oid::kTimestamp);
        FAIL("expected PgError");
    } catch (const PgError& e) {
        CHECK(e.sqlstate() == "22008");
        CHECK(e.position() == 0);
    }
}

TEST_CASE("text and other string-like types are quoted verbatim") {
    CHECK(coerce_literal("O'Brien", tr::kText, 0) == "'O''Brien'");
    CHECK(coerce_literal("  spaced  ", tr::kText, 0) == "'  spaced  '");
    // varchar without a length has no limit.
    CHECK(coerce_literal(std::string(500, 'x'), PgType{oid::kVarchar, -1}, 0) ==
          "'" + std::string(500, 'x') + "'");
}
