// datetime_decoder.h — PostgreSQL's date/time input decoder (ParseDateTime +
// DecodeDateTime of datetime.c): splits the text into fields, then resolves
// each as a year, month, day, time, zone or keyword. Accepts month and
// weekday names ('Jan 15 2024', 'Mon Jan 15 10:00:00 2024 PST',
// '15-Jan-2024'), numeric dates in the DateStyle field order ('01/15/2024'
// under MDY, '15/01/2024' under DMY, two-digit years), run-together forms
// ('20240115', '20240115T103000'), 'yyyy.mm.dd', Julian days ('J2451187'),
// AM/PM, zone abbreviations (PostgreSQL's Default set), numeric offsets and
// full zone names.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>

#include "translate/date_style.h"
#include "translate/time_zone.h"

namespace litegres::translate {

struct DecodedDateTime {
    enum class Kind { kValue, kEpoch, kInfinity, kMinusInfinity, kNow };
    Kind kind = Kind::kValue;
    int year = 0, month = 0, day = 0;  // year <= 0 is BC (0 is 1 BC)
    int hour = 0, minute = 0, second = 0;
    int64_t microsecond = 0;
    // 'today' (0), 'tomorrow' (1), 'yesterday' (-1): the date is the
    // session's current date plus this many days.
    std::optional<int> relative_day;
    std::optional<int> utc_offset;         // seconds east, when the text gave one
    std::shared_ptr<const TimeZone> zone;  // a full zone name in the text
    bool has_time = false;                 // an explicit time of day
    // Microseconds since midnight (may reach 24:00:00 or a leap second).
    int64_t time_micros() const {
        return ((int64_t(hour) * 60 + minute) * 60 + second) * 1000000 + microsecond;
    }
};

enum class DecodeStatus { kOk, kBadFormat, kFieldOverflow, kMonthDayOverflow, kZoneOverflow };

// Decodes `text` with `order` resolving numeric dates. A named zone the text
// gives that PostgreSQL would not know throws PgError 22023, as time zone
// "..." not recognized. `time_only`: as time with time zone input reads it
// (a time required, a date optional).
DecodeStatus decode_datetime(std::string_view text, DateOrder order, DecodedDateTime& out,
                             bool time_only = false);

}  // namespace litegres::translate
