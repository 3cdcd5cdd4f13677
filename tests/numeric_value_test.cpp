// numeric_value_test.cpp — the exact decimal: input, output, arithmetic and
// result scales. Expected values were checked against PostgreSQL 15.
#include "translate/numeric_value.h"

#include <doctest/doctest.h>

#include <string>

#include "pgwire/pg_error.h"

using litegres::pgwire::PgError;
using litegres::translate::NumericValue;

namespace {

std::string text(const char* s) {
    return NumericValue::parse(s).to_string();
}
NumericValue n(const char* s) {
    return NumericValue::parse(s);
}

std::string sqlstate_of(auto&& fn) {
    try {
        fn();
    } catch (const PgError& e) {
        return e.sqlstate();
    }
    return "none";
}

}  // namespace

TEST_CASE("numeric input keeps its display scale and reads exponents") {
    CHECK(text("1.50") == "1.50");
    CHECK(text("  -1.5e2 ") == "-150");
    CHECK(text("1.23e1") == "12.3");
    CHECK(text("1e-3") == "0.001");
    CHECK(text(".5") == "0.5");
    CHECK(text("5.") == "5");
    CHECK(text("-0.00") == "0.00");
    CHECK(text("+007") == "7");
    CHECK(text("nan") == "NaN");
    CHECK(text("-Infinity") == "-Infinity");
    CHECK(text("123456789012345678901234567890") == "123456789012345678901234567890");
}

TEST_CASE("bad numeric input is 22P02 with PostgreSQL's message") {
    for (const char* bad : {"", "abc", "1.2.3", "1e", "--1", "1 2", "."}) {
        CHECK(sqlstate_of([&] { NumericValue::parse(bad); }) == "22P02");
    }
    try {
        NumericValue::parse("x1");
    } catch (const PgError& e) {
        CHECK(std::string(e.what()) == "invalid input syntax for type numeric: \"x1\"");
    }
    CHECK(sqlstate_of([] { NumericValue::parse("1e200000"); }) == "22003");
}

TEST_CASE("+ - * keep exact digits and PostgreSQL's scales") {
    CHECK(n("0.1").add(n("0.2")).to_string() == "0.3");
    CHECK(n("1.50").multiply(n("2.0")).to_string() == "3.000");
    CHECK(n("1.5").subtract(n("1.50")).to_string() == "0.00");
    CHECK(n("99999999999999999999").add(n("1")).to_string() == "100000000000000000000");
    CHECK(n("NaN").add(n("1")).is_nan());
}

TEST_CASE("division uses select_div_scale and rounds half away from zero") {
    CHECK(n("5.0").divide(n("3")).to_string() == "1.6666666666666667");
    CHECK(n("1").divide(n("7")).to_string() == "0.14285714285714285714");
    CHECK(n("123456789.0").divide(n("7")).to_string() == "17636684.142857142857");
    CHECK(n("1.0").divide(n("3000000")).to_string() == "0.000000333333333333333333");
    CHECK(n("0").divide(n("5")).to_string() == "0.00000000000000000000");
    CHECK(n("10").divide(n("4")).to_string() == "2.5000000000000000");
    CHECK(n("-2").divide(n("3")).to_string() == "-0.66666666666666666667");
    CHECK(sqlstate_of([] { n("1").divide(n("0.00")); }) == "22012");
    CHECK(n("NaN").divide(n("0")).is_nan());
}

TEST_CASE("mod, div, round, trunc, ceil, floor, sqrt, power") {
    CHECK(n("7.5").modulo(n("2")).to_string() == "1.5");
    CHECK(n("-7.5").modulo(n("2")).to_string() == "-1.5");
    CHECK(n("7.5").divide_truncated(n("2")).to_string() == "3");
    CHECK(n("2.5").round(0).to_string() == "3");
    CHECK(n("-2.5").round(0).to_string() == "-3");
    CHECK(n("1.5").round(3).to_string() == "1.500");
    CHECK(n("1234.5").round(-2).to_string() == "1200");
    CHECK(n("1.234").round(-1).to_string() == "0");
    CHECK(n("1.99").truncate(1).to_string() == "1.9");
    CHECK(n("1.2").ceil().to_string() == "2");
    CHECK(n("-1.2").floor().to_string() == "-2");
    CHECK(n("-1.50").abs().to_string() == "1.50");
    CHECK(n("-1.50").sign().to_string() == "-1");
    CHECK(n("2").sqrt().to_string() == "1.414213562373095");
    CHECK(n("1.00").sqrt().to_string() == "1.000000000000000");
    CHECK(n("2").power(n("10")).to_string() == "1024.0000000000000000");
    CHECK(n("1.5").power(n("3")).to_string() == "3.3750000000000000");
    CHECK(n("2.0").power(n("-2")).to_string() == "0.2500000000000000");
    CHECK(n("0").power(n("0")).to_string() == "1.0000000000000000");
    // Non-integer exponents: e ^ (y * ln x) at power_var's result scale.
    CHECK(n("2.0").power(n("0.5")).to_string() == "1.4142135623730950");
    CHECK(n("100").power(n("0.5")).to_string() == "10.000000000000000");
    CHECK(n("0.001").power(n("1.5")).to_string() == "0.00003162277660168379");
    CHECK(n("2").power(n("100.5")).to_string() == "1792728671193156477399422023278.7");
    CHECK(n("1.0001").power(n("1000.5")).to_string() == "1.1052206494914752");
    CHECK(n("0.0").power(n("0.5")).to_string() == "0.0000000000000000");
    CHECK(sqlstate_of([] { n("-2").power(n("0.5")); }) == "2201F");
    CHECK(sqlstate_of([] { n("-1").sqrt(); }) == "2201F");
    CHECK(sqlstate_of([] { n("0").power(n("-1")); }) == "2201F");
}

