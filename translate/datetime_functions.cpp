// datetime_functions.cpp — argument decoding, the operators, extract /
// date_part, date_trunc, AT TIME ZONE, age, make_*, isfinite and the
// interval collation. Arguments arrive as the stored text forms; results
// leave in them (numeric results of extract as exact decimal text).
#include "translate/function_error.h"
#include "translate/datetime_functions.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

#include "pgwire/interval_text.h"
#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"
#include "pgwire/time_text.h"
#include "pgwire/type_oid.h"
#include "translate/datetime_arithmetic.h"
#include "translate/datetime_formatting.h"
#include "translate/datetime_input.h"
#include "translate/datetime_output.h"
#include "translate/session_context.h"
#include "translate/sqlite_value.h"

namespace litegres::translate {

namespace {

namespace oid = pgwire::oid;
using pgwire::PgError;
namespace sqlstate = pgwire::sqlstate;

[[noreturn]] void bad_value(const char* type, const std::string& text) {
    throw PgError(sqlstate::kInvalidDatetimeFormat,
                  std::string("invalid input syntax for type ") + type + ": \"" + text + "\"");
}

int64_t timestamp_of(sqlite3_value* v) {
    std::string t = value_string(v);
    std::optional<int64_t> ts = timestamp_from_text(t);
    if (!ts) bad_value("timestamp", t);
    return *ts;
}

int32_t date_of(sqlite3_value* v) {
    std::string t = value_string(v);
    std::optional<int32_t> d = date_from_text(t);
    if (!d) bad_value("date", t);
    return *d;
}

int64_t time_of(sqlite3_value* v) {
    std::string t = value_string(v);
    std::optional<int64_t> d = time_from_text(t);
    if (!d) bad_value("time", t);
    return *d;
}

struct TimeWithZone {
    int64_t micros;
    int offset_east;
};

TimeWithZone timetz_of(sqlite3_value* v) {
    std::string t = value_string(v);
    TimeWithZone out{};
    std::optional<int> offset;
    if (pgwire::parse_timetz(t, out.micros, offset) != pgwire::TimeParse::kOk || !offset) {
        bad_value("time with time zone", t);
    }
    out.offset_east = *offset;
    return out;
}

Interval interval_of(sqlite3_value* v) {
    std::string t = value_string(v);
    std::optional<Interval> i = interval_from_text(t);
    if (!i) bad_value("interval", t);
    return *i;
}

// A date as a timestamp at its midnight (date ► timestamp).
int64_t date_to_timestamp(int32_t d) {
    if (d == kDateInfinity) return kTimestampInfinity;
    if (d == kDateMinusInfinity) return kTimestampMinusInfinity;
    return checked_timestamp(int64_t(d) * kMicrosPerDay);
}

int32_t timestamp_to_date(int64_t ts) {
    if (ts == kTimestampInfinity) return kDateInfinity;
    if (ts == kTimestampMinusInfinity) return kDateMinusInfinity;
    return int32_t(civil_from_timestamp(ts).days);
}

// The transaction's timestamp (what now() reports), in microseconds since 2000.
int64_t session_now_micros() {
    const SessionContext* c = current_session_context();
    int64_t unix_micros = c != nullptr && c->transaction_start_micros != 0 ? c->transaction_start_micros
                          : c != nullptr && c->statement_start_micros != 0
                              ? c->statement_start_micros
                              : std::chrono::duration_cast<std::chrono::microseconds>(
                                    std::chrono::system_clock::now().time_since_epoch())
                                    .count();
    return unix_micros - 10957LL * kMicrosPerDay;
}

int64_t time_of_day(int64_t ts) { return ts - civil_from_timestamp(ts).days * kMicrosPerDay; }

// Runs `body` unless an argument is NULL (the functions are strict), turning
// a PgError into the SQLite error the executor maps back to its SQLSTATE.
template <typename Body>
void strict(sqlite3_context* ctx, int argc, sqlite3_value** argv, Body body) {
    if (any_null(argc, argv)) {
        sqlite3_result_null(ctx);
        return;
    }
    try {
        body();
    } catch (const PgError& e) {
        report_error(ctx, e);
    }
}

// AT TIME ZONE's zone argument: a zone name, or an interval (hours east).
std::shared_ptr<const TimeZone> zone_argument(sqlite3_value* v) {
    std::string name = value_string(v);
    if (std::shared_ptr<const TimeZone> z = TimeZone::find(name, true)) return z;
    if (std::optional<Interval> span = interval_from_text(name); span && name.find(':') != std::string::npos) {
        if (span->months != 0 || span->days != 0) {
            throw PgError(sqlstate::kInvalidParameterValue,
                          "interval time zone \"" + name + "\" must not include months or days");
        }
        return TimeZone::fixed(int(span->micros / kMicrosPerSecond));
    }
    throw PgError(sqlstate::kInvalidParameterValue, "time zone \"" + name + "\" not recognized");
}

// ---------------------------------------------------------------- operators

void dt_op(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    strict(ctx, argc, argv, [&] {
        auto op = DatetimeOp(sqlite3_value_int(argv[0]));
        sqlite3_value* a = argv[1];
        sqlite3_value* b = argv[2];
        const TimeZone& zone = session_time_zone();
        switch (op) {
            case DatetimeOp::kTimestampPlusInterval:
                return result_text(ctx, timestamp_to_text(timestamp_plus_interval(timestamp_of(a), interval_of(b), nullptr)));
            case DatetimeOp::kTimestampMinusInterval:
                return result_text(ctx, timestamp_to_text(
                                       timestamp_plus_interval(timestamp_of(a), interval_negate(interval_of(b)), nullptr)));
            case DatetimeOp::kTimestamptzPlusInterval:
                return result_text(ctx, timestamptz_to_text(timestamp_plus_interval(timestamp_of(a), interval_of(b), &zone)));
            case DatetimeOp::kTimestamptzMinusInterval:
                return result_text(ctx, timestamptz_to_text(
                                       timestamp_plus_interval(timestamp_of(a), interval_negate(interval_of(b)), &zone)));
            case DatetimeOp::kDatePlusInterval:
                return result_text(ctx, timestamp_to_text(
                                       timestamp_plus_interval(date_to_timestamp(date_of(a)), interval_of(b), nullptr)));
            case DatetimeOp::kDateMinusInterval:
                return result_text(ctx, timestamp_to_text(timestamp_plus_interval(
                                       date_to_timestamp(date_of(a)), interval_negate(interval_of(b)), nullptr)));
            case DatetimeOp::kTimestampMinusTimestamp:
                return result_text(ctx, pgwire::format_interval(timestamp_difference(timestamp_of(a), timestamp_of(b))));
            case DatetimeOp::kDatePlusInteger:
            case DatetimeOp::kDateMinusInteger: {
                int32_t d = date_of(a);
                if (!date_is_finite(d)) return result_text(ctx, date_to_text(d));
                int64_t n = sqlite3_value_int64(b);
                int64_t r = op == DatetimeOp::kDatePlusInteger ? d + n : d - n;
                if (r < -2451545 - 1721426 || r > 2147483494LL - 2451545) {
                    throw PgError(sqlstate::kDatetimeFieldOverflow, "date out of range");
                }
                return result_text(ctx, date_to_text(int32_t(r)));
            }
            case DatetimeOp::kDateMinusDate: {
                int32_t x = date_of(a), y = date_of(b);
                if (!date_is_finite(x) || !date_is_finite(y)) {
                    throw PgError(sqlstate::kDatetimeFieldOverflow, "cannot subtract infinite dates");
                }
                return sqlite3_result_int64(ctx, int64_t(x) - y);
            }
            case DatetimeOp::kDatePlusTime:
                return result_text(ctx, timestamp_to_text(date_to_timestamp(date_of(a)) + time_of(b)));
            case DatetimeOp::kTimePlusInterval:
                return result_text(ctx, pgwire::format_time(time_plus_interval(time_of(a), interval_of(b))));
            case DatetimeOp::kTimeMinusInterval:
                return result_text(ctx, pgwire::format_time(time_plus_interval(time_of(a), interval_negate(interval_of(b)))));
            case DatetimeOp::kTimeMinusTime:
                return result_text(ctx, pgwire::format_interval(Interval{0, 0, time_of(a) - time_of(b)}));
            case DatetimeOp::kIntervalPlusInterval:
                return result_text(ctx, pgwire::format_interval(interval_add(interval_of(a), interval_of(b))));
            case DatetimeOp::kIntervalMinusInterval:
                return result_text(ctx, pgwire::format_interval(interval_add(interval_of(a), interval_negate(interval_of(b)))));
            case DatetimeOp::kIntervalTimesNumber:
                return result_text(ctx, pgwire::format_interval(interval_multiply(interval_of(a), sqlite3_value_double(b))));
            case DatetimeOp::kIntervalDividedByNumber:
                return result_text(ctx, pgwire::format_interval(interval_divide(interval_of(a), sqlite3_value_double(b))));
            case DatetimeOp::kIntervalNegate: return result_text(ctx, pgwire::format_interval(interval_negate(interval_of(a))));
            case DatetimeOp::kTimetzPlusInterval:
            case DatetimeOp::kTimetzMinusInterval: {
                TimeWithZone t = timetz_of(a);
                Interval span = interval_of(b);
                if (op == DatetimeOp::kTimetzMinusInterval) span = interval_negate(span);
                return result_text(ctx, pgwire::format_timetz(time_plus_interval(t.micros, span), t.offset_east));
            }
        }
        throw PgError(sqlstate::kInternalError, "unknown date/time operator");
    });
}

// litegres_dt_cast(value, from_oid, to_oid): the casts that need the
// session's TimeZone or a change of representation.
void dt_cast(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    strict(ctx, argc, argv, [&] {
        sqlite3_value* v = argv[0];
        auto from = pgwire::Oid(sqlite3_value_int(argv[1]));
        auto to = pgwire::Oid(sqlite3_value_int(argv[2]));
        const TimeZone& zone = session_time_zone();
        if (from == oid::kText || from == oid::kVarchar || from == oid::kBpchar || from == oid::kUnknownType) {
            return result_text(ctx, datetime_input(value_string(v), to));
        }
        // Every source as a wall-clock timestamp (and for timestamptz, the instant).
        int64_t local = 0, utc = 0;
        switch (from) {
            case oid::kDate: local = date_to_timestamp(date_of(v)); utc = local_to_utc(local, zone); break;
            case oid::kTimestamp: local = timestamp_of(v); utc = local_to_utc(local, zone); break;
            case oid::kTimestamptz: utc = timestamp_of(v); local = utc_to_local(utc, zone); break;
            case oid::kTime:
                if (to == oid::kTimetz) {
                    int64_t now_utc = session_now_micros();
                    int offset = int((utc_to_local(now_utc, zone) - now_utc) / kMicrosPerSecond);
                    return result_text(ctx, pgwire::format_timetz(time_of(v), offset));
                }
                return result_text(ctx, pgwire::format_interval(Interval{0, 0, time_of(v)}));
            case oid::kTimetz: return result_text(ctx, pgwire::format_time(timetz_of(v).micros));
            case oid::kInterval: {
                Interval span = interval_of(v);
                int64_t t = span.micros % kMicrosPerDay;
                return result_text(ctx, pgwire::format_time(t < 0 ? t + kMicrosPerDay : t));
            }
            default: throw PgError(sqlstate::kInternalError, "unexpected date/time cast");
        }
        switch (to) {
            case oid::kDate: return result_text(ctx, date_to_text(timestamp_to_date(local)));
            case oid::kTimestamp: return result_text(ctx, timestamp_to_text(local));
            case oid::kTimestamptz: return result_text(ctx, timestamptz_to_text(utc));
            case oid::kTime:
                if (!timestamp_is_finite(local)) throw PgError(sqlstate::kDatetimeFieldOverflow, "timestamp out of range");
                return result_text(ctx, pgwire::format_time(time_of_day(local)));
            case oid::kTimetz:
                if (!timestamp_is_finite(local)) throw PgError(sqlstate::kDatetimeFieldOverflow, "timestamp out of range");
                return result_text(ctx, pgwire::format_timetz(time_of_day(local), int((local - utc) / kMicrosPerSecond)));
            default: break;
        }
        throw PgError(sqlstate::kInternalError, "unexpected date/time cast");
    });
}

// timestamptz as text in the session's zone and DateStyle (its output function).
void timestamptz_out(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    strict(ctx, argc, argv, [&] {
        result_text(ctx, timestamptz_output(timestamp_of(argv[0]), session_time_zone(), session_date_style()));
    });
}

// date, timestamp or interval (argument 2: its type OID) as text in the
// session's DateStyle / IntervalStyle.
void datetime_out(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    strict(ctx, argc, argv, [&] {
        std::string stored = value_string(argv[0]);
        std::optional<std::string> styled = styled_datetime_output(stored, pgwire::Oid(sqlite3_value_int(argv[1])));
        result_text(ctx, styled ? *styled : stored);
    });
}

void datetime_in(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    strict(ctx, argc, argv,
           [&] { result_text(ctx, datetime_input(value_string(argv[0]), pgwire::Oid(sqlite3_value_int(argv[1])))); });
}

void datetime_round(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    strict(ctx, argc, argv, [&] {
        result_text(ctx, round_datetime_text(value_string(argv[0]), pgwire::Oid(sqlite3_value_int(argv[1])),
                                        sqlite3_value_int(argv[2])));
    });
}

void at_time_zone(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    strict(ctx, argc, argv, [&] {
        std::shared_ptr<const TimeZone> zone = zone_argument(argv[1]);
        auto from = pgwire::Oid(sqlite3_value_int(argv[2]));
        if (from == oid::kTimestamptz) return result_text(ctx, timestamp_to_text(utc_to_local(timestamp_of(argv[0]), *zone)));
        int64_t local = from == oid::kDate ? date_to_timestamp(date_of(argv[0])) : timestamp_of(argv[0]);
        result_text(ctx, timestamptz_to_text(local_to_utc(local, *zone)));
    });
}

void justify(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    strict(ctx, argc, argv, [&] {
        Interval v = interval_of(argv[1]);
        switch (sqlite3_value_int(argv[0])) {
            case 0: v = justify_hours(v); break;
            case 1: v = justify_days(v); break;
            default: v = justify_interval(v); break;
        }
        result_text(ctx, pgwire::format_interval(v));
    });
}

void age(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    strict(ctx, argc, argv, [&] {
        bool zoned = sqlite3_value_int(argv[argc - 1]) == int(oid::kTimestamptz);
        const TimeZone& zone = session_time_zone();
        int64_t a, b = timestamp_of(argv[0]);
        if (argc == 2) {
            // age(x): from midnight of today (session zone) back to x.
            int64_t local_now = utc_to_local(session_now_micros(), zone);
            int64_t midnight = civil_from_timestamp(local_now).days * kMicrosPerDay;
            a = zoned ? local_to_utc(midnight, zone) : midnight;
        } else {
            a = b;
            b = timestamp_of(argv[1]);
        }
        result_text(ctx, pgwire::format_interval(timestamp_age(a, b, zoned ? &zone : nullptr)));
    });
}

void is_finite(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    strict(ctx, argc, argv, [&] {
        std::string t = value_string(argv[0]);
        sqlite3_result_int(ctx, t != "infinity" && t != "-infinity");
    });
}

[[noreturn]] void field_out_of_range(const std::string& what) {
    throw PgError(sqlstate::kDatetimeFieldOverflow, what);
}

void make_date(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    strict(ctx, argc, argv, [&] {
        int64_t y = sqlite3_value_int64(argv[0]), m = sqlite3_value_int64(argv[1]), d = sqlite3_value_int64(argv[2]);
        bool bc = y < 0;
        int64_t year = bc ? y + 1 : y;
        if (y == 0 || m < 1 || m > 12 || d < 1 || d > days_in_month(year, int(m))) {
            field_out_of_range("date field value out of range: " + std::to_string(y) + "-" +
                               (m < 10 ? "0" : "") + std::to_string(m) + "-" + (d < 10 ? "0" : "") + std::to_string(d));
        }
        result_text(ctx, date_to_text(int32_t(days_from_civil_date(year, int(m), int(d)))));
    });
}

int64_t time_from_fields(int64_t h, int64_t mi, double sec) {
    bool in_range = h >= 0 && h <= 24 && mi >= 0 && mi <= 59 && sec >= 0 && sec <= 60;  // false for NaN
    int64_t micros = in_range ? int64_t(std::rint(sec * 1e6)) : 0;
    if (!in_range || (h * 3600 + mi * 60) * kMicrosPerSecond + micros > kMicrosPerDay) {
        char buf[96];
        std::snprintf(buf, sizeof buf, "time field value out of range: %lld:%02lld:%02g", static_cast<long long>(h),
                      static_cast<long long>(mi), sec);
        field_out_of_range(buf);
    }
    return (h * 3600 + mi * 60) * kMicrosPerSecond + micros;
}

void make_time(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    strict(ctx, argc, argv, [&] {
        result_text(ctx, pgwire::format_time(time_from_fields(sqlite3_value_int64(argv[0]), sqlite3_value_int64(argv[1]),
                                                         sqlite3_value_double(argv[2]))));
    });
}

// make_timestamp(y, m, d, h, mi, s) and make_timestamptz(..., [zone]).
template <bool kZoned>
void make_timestamp(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    strict(ctx, argc, argv, [&] {
        int64_t y = sqlite3_value_int64(argv[0]), m = sqlite3_value_int64(argv[1]), d = sqlite3_value_int64(argv[2]);
        int64_t year = y < 0 ? y + 1 : y;
        if (y == 0 || m < 1 || m > 12 || d < 1 || d > days_in_month(year, int(m))) {
            field_out_of_range("date field value out of range: " + std::to_string(y) + "-" +
                               (m < 10 ? "0" : "") + std::to_string(m) + "-" + (d < 10 ? "0" : "") + std::to_string(d));
        }
        int64_t local = days_from_civil_date(year, int(m), int(d)) * kMicrosPerDay +
                        time_from_fields(sqlite3_value_int64(argv[3]), sqlite3_value_int64(argv[4]),
                                         sqlite3_value_double(argv[5]));
        if (!kZoned) return result_text(ctx, timestamp_to_text(checked_timestamp(local)));
        std::shared_ptr<const TimeZone> zone = argc > 6 ? zone_argument(argv[6]) : nullptr;
        result_text(ctx, timestamptz_to_text(checked_timestamp(local_to_utc(local, zone ? *zone : session_time_zone()))));
    });
}

void make_interval(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    strict(ctx, argc, argv, [&] {
        double secs = sqlite3_value_double(argv[6]);
        Interval v;
        // Wide arithmetic: the arguments are unchecked integers.
        __int128 months = __int128(sqlite3_value_int64(argv[0])) * 12 + sqlite3_value_int64(argv[1]);
        __int128 days = __int128(sqlite3_value_int64(argv[2])) * 7 + sqlite3_value_int64(argv[3]);
        if (months > INT32_MAX || months < INT32_MIN || days > INT32_MAX || days < INT32_MIN || std::isnan(secs)) {
            throw PgError(sqlstate::kDatetimeFieldOverflow, "interval out of range");
        }
        v.months = int32_t(months);
        v.days = int32_t(days);
        double micros = (double(sqlite3_value_int64(argv[4])) * 3600 + double(sqlite3_value_int64(argv[5])) * 60) * 1e6 +
                        std::rint(secs * 1e6);
        if (std::fabs(micros) > 9.2e18) throw PgError(sqlstate::kDatetimeFieldOverflow, "interval out of range");
        v.micros = int64_t(micros);
        result_text(ctx, pgwire::format_interval(v));
    });
}

// to_timestamp(double precision): seconds since 1970 ► timestamptz.
void to_timestamp_seconds(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    strict(ctx, argc, argv, [&] {
        double secs = sqlite3_value_double(argv[0]);
        if (std::isinf(secs)) return result_text(ctx, secs > 0 ? "infinity" : "-infinity");
        if (std::isnan(secs)) {
            throw PgError(sqlstate::kDatetimeFieldOverflow, "timestamp cannot be NaN");
        }
        double micros = std::rint((secs - 10957.0 * 86400) * 1e6);
        if (micros < -2.118134880e17 || micros >= 9.2233713312e18) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "timestamp out of range: \"%g\"", secs);
            throw PgError(sqlstate::kDatetimeFieldOverflow, buf);
        }
        result_text(ctx, timestamptz_to_text(int64_t(micros)));
    });
}

