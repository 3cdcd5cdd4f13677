// datetime_arithmetic.cpp — the bodies follow PostgreSQL 15's timestamp.c
// and date.c (timestamp_pl_interval, interval_mul, interval_justify_*,
// timestamp_age), so rounding and overflow match.
#include "translate/datetime_arithmetic.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "pgwire/datetime_text.h"
#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"
#include "pgwire/time_text.h"

namespace litegres::translate {

using pgwire::PgError;
namespace sqlstate = pgwire::sqlstate;

namespace {

// PostgreSQL's timestamp range: 4714-11-24 BC .. 294276-12-31 AD.
constexpr int64_t kMinTimestamp = -211813488000000000LL;
constexpr int64_t kMaxTimestamp = 9223371331200000000LL;

[[noreturn]] void out_of_range(const char* what) {
    throw PgError(sqlstate::kDatetimeFieldOverflow, std::string(what) + " out of range");
}

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

int32_t checked_int32(double v) {
    if (std::isnan(v) || v < -2147483648.0 || v > 2147483647.0) out_of_range("interval");
    return int32_t(v);
}

int32_t add_int32(int32_t a, int32_t b) {
    int32_t r;
    if (__builtin_add_overflow(a, b, &r)) out_of_range("interval");
    return r;
}

int64_t add_int64(int64_t a, int64_t b, const char* what) {
    int64_t r;
    if (__builtin_add_overflow(a, b, &r)) out_of_range(what);
    return r;
}

double ts_round(double v) { return std::rint(v * 1e6) / 1e6; }

std::string offset_suffix(int seconds_east) {
    int a = std::abs(seconds_east);
    char buf[24];
    int n = std::snprintf(buf, sizeof buf, "%c%02d", seconds_east < 0 ? '-' : '+', a / 3600);
    if (a % 3600 != 0) n += std::snprintf(buf + n, sizeof buf - size_t(n), ":%02d", a % 3600 / 60);
    if (a % 60 != 0) std::snprintf(buf + n, sizeof buf - size_t(n), ":%02d", a % 60);
    return buf;
}

}  // namespace

bool is_leap_year(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int64_t year, int month) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

int64_t days_from_civil_date(int64_t y, int m, int d) {
    // Howard Hinnant's days_from_civil, shifted to 2000-01-01.
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;
    const int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468 - 10957;
}

CivilTime civil_from_timestamp(int64_t ts) {
    CivilTime c{};
    c.days = floor_div(ts, kMicrosPerDay);
    int64_t rem = ts - c.days * kMicrosPerDay;
    int64_t z = c.days + 10957 + 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    c.day = int(doy - (153 * mp + 2) / 5 + 1);
    c.month = int(mp < 10 ? mp + 3 : mp - 9);
    c.year = int(yoe + era * 400 + (c.month <= 2));
    c.microsecond = int(rem % kMicrosPerSecond);
    int64_t secs = rem / kMicrosPerSecond;
    c.hour = int(secs / 3600);
    c.minute = int(secs / 60 % 60);
    c.second = int(secs % 60);
    return c;
}

std::optional<int64_t> timestamp_from_text(std::string_view text) {
    if (text == "infinity") return kTimestampInfinity;
    if (text == "-infinity") return kTimestampMinusInfinity;
    pgwire::DateTimeValue v;
    if (pgwire::parse_datetime(text, v) != pgwire::DateTimeParse::kOk) return std::nullopt;
    return pgwire::micros_since_2000(v);
}

std::optional<int32_t> date_from_text(std::string_view text) {
    if (text == "infinity") return kDateInfinity;
    if (text == "-infinity") return kDateMinusInfinity;
    pgwire::DateTimeValue v;
    if (pgwire::parse_datetime(text, v) != pgwire::DateTimeParse::kOk) return std::nullopt;
    return pgwire::days_since_2000(v);
}

std::optional<int64_t> time_from_text(std::string_view text) {
    int64_t micros;
    if (pgwire::parse_time(text, micros) != pgwire::TimeParse::kOk) return std::nullopt;
    return micros;
}

std::optional<Interval> interval_from_text(std::string_view text) {
    Interval v;
    if (pgwire::parse_interval(text, v) != pgwire::IntervalParse::kOk) return std::nullopt;
    return v;
}

std::string timestamp_to_text(int64_t ts) {
    if (ts == kTimestampInfinity) return "infinity";
    if (ts == kTimestampMinusInfinity) return "-infinity";
    return pgwire::format_timestamp(pgwire::from_micros_since_2000(ts));
}

std::string timestamptz_to_text(int64_t utc) {
    if (!timestamp_is_finite(utc)) return timestamp_to_text(utc);
    return timestamp_to_text(utc) + "+00";
}

std::string timestamptz_to_text(int64_t utc, const TimeZone& zone) {
    if (!timestamp_is_finite(utc)) return timestamp_to_text(utc);
    int offset = zone.offset_at(floor_div(utc, kMicrosPerSecond) + 10957LL * 86400);
    return timestamp_to_text(utc + int64_t(offset) * kMicrosPerSecond) + offset_suffix(offset);
}

std::string date_to_text(int32_t days) {
    if (days == kDateInfinity) return "infinity";
    if (days == kDateMinusInfinity) return "-infinity";
    return pgwire::format_date(pgwire::from_days_since_2000(days));
}

int64_t local_to_utc(int64_t local, const TimeZone& zone) {
    if (!timestamp_is_finite(local)) return local;
    int64_t secs = floor_div(local, kMicrosPerSecond);
    int64_t frac = local - secs * kMicrosPerSecond;
    int64_t utc_secs = zone.to_utc(secs + 10957LL * 86400) - 10957LL * 86400;
    return utc_secs * kMicrosPerSecond + frac;
}

int64_t utc_to_local(int64_t utc, const TimeZone& zone) {
    if (!timestamp_is_finite(utc)) return utc;
    return utc + int64_t(zone.offset_at(floor_div(utc, kMicrosPerSecond) + 10957LL * 86400)) * kMicrosPerSecond;
}

int64_t checked_timestamp(int64_t ts) {
    if (timestamp_is_finite(ts) && (ts < kMinTimestamp || ts >= kMaxTimestamp)) out_of_range("timestamp");
    return ts;
}

Interval interval_add(const Interval& a, const Interval& b) {
    return {add_int32(a.months, b.months), add_int32(a.days, b.days), add_int64(a.micros, b.micros, "interval")};
}

Interval interval_negate(const Interval& a) {
    if (a.months == INT32_MIN || a.days == INT32_MIN || a.micros == INT64_MIN) out_of_range("interval");
    return {-a.months, -a.days, -a.micros};
}

Interval interval_multiply(const Interval& span, double factor) {
    Interval r;
    r.months = checked_int32(span.months * factor);
    r.days = checked_int32(span.days * factor);
    double month_remainder_days = ts_round((span.months * factor - r.months) * 30);
    double sec_remainder =
        ts_round((span.days * factor - r.days + month_remainder_days - int(month_remainder_days)) * 86400);
    if (std::fabs(sec_remainder) >= 86400) {
        r.days = add_int32(r.days, int(sec_remainder / 86400));
        sec_remainder -= int(sec_remainder / 86400) * 86400.0;
    }
    r.days = add_int32(r.days, int(month_remainder_days));
    double micros = std::rint(double(span.micros) * factor + sec_remainder * 1e6);
    if (std::isnan(micros) || micros < -9.2233720368547758e18 || micros >= 9.2233720368547758e18) {
        out_of_range("interval");
    }
    r.micros = int64_t(micros);
    return r;
}

Interval interval_divide(const Interval& span, double factor) {
    if (factor == 0.0) throw PgError(sqlstate::kDivisionByZero, "division by zero");
    Interval r;
    r.months = checked_int32(span.months / factor);
    r.days = checked_int32(span.days / factor);
    double month_remainder_days = ts_round((span.months / factor - r.months) * 30);
    double sec_remainder =
        ts_round((span.days / factor - r.days + month_remainder_days - int(month_remainder_days)) * 86400);
    if (std::fabs(sec_remainder) >= 86400) {
        r.days = add_int32(r.days, int(sec_remainder / 86400));
        sec_remainder -= int(sec_remainder / 86400) * 86400.0;
    }
    r.days = add_int32(r.days, int(month_remainder_days));
    r.micros = int64_t(std::rint(double(span.micros) / factor + sec_remainder * 1e6));
    return r;
}

Interval justify_hours(const Interval& a) {
    Interval r = a;
    int64_t whole_day = r.micros / kMicrosPerDay;
    r.micros -= whole_day * kMicrosPerDay;
    r.days = add_int32(r.days, checked_int32(double(whole_day)));
    if (r.days > 0 && r.micros < 0) {
        r.micros += kMicrosPerDay;
        r.days--;
    } else if (r.days < 0 && r.micros > 0) {
        r.micros -= kMicrosPerDay;
        r.days++;
    }
    return r;
}

Interval justify_days(const Interval& a) {
    Interval r = a;
    int32_t whole_month = r.days / 30;
    r.days -= whole_month * 30;
    r.months = add_int32(r.months, whole_month);
    if (r.months > 0 && r.days < 0) {
        r.days += 30;
        r.months--;
    } else if (r.months < 0 && r.days > 0) {
        r.days -= 30;
        r.months++;
    }
    return r;
}

Interval justify_interval(const Interval& a) {
    Interval r = a;
    int64_t whole_day = r.micros / kMicrosPerDay;
    r.micros -= whole_day * kMicrosPerDay;
    r.days = add_int32(r.days, checked_int32(double(whole_day)));
    int32_t whole_month = r.days / 30;
    r.days -= whole_month * 30;
    r.months = add_int32(r.months, whole_month);
    if (r.months > 0 && (r.days < 0 || (r.days == 0 && r.micros < 0))) {
        r.days += 30;
        r.months--;
    } else if (r.months < 0 && (r.days > 0 || (r.days == 0 && r.micros > 0))) {
        r.days -= 30;
        r.months++;
    }
    if (r.days > 0 && r.micros < 0) {
        r.micros += kMicrosPerDay;
        r.days--;
    } else if (r.days < 0 && r.micros > 0) {
        r.micros -= kMicrosPerDay;
        r.days++;
    }
    return r;
}

int64_t timestamp_plus_interval(int64_t ts, const Interval& span, const TimeZone* zone) {
    if (!timestamp_is_finite(ts)) return ts;
    if (span.months != 0 || span.days != 0) {
        int64_t local = zone != nullptr ? utc_to_local(ts, *zone) : ts;
        CivilTime c = civil_from_timestamp(local);
        int64_t time_of_day = local - c.days * kMicrosPerDay;
        int64_t days = c.days;
        if (span.months != 0) {
            int64_t month_index = int64_t(c.year) * 12 + (c.month - 1) + span.months;
            int64_t year = floor_div(month_index, 12);
            int month = int(month_index - year * 12) + 1;
            if (year < -4713 || year > 294276) out_of_range("timestamp");
            int day = std::min(c.day, days_in_month(year, month));
            days = days_from_civil_date(year, month, day);
        }
        days += span.days;
        if (days < -2451545 - 4000 * 366 || days > 106000000) out_of_range("timestamp");
        local = checked_timestamp(days * kMicrosPerDay + time_of_day);
        ts = zone != nullptr ? local_to_utc(local, *zone) : local;
    }
    return checked_timestamp(add_int64(ts, span.micros, "timestamp"));
}

Interval timestamp_difference(int64_t a, int64_t b) {
    if (!timestamp_is_finite(a) || !timestamp_is_finite(b)) {
        throw PgError(sqlstate::kDatetimeFieldOverflow, "cannot subtract infinite timestamps");
    }
    int64_t diff;
    if (__builtin_sub_overflow(a, b, &diff)) out_of_range("interval");
    return justify_hours(Interval{0, 0, diff});
}

int64_t time_plus_interval(int64_t time, const Interval& span) {
    int64_t r = (time + span.micros % kMicrosPerDay) % kMicrosPerDay;
    if (r < 0) r += kMicrosPerDay;
    return r;
}

Interval timestamp_age(int64_t a, int64_t b, const TimeZone* zone) {
    if (!timestamp_is_finite(a) || !timestamp_is_finite(b)) {
        throw PgError(sqlstate::kDatetimeFieldOverflow, "cannot subtract infinite timestamps");
    }
    CivilTime t1 = civil_from_timestamp(zone != nullptr ? utc_to_local(a, *zone) : a);
    CivilTime t2 = civil_from_timestamp(zone != nullptr ? utc_to_local(b, *zone) : b);
    int64_t fsec = t1.microsecond - t2.microsecond, sec = t1.second - t2.second, min = t1.minute - t2.minute,
            hour = t1.hour - t2.hour, mday = t1.day - t2.day, mon = t1.month - t2.month, year = t1.year - t2.year;
    bool flip = a < b;
    if (flip) fsec = -fsec, sec = -sec, min = -min, hour = -hour, mday = -mday, mon = -mon, year = -year;
    while (fsec < 0) fsec += kMicrosPerSecond, sec--;
    while (sec < 0) sec += 60, min--;
    while (min < 0) min += 60, hour--;
    while (hour < 0) hour += 24, mday--;
    while (mday < 0) {
        const CivilTime& base = flip ? t1 : t2;
        mday += days_in_month(base.year, base.month);
        mon--;
    }
    while (mon < 0) mon += 12, year--;
    if (flip) fsec = -fsec, sec = -sec, min = -min, hour = -hour, mday = -mday, mon = -mon, year = -year;
    Interval r;
    r.months = checked_int32(double(year * 12 + mon));
    r.days = checked_int32(double(mday));
    r.micros = ((hour * 60 + min) * 60 + sec) * kMicrosPerSecond + fsec;
    return r;
}

}  // namespace litegres::translate
