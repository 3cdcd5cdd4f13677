// time_text.h — PostgreSQL's time (without time zone): microseconds since
// midnight, 00:00:00 through 24:00:00 inclusive. Stored in SQLite as its
// output text 'HH:MM:SS[.ffffff]', which sorts in time order because every
// field has a fixed width and the fraction comes last.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace litegres::pgwire {

inline constexpr int64_t kMicrosPerDay = 86400000000LL;

enum class TimeParse { kOk, kBadSyntax, kOutOfRange };

// time_in: 'hh:mm[:ss[.frac]]' with an optional AM/PM; a leading date and a
// trailing zone offset are accepted and ignored, as PostgreSQL does.
TimeParse parse_time(std::string_view text, int64_t& micros);
std::string format_time(int64_t micros);

// time with time zone: the time of day and the zone offset it was given in
// (seconds east; nullopt when the text named none). Stored as its output text
// 'HH:MM:SS[.ffffff]+HH[:MM]'.
TimeParse parse_timetz(std::string_view text, int64_t& micros, std::optional<int>& offset_east);
std::string format_timetz(int64_t micros, int offset_east);
// Orders as timetz_cmp: by the UTC instant, then by zone.
int compare_timetz(int64_t a_micros, int a_offset, int64_t b_micros, int b_offset);

}  // namespace litegres::pgwire
