// datetime_arithmetic_test.cpp — PostgreSQL's date/time operator rules:
// month steps clamp to the month's end, timestamptz day steps follow the
// zone's wall clock across DST, interval * / cascade fractions, justify_*,
// age() borrows from the calendar, and out-of-range results are 22008.
#include "translate/datetime_arithmetic.h"

#include <doctest/doctest.h>

#include <string>

#include "pgwire/pg_error.h"

using namespace litegres::translate;
using litegres::pgwire::format_interval;
using litegres::pgwire::PgError;

namespace {

int64_t ts(const std::string& text) {
    auto v = timestamp_from_text(text);
    REQUIRE(v.has_value());
    return *v;
}

Interval iv(const std::string& text) {
    auto v = interval_from_text(text);
    REQUIRE(v.has_value());
    return *v;
}

std::string sqlstate_of(void (*f)()) {
    try {
        f();
    } catch (const PgError& e) {
        return e.sqlstate();
    }
    return "";
}

}  // namespace

TEST_CASE("timestamp + interval steps months, then days, then time") {
    CHECK(timestamp_to_text(timestamp_plus_interval(ts("2024-01-31 10:00:00"), iv("1 mon"), nullptr)) ==
          "2024-02-29 10:00:00");
    CHECK(timestamp_to_text(timestamp_plus_interval(ts("2024-02-29 00:00:00"), iv("1 year"), nullptr)) ==
          "2025-02-28 00:00:00");
    CHECK(timestamp_to_text(timestamp_plus_interval(ts("2024-01-01 00:00:00"), iv("-1 mon -1 day -01:00"), nullptr)) ==
          "2023-11-29 23:00:00");
    CHECK(timestamp_plus_interval(kTimestampInfinity, iv("1 day"), nullptr) == kTimestampInfinity);
    CHECK(sqlstate_of([] { timestamp_plus_interval(ts("294276-12-31 00:00:00"), iv("1 year"), nullptr); }) == "22008");
}

TEST_CASE("timestamptz + '1 day' keeps the wall clock across DST; + '24 hours' does not") {
    auto ny = TimeZone::find("America/New_York");
    int64_t before = ts("2024-03-09 17:00:00+00");  // 12:00 EST
    CHECK(timestamptz_to_text(timestamp_plus_interval(before, iv("1 day"), ny.get()), *ny) == "2024-03-10 12:00:00-04");
    CHECK(timestamptz_to_text(timestamp_plus_interval(before, iv("24 hours"), ny.get()), *ny) ==
          "2024-03-10 13:00:00-04");
    CHECK(timestamptz_to_text(ts("2024-01-15 10:00:00+00"), *TimeZone::find("Asia/Kolkata")) ==
          "2024-01-15 15:30:00+05:30");
    CHECK(timestamptz_to_text(ts("1900-01-01 00:00:00+00"), *TimeZone::find("Europe/Berlin")) ==
          "1900-01-01 01:00:00+01");
}

TEST_CASE("timestamp - timestamp is an interval with whole days split off") {
    CHECK(format_interval(timestamp_difference(ts("2024-01-01 10:00:00"), ts("2023-12-01 09:00:00"))) ==
          "31 days 01:00:00");
    CHECK(format_interval(timestamp_difference(ts("2024-01-01 00:00:00"), ts("2024-01-02 01:00:00"))) ==
          "-1 days -01:00:00");
    CHECK(sqlstate_of([] { timestamp_difference(kTimestampInfinity, 0); }) == "22008");
}

TEST_CASE("interval multiplication and division cascade fractions as interval_mul") {
    CHECK(format_interval(interval_multiply(iv("1 day"), 1.5)) == "1 day 12:00:00");
    CHECK(format_interval(interval_multiply(iv("1 mon"), 0.3)) == "9 days");
    CHECK(format_interval(interval_divide(iv("1 mon"), 7)) == "4 days 06:51:25.6896");
    CHECK(format_interval(interval_divide(iv("1 hour"), 0.3)) == "03:20:00");
    CHECK(sqlstate_of([] { interval_divide(Interval{0, 1, 0}, 0); }) == "22012");
    CHECK(sqlstate_of([] { interval_add(Interval{0, INT32_MAX, 0}, Interval{0, 1, 0}); }) == "22008");
}

TEST_CASE("justify_hours, justify_days and justify_interval") {
    CHECK(format_interval(justify_hours(iv("50 hours"))) == "2 days 02:00:00");
    CHECK(format_interval(justify_hours(iv("-1 day 2 hours"))) == "-22:00:00");
    CHECK(format_interval(justify_days(iv("35 days"))) == "1 mon 5 days");
    CHECK(format_interval(justify_interval(iv("1 mon -1 hour"))) == "29 days 23:00:00");
    CHECK(format_interval(justify_interval(iv("-1 mon 50 days 25:00"))) == "21 days 01:00:00");
}

TEST_CASE("age borrows days from the month before the later date") {
    CHECK(format_interval(timestamp_age(ts("2024-03-31 00:00:00"), ts("2024-02-29 10:00:00"), nullptr)) ==
          "1 mon 1 day 14:00:00");
    CHECK(format_interval(timestamp_age(ts("2024-01-01 00:00:00"), ts("2024-03-15 00:00:00"), nullptr)) ==
          "-2 mons -14 days");
    CHECK(format_interval(timestamp_age(ts("2001-04-10 00:00:00"), ts("1957-06-13 00:00:00"), nullptr)) ==
          "43 years 9 mons 27 days");
}

TEST_CASE("time + interval wraps around midnight") {
    CHECK(time_plus_interval(10 * 3600000000LL, iv("15 hours")) == 1 * 3600000000LL);
    CHECK(time_plus_interval(10 * 3600000000LL, iv("-11 hours")) == 23 * 3600000000LL);
    CHECK(time_plus_interval(0, iv("1 day")) == 0);
}

TEST_CASE("stored forms round-trip, including infinity") {
    CHECK(timestamp_to_text(ts("2024-01-15 10:00:00.5")) == "2024-01-15 10:00:00.5");
    CHECK(timestamptz_to_text(ts("2024-01-15 10:00:00-05")) == "2024-01-15 15:00:00+00");
    CHECK(timestamp_to_text(ts("infinity")) == "infinity");
    CHECK(date_to_text(*date_from_text("-infinity")) == "-infinity");
    CHECK(date_to_text(*date_from_text("2024-02-29")) == "2024-02-29");
}
