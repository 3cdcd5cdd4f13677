// datetime_output.h — the text output of date, timestamp, timestamptz and
// interval in the session's DateStyle and IntervalStyle (PostgreSQL's
// EncodeDateOnly, EncodeDateTime and EncodeInterval). litegres stores these
// values as their ISO / postgres-style text; this turns a stored value into
// what the session prints. Binary output never passes here.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "pgwire/interval_text.h"
#include "pgwire/type_oid.h"
#include "translate/date_style.h"
#include "translate/time_zone.h"

namespace litegres::translate {

std::string date_output(int32_t days, const DateStyle& style);
std::string timestamp_output(int64_t ts, const DateStyle& style);
std::string timestamptz_output(int64_t utc, const TimeZone& zone, const DateStyle& style);
std::string interval_output(const pgwire::Interval& value, IntervalStyle style);

// The session's output text of a stored value of `type` (date, timestamp,
// timestamptz, interval), or nullopt when the stored text is already what it
// prints (ISO style; timestamptz in a UTC session) or is not such a value.
std::optional<std::string> styled_datetime_output(std::string_view stored, pgwire::Oid type);

}  // namespace litegres::translate
