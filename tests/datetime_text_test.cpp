// datetime_text_test.cpp — ISO date/timestamp parsing (T, fractions, zones) and ISO output.
#include "pgwire/datetime_text.h"

#include <doctest/doctest.h>

#include <string>

using litegres::pgwire::DateTimeParse;
using litegres::pgwire::DateTimeValue;
using litegres::pgwire::format_date;
using litegres::pgwire::format_timestamp;
using litegres::pgwire::format_timestamptz;
using litegres::pgwire::format_timestamptz_from_unix_micros;
using litegres::pgwire::parse_datetime;

namespace {

DateTimeValue parsed(const std::string& text) {
    DateTimeValue v;
    REQUIRE(parse_datetime(text, v) == DateTimeParse::kOk);
    return v;
}

DateTimeParse outcome(const std::string& text) {
    DateTimeValue v;
    return parse_datetime(text, v);
}

}  // namespace

TEST_CASE("a date alone has no time part") {
    DateTimeValue v = parsed("2024-01-15");
    CHECK(v.year == 2024);
    CHECK(v.month == 1);
    CHECK(v.day == 15);
    CHECK_FALSE(v.has_time);
    CHECK_FALSE(v.utc_offset_seconds.has_value());
    CHECK(format_date(v) == "2024-01-15");
    CHECK(format_timestamp(v) == "2024-01-15 00:00:00");
}

TEST_CASE("single-digit months and days are zero-padded on output") {
    CHECK(format_date(parsed("2024-1-5")) == "2024-01-05");
}

TEST_CASE("a 'T' or a space separates date and time") {
    CHECK(format_timestamp(parsed("2024-01-15T10:20:30")) == "2024-01-15 10:20:30");
    CHECK(format_timestamp(parsed("2024-01-15 10:20:30")) == "2024-01-15 10:20:30");
    CHECK(format_timestamp(parsed("  2024-01-15   7:05  ")) == "2024-01-15 07:05:00");
}

TEST_CASE("fractional seconds keep microseconds and print without trailing zeros") {
    DateTimeValue v = parsed("2024-01-15 10:20:30.500");
    CHECK(v.microsecond == 500000);
    CHECK(format_timestamp(v) == "2024-01-15 10:20:30.5");
    CHECK(format_timestamp(parsed("2024-01-15 10:20:30.123456")) == "2024-01-15 10:20:30.123456");
    CHECK(format_timestamp(parsed("2024-01-15 10:20:30.000100")) == "2024-01-15 10:20:30.0001");
    CHECK(format_timestamp(parsed("2024-01-15 10:20:30.000")) == "2024-01-15 10:20:30");
}

TEST_CASE("zone suffixes are read as offsets from UTC") {
    CHECK(parsed("2024-01-15 10:00:00Z").utc_offset_seconds == 0);
    CHECK(parsed("2024-01-15 10:00:00+05:30").utc_offset_seconds == 19800);
    CHECK(parsed("2024-01-15 10:00:00-08").utc_offset_seconds == -28800);
    CHECK(parsed("2024-01-15 10:00:00+0530").utc_offset_seconds == 19800);
    CHECK(parsed("2024-01-15 10:00:00 +02").utc_offset_seconds == 7200);
}

TEST_CASE("timestamptz output is converted to UTC with a +00 suffix") {
    CHECK(format_timestamptz(parsed("2024-01-15 10:20:30Z")) == "2024-01-15 10:20:30+00");
    CHECK(format_timestamptz(parsed("2024-01-15 10:20:30+05:30")) == "2024-01-15 04:50:30+00");
    CHECK(format_timestamptz(parsed("2024-01-15 20:00:00-08")) == "2024-01-16 04:00:00+00");
    // Across a year boundary, keeping the fraction.
    CHECK(format_timestamptz(parsed("2024-01-01T02:00:00.25+05")) == "2023-12-31 21:00:00.25+00");
    // No zone: taken as the session TimeZone, UTC.
    CHECK(format_timestamptz(parsed("2024-03-01 12:00:00")) == "2024-03-01 12:00:00+00");
    // Across a leap day.
    CHECK(format_timestamptz(parsed("2024-03-01 01:00:00+02")) == "2024-02-29 23:00:00+00");
}

TEST_CASE("timestamp without time zone ignores a zone in the input") {
    CHECK(format_timestamp(parsed("2024-01-15 10:00:00+05")) == "2024-01-15 10:00:00");
}

TEST_CASE("impossible calendar dates are out of range, not bad syntax") {
    CHECK(outcome("2024-02-30") == DateTimeParse::kOutOfRange);
    CHECK(outcome("2023-02-29") == DateTimeParse::kOutOfRange);
    CHECK(outcome("2024-02-29") == DateTimeParse::kOk);
    CHECK(outcome("2024-13-01") == DateTimeParse::kOutOfRange);
    CHECK(outcome("2024-00-10") == DateTimeParse::kOutOfRange);
    CHECK(outcome("2024-04-31") == DateTimeParse::kOutOfRange);
    CHECK(outcome("2024-01-15 10:60:00") == DateTimeParse::kOutOfRange);
    CHECK(outcome("2024-01-15 25:00:00") == DateTimeParse::kOutOfRange);
}

TEST_CASE("malformed text is bad syntax") {
    CHECK(outcome("hello") == DateTimeParse::kBadSyntax);
    CHECK(outcome("") == DateTimeParse::kBadSyntax);
    CHECK(outcome("2024/01/15") == DateTimeParse::kBadSyntax);
    CHECK(outcome("2024-01-15 10") == DateTimeParse::kBadSyntax);
    CHECK(outcome("2024-01-15 10:20:30.") == DateTimeParse::kBadSyntax);
    CHECK(outcome("2024-01-15 10:20:30 extra") == DateTimeParse::kBadSyntax);
    CHECK(outcome("2024-01-15 10:20:30+") == DateTimeParse::kBadSyntax);
}

// PostgreSQL accepts 24:00:00 (end of day) and a leap second 60, and prints the
// normalized instant: '2024-01-15 24:00:00'::timestamp is 2024-01-16 00:00:00 and
// '2024-01-15 23:59:60'::timestamp is 2024-01-16 00:00:00; '24:00:01' is out of range.
TEST_CASE("end-of-day 24:00:00 and leap second 60 roll over to the next day") {
    CHECK(format_timestamp(parsed("2024-01-15 24:00:00")) == "2024-01-16 00:00:00");
    CHECK(format_timestamp(parsed("2024-01-15 23:59:60")) == "2024-01-16 00:00:00");
    CHECK(outcome("2024-01-15 24:30:00") == DateTimeParse::kOutOfRange);
    CHECK(outcome("2024-12-31 23:59:60.5") == DateTimeParse::kOutOfRange);
    CHECK(format_date(parsed("2024-01-15 24:00:00")) == "2024-01-15");
}

TEST_CASE("the current-time text comes from microseconds since the Unix epoch") {
    CHECK(format_timestamptz_from_unix_micros(0) == "1970-01-01 00:00:00+00");
    CHECK(format_timestamptz_from_unix_micros(1'500'000) == "1970-01-01 00:00:01.5+00");
    CHECK(format_timestamptz_from_unix_micros(-1) == "1969-12-31 23:59:59.999999+00");
    // 2024-01-15 10:20:30.123456 UTC
    CHECK(format_timestamptz_from_unix_micros(1705314030123456) == "2024-01-15 10:20:30.123456+00");
}