void now(sqlite3_context* ctx, int, sqlite3_value** argv) {
    const SessionContext* c = current_session_context();
    int kind = sqlite3_value_int(argv[0]);
    int64_t unix_micros = 0;
    if (kind == 0 && c != nullptr && c->transaction_start_micros != 0) unix_micros = c->transaction_start_micros;
    else if (kind <= 1 && c != nullptr && c->statement_start_micros != 0) unix_micros = c->statement_start_micros;
    else {
        unix_micros = std::chrono::duration_cast<std::chrono::microseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
    }
    result_text(ctx, timestamptz_to_text(unix_micros - 10957LL * kMicrosPerDay));
}

// ---------------------------------------------------------------- extract

// A numeric result: `value` / 10^scale printed with exactly `scale` digits.
std::string scaled_decimal(__int128 value, int scale) {
    bool negative = value < 0;
    unsigned __int128 a = negative ? (unsigned __int128)(-value) : (unsigned __int128)value;
    std::string digits;
    do {
        digits.insert(digits.begin(), char('0' + int(a % 10)));
        a /= 10;
    } while (a != 0);
    if (scale > 0) {
        if (digits.size() <= size_t(scale)) digits.insert(0, size_t(scale) + 1 - digits.size(), '0');
        digits.insert(digits.size() - size_t(scale), ".");
    }
    return negative ? "-" + digits : digits;
}

