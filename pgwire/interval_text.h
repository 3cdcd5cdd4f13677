// interval_text.h — PostgreSQL's interval value: its three fields (months,
// days, microseconds, as PostgreSQL keeps them, never normalised into each
// other), its text input (postgres style '1 year 2 mons -3 days 04:05:06.5',
// '@ 1 hour ago', bare 'hh:mm:ss', ISO 8601 'P1Y2M3DT4H5M6S') and its output
// in IntervalStyle postgres. litegres stores intervals in SQLite as this
// output text: it is what clients read back, and comparisons go through
// `compare_key` (a month is 30 days and a day 24 hours, as interval_cmp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace litegres::pgwire {

struct Interval {
    int32_t months = 0;
    int32_t days = 0;
    int64_t micros = 0;

    bool operator==(const Interval&) const = default;
    // The value interval_cmp orders by: everything as microseconds.
    __int128 compare_key() const {
        return __int128(micros) + __int128(days) * 86400000000LL + __int128(months) * 30 * 86400000000LL;
    }
};

enum class IntervalParse { kOk, kBadSyntax, kOutOfRange };

// The field ranges of `interval '1' hour`, `interval '2:30' hour to minute`
// (PostgreSQL's INTERVAL_MASK bits); the typmod packs (range << 16) | precision.
namespace interval_range {
inline constexpr int kMonth = 1 << 1, kYear = 1 << 2, kDay = 1 << 3, kHour = 1 << 10, kMinute = 1 << 11,
                     kSecond = 1 << 12, kFull = 0x7fff;
}
inline constexpr int kIntervalFullPrecision = 0xffff;

// `range` decides the unit of a bare trailing number ('1' is an hour in
// interval '1' hour; seconds without a range).
IntervalParse parse_interval(std::string_view text, Interval& out, int range = interval_range::kFull);
// Drops the fields below the typmod's range and rounds seconds to its
// precision (AdjustIntervalForTypmod). A negative typmod changes nothing.
void apply_interval_typmod(Interval& value, int32_t typmod);
std::string format_interval(const Interval& value);

// Binary wire layout: int64 microseconds, int32 days, int32 months (big-endian).
void append_interval_binary(std::string& out, const Interval& value);
std::optional<Interval> read_interval_binary(std::string_view bytes);

}  // namespace litegres::pgwire
