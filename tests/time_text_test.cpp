// time_text_test.cpp — time input (AM/PM, a leading date, a zone ignored,
// rounding to microseconds) and output, and its binary layout.
#include "pgwire/time_text.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "pgwire/binary_format.h"

using namespace litegres::pgwire;

namespace {

std::string round_trip(const char* text) {
    int64_t micros;
    REQUIRE(parse_time(text, micros) == TimeParse::kOk);
    return format_time(micros);
}

}  // namespace

TEST_CASE("time input forms print as PostgreSQL prints them") {
    CHECK(round_trip("10:30") == "10:30:00");
    CHECK(round_trip("10:30:00.1234567") == "10:30:00.123457");
    CHECK(round_trip("23:59:59.9999999") == "24:00:00");
    CHECK(round_trip("24:00") == "24:00:00");
    CHECK(round_trip("10:30 pm") == "22:30:00");
    CHECK(round_trip("12:05 AM") == "00:05:00");
    CHECK(round_trip("2024-01-01 10:30:15") == "10:30:15");
    CHECK(round_trip("10:30:00+02") == "10:30:00");
    CHECK(round_trip("allballs") == "00:00:00");
    CHECK(round_trip("1030") == "10:30:00");
}

TEST_CASE("bad time input") {
    int64_t micros;
    CHECK(parse_time("25:00", micros) == TimeParse::kOutOfRange);
    CHECK(parse_time("10:61", micros) == TimeParse::kOutOfRange);
    CHECK(parse_time("24:00:01", micros) == TimeParse::kOutOfRange);
    CHECK(parse_time("x", micros) == TimeParse::kBadSyntax);
    CHECK(parse_time("10:", micros) == TimeParse::kBadSyntax);
}

TEST_CASE("time, interval and infinite timestamps in binary") {
    std::string out;
    append_binary_from_text(out, oid::kTime, "10:00:00.5");
    CHECK(out == std::string("\x00\x00\x00\x08\x61\xcc\x09\x20", 8));  // 36000500000 µs
    CHECK(decode_binary(oid::kTime, out).bytes == "10:00:00.5");
    out.clear();
    append_binary_from_text(out, oid::kInterval, "1 year 2 mons 3 days 04:00:00.5");
    CHECK(decode_binary(oid::kInterval, out).bytes == "1 year 2 mons 3 days 04:00:00.5");
    out.clear();
    append_binary_from_text(out, oid::kTimestamp, "infinity");
    CHECK(out == std::string("\x7f\xff\xff\xff\xff\xff\xff\xff", 8));
    CHECK(decode_binary(oid::kTimestamptz, out).bytes == "infinity");
    out.clear();
    append_binary_from_text(out, oid::kDate, "-infinity");
    CHECK(out == std::string("\x80\x00\x00\x00", 4));
    CHECK(decode_binary(oid::kDate, out).bytes == "-infinity");
}

TEST_CASE("time with time zone keeps its offset and orders by the UTC instant, then zone") {
    int64_t micros;
    std::optional<int> offset;
    REQUIRE(parse_timetz("10:00:00.5+05:30", micros, offset) == TimeParse::kOk);
    CHECK(offset == 19800);
    CHECK(format_timetz(micros, *offset) == "10:00:00.5+05:30");
    REQUIRE(parse_timetz("10:00-0800", micros, offset) == TimeParse::kOk);
    CHECK(format_timetz(micros, *offset) == "10:00:00-08");
    REQUIRE(parse_timetz("10:00", micros, offset) == TimeParse::kOk);
    CHECK(!offset.has_value());
    const int64_t hour = 3600000000LL;
    CHECK(compare_timetz(10 * hour, 7200, 9 * hour, 3600) != 0);  // same instant, different zones
    CHECK(compare_timetz(10 * hour, 7200, 9 * hour + hour / 2, 0) < 0);
    CHECK(compare_timetz(10 * hour, 7200, 10 * hour, 7200) == 0);
    std::string out;
    append_binary_from_text(out, oid::kTimetz, "10:00:00+02");
    // int64 microseconds, then the zone as int32 seconds west (-7200).
    CHECK(out == std::string("\x00\x00\x00\x08\x61\xc4\x68\x00\xff\xff\xe3\xe0", 12));
    CHECK(decode_binary(oid::kTimetz, out).bytes == "10:00:00+02");
}