struct Extracted {
    __int128 value;
    int scale;
};

[[noreturn]] void unit_error(const std::string& field, pgwire::Oid type, bool recognized) {
    std::string type_name = type == oid::kDate          ? "date"
                            : type == oid::kTimestamp   ? "timestamp without time zone"
                            : type == oid::kTimestamptz ? "timestamp with time zone"
                            : type == oid::kTime        ? "time without time zone"
                                                        : "interval";
    throw PgError(recognized ? sqlstate::kFeatureNotSupported : sqlstate::kInvalidParameterValue,
                  "unit \"" + field + "\" " + (recognized ? "not supported" : "not recognized") + " for type " +
                      type_name);
}

std::string lower_field(std::string f) {
    for (char& c : f) c = char(std::tolower(static_cast<unsigned char>(c)));
    // PostgreSQL's abbreviations and plurals of the field names.
    static const std::pair<const char*, const char*> kAliases[] = {
        {"years", "year"}, {"y", "year"}, {"yr", "year"}, {"yrs", "year"}, {"months", "month"}, {"mon", "month"},
        {"mons", "month"}, {"days", "day"}, {"d", "day"}, {"hours", "hour"}, {"h", "hour"}, {"hr", "hour"},
        {"hrs", "hour"}, {"minutes", "minute"}, {"m", "minute"}, {"min", "minute"}, {"mins", "minute"},
        {"seconds", "second"}, {"s", "second"}, {"sec", "second"}, {"secs", "second"}, {"ms", "milliseconds"},
        {"msec", "milliseconds"}, {"msecs", "milliseconds"}, {"millisecond", "milliseconds"},
        {"us", "microseconds"}, {"usec", "microseconds"}, {"usecs", "microseconds"},
        {"microsecond", "microseconds"}, {"weeks", "week"}, {"w", "week"}, {"decades", "decade"},
        {"centuries", "century"}, {"millennia", "millennium"}, {"millenniums", "millennium"}, {"qtr", "quarter"},
        {"j", "julian"}, {"jd", "julian"}};
    for (const auto& [alias, name] : kAliases) {
        if (f == alias) return name;
    }
    return f;
}

