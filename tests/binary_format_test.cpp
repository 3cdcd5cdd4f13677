// binary_format_test.cpp — PostgreSQL's binary send/receive layouts: exact
// bytes for each type litegres serves, and round trips through decode.
#include <doctest/doctest.h>

#include <cstring>
#include <string>

#include "pgwire/binary_format.h"
#include "pgwire/pg_error.h"

namespace oid = litegres::pgwire::oid;
using litegres::pgwire::append_binary_float;
using litegres::pgwire::append_binary_from_text;
using litegres::pgwire::append_binary_int;
using litegres::pgwire::decode_binary;
using litegres::pgwire::PgError;
using litegres::pgwire::WireValue;

namespace {
std::string bytes(std::initializer_list<int> values) {
    std::string out;
    for (int v : values) out.push_back(char(v));
    return out;
}
}  // namespace

TEST_CASE("integers are big-endian two's complement of the type's width") {
    std::string out;
    append_binary_int(out, oid::kInt2, -2);
    append_binary_int(out, oid::kInt4, 258);
    append_binary_int(out, oid::kInt8, -1);
    append_binary_int(out, oid::kBool, 1);
    CHECK(out == bytes({0xff, 0xfe, 0, 0, 1, 2, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1}));
    CHECK(decode_binary(oid::kInt2, bytes({0xff, 0xfe})).integer == -2);
    CHECK(decode_binary(oid::kInt4, bytes({0, 0, 1, 2})).integer == 258);
    CHECK(decode_binary(oid::kInt8, bytes({0x80, 0, 0, 0, 0, 0, 0, 0})).integer == INT64_MIN);
    CHECK(decode_binary(oid::kBool, bytes({1})).integer == 1);
}

TEST_CASE("floats are IEEE 754 big-endian") {
    std::string out;
    append_binary_float(out, oid::kFloat8, 1.5);
    CHECK(out == bytes({0x3f, 0xf8, 0, 0, 0, 0, 0, 0}));
    out.clear();
    append_binary_float(out, oid::kFloat4, 1.5);
    CHECK(out == bytes({0x3f, 0xc0, 0, 0}));
    CHECK(decode_binary(oid::kFloat8, bytes({0x3f, 0xf8, 0, 0, 0, 0, 0, 0})).real == 1.5);
    CHECK(decode_binary(oid::kFloat4, bytes({0xc0, 0x20, 0, 0})).real == -2.5);
}

TEST_CASE("a value of the wrong length is 22P03") {
    try {
        decode_binary(oid::kInt4, bytes({0, 1}));
        FAIL("expected an error");
    } catch (const PgError& e) {
        CHECK(e.sqlstate() == "22P03");
    }
}

TEST_CASE("numeric uses base-10000 digits with weight, sign and display scale") {
    // 12.500: ndigits 2, weight 0, sign +, dscale 3, digits [12, 5000].
    std::string out;
    append_binary_from_text(out, oid::kNumeric, "12.500");
    CHECK(out == bytes({0, 2, 0, 0, 0, 0, 0, 3, 0, 12, 0x13, 0x88}));
    CHECK(decode_binary(oid::kNumeric, out).bytes == "12.500");

    // -0.25: ndigits 1, weight -1, sign 0x4000, dscale 2, digits [2500].
    out.clear();
    append_binary_from_text(out, oid::kNumeric, "-0.25");
    CHECK(out == bytes({0, 1, 0xff, 0xff, 0x40, 0, 0, 2, 0x09, 0xc4}));
    CHECK(decode_binary(oid::kNumeric, out).bytes == "-0.25");

    // 10000 and 0 and a small fraction.
    for (const char* text : {"10000", "0", "0.0001", "123456789.987654321", "-1", "NaN", "Infinity", "-Infinity"}) {
        out.clear();
        append_binary_from_text(out, oid::kNumeric, text);
        CHECK(decode_binary(oid::kNumeric, out).bytes == text);
    }
}

TEST_CASE("date and timestamps count from 2000-01-01") {
    std::string out;
    append_binary_from_text(out, oid::kDate, "2000-01-02");
    CHECK(out == bytes({0, 0, 0, 1}));
    CHECK(decode_binary(oid::kDate, bytes({0xff, 0xff, 0xff, 0xff})).bytes == "1999-12-31");

    out.clear();
    append_binary_from_text(out, oid::kTimestamp, "2000-01-01 00:00:01.5");
    CHECK(out == bytes({0, 0, 0, 0, 0, 0x16, 0xe3, 0x60}));
    CHECK(decode_binary(oid::kTimestamp, out).bytes == "2000-01-01 00:00:01.5");

    // timestamptz is UTC on the wire and prints with +00.
    out.clear();
    append_binary_from_text(out, oid::kTimestamptz, "2024-01-15 10:30:00+00");
    CHECK(decode_binary(oid::kTimestamptz, out).bytes == "2024-01-15 10:30:00+00");
}

TEST_CASE("uuid is 16 raw bytes; jsonb carries version 1") {
    std::string out;
    append_binary_from_text(out, oid::kUuid, "12345678-1234-5678-1234-567812345678");
    CHECK(out.size() == 16);
    CHECK(uint8_t(out[0]) == 0x12);
    CHECK(decode_binary(oid::kUuid, out).bytes == "12345678-1234-5678-1234-567812345678");

    out.clear();
    append_binary_from_text(out, oid::kJsonb, "{\"a\": 1}");
    CHECK(out == std::string("\x01{\"a\": 1}"));
    CHECK(decode_binary(oid::kJsonb, out).bytes == "{\"a\": 1}");
}

TEST_CASE("bytea and text pass through unchanged") {
    WireValue blob = decode_binary(oid::kBytea, bytes({0, 1, 0xff}));
    CHECK(blob.kind == WireValue::Kind::kBlob);
    CHECK(blob.bytes == bytes({0, 1, 0xff}));
    CHECK(decode_binary(oid::kText, "héllo").bytes == "héllo");
}