TEST_CASE("comparison ignores the display scale; NaN sorts last") {
    CHECK(n("1.0").compare(n("1.00")) == 0);
    CHECK(n("-1").compare(n("0.5")) < 0);
    CHECK(n("10").compare(n("9.99")) > 0);
    CHECK(n("NaN").compare(n("1e100")) > 0);
    CHECK(n("NaN").compare(n("NaN")) == 0);
    CHECK(n("-Infinity").compare(n("-1e100")) < 0);
}

TEST_CASE("numeric(p,s) rounds to s and reports overflow with PostgreSQL's detail") {
    using litegres::translate::NumericValue;
    auto typmod = [](int p, int s) { return ((p << 16) | s) + 4; };
    CHECK(n("1.005").with_typmod(typmod(5, 2)).to_string() == "1.01");
    CHECK(n("2").with_typmod(typmod(5, 2)).to_string() == "2.00");
    CHECK(n("999.995").with_typmod(typmod(6, 2)).to_string() == "1000.00");
    try {
        n("12345.678").with_typmod(typmod(5, 2));
        FAIL("no overflow");
    } catch (const PgError& e) {
        CHECK(e.sqlstate() == "22003");
        CHECK(std::string(e.what()) == "numeric field overflow");
        CHECK(e.detail() ==
              "A field with precision 5, scale 2 must round to an absolute value less than 10^3.");
    }
    try {
        n("1.5").with_typmod(typmod(2, 2));
        FAIL("no overflow");
    } catch (const PgError& e) {
        CHECK(e.detail() ==
              "A field with precision 2, scale 2 must round to an absolute value less than 1.");
    }
}

TEST_CASE("conversions to and from float8 and integers") {
    CHECK(NumericValue::from_double(0.1).to_string() == "0.1");
    CHECK(NumericValue::from_double(1e20).to_string() == "100000000000000000000");
    CHECK(NumericValue::from_double(1.0 / 3).to_string() == "0.333333333333333");
    CHECK(NumericValue::from_int64(-42).to_string() == "-42");
    CHECK(n("2.5").to_int64() == 3);
    CHECK(n("-2.5").to_int64() == -3);
    CHECK(!n("9223372036854775808").to_int64().has_value());
    CHECK(n("1.25").to_double() == 1.25);
}

TEST_CASE("infinities follow PostgreSQL 15's arithmetic") {
    NumericValue inf = n("Infinity"), minus_inf = n("-inf");
    CHECK(inf.add(n("1")).to_string() == "Infinity");
    CHECK(inf.subtract(inf).is_nan());
    CHECK(inf.multiply(n("0")).is_nan());
    CHECK(minus_inf.multiply(n("2")).to_string() == "-Infinity");
    CHECK(inf.divide(n("-2")).to_string() == "-Infinity");
    CHECK(n("1").divide(inf).to_string() == "0");
    CHECK(inf.modulo(n("2")).is_nan());
    CHECK(n("5.5").modulo(inf).to_string() == "5.5");
    CHECK(inf.divide_truncated(n("2")).to_string() == "Infinity");
    CHECK(inf.sqrt().to_string() == "Infinity");
    CHECK(inf.round(2).to_string() == "Infinity");
    CHECK(minus_inf.ceil().to_string() == "-Infinity");
    CHECK(minus_inf.sign().to_string() == "-1");
    CHECK(minus_inf.abs().to_string() == "Infinity");
    CHECK(sqlstate_of([&] { inf.divide(n("0")); }) == "22012");
    CHECK(sqlstate_of([&] { inf.to_int64(); }) == "0A000");
    CHECK(sqlstate_of([&] { inf.with_typmod(((5 << 16) | 2) + 4); }) == "22003");
}
