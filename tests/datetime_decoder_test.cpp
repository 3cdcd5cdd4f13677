// datetime_decoder_test.cpp — PostgreSQL's date/time input decoder: each
// input form, the DateStyle field order, zones, and the error kinds
// (expected values are what PostgreSQL 15 reads from the same text).
#include "translate/datetime_decoder.h"

#include <doctest/doctest.h>

#include <string>

using namespace litegres::translate;

namespace {

std::string ymd(std::string_view text, DateOrder order = DateOrder::kMdy) {
    DecodedDateTime d;
    if (decode_datetime(text, order, d) != DecodeStatus::kOk) return "error";
    return std::to_string(d.year) + "-" + std::to_string(d.month) + "-" + std::to_string(d.day);
}

DecodeStatus status(std::string_view text, DateOrder order = DateOrder::kMdy) {
    DecodedDateTime d;
    return decode_datetime(text, order, d);
}

DecodedDateTime decoded(std::string_view text) {
    DecodedDateTime d;
    REQUIRE(decode_datetime(text, DateOrder::kMdy, d) == DecodeStatus::kOk);
    return d;
}

}  // namespace

TEST_CASE("month names place the numbers around them in any DateStyle") {
    for (DateOrder order : {DateOrder::kMdy, DateOrder::kDmy}) {
        CHECK(ymd("Jan 15 2024", order) == "2024-1-15");
        CHECK(ymd("January 15, 2024", order) == "2024-1-15");
        CHECK(ymd("15-Jan-2024", order) == "2024-1-15");
        CHECK(ymd("2024-Jan-15", order) == "2024-1-15");
        CHECK(ymd("Monday, January 15, 2024", order) == "2024-1-15");
    }
    CHECK(ymd("15-Jan-2024", DateOrder::kYmd) == "2024-1-15");
}

TEST_CASE("numeric dates follow the DateStyle order; two-digit years are 1970-2069") {
    CHECK(ymd("01/15/2024") == "2024-1-15");
    CHECK(ymd("15/01/2024", DateOrder::kDmy) == "2024-1-15");
    CHECK(ymd("24/01/15", DateOrder::kYmd) == "2024-1-15");
    CHECK(ymd("1/2/24") == "2024-1-2");
    CHECK(ymd("1/2/69") == "2069-1-2");
    CHECK(ymd("1/2/70") == "1970-1-2");
    CHECK(ymd("2024-01-15", DateOrder::kDmy) == "2024-1-15");
    CHECK(status("15/01/2024") == DecodeStatus::kMonthDayOverflow);
    CHECK(status("2024-02-30") == DecodeStatus::kFieldOverflow);
}

TEST_CASE("run-together, dotted and Julian forms") {
    CHECK(ymd("20240115") == "2024-1-15");
    CHECK(ymd("2024.01.15") == "2024-1-15");
    CHECK(ymd("J2451187") == "1999-1-8");
    DecodedDateTime d = decoded("20240115T103005");
    CHECK(d.hour == 10);
    CHECK(d.minute == 30);
    CHECK(d.second == 5);
}

TEST_CASE("times: AM/PM, fractions, 24:00, allballs") {
    CHECK(decoded("2024-01-15 12:00 AM").hour == 0);
    CHECK(decoded("2024-01-15 12:30 pm").hour == 12);
    CHECK(decoded("Jan 15 2024 10:00 PM").hour == 22);
    CHECK(decoded("2024-01-15 10:00:00.1234567").microsecond == 123457);
    CHECK(decoded("2024-01-15 24:00:00").time_micros() == 86400000000LL);
    DecodedDateTime z = decoded("2024-01-15 allballs");
    CHECK(z.time_micros() == 0);
    CHECK(z.utc_offset == 0);
    CHECK(status("2024-01-15 25:00") == DecodeStatus::kFieldOverflow);
    CHECK(status("2024-01-15 13:00 pm") == DecodeStatus::kFieldOverflow);
}

TEST_CASE("zones: abbreviations, offsets, names") {
    CHECK(decoded("Mon Jan 15 10:00:00 2024 PST").utc_offset == -8 * 3600);
    CHECK(decoded("2024-07-15 10:00 EDT").utc_offset == -4 * 3600);
    CHECK(decoded("2024-01-15 10:00 Z").utc_offset == 0);
    CHECK(decoded("2024-01-15 10:00-0530").utc_offset == -(5 * 3600 + 1800));
    CHECK(decoded("2024-01-15 10:00 +05:30").utc_offset == 5 * 3600 + 1800);
    DecodedDateTime named = decoded("2024-01-15 10:00 America/New_York");
    REQUIRE(named.zone != nullptr);
    CHECK(named.zone->name() == "America/New_York");
    CHECK(status("2024-01-15 10:00 +16") == DecodeStatus::kZoneOverflow);
    CHECK_THROWS(status("2024-01-15 10:00 Mars/Olympus"));
}

TEST_CASE("special words and bad input") {
    CHECK(decoded("epoch").kind == DecodedDateTime::Kind::kEpoch);
    CHECK(decoded("-infinity").kind == DecodedDateTime::Kind::kMinusInfinity);
    CHECK(decoded("today").relative_day == 0);
    CHECK(decoded("yesterday 10:00").relative_day == -1);
    CHECK(decoded("yesterday 10:00").hour == 10);
    CHECK(status("+infinity") == DecodeStatus::kBadFormat);
    CHECK(status("garbage") == DecodeStatus::kBadFormat);
    CHECK(status("") == DecodeStatus::kBadFormat);
    CHECK(status("10:00") == DecodeStatus::kBadFormat);
    CHECK(status("2024-01-15 now") == DecodeStatus::kBadFormat);
    CHECK(decoded("0001-01-01 BC").year == 0);
}

TEST_CASE("time-only decoding, as time with time zone input reads it") {
    DecodedDateTime d;
    REQUIRE(decode_datetime("10:00 PST", DateOrder::kMdy, d, true) == DecodeStatus::kOk);
    CHECK(d.hour == 10);
    CHECK(d.utc_offset == -8 * 3600);
    CHECK(decode_datetime("10:00 America/New_York", DateOrder::kMdy, d, true) ==
          DecodeStatus::kBadFormat);
    CHECK(decode_datetime("2024-07-15 10:00 Europe/Paris", DateOrder::kMdy, d, true) ==
          DecodeStatus::kOk);
    CHECK(decode_datetime("epoch", DateOrder::kMdy, d, true) == DecodeStatus::kBadFormat);
    CHECK(decode_datetime("PST", DateOrder::kMdy, d, true) == DecodeStatus::kBadFormat);
}
