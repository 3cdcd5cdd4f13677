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

IntervalParse parse_interval(std::string_view text, Interval& out);
std::string format_interval(const Interval& value);

// Binary wire layout: int64 microseconds, int32 days, int32 months (big-endian).
void append_interval_binary(std::string& out, const Interval& value);
std::optional<Interval> read_interval_binary(std::string_view bytes);

}  // namespace litegres::pgwire
