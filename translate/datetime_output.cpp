// datetime_output.cpp — DateStyle / IntervalStyle output of stored values.
#include "translate/datetime_output.h"

#include <cstdio>
#include <cstdlib>

#include "translate/datetime_arithmetic.h"
#include "translate/session_context.h"

namespace litegres::translate {

namespace oid = pgwire::oid;
using Output = DateStyle::Output;

namespace {

const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
const char* const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

void append_two(std::string& out, int64_t v) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%02lld", static_cast<long long>(v));
    out += buf;
}

// Year as PostgreSQL prints it: at least four digits; BC years counted from 1.
void append_year(std::string& out, int year) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%04d", year > 0 ? year : -(year - 1));
    out += buf;
}

// Seconds with the fraction's trailing zeros dropped (AppendSeconds).
void append_seconds(std::string& out, int64_t seconds, int64_t micros, bool fill_zeros) {
    char buf[32];
    std::snprintf(buf, sizeof buf, fill_zeros ? "%02lld" : "%lld",
                  static_cast<long long>(std::llabs(seconds)));
    out += buf;
    if (micros != 0) {
        std::snprintf(buf, sizeof buf, ".%06lld", static_cast<long long>(std::llabs(micros)));
        std::string f = buf;
        while (f.back() == '0') f.pop_back();
        out += f;
    }
}

// The date part in the non-ISO styles: 01/15/2024, 15.01.2024, 01-15-2024.
void append_date(std::string& out, const CivilTime& c, const DateStyle& style) {
    bool dmy = style.order == DateOrder::kDmy;
    char separator = style.output == Output::kSql      ? '/'
                     : style.output == Output::kGerman ? '.'
                                                       : '-';
    if (style.output == Output::kGerman || dmy) {
        append_two(out, c.day);
        out += separator;
        append_two(out, c.month);
    } else {
        append_two(out, c.month);
        out += separator;
        append_two(out, c.day);
    }
    out += separator;
    append_year(out, c.year);
}

void append_time(std::string& out, const CivilTime& c) {
    append_two(out, c.hour);
    out += ':';
    append_two(out, c.minute);
    out += ':';
    append_seconds(out, c.second, c.microsecond, true);
}

// The timestamp text in `style`; `zone` null for timestamp without time zone.
std::string encode_timestamp(int64_t local, const std::string* zone_text, const DateStyle& style) {
    CivilTime c = civil_from_timestamp(local);
    std::string out;
    if (style.output == Output::kPostgres) {
        int64_t weekday = ((c.days + 6) % 7 + 7) % 7;  // 2000-01-01 was a Saturday
        out += kDays[weekday];
        out += ' ';
        if (style.order == DateOrder::kDmy) {
            append_two(out, c.day);
            out += ' ';
            out += kMonths[c.month - 1];
        } else {
            out += kMonths[c.month - 1];
            out += ' ';
            append_two(out, c.day);
        }
        out += ' ';
        append_time(out, c);
        out += ' ';
        append_year(out, c.year);
    } else {
        append_date(out, c, style);
        out += ' ';
        append_time(out, c);
    }
    if (zone_text != nullptr) {
        out += ' ';
        out += *zone_text;
    }
    if (c.year <= 0) out += " BC";
    return out;
}

// A numeric zone offset as EncodeTimezone prints it: -08, +05:30.
std::string offset_text(int seconds_east) {
    std::string out(1, seconds_east < 0 ? '-' : '+');
    int a = std::abs(seconds_east);
    append_two(out, a / 3600);
    if (a % 3600 != 0) {
        out += ':';
        append_two(out, a / 60 % 60);
    }
    if (a % 60 != 0) {
        out += ':';
        append_two(out, a % 60);
    }
    return out;
}

void append_verbose_part(std::string& out, int64_t value, const char* unit, bool& is_zero,
                         bool& is_before) {
    if (value == 0) return;
    if (is_zero) {
        is_before = value < 0;
        value = std::llabs(value);
    } else if (is_before) {
        value = -value;
    }
    out += ' ' + std::to_string(value) + ' ' + unit + (value == 1 ? "" : "s");
    is_zero = false;
}

void append_iso_part(std::string& out, int64_t value, char unit) {
    if (value != 0) out += std::to_string(value) + unit;
}

}  // namespace

std::string date_output(int32_t days, const DateStyle& style) {
    if (!date_is_finite(days) || style.output == Output::kIso) return date_to_text(days);
    CivilTime c = civil_from_timestamp(int64_t(days) * kMicrosPerDay);
    std::string out;
    append_date(out, c, style);
    if (c.year <= 0) out += " BC";
    return out;
}

std::string timestamp_output(int64_t ts, const DateStyle& style) {
    if (!timestamp_is_finite(ts) || style.output == Output::kIso) return timestamp_to_text(ts);
    return encode_timestamp(ts, nullptr, style);
}

std::string timestamptz_output(int64_t utc, const TimeZone& zone, const DateStyle& style) {
    if (!timestamp_is_finite(utc) || style.output == Output::kIso)
        return timestamptz_to_text(utc, zone);
    int64_t utc_seconds =
        utc / kMicrosPerSecond - (utc % kMicrosPerSecond < 0 ? 1 : 0) + 10957LL * 86400;
    int offset = zone.offset_at(utc_seconds);
    // The zone's abbreviation when it has one, else the offset (EncodeDateTime).
    std::string zone_text = zone.abbreviation_at(utc_seconds);
    if (zone_text.empty()) zone_text = offset_text(offset);
    return encode_timestamp(utc + int64_t(offset) * kMicrosPerSecond, &zone_text, style);
}

