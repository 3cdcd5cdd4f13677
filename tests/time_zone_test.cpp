// time_zone_test.cpp — zone lookup as SET TimeZone accepts it, offsets from
// the system tz database, and DST gap/overlap resolution as PostgreSQL's.
#include "translate/time_zone.h"

#include <doctest/doctest.h>

using litegres::translate::TimeZone;

namespace {

// Seconds since 1970 of a UTC civil time (2024 dates only need this helper).
constexpr int64_t kJan15_2024 = 1705276800;  // 2024-01-15 00:00:00 UTC
constexpr int64_t kJul15_2024 = 1721001600;  // 2024-07-15 00:00:00 UTC

}  // namespace

TEST_CASE("IANA zones are found in any letter case and named canonically") {
    auto ny = TimeZone::find("america/new_york");
    REQUIRE(ny != nullptr);
    CHECK(ny->name() == "America/New_York");
    CHECK(ny->offset_at(kJan15_2024) == -5 * 3600);
    CHECK(ny->offset_at(kJul15_2024) == -4 * 3600);
    CHECK(ny->abbreviation_at(kJan15_2024) == "EST");
    CHECK(ny->abbreviation_at(kJul15_2024) == "EDT");
    CHECK(TimeZone::find("Asia/Kolkata")->offset_at(kJan15_2024) == 19800);
    CHECK(TimeZone::find("UTC")->is_utc());
    CHECK(!ny->is_utc());
    CHECK(TimeZone::find("Foo/Bar") == nullptr);
    CHECK(TimeZone::find("Z") == nullptr);
    CHECK(TimeZone::find("") == nullptr);
}

TEST_CASE("numeric zones are hours east for SET, POSIX hours west for AT TIME ZONE") {
    auto east = TimeZone::find("+02");
    REQUIRE(east != nullptr);
    CHECK(east->name() == "<+02>-02");
    CHECK(east->offset_at(kJan15_2024) == 7200);
    CHECK(TimeZone::find("-7")->name() == "<-07>+07");
    CHECK(TimeZone::find("5.5")->name() == "<+05:30>-05:30");
    CHECK(TimeZone::find("+02", true)->offset_at(kJan15_2024) == -7200);
    // PostgreSQL's own spelling of a numeric zone reads back.
    CHECK(TimeZone::find("<+05:30>-05:30")->offset_at(kJan15_2024) == 19800);
    auto posix = TimeZone::find("UTC+3");
    REQUIRE(posix != nullptr);
    CHECK(posix->offset_at(kJan15_2024) == -3 * 3600);
    CHECK(posix->abbreviation_at(kJan15_2024) == "UTC");
}

TEST_CASE("local times in a DST gap take the earlier offset, in an overlap the later") {
    auto ny = TimeZone::find("America/New_York");
    // 2024-03-10 02:30 does not exist in New York: read as EST, it is 07:30 UTC.
    constexpr int64_t kGap = 1710037800;  // 2024-03-10 02:30:00 as if UTC
    CHECK(ny->to_utc(kGap) == kGap + 5 * 3600);
    // 2024-11-03 01:30 happens twice: PostgreSQL takes standard time (EST).
    constexpr int64_t kOverlap = 1730597400;  // 2024-11-03 01:30:00 as if UTC
    CHECK(ny->to_utc(kOverlap) == kOverlap + 5 * 3600);
    CHECK(ny->to_utc(kJan15_2024) == kJan15_2024 + 5 * 3600);
}