bool known_field(const std::string& f) {
    static const char* kFields[] = {"year", "month", "day", "hour", "minute", "second", "milliseconds",
                                    "microseconds", "week", "decade", "century", "millennium", "quarter",
                                    "julian", "dow", "isodow", "doy", "epoch", "isoyear", "timezone",
                                    "timezone_hour", "timezone_minute"};
    for (const char* k : kFields) {
        if (f == k) return true;
    }
    return false;
}

// ISO 8601 week-numbering year and week of a day (days since 2000-01-01).
void iso_week(int64_t days, int64_t& iso_year, int64_t& week) {
    int64_t dow = ((days + 5) % 7 + 7) % 7 + 1;  // 2000-01-01 was a Saturday; Monday = 1
    int64_t thursday = days - dow + 4;
    CivilTime t = civil_from_timestamp(thursday * kMicrosPerDay);
    iso_year = t.year;
    int64_t jan1 = days_from_civil_date(t.year, 1, 1);
    week = (thursday - jan1) / 7 + 1;
}

Extracted extract_timestamp(const std::string& f, int64_t local, pgwire::Oid type, int64_t utc, int offset) {
    CivilTime t = civil_from_timestamp(local);
    int64_t sec_micros = int64_t(t.second) * kMicrosPerSecond + t.microsecond;
    int64_t year = t.year > 0 ? t.year : t.year - 1;  // no year zero
    if (f == "year") return {year, 0};
    if (f == "month") return {t.month, 0};
    if (f == "day") return {t.day, 0};
    if (f == "hour") return {t.hour, 0};
    if (f == "minute") return {t.minute, 0};
    if (f == "second") return {sec_micros, 6};
    if (f == "milliseconds") return {sec_micros, 3};
    if (f == "microseconds") return {sec_micros, 0};
    if (f == "quarter") return {(t.month - 1) / 3 + 1, 0};
    if (f == "decade") return {year >= 0 ? year / 10 : -((8 - (year - 1)) / 10), 0};
    if (f == "century") return {year > 0 ? (year + 99) / 100 : -((99 - (year - 1)) / 100), 0};
    if (f == "millennium") return {year > 0 ? (year + 999) / 1000 : -((999 - (year - 1)) / 1000), 0};
    if (f == "dow") return {((t.days + 6) % 7 + 7) % 7, 0};
    if (f == "isodow") return {((t.days + 5) % 7 + 7) % 7 + 1, 0};
    if (f == "doy") return {t.days - days_from_civil_date(t.year, 1, 1) + 1, 0};
    if (f == "week" || f == "isoyear") {
        int64_t iso_year, week;
        iso_week(t.days, iso_year, week);
        return {f == "week" ? week : iso_year, 0};
    }
    if (f == "julian") {
        __int128 day_micros = local - t.days * kMicrosPerDay;
        if (type == oid::kDate) return {t.days + 2451545, 0};
        // Fractional julian days, to the 20 digits numeric division gives.
        const __int128 scale = __int128(10000000000LL) * 10000000000LL;
        return {__int128(t.days + 2451545) * scale + day_micros * scale / kMicrosPerDay, 20};
    }
    if (f == "epoch") {
        __int128 micros = __int128(utc) + __int128(10957) * kMicrosPerDay;
        if (type == oid::kDate) return {micros / kMicrosPerSecond, 0};
        return {micros, 6};
    }
    if (type == oid::kTimestamptz) {
        if (f == "timezone") return {offset, 0};
        if (f == "timezone_hour") return {offset / 3600, 0};
        if (f == "timezone_minute") return {offset / 60 % 60, 0};
    }
    unit_error(f, type, true);
}

