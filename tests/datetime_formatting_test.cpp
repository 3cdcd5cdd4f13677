// datetime_formatting_test.cpp — to_char patterns and to_timestamp parsing,
// with the outputs PostgreSQL 15 gives.
#include "translate/datetime_formatting.h"

#include <doctest/doctest.h>

#include "pgwire/pg_error.h"
#include "translate/datetime_arithmetic.h"

using namespace litegres::translate;

namespace {

int64_t ts(const char* text) { return *timestamp_from_text(text); }

}  // namespace

TEST_CASE("to_char timestamp patterns") {
    CHECK(format_timestamp_as(ts("2024-01-05 08:07:09.123456"),
                              "YYYY-MM-DD HH24:MI:SS.MS.US HH12 AM am pm P.M. Mon MON mon Month Day Dy DDD IW WW Q "
                              "CC J D ID SSSS FMMonth FMDD \"text\" YY Y,YYY",
                              0, "", false) ==
          "2024-01-05 08:07:09.123.123456 08 AM am am A.M. Jan JAN jan January   Friday    Fri 005 01 01 1 21 "
          "2460315 6 5 29229 January 5 text 24 2,024");
    CHECK(format_timestamp_as(ts("2024-03-01 00:00:00"), "FMDay, FMDDth Month YYYY", 0, "", false) ==
          "Friday, 1st March     2024");
    CHECK(format_timestamp_as(ts("2024-01-05 13:07:09"), "FMHH12:MI am", 0, "", false) == "1:07 pm");
    CHECK(format_timestamp_as(ts("2024-07-05 08:07:09"), "HH24:MI TZ tz OF", -4 * 3600, "EDT", true) ==
          "08:07 EDT edt -04");
}

TEST_CASE("to_char interval patterns keep signs and unbounded hours") {
    CHECK(format_interval_as(*interval_from_text("1 year 2 mons 3 days 04:05:06.5"), "YYYY MM DD HH24 MI SS MS") ==
          "0001 02 03 04 05 06 500");
    CHECK(format_interval_as(*interval_from_text("50 hours"), "HH24:MI:SS HH") == "50:00:00 02");
    CHECK(format_interval_as(*interval_from_text("-1 year -2 mons -3 days -04:05:06"), "YYYY MM DD HH24 MI SS") ==
          "-0001 -02 -3 -04 -05 -06");
}

TEST_CASE("to_timestamp reads fields by pattern") {
    CHECK(timestamp_to_text(parse_timestamp_as("2024-01-15 10:30:00", "YYYY-MM-DD HH24:MI:SS")) ==
          "2024-01-15 10:30:00");
    CHECK(timestamp_to_text(parse_timestamp_as("05/03/2024 2:05 PM", "MM/DD/YYYY HH12:MI AM")) ==
          "2024-05-03 14:05:00");
    CHECK(timestamp_to_text(parse_timestamp_as("15 Jan 2024", "DD Mon YYYY")) == "2024-01-15 00:00:00");
    CHECK(timestamp_to_text(parse_timestamp_as("20240115", "YYYYMMDD")) == "2024-01-15 00:00:00");
    CHECK_THROWS_AS(parse_timestamp_as("2024-13-15", "YYYY-MM-DD"), litegres::pgwire::PgError);
    CHECK_THROWS_AS(parse_timestamp_as("abc", "YYYY-MM-DD"), litegres::pgwire::PgError);
}
