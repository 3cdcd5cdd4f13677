// datetime_input.cpp — special words and zones around pgwire's ISO scanners.
#include "translate/datetime_input.h"

#include <algorithm>
#include <cctype>
#include <chrono>

#include "pgwire/datetime_text.h"
#include "pgwire/interval_text.h"
#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"
#include "pgwire/time_text.h"
#include "translate/datetime_arithmetic.h"
#include "translate/datetime_decoder.h"
#include "translate/session_context.h"

namespace litegres::translate {

namespace oid = pgwire::oid;
using pgwire::PgError;
namespace sqlstate = pgwire::sqlstate;

namespace {

std::string lowered_trimmed(std::string_view text) {
    std::string s;
    for (char c : text) s.push_back(char(std::tolower(static_cast<unsigned char>(c))));
    size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// The names PostgreSQL's input functions use in their messages.
const char* type_name(pgwire::Oid target) {
    switch (target) {
        case oid::kDate: return "date";
        case oid::kTimestamp: return "timestamp";
        case oid::kTimestamptz: return "timestamp with time zone";
        case oid::kTime: return "time";
        case oid::kTimetz: return "time with time zone";
        case oid::kInterval: return "interval";
        default: return "unknown";
    }
}

[[noreturn]] void bad_syntax(std::string_view text, pgwire::Oid target) {
    throw PgError(sqlstate::kInvalidDatetimeFormat,
                  "invalid input syntax for type " + std::string(type_name(target)) + ": \"" + std::string(text) + "\"");
}

[[noreturn]] void field_overflow(std::string_view text) {
    throw PgError(sqlstate::kDatetimeFieldOverflow, "date/time field value out of range: \"" + std::string(text) + "\"");
}

int64_t transaction_micros_since_2000() {
    const SessionContext* c = current_session_context();
    int64_t unix_micros = 0;
    if (c != nullptr && c->transaction_start_micros != 0) unix_micros = c->transaction_start_micros;
    else if (c != nullptr && c->statement_start_micros != 0) unix_micros = c->statement_start_micros;
    else {
        unix_micros = std::chrono::duration_cast<std::chrono::microseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
    }
    return unix_micros - 10957LL * kMicrosPerDay;
}

// The value of 'epoch', '[-]infinity' or 'now' as a timestamp (UTC for timestamptz).
int64_t special_timestamp(const std::string& word, pgwire::Oid target) {
    if (word == "infinity") return kTimestampInfinity;
    if (word == "-infinity") return kTimestampMinusInfinity;
    if (word == "epoch") return -10957LL * kMicrosPerDay;
    int64_t utc = transaction_micros_since_2000();
    return target == oid::kTimestamptz ? utc : utc_to_local(utc, session_time_zone());
}

// date, timestamp and timestamptz through PostgreSQL's decoder, with the
// session's DateStyle order, TimeZone and clock.
std::string decoded_datetime_input(std::string_view text, pgwire::Oid target) {
    DecodedDateTime d;
    switch (decode_datetime(text, session_date_style().order, d)) {
        case DecodeStatus::kOk: break;
        case DecodeStatus::kBadFormat: bad_syntax(text, target);
        case DecodeStatus::kFieldOverflow: field_overflow(text);
        case DecodeStatus::kMonthDayOverflow:
            throw PgError(sqlstate::kDatetimeFieldOverflow, "date/time field value out of range: \"" + std::string(text) + "\"")
                .with_hint("Perhaps you need a different \"datestyle\" setting.");
        case DecodeStatus::kZoneOverflow:
            throw PgError("22009", "time zone displacement out of range: \"" + std::string(text) + "\"");
    }
    std::optional<int64_t> special;
    switch (d.kind) {
        case DecodedDateTime::Kind::kEpoch: special = special_timestamp("epoch", target); break;
        case DecodedDateTime::Kind::kInfinity: special = special_timestamp("infinity", target); break;
        case DecodedDateTime::Kind::kMinusInfinity: special = special_timestamp("-infinity", target); break;
        case DecodedDateTime::Kind::kNow: special = special_timestamp("now", target); break;
        case DecodedDateTime::Kind::kValue: break;
    }
    if (special) {
        if (target == oid::kDate) {
            if (*special == kTimestampInfinity) return "infinity";
            if (*special == kTimestampMinusInfinity) return "-infinity";
            return date_to_text(int32_t(civil_from_timestamp(*special).days));
        }
        return target == oid::kTimestamptz ? timestamptz_to_text(*special) : timestamp_to_text(*special);
    }
    int64_t days;
    if (d.relative_day) {
        int64_t today = civil_from_timestamp(utc_to_local(transaction_micros_since_2000(), session_time_zone())).days;
        days = today + *d.relative_day;
    } else {
        // Stored text is ISO, which cannot order dates before year 1.
        if (d.year <= 0) {
            throw PgError(sqlstate::kFeatureNotSupported, "BC dates are not supported: \"" + std::string(text) + "\"");
        }
        days = days_from_civil_date(d.year, d.month, d.day);
    }
    // PostgreSQL's ranges: Julian days 0 up to 2147483494 for dates, up to
    // 294277-01-01 for timestamps (both exclusive; days since 2000).
    if (target == oid::kDate) {
        if (days < -2451545 || days >= 2147483494LL - 2451545) {
            throw PgError(sqlstate::kDatetimeFieldOverflow, "date out of range: \"" + std::string(text) + "\"");
        }
        return date_to_text(int32_t(days));
    }
    auto out_of_range = [&] {
        return PgError(sqlstate::kDatetimeFieldOverflow, "timestamp out of range: \"" + std::string(text) + "\"");
    };
    constexpr int64_t kEndDays = 106751983;  // 294277-01-01
    if (days < -2451545 || days > kEndDays) throw out_of_range();
    int64_t local = days * kMicrosPerDay + d.time_micros();
    int64_t stamp = local;
    if (target == oid::kTimestamptz) {
        stamp = d.utc_offset ? local - int64_t(*d.utc_offset) * kMicrosPerSecond
                             : local_to_utc(local, d.zone ? *d.zone : session_time_zone());
    }
    if (stamp < -2451545LL * kMicrosPerDay || stamp >= kEndDays * kMicrosPerDay) throw out_of_range();
    return target == oid::kTimestamp ? timestamp_to_text(stamp) : timestamptz_to_text(stamp);
}

}  // namespace

std::string round_datetime_text(std::string_view stored, pgwire::Oid type, int precision) {
    if (type == oid::kInterval) {
        std::optional<Interval> v = interval_from_text(stored);
        if (!v || precision < 0) return std::string(stored);
        pgwire::apply_interval_typmod(*v, precision);
        return pgwire::format_interval(*v);
    }
    if (precision < 0 || precision >= 6) return std::string(stored);
    int64_t scale = 1;
    for (int i = precision; i < 6; ++i) scale *= 10;
    auto rounded = [&](int64_t v) { return v >= 0 ? (v + scale / 2) / scale * scale : -((-v + scale / 2) / scale * scale); };
    if (type == oid::kTime) {
        std::optional<int64_t> t = time_from_text(stored);
        return t ? pgwire::format_time(rounded(*t)) : std::string(stored);
    }
    if (type == oid::kTimetz) {
        int64_t micros;
        std::optional<int> offset;
        if (pgwire::parse_timetz(stored, micros, offset) != pgwire::TimeParse::kOk || !offset) return std::string(stored);
        return pgwire::format_timetz(rounded(micros), *offset);
    }
    std::optional<int64_t> ts = timestamp_from_text(stored);
    if (!ts || !timestamp_is_finite(*ts)) return std::string(stored);
    return type == oid::kTimestamptz ? timestamptz_to_text(rounded(*ts)) : timestamp_to_text(rounded(*ts));
}

bool depends_on_session(std::string_view text, pgwire::Oid target) {
    std::string s = lowered_trimmed(text);
    if (s == "now" || s == "today" || s == "tomorrow" || s == "yesterday") return true;
    if (target == oid::kTimetz) {
        int64_t micros;
        std::optional<int> offset;
        return pgwire::parse_timetz(text, micros, offset) != pgwire::TimeParse::kOk || !offset;
    }
    if (target != oid::kDate && target != oid::kTimestamp && target != oid::kTimestamptz) return false;
    if (s == "infinity" || s == "-infinity" || s == "epoch") return false;
    // Only a plain ISO form means the same under every DateStyle; the rest
    // are decoded when the statement runs.
    pgwire::DateTimeValue v;
    if (pgwire::parse_datetime(s, v) != pgwire::DateTimeParse::kOk) return true;
    return target == oid::kTimestamptz && !v.utc_offset_seconds.has_value();
}

std::string datetime_input(std::string_view text, pgwire::Oid target, int32_t typmod) {
    std::string s = lowered_trimmed(text);
    if (target == oid::kInterval) {
        pgwire::Interval v;
        int range = typmod >= 0 ? (typmod >> 16) & 0x7fff : pgwire::interval_range::kFull;
        switch (pgwire::parse_interval(text, v, range)) {
            case pgwire::IntervalParse::kOk:
                pgwire::apply_interval_typmod(v, typmod);
                return pgwire::format_interval(v);
            case pgwire::IntervalParse::kOutOfRange:
                throw PgError(sqlstate::kDatetimeFieldOverflow, "interval out of range");
            case pgwire::IntervalParse::kBadSyntax: bad_syntax(text, target);
        }
    }
    if (target == oid::kTimetz) {
        int64_t micros;
        std::optional<int> offset;
        int64_t now_utc = transaction_micros_since_2000();
        const TimeZone& zone = session_time_zone();
        if (s == "now") {
            int64_t local = utc_to_local(now_utc, zone);
            return pgwire::format_timetz(local - civil_from_timestamp(local).days * kMicrosPerDay,
                                         int((local - now_utc) / kMicrosPerSecond));
        }
        switch (pgwire::parse_timetz(text, micros, offset)) {
            case pgwire::TimeParse::kOk: break;
            case pgwire::TimeParse::kOutOfRange: field_overflow(text);
            case pgwire::TimeParse::kBadSyntax: {
                // Zone abbreviations and names ('10:00 PST', '2024-01-15 10:00 Europe/Paris').
                DecodedDateTime d;
                if (decode_datetime(text, session_date_style().order, d, true) != DecodeStatus::kOk ||
                    d.kind != DecodedDateTime::Kind::kValue) {
                    bad_syntax(text, target);
                }
                micros = d.time_micros();
                if (d.utc_offset) offset = *d.utc_offset;
                if (d.zone != nullptr) {
                    int64_t local = days_from_civil_date(d.year, d.month, d.day) * kMicrosPerDay + micros;
                    offset = int((local - local_to_utc(local, *d.zone)) / kMicrosPerSecond);
                }
                break;
            }
        }
        // Without an offset, the session zone's offset as of today.
        if (!offset) offset = int((utc_to_local(now_utc, zone) - now_utc) / kMicrosPerSecond);
        return pgwire::format_timetz(micros, *offset);
    }
    if (target == oid::kTime) {
        int64_t micros;
        if (s == "now") {
            int64_t local = utc_to_local(transaction_micros_since_2000(), session_time_zone());
            return pgwire::format_time(local - civil_from_timestamp(local).days * kMicrosPerDay);
        }
        switch (pgwire::parse_time(text, micros)) {
            case pgwire::TimeParse::kOk: return pgwire::format_time(micros);
            case pgwire::TimeParse::kOutOfRange: field_overflow(text);
            case pgwire::TimeParse::kBadSyntax: bad_syntax(text, target);
        }
    }
    return decoded_datetime_input(text, target);
}

}  // namespace litegres::translate