Extracted extract_value(const std::string& field_text, sqlite3_value* v, pgwire::Oid type) {
    std::string f = lower_field(field_text);
    if (!known_field(f)) unit_error(field_text, type, false);
    if (type == oid::kInterval) {
        Interval s = interval_of(v);
        int64_t year = s.months / 12;
        int64_t sec_micros = s.micros % (60 * kMicrosPerSecond);
        if (f == "year") return {year, 0};
        if (f == "month") return {s.months % 12, 0};
        if (f == "day") return {s.days, 0};
        if (f == "hour") return {s.micros / (3600 * kMicrosPerSecond), 0};
        if (f == "minute") return {s.micros / (60 * kMicrosPerSecond) % 60, 0};
        if (f == "second") return {sec_micros, 6};
        if (f == "milliseconds") return {sec_micros, 3};
        if (f == "microseconds") return {sec_micros, 0};
        if (f == "quarter") return {(s.months % 12) / 3 + 1, 0};
        if (f == "decade") return {year / 10, 0};
        if (f == "century") return {year / 100, 0};
        if (f == "millennium") return {year / 1000, 0};
        if (f == "epoch") {
            __int128 secs = __int128(int64_t(365.25 * 86400)) * (s.months / 12) +
                            __int128(30 * 86400) * (s.months % 12) + __int128(86400) * s.days;
            return {secs * kMicrosPerSecond + s.micros, 6};
        }
        unit_error(field_text, type, true);
    }
    if (type == oid::kTimetz) {
        TimeWithZone tz = timetz_of(v);
        int64_t t = tz.micros;
        int64_t sec_micros = t % (60 * kMicrosPerSecond);
        if (f == "hour") return {t / (3600 * kMicrosPerSecond), 0};
        if (f == "minute") return {t / (60 * kMicrosPerSecond) % 60, 0};
        if (f == "second") return {sec_micros, 6};
        if (f == "milliseconds") return {sec_micros, 3};
        if (f == "microseconds") return {sec_micros, 0};
        if (f == "epoch") return {t - int64_t(tz.offset_east) * kMicrosPerSecond, 6};
        if (f == "timezone") return {tz.offset_east, 0};
        if (f == "timezone_hour") return {tz.offset_east / 3600, 0};
        if (f == "timezone_minute") return {tz.offset_east / 60 % 60, 0};
        unit_error(field_text, type, true);
    }
    if (type == oid::kTime) {
        int64_t t = time_of(v);
        int64_t sec_micros = t % (60 * kMicrosPerSecond);
        if (f == "hour") return {t / (3600 * kMicrosPerSecond), 0};
        if (f == "minute") return {t / (60 * kMicrosPerSecond) % 60, 0};
        if (f == "second") return {sec_micros, 6};
        if (f == "milliseconds") return {sec_micros, 3};
        if (f == "microseconds") return {sec_micros, 0};
        if (f == "epoch") return {t, 6};
        unit_error(field_text, type, true);
    }
    int64_t local, utc;
    int offset = 0;
    if (type == oid::kDate) {
        int32_t d = date_of(v);
        if (!date_is_finite(d)) throw PgError(sqlstate::kFeatureNotSupported, "infinite dates are not supported by extract");
        local = utc = int64_t(d) * kMicrosPerDay;
        if (f == "hour" || f == "minute" || f == "second" || f == "milliseconds" || f == "microseconds") {
            unit_error(field_text, type, true);
        }
    } else {
        int64_t ts = timestamp_of(v);
        if (!timestamp_is_finite(ts)) {
            throw PgError(sqlstate::kFeatureNotSupported, "infinite timestamps are not supported by extract");
        }
        if (type == oid::kTimestamptz) {
            utc = ts;
            local = utc_to_local(ts, session_time_zone());
            offset = int((local - utc) / kMicrosPerSecond);
        } else {
            local = utc = ts;
        }
    }
    return extract_timestamp(f, local, type, utc, offset);
}

