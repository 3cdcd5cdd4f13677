// text_format_test.cpp — float8/float4 and boolean text output as PostgreSQL 15 prints it.
#include "pgwire/text_format.h"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>

using litegres::pgwire::append_float4_text;
using litegres::pgwire::append_float8_text;
using litegres::pgwire::bool_text;

namespace {

std::string f8(double v) {
    std::string out;
    append_float8_text(out, v);
    return out;
}

std::string f4(float v) {
    std::string out;
    append_float4_text(out, v);
    return out;
}

}  // namespace

TEST_CASE("float8 switches to exponent form at 1e15, as float8out does") {
    CHECK(f8(1e14) == "100000000000000");
    CHECK(f8(1e15) == "1e+15");
    CHECK(f8(123456789012345.0) == "123456789012345");
    CHECK(f8(1.2345678901234568e+17) == "1.2345678901234568e+17");
    CHECK(f8(1e100) == "1e+100");
    CHECK(f8(1.5e300) == "1.5e+300");
}

TEST_CASE("float8 small magnitudes switch to exponent form below 1e-4") {
    CHECK(f8(0.0001) == "0.0001");
    CHECK(f8(0.00001) == "1e-05");
    CHECK(f8(0.00012345) == "0.00012345");
    CHECK(f8(1.5e-10) == "1.5e-10");
    CHECK(f8(5e-324) == "5e-324");
}

TEST_CASE("float8 prints the shortest digits that round-trip") {
    CHECK(f8(0.1 + 0.2) == "0.30000000000000004");
    CHECK(f8(0.1) == "0.1");
    CHECK(f8(1.0 / 3.0) == "0.3333333333333333");
    CHECK(f8(3.14159) == "3.14159");
    CHECK(f8(-2.5) == "-2.5");
    CHECK(f8(100.0) == "100");
    CHECK(f8(1.0) == "1");
    CHECK(f8(0.0) == "0");
}

TEST_CASE("float8 special values are spelled as PostgreSQL spells them") {
    CHECK(f8(std::numeric_limits<double>::infinity()) == "Infinity");
    CHECK(f8(-std::numeric_limits<double>::infinity()) == "-Infinity");
    CHECK(f8(std::nan("")) == "NaN");
    CHECK(f8(-0.0) == "-0");
}

TEST_CASE("float4 switches to exponent form at 1e6") {
    CHECK(f4(1.5f) == "1.5");
    CHECK(f4(123456.0f) == "123456");
    CHECK(f4(1e6f) == "1e+06");
    CHECK(f4(1234567.0f) == "1.234567e+06");
    CHECK(f4(0.1f) == "0.1");
    CHECK(f4(0.00001f) == "1e-05");
    CHECK(f4(-3.25f) == "-3.25");
}

TEST_CASE("float4 special values") {
    CHECK(f4(std::numeric_limits<float>::infinity()) == "Infinity");
    CHECK(f4(-std::numeric_limits<float>::infinity()) == "-Infinity");
    CHECK(f4(std::nanf("")) == "NaN");
    CHECK(f4(-0.0f) == "-0");
}

TEST_CASE("float text is appended after what the buffer already holds") {
    std::string out = "x=";
    append_float8_text(out, 2.5);
    CHECK(out == "x=2.5");
}

TEST_CASE("booleans are t and f") {
    CHECK(std::string(bool_text(true)) == "t");
    CHECK(std::string(bool_text(false)) == "f");
}
