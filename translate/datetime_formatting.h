// datetime_formatting.h — to_char()'s template patterns for timestamps and
// intervals, and their inverse for to_timestamp(text, fmt) / to_date. The
// patterns are PostgreSQL's (formatting.c): YYYY YYY YY Y Y,YYY IYYY MM Mon
// Month DD DDD D ID Day Dy IW WW Q CC J HH HH12 HH24 MI SS SSSS MS US AM/PM
// TZ OF, the FM prefix and TH suffix, "quoted text" and backslash escapes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "pgwire/interval_text.h"

namespace litegres::translate {

// `local`: wall-clock microseconds since 2000-01-01; `offset_seconds` and
// `zone_abbreviation` feed OF and TZ (empty for timestamp without time zone).
std::string format_timestamp_as(int64_t local, std::string_view format, int offset_seconds,
                                const std::string& zone_abbreviation, bool zoned);
std::string format_interval_as(const pgwire::Interval& value, std::string_view format);

// The wall-clock timestamp `text` spells in `format`; throws PgError 22007 /
// 22008 as to_timestamp does.
int64_t parse_timestamp_as(std::string_view text, std::string_view format);

}  // namespace litegres::translate