// litegres_extract(field, value, type_oid, numeric): extract() as exact
// numeric text, date_part() as double precision.
void extract(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    strict(ctx, argc, argv, [&] {
        Extracted e = extract_value(value_string(argv[0]), argv[1], pgwire::Oid(sqlite3_value_int(argv[2])));
        if (sqlite3_value_int(argv[3]) != 0) {
            if (e.scale == 0) return sqlite3_result_int64(ctx, int64_t(e.value));
            return result_text(ctx, scaled_decimal(e.value, e.scale));
        }
        double d = double(e.value);
        for (int i = 0; i < e.scale; ++i) d /= 10;
        sqlite3_result_double(ctx, d);
    });
}

// ---------------------------------------------------------------- date_trunc

int64_t truncate_local(const std::string& f, int64_t local, const std::string& field_text, pgwire::Oid type) {
    CivilTime t = civil_from_timestamp(local);
    int64_t day_start = t.days * kMicrosPerDay;
    int64_t year = t.year;
    auto year_start = [&](int64_t y) { return days_from_civil_date(y, 1, 1) * kMicrosPerDay; };
    if (f == "microseconds") return local;
    if (f == "milliseconds") return local - t.microsecond % 1000;
    if (f == "second") return local - t.microsecond;
    if (f == "minute") return day_start + (int64_t(t.hour) * 60 + t.minute) * 60 * kMicrosPerSecond;
    if (f == "hour") return day_start + int64_t(t.hour) * 3600 * kMicrosPerSecond;
    if (f == "day") return day_start;
    if (f == "week") return (t.days - (((t.days + 5) % 7 + 7) % 7)) * kMicrosPerDay;
    if (f == "month") return days_from_civil_date(year, t.month, 1) * kMicrosPerDay;
    if (f == "quarter") return days_from_civil_date(year, (t.month - 1) / 3 * 3 + 1, 1) * kMicrosPerDay;
    if (f == "year") return year_start(year);
    if (f == "decade") return year_start(year > 0 ? year / 10 * 10 : -((8 - (year - 1)) / 10) * 10);
    if (f == "century") return year_start(year > 0 ? (year - 1) / 100 * 100 + 1 : -((99 - (year - 1)) / 100) * 100 + 1);
    if (f == "millennium") {
        return year_start(year > 0 ? (year - 1) / 1000 * 1000 + 1 : -((999 - (year - 1)) / 1000) * 1000 + 1);
    }
    unit_error(field_text, type, known_field(f));
}

