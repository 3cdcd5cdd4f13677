// datetime_input.h — the input functions of date, timestamp, timestamptz,
// time and interval: text as a client writes it ► the text litegres stores.
// Dates and timestamps go through PostgreSQL's decoder (datetime_decoder.h):
// every form it accepts, the special words ('epoch', '[-]infinity', 'now',
// 'today', 'tomorrow', 'yesterday'), zone names and abbreviations. A
// value that depends on the session (its DateStyle order, TimeZone or
// clock) is converted at run time (see `depends_on_session`).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "pgwire/type_oid.h"

namespace litegres::translate {

// Throws PgError 22007 / 22008 as PostgreSQL's input functions do.
// `typmod` of an interval gives its field range ('1' in interval '1' hour).
std::string datetime_input(std::string_view text, pgwire::Oid target, int32_t typmod = -1);

// A stored timestamp, timestamptz or time value rounded to `precision`
// fractional digits (timestamp(3), time(0)), half away from zero as
// AdjustTimestampForTypmod rounds; an interval cut to its typmod's range.
std::string round_datetime_text(std::string_view stored, pgwire::Oid type, int precision);

// Whether the stored form of `text` as `target` depends on the session's
// DateStyle, TimeZone or clock, so it may not be computed once at translation time.
bool depends_on_session(std::string_view text, pgwire::Oid target);

}  // namespace litegres::translate
