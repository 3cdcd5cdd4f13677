// interval_text_test.cpp — interval input forms, postgres-style output and
// the binary layout, against what PostgreSQL 15 prints.
#include "pgwire/interval_text.h"

#include <doctest/doctest.h>

#include <string>

using litegres::pgwire::format_interval;
using litegres::pgwire::Interval;
using litegres::pgwire::IntervalParse;
using litegres::pgwire::parse_interval;

namespace {

std::string round_trip(const std::string& text) {
    Interval v;
    REQUIRE(parse_interval(text, v) == IntervalParse::kOk);
    return format_interval(v);
}

}  // namespace

TEST_CASE("interval input forms print as PostgreSQL prints them") {
    struct Case { const char* in; const char* out; };
    for (Case c : {Case{"1 day", "1 day"}, Case{"2 hours 30 minutes", "02:30:00"}, Case{"1 year 2 mons", "1 year 2 mons"},
                   Case{"01:02:03", "01:02:03"}, Case{"P1DT2H", "1 day 02:00:00"},
                   Case{"P1Y2M3DT4H5M6.5S", "1 year 2 mons 3 days 04:05:06.5"}, Case{"-1 day +02:00", "-1 days +02:00:00"},
                   Case{"@ 1 hour ago", "-01:00:00"}, Case{"1 day -1 hour", "1 day -01:00:00"},
                   Case{"-1 year -2 mons", "-1 years -2 mons"}, Case{"1.5 years", "1 year 6 mons"},
                   Case{"1.5 months", "1 mon 15 days"}, Case{"1.5 weeks", "10 days 12:00:00"}, Case{"10", "00:00:10"},
                   Case{"1:2", "01:02:00"}, Case{"-01:02:03.5", "-01:02:03.5"}, Case{"100 hours", "100:00:00"},
                   Case{"1 millisecond", "00:00:00.001"}, Case{"2 decades", "20 years"}, Case{"P0.5Y", "6 mons"},
                   Case{"0", "00:00:00"}, Case{"5 days 1 hour ago", "-5 days -01:00:00"}, Case{"1DAY", "1 day"}}) {
        CAPTURE(c.in);
        CHECK(round_trip(c.in) == c.out);
    }
}

TEST_CASE("bad interval input is rejected, including a unit given twice") {
    Interval v;
    for (const char* bad : {"abc", "", "1 day 1 day", "1 2", "P", "1 fortnight", "1:2:3:4"}) {
        CAPTURE(bad);
        CHECK(parse_interval(bad, v) == IntervalParse::kBadSyntax);
    }
    CHECK(parse_interval("3000000000 days", v) == IntervalParse::kOutOfRange);
}

TEST_CASE("intervals compare by 30-day months and 24-hour days") {
    Interval month, days, day, hours;
    REQUIRE(parse_interval("1 mon", month) == IntervalParse::kOk);
    REQUIRE(parse_interval("30 days", days) == IntervalParse::kOk);
    REQUIRE(parse_interval("1 day", day) == IntervalParse::kOk);
    REQUIRE(parse_interval("25 hours", hours) == IntervalParse::kOk);
    CHECK(month.compare_key() == days.compare_key());
    CHECK(day.compare_key() < hours.compare_key());
    CHECK(!(month == days));  // equal in order, distinct values
}

TEST_CASE("interval binary layout is int64 microseconds, int32 days, int32 months") {
    Interval v{14, 3, 4 * 3600000000LL + 500000};
    std::string out;
    litegres::pgwire::append_interval_binary(out, v);
    REQUIRE(out.size() == 16);
    CHECK(out == std::string("\x00\x00\x00\x03\x5a\x56\x31\x20\x00\x00\x00\x03\x00\x00\x00\x0e", 16));
    CHECK(litegres::pgwire::read_interval_binary(out) == v);
    CHECK(!litegres::pgwire::read_interval_binary(out.substr(1)).has_value());
    std::string negative;
    litegres::pgwire::append_interval_binary(negative, Interval{-1, -2, -3});
    CHECK(litegres::pgwire::read_interval_binary(negative) == Interval{-1, -2, -3});
}

TEST_CASE("a typmod's range picks the unit of a bare number and drops lower fields") {
    namespace range = litegres::pgwire::interval_range;
    auto typed = [](const char* text, int r, int precision) {
        Interval v;
        REQUIRE(parse_interval(text, v, r) == IntervalParse::kOk);
        litegres::pgwire::apply_interval_typmod(v, (r << 16) | precision);
        return format_interval(v);
    };
    const int full = litegres::pgwire::kIntervalFullPrecision;
    CHECK(typed("1", range::kHour, full) == "01:00:00");
    CHECK(typed("1", range::kYear, full) == "1 year");
    CHECK(typed("1", range::kHour | range::kMinute, full) == "00:01:00");
    CHECK(typed("1 day 02:03:04.5", range::kHour | range::kMinute, full) == "1 day 02:03:00");
    CHECK(typed("1 year 2 mons 3 days", range::kYear | range::kMonth, full) == "1 year 2 mons");
    CHECK(typed("3 4", range::kDay | range::kHour, full) == "3 days 04:00:00");
    CHECK(typed("1 day 02:03:04.5678", range::kSecond, 2) == "1 day 02:03:04.57");
}