// litegres_date_trunc(field, value, type_oid[, zone])
void date_trunc(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    strict(ctx, argc, argv, [&] {
        std::string field_text = value_string(argv[0]);
        std::string f = lower_field(field_text);
        auto type = pgwire::Oid(sqlite3_value_int(argv[2]));
        if (type == oid::kInterval) {
            Interval s = interval_of(argv[1]);
            Interval r{};
            if (f == "millennium") r.months = s.months / 12000 * 12000;
            else if (f == "century") r.months = s.months / 1200 * 1200;
            else if (f == "decade") r.months = s.months / 120 * 120;
            else if (f == "year") r.months = s.months / 12 * 12;
            else if (f == "quarter") r.months = s.months / 3 * 3;
            else if (f == "month") r.months = s.months;
            else {
                r.months = s.months;
                r.days = s.days;
                int64_t unit = f == "day"            ? kMicrosPerDay * 1000
                               : f == "hour"         ? 3600 * kMicrosPerSecond
                               : f == "minute"       ? 60 * kMicrosPerSecond
                               : f == "second"       ? kMicrosPerSecond
                               : f == "milliseconds" ? 1000
                               : f == "microseconds" ? 1
                                                     : 0;
                if (unit == 0) unit_error(field_text, type, known_field(f));
                r.micros = f == "day" ? 0 : s.micros / unit * unit;
            }
            return result_text(ctx, pgwire::format_interval(r));
        }
        int64_t ts = timestamp_of(argv[1]);
        if (!timestamp_is_finite(ts)) {
            if (!known_field(f)) unit_error(field_text, type, false);
            return result_text(ctx, value_string(argv[1]));
        }
        if (type != oid::kTimestamptz) return result_text(ctx, timestamp_to_text(truncate_local(f, ts, field_text, type)));
        std::shared_ptr<const TimeZone> given = argc > 3 ? zone_argument(argv[3]) : nullptr;
        const TimeZone& zone = given ? *given : session_time_zone();
        int64_t local = truncate_local(f, utc_to_local(ts, zone), field_text, type);
        // Units below an hour keep the instant's own offset (no DST lookup).
        result_text(ctx, timestamptz_to_text(local_to_utc(local, zone)));
    });
}

void to_char(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    strict(ctx, argc, argv, [&] {
        auto type = pgwire::Oid(sqlite3_value_int(argv[2]));
        std::string format = value_string(argv[1]);
        if (type == oid::kInterval) return result_text(ctx, format_interval_as(interval_of(argv[0]), format));
        int64_t ts;
        if (type == oid::kDate) ts = date_to_timestamp(date_of(argv[0]));
        else ts = timestamp_of(argv[0]);
        if (!timestamp_is_finite(ts)) return sqlite3_result_null(ctx);
        if (type == oid::kTimestamptz) {
            const TimeZone& zone = session_time_zone();
            int64_t local = utc_to_local(ts, zone);
            int offset = int((local - ts) / kMicrosPerSecond);
            return result_text(ctx, format_timestamp_as(local, format, offset,
                                                   zone.abbreviation_at(ts / kMicrosPerSecond + 10957LL * 86400), true));
        }
        result_text(ctx, format_timestamp_as(ts, format, 0, "", false));
    });
}

// to_timestamp(text, format) / to_date(text, format).
template <bool kDate>
void parse_formatted(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    strict(ctx, argc, argv, [&] {
        int64_t local = parse_timestamp_as(value_string(argv[0]), value_string(argv[1]));
        if (kDate) return result_text(ctx, date_to_text(int32_t(civil_from_timestamp(local).days)));
        result_text(ctx, timestamptz_to_text(checked_timestamp(local_to_utc(local, session_time_zone()))));
    });
}

// sum(interval) / avg(interval): interval_pl over the rows; avg divides by
// the row count as interval_div does. NULLs are skipped; no rows is NULL.
struct IntervalSum {
    Interval total;
    int64_t count;
    bool failed;
};

void interval_sum_step(sqlite3_context* ctx, int, sqlite3_value** argv) {
    auto* acc = static_cast<IntervalSum*>(sqlite3_aggregate_context(ctx, sizeof(IntervalSum)));
    if (acc == nullptr || acc->failed || sqlite3_value_type(argv[0]) == SQLITE_NULL) return;
    try {
        acc->total = interval_add(acc->total, interval_of(argv[0]));
        acc->count++;
    } catch (const PgError& e) {
        acc->failed = true;
        report_error(ctx, e);
    }
}

template <bool kAverage>
void interval_sum_final(sqlite3_context* ctx) {
    auto* acc = static_cast<IntervalSum*>(sqlite3_aggregate_context(ctx, 0));
    if (acc == nullptr || acc->count == 0) return sqlite3_result_null(ctx);
    if (acc->failed) return;
    Interval v = kAverage ? interval_divide(acc->total, double(acc->count)) : acc->total;
    result_text(ctx, pgwire::format_interval(v));
}

