// datetime_arithmetic.h — PostgreSQL's date/time operators and functions on
// the values as PostgreSQL keeps them: timestamps as microseconds since
// 2000-01-01 (UTC for timestamptz; ±infinity as INT64_MAX/MIN), dates as days
// since 2000-01-01 (±infinity as INT32_MAX/MIN), time as microseconds since
// midnight, intervals as months/days/microseconds. Month and day steps of a
// timestamptz happen on the session zone's wall clock, as timestamptz_pl_interval.
// Errors are PgError with PostgreSQL's SQLSTATE and message.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "pgwire/interval_text.h"
#include "translate/time_zone.h"

namespace litegres::translate {

using pgwire::Interval;

inline constexpr int64_t kTimestampInfinity = INT64_MAX;
inline constexpr int64_t kTimestampMinusInfinity = INT64_MIN;
inline constexpr int32_t kDateInfinity = INT32_MAX;
inline constexpr int32_t kDateMinusInfinity = INT32_MIN;
inline constexpr int64_t kMicrosPerSecond = 1000000;
inline constexpr int64_t kMicrosPerDay = 86400 * kMicrosPerSecond;

inline bool timestamp_is_finite(int64_t ts) { return ts != kTimestampInfinity && ts != kTimestampMinusInfinity; }
inline bool date_is_finite(int32_t d) { return d != kDateInfinity && d != kDateMinusInfinity; }

// The broken-down wall-clock fields of a finite timestamp.
struct CivilTime {
    int year, month, day, hour, minute, second, microsecond;
    int64_t days;  // since 2000-01-01
};
CivilTime civil_from_timestamp(int64_t ts);
// Days since 2000-01-01 of a (possibly out-of-range month/day) civil date.
int64_t days_from_civil_date(int64_t year, int month, int day);
bool is_leap_year(int64_t year);
int days_in_month(int64_t year, int month);

// Stored text forms (what litegres keeps in SQLite), both directions.
// nullopt: not a value of that type.
std::optional<int64_t> timestamp_from_text(std::string_view text);  // timestamp and timestamptz
std::optional<int32_t> date_from_text(std::string_view text);
std::optional<int64_t> time_from_text(std::string_view text);
std::optional<Interval> interval_from_text(std::string_view text);
std::string timestamp_to_text(int64_t ts);
std::string timestamptz_to_text(int64_t utc);                       // storage: UTC, "+00"
std::string timestamptz_to_text(int64_t utc, const TimeZone& zone);  // in the zone, with its offset
std::string date_to_text(int32_t days);

// Between the zone's wall clock and UTC (both in microseconds since 2000).
int64_t local_to_utc(int64_t local, const TimeZone& zone);
int64_t utc_to_local(int64_t utc, const TimeZone& zone);

// Throw 22008 "... out of range".
int64_t checked_timestamp(int64_t ts);
Interval interval_add(const Interval& a, const Interval& b);
Interval interval_negate(const Interval& a);
Interval interval_multiply(const Interval& a, double factor);
Interval interval_divide(const Interval& a, double divisor);  // 22012 on zero
Interval justify_hours(const Interval& a);
Interval justify_days(const Interval& a);
Interval justify_interval(const Interval& a);
// `zone` null: timestamp without time zone.
int64_t timestamp_plus_interval(int64_t ts, const Interval& span, const TimeZone* zone);
Interval timestamp_difference(int64_t a, int64_t b);  // justified hours, as timestamp_mi
int64_t time_plus_interval(int64_t time, const Interval& span);  // wraps around midnight
// age(): field-by-field difference, borrowing months from the calendar.
Interval timestamp_age(int64_t a, int64_t b, const TimeZone* zone);

}  // namespace litegres::translate