std::string interval_output(const pgwire::Interval& v, IntervalStyle style) {
    if (style == IntervalStyle::kPostgres) return pgwire::format_interval(v);
    int64_t year = v.months / 12, mon = v.months % 12, mday = v.days;
    int64_t hour = v.micros / 3600000000LL;
    int64_t min = v.micros / 60000000LL % 60;
    int64_t sec = v.micros / kMicrosPerSecond % 60;
    int64_t fsec = v.micros % kMicrosPerSecond;
    std::string out;
    switch (style) {
        case IntervalStyle::kSqlStandard: {
            bool has_negative =
                year < 0 || mon < 0 || mday < 0 || hour < 0 || min < 0 || sec < 0 || fsec < 0;
            bool has_positive =
                year > 0 || mon > 0 || mday > 0 || hour > 0 || min > 0 || sec > 0 || fsec > 0;
            bool has_year_month = year != 0 || mon != 0;
            bool has_day_time = mday != 0 || hour != 0 || min != 0 || sec != 0 || fsec != 0;
            bool standard = !(has_negative && has_positive) && !(has_year_month && has_day_time);
            // The standard allows one sign before the whole value.
            if (has_negative && standard) {
                out += '-';
                year = -year, mon = -mon, mday = -mday, hour = -hour, min = -min, sec = -sec,
                fsec = -fsec;
            }
            char buf[96];
            if (!has_negative && !has_positive) {
                out += '0';
            } else if (!standard) {
                // Mixed signs: every part carries its own sign.
                char year_sign = year < 0 || mon < 0 ? '-' : '+';
                char day_sign = mday < 0 ? '-' : '+';
                char sec_sign = hour < 0 || min < 0 || sec < 0 || fsec < 0 ? '-' : '+';
                std::snprintf(buf, sizeof buf, "%c%lld-%lld %c%lld %c%lld:%02lld:", year_sign,
                              std::llabs(year), std::llabs(mon), day_sign, std::llabs(mday),
                              sec_sign, std::llabs(hour), std::llabs(min));
                out += buf;
                append_seconds(out, sec, fsec, true);
            } else if (has_year_month) {
                out += std::to_string(year) + '-' + std::to_string(mon);
            } else {
                if (mday != 0)
                    std::snprintf(buf, sizeof buf,
                                  "%lld %lld:%02lld:", static_cast<long long>(mday),
                                  static_cast<long long>(hour), static_cast<long long>(min));
                else
                    std::snprintf(buf, sizeof buf, "%lld:%02lld:", static_cast<long long>(hour),
                                  static_cast<long long>(min));
                out += buf;
                append_seconds(out, sec, fsec, true);
            }
            return out;
        }
        case IntervalStyle::kIso8601: {
            if (v.months == 0 && v.days == 0 && v.micros == 0) return "PT0S";
            out += 'P';
            append_iso_part(out, year, 'Y');
            append_iso_part(out, mon, 'M');
            append_iso_part(out, mday, 'D');
            if (v.micros != 0) out += 'T';
            append_iso_part(out, hour, 'H');
            append_iso_part(out, min, 'M');
            if (sec != 0 || fsec != 0) {
                if (sec < 0 || fsec < 0) out += '-';
                append_seconds(out, sec, fsec, false);
                out += 'S';
            }
            return out;
        }
        default: {
            bool is_zero = true, is_before = false;
            out += '@';
            append_verbose_part(out, year, "year", is_zero, is_before);
            append_verbose_part(out, mon, "mon", is_zero, is_before);
            append_verbose_part(out, mday, "day", is_zero, is_before);
            append_verbose_part(out, hour, "hour", is_zero, is_before);
            append_verbose_part(out, min, "min", is_zero, is_before);
            if (sec != 0 || fsec != 0) {
                out += ' ';
                if (sec < 0 || (sec == 0 && fsec < 0)) {
                    if (is_zero)
                        is_before = true;
                    else if (!is_before)
                        out += '-';
                } else if (is_before) {
                    out += '-';
                }
                append_seconds(out, sec, fsec, false);
                out += std::string(" sec") + (std::llabs(sec) != 1 || fsec != 0 ? "s" : "");
                is_zero = false;
            }
            if (is_zero) out += " 0";
            if (is_before) out += " ago";
            return out;
        }
    }
}

std::optional<std::string> styled_datetime_output(std::string_view stored, pgwire::Oid type) {
    switch (type) {
        case oid::kInterval: {
            IntervalStyle style = session_interval_style();
            if (style == IntervalStyle::kPostgres) return std::nullopt;
            std::optional<Interval> v = interval_from_text(stored);
            if (!v) return std::nullopt;
            return interval_output(*v, style);
        }
        case oid::kDate: {
            DateStyle style = session_date_style();
            if (style.output == Output::kIso) return std::nullopt;
            std::optional<int32_t> days = date_from_text(stored);
            if (!days) return std::nullopt;
            return date_output(*days, style);
        }
        case oid::kTimestamp: {
            DateStyle style = session_date_style();
            if (style.output == Output::kIso) return std::nullopt;
            std::optional<int64_t> ts = timestamp_from_text(stored);
            if (!ts) return std::nullopt;
            return timestamp_output(*ts, style);
        }
        case oid::kTimestamptz: {
            DateStyle style = session_date_style();
            const TimeZone& zone = session_time_zone();
            if (style.output == Output::kIso && zone.is_utc()) return std::nullopt;
            std::optional<int64_t> utc = timestamp_from_text(stored);
            if (!utc) return std::nullopt;
            return timestamptz_output(*utc, zone, style);
        }
        default:
            return std::nullopt;
    }
}

}  // namespace litegres::translate