// date_bin(stride, source, origin): the start of source's stride-wide bin.
void date_bin(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    strict(ctx, argc, argv, [&] {
        Interval stride = interval_of(argv[0]);
        int64_t source = timestamp_of(argv[1]), origin = timestamp_of(argv[2]);
        auto type = pgwire::Oid(sqlite3_value_int(argv[3]));
        if (!timestamp_is_finite(source)) return result_text(ctx, value_string(argv[1]));
        if (!timestamp_is_finite(origin)) throw PgError(sqlstate::kFeatureNotSupported, "origin out of range");
        if (stride.months != 0) {
            throw PgError(sqlstate::kFeatureNotSupported,
                          "timestamps cannot be binned into intervals containing months or years");
        }
        int64_t stride_micros = stride.micros + int64_t(stride.days) * kMicrosPerDay;
        if (stride_micros <= 0) throw PgError(sqlstate::kDatetimeFieldOverflow, "stride must be greater than zero");
        int64_t diff;
        if (__builtin_sub_overflow(source, origin, &diff)) {
            throw PgError(sqlstate::kDatetimeFieldOverflow, "interval out of range");
        }
        int64_t delta = diff - diff % stride_micros;
        // The bin's start even when the origin lies after the source.
        if (origin > source && stride_micros > 1) delta -= stride_micros;
        int64_t bin = checked_timestamp(origin + delta);
        result_text(ctx, type == oid::kTimestamptz ? timestamptz_to_text(bin) : timestamp_to_text(bin));
    });
}

int timetz_collation(void*, int na, const void* a, int nb, const void* b) {
    int64_t am = 0, bm = 0;
    std::optional<int> ao, bo;
    bool a_ok = pgwire::parse_timetz(std::string_view(static_cast<const char*>(a), size_t(na)), am, ao) ==
                    pgwire::TimeParse::kOk && ao;
    bool b_ok = pgwire::parse_timetz(std::string_view(static_cast<const char*>(b), size_t(nb)), bm, bo) ==
                    pgwire::TimeParse::kOk && bo;
    if (!a_ok || !b_ok) {
        int c = std::memcmp(a, b, size_t(std::min(na, nb)));
        return c != 0 ? c : na - nb;
    }
    return pgwire::compare_timetz(am, *ao, bm, *bo);
}

int interval_collation(void*, int na, const void* a, int nb, const void* b) {
    std::optional<Interval> x = interval_from_text(std::string_view(static_cast<const char*>(a), size_t(na)));
    std::optional<Interval> y = interval_from_text(std::string_view(static_cast<const char*>(b), size_t(nb)));
    if (!x || !y) {
        int c = std::memcmp(a, b, size_t(std::min(na, nb)));
        return c != 0 ? c : na - nb;
    }
    __int128 kx = x->compare_key(), ky = y->compare_key();
    return kx < ky ? -1 : kx > ky ? 1 : 0;
}

}  // namespace

int register_datetime_functions(sqlite3* db) {
    // Functions reading the session's TimeZone or clock are not deterministic.
    static const ScalarFunction kEntries[] = {
        {"litegres_dt_op", 3, dt_op, false},
        {"litegres_dt_cast", 3, dt_cast, false},
        {"litegres_datetime_in", 2, datetime_in, false},
        {"litegres_timestamptz_out", 1, timestamptz_out, false},
        {"litegres_datetime_out", 2, datetime_out, false},
        {"litegres_at_time_zone", 3, at_time_zone, false},
        {"litegres_justify", 2, justify, true},
        {"litegres_age", 2, age, false},
        {"litegres_age", 3, age, false},
        {"litegres_isfinite", 1, is_finite, true},
        {"litegres_make_date", 3, make_date, true},
        {"litegres_make_time", 3, make_time, true},
        {"litegres_make_timestamp", 6, make_timestamp<false>, true},
        {"litegres_make_timestamptz", 6, make_timestamp<true>, false},
        {"litegres_make_timestamptz", 7, make_timestamp<true>, false},
        {"litegres_make_interval", 7, make_interval, true},
        {"litegres_to_timestamp", 1, to_timestamp_seconds, true},
        {"litegres_to_timestamp", 2, parse_formatted<false>, false},
        {"litegres_to_date", 2, parse_formatted<true>, false},
        {"litegres_clock", 1, now, false},
        {"litegres_extract", 4, extract, false},
        {"litegres_date_trunc", 3, date_trunc, false},
        {"litegres_date_trunc", 4, date_trunc, false},
        {"litegres_to_char", 3, to_char, false},
        {"litegres_date_bin", 4, date_bin, true},
        {"litegres_datetime_round", 3, datetime_round, true},
    };
    if (int rc = register_scalar_functions(db, kEntries); rc != SQLITE_OK) return rc;
    int rc = sqlite3_create_function_v2(db, "litegres_interval_sum", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                        nullptr, interval_sum_step, interval_sum_final<false>, nullptr);
    if (rc == SQLITE_OK) {
        rc = sqlite3_create_function_v2(db, "litegres_interval_avg", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                        nullptr, interval_sum_step, interval_sum_final<true>, nullptr);
    }
    if (rc == SQLITE_OK) {
        rc = sqlite3_create_collation_v2(db, kTimetzCollation, SQLITE_UTF8, nullptr, timetz_collation, nullptr);
    }
    if (rc != SQLITE_OK) return rc;
    return sqlite3_create_collation_v2(db, kIntervalCollation, SQLITE_UTF8, nullptr, interval_collation, nullptr);
}

}  // namespace litegres::translate
