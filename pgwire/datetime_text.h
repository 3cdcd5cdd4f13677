// datetime_text.h — PostgreSQL's ISO text forms for date, timestamp and
// timestamptz. Values are stored in SQLite as this normalized text, which
// sorts chronologically and is exactly what PostgreSQL prints (DateStyle ISO,
// TimeZone UTC). Input accepts the ISO variants clients send (a 'T'
// separator, fractional seconds, a zone offset or 'Z').
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace litegres::pgwire {

struct DateTimeValue {
    int year = 0, month = 0, day = 0;
    int hour = 0, minute = 0, second = 0;
    int microsecond = 0;
    bool has_time = false;
    std::optional<int> utc_offset_seconds;  // from the input text, if it named one
};

enum class DateTimeParse { kOk, kBadSyntax, kOutOfRange };

DateTimeParse parse_datetime(std::string_view text, DateTimeValue& out);

std::string format_date(const DateTimeValue& v);
std::string format_timestamp(const DateTimeValue& v);
// Converts to UTC (an input without an offset is taken as UTC, the session
// TimeZone) and prints with the "+00" suffix.
std::string format_timestamptz(const DateTimeValue& v);

// Microseconds since 1970-01-01 UTC, for the current-time functions.
std::string format_timestamptz_from_unix_micros(int64_t micros);

// PostgreSQL's binary forms count from 2000-01-01: days for date,
// microseconds for timestamp and timestamptz (UTC).
int32_t days_since_2000(const DateTimeValue& v);
int64_t micros_since_2000(const DateTimeValue& v);  // converts to UTC
DateTimeValue from_days_since_2000(int32_t days);
DateTimeValue from_micros_since_2000(int64_t micros);

}  // namespace litegres::pgwire
