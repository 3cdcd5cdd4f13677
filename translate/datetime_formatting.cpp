// datetime_formatting.cpp — a pattern scanner shared by formatting and
// parsing. Patterns match case-sensitively in the spellings PostgreSQL lists
// (YYYY or yyyy, Month / MONTH / month), longest first.
#include "translate/datetime_formatting.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <vector>

#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"
#include "translate/datetime_arithmetic.h"

namespace litegres::translate {

namespace {

using pgwire::PgError;
namespace sqlstate = pgwire::sqlstate;

enum class Field {
    kYearComma, kIsoYear, kYear4, kYear3, kYear2, kYear1, kMonthName, kMonthAbbrev, kMonth, kMinute, kMillis,
    kMicros, kSecondsOfDay, kSecond, kHour24, kHour12, kDayName, kDayAbbrev, kDayOfYear, kDay, kDayOfWeek,
    kIsoDayOfWeek, kIsoWeek, kWeekOfYear, kQuarter, kCentury, kJulian, kMeridiem, kMeridiemDots, kZone, kOffset,
};

enum class Case { kUpper, kCapitalized, kLower };

struct Pattern {
    const char* text;
    Field field;
    Case letter_case;
};

// Longest first where one pattern is a prefix of another.
const Pattern kPatterns[] = {
    {"Y,YYY", Field::kYearComma, Case::kUpper}, {"y,yyy", Field::kYearComma, Case::kLower},
    {"IYYY", Field::kIsoYear, Case::kUpper}, {"iyyy", Field::kIsoYear, Case::kLower},
    {"YYYY", Field::kYear4, Case::kUpper}, {"yyyy", Field::kYear4, Case::kLower},
    {"YYY", Field::kYear3, Case::kUpper}, {"yyy", Field::kYear3, Case::kLower},
    {"YY", Field::kYear2, Case::kUpper}, {"yy", Field::kYear2, Case::kLower},
    {"Y", Field::kYear1, Case::kUpper}, {"y", Field::kYear1, Case::kLower},
    {"MONTH", Field::kMonthName, Case::kUpper}, {"Month", Field::kMonthName, Case::kCapitalized},
    {"month", Field::kMonthName, Case::kLower},
    {"MON", Field::kMonthAbbrev, Case::kUpper}, {"Mon", Field::kMonthAbbrev, Case::kCapitalized},
    {"mon", Field::kMonthAbbrev, Case::kLower},
    {"MM", Field::kMonth, Case::kUpper}, {"mm", Field::kMonth, Case::kLower},
    {"MI", Field::kMinute, Case::kUpper}, {"mi", Field::kMinute, Case::kLower},
    {"MS", Field::kMillis, Case::kUpper}, {"ms", Field::kMillis, Case::kLower},
    {"US", Field::kMicros, Case::kUpper}, {"us", Field::kMicros, Case::kLower},
    {"SSSS", Field::kSecondsOfDay, Case::kUpper}, {"ssss", Field::kSecondsOfDay, Case::kLower},
    {"SS", Field::kSecond, Case::kUpper}, {"ss", Field::kSecond, Case::kLower},
    {"HH24", Field::kHour24, Case::kUpper}, {"hh24", Field::kHour24, Case::kLower},
    {"HH12", Field::kHour12, Case::kUpper}, {"hh12", Field::kHour12, Case::kLower},
    {"HH", Field::kHour12, Case::kUpper}, {"hh", Field::kHour12, Case::kLower},
    {"DAY", Field::kDayName, Case::kUpper}, {"Day", Field::kDayName, Case::kCapitalized},
    {"day", Field::kDayName, Case::kLower},
    {"DDD", Field::kDayOfYear, Case::kUpper}, {"ddd", Field::kDayOfYear, Case::kLower},
    {"DD", Field::kDay, Case::kUpper}, {"dd", Field::kDay, Case::kLower},
    {"DY", Field::kDayAbbrev, Case::kUpper}, {"Dy", Field::kDayAbbrev, Case::kCapitalized},
    {"dy", Field::kDayAbbrev, Case::kLower},
    {"D", Field::kDayOfWeek, Case::kUpper}, {"d", Field::kDayOfWeek, Case::kLower},
    {"ID", Field::kIsoDayOfWeek, Case::kUpper}, {"id", Field::kIsoDayOfWeek, Case::kLower},
    {"IW", Field::kIsoWeek, Case::kUpper}, {"iw", Field::kIsoWeek, Case::kLower},
    {"WW", Field::kWeekOfYear, Case::kUpper}, {"ww", Field::kWeekOfYear, Case::kLower},
    {"Q", Field::kQuarter, Case::kUpper}, {"q", Field::kQuarter, Case::kLower},
    {"CC", Field::kCentury, Case::kUpper}, {"cc", Field::kCentury, Case::kLower},
    {"J", Field::kJulian, Case::kUpper}, {"j", Field::kJulian, Case::kLower},
    {"A.M.", Field::kMeridiemDots, Case::kUpper}, {"P.M.", Field::kMeridiemDots, Case::kUpper},
    {"a.m.", Field::kMeridiemDots, Case::kLower}, {"p.m.", Field::kMeridiemDots, Case::kLower},
    {"AM", Field::kMeridiem, Case::kUpper}, {"PM", Field::kMeridiem, Case::kUpper},
    {"am", Field::kMeridiem, Case::kLower}, {"pm", Field::kMeridiem, Case::kLower},
    {"TZ", Field::kZone, Case::kUpper}, {"tz", Field::kZone, Case::kLower},
    {"OF", Field::kOffset, Case::kUpper},
};

const char* const kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};
const char* const kDayNames[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

// One piece of a template: a pattern (with FM / TH) or literal text.
struct Piece {
    const Pattern* pattern = nullptr;
    bool fill_mode = false;
    int ordinal = 0;  // 1: TH, 2: th
    std::string literal;
};

std::vector<Piece> scan(std::string_view f) {
    std::vector<Piece> out;
    size_t i = 0;
    while (i < f.size()) {
        Piece p;
        if (f.substr(i, 2) == "FM" || f.substr(i, 2) == "fm") {
            p.fill_mode = true;
            i += 2;
        }
        for (const Pattern& pat : kPatterns) {
            std::string_view t = pat.text;
            if (f.substr(i, t.size()) == t) {
                p.pattern = &pat;
                i += t.size();
                break;
            }
        }
        if (p.pattern != nullptr) {
            if (f.substr(i, 2) == "TH") p.ordinal = 1, i += 2;
            else if (f.substr(i, 2) == "th") p.ordinal = 2, i += 2;
            out.push_back(std::move(p));
            continue;
        }
        if (f[i] == '"') {
            ++i;
            while (i < f.size() && f[i] != '"') {
                if (f[i] == '\\' && i + 1 < f.size()) ++i;
                p.literal.push_back(f[i++]);
            }
            ++i;
        } else if (f[i] == '\\' && i + 1 < f.size()) {
            p.literal.push_back(f[i + 1]);
            i += 2;
        } else {
            p.literal.push_back(f[i++]);
        }
        out.push_back(std::move(p));
    }
    return out;
}

std::string cased(std::string s, Case c) {
    for (size_t i = 0; i < s.size(); ++i) {
        unsigned char ch = static_cast<unsigned char>(s[i]);
        if (c == Case::kUpper || (c == Case::kCapitalized && i == 0)) s[i] = char(std::toupper(ch));
        else s[i] = char(std::tolower(ch));
    }
    return s;
}

std::string ordinal_suffix(int64_t n, int style) {
    if (style == 0) return "";
    int64_t last2 = std::llabs(n) % 100, last = std::llabs(n) % 10;
    const char* s = (last2 >= 11 && last2 <= 13) ? "th" : last == 1 ? "st" : last == 2 ? "nd" : last == 3 ? "rd" : "th";
    return style == 1 ? cased(s, Case::kUpper) : s;
}

// A number zero-padded to `width` (the sign counts), or bare under FM.
std::string number(int64_t v, int width, const Piece& p) {
    char buf[32];
    if (p.fill_mode) std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(v));
    else std::snprintf(buf, sizeof buf, "%0*lld", width, static_cast<long long>(v));
    return buf + ordinal_suffix(v, p.ordinal);
}

std::string padded_name(const std::string& name, const Piece& p) {
    std::string s = cased(name, p.pattern->letter_case);
    if (!p.fill_mode && s.size() < 9) s.append(9 - s.size(), ' ');
    return s;
}

// The broken-down fields to_char prints (an interval's are not normalised).
struct Fields {
    int64_t year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, micros = 0;
    int64_t days = 0;  // since 2000-01-01, for the calendar patterns
    bool calendar = true;
};

std::string render(const std::vector<Piece>& pieces, const Fields& t, int offset, const std::string& abbrev,
                   bool zoned) {
    std::string out;
    for (const Piece& p : pieces) {
        if (p.pattern == nullptr) {
            out += p.literal;
            continue;
        }
        int64_t dow = ((t.days + 6) % 7 + 7) % 7;
        int64_t doy = t.calendar ? t.days - days_from_civil_date(t.year, 1, 1) + 1 : t.day;
        auto wide = [&](int64_t v, int width) { return number(v, v < 0 ? width + 1 : width, p); };
        switch (p.pattern->field) {
            case Field::kYearComma: {
                char buf[32];
                std::snprintf(buf, sizeof buf, "%lld,%03lld", static_cast<long long>(t.year / 1000),
                              static_cast<long long>(t.year % 1000));
                out += buf;
                break;
            }
            case Field::kIsoYear:
            case Field::kIsoDayOfWeek:
            case Field::kIsoWeek: {
                int64_t iso_dow = dow == 0 ? 7 : dow;
                int64_t thursday = t.days - iso_dow + 4;
                int64_t iso_year = civil_from_timestamp(thursday * kMicrosPerDay).year;
                int64_t week = (thursday - days_from_civil_date(iso_year, 1, 1)) / 7 + 1;
                if (p.pattern->field == Field::kIsoYear) out += number(iso_year, 4, p);
                else if (p.pattern->field == Field::kIsoWeek) out += number(week, 2, p);
                else out += number(iso_dow, 1, p);
                break;
            }
            case Field::kYear4: out += wide(t.year, 4); break;
            case Field::kYear3: out += number(t.year % 1000, 3, p); break;
            case Field::kYear2: out += number(t.year % 100, 2, p); break;
            case Field::kYear1: out += number(t.year % 10, 1, p); break;
            case Field::kMonthName:
                if (t.month >= 1) out += padded_name(kMonthNames[t.month - 1], p);
                break;
            case Field::kMonthAbbrev:
                if (t.month >= 1) out += cased(std::string(kMonthNames[t.month - 1]).substr(0, 3), p.pattern->letter_case);
                break;
            case Field::kMonth: out += wide(t.month, 2); break;
            case Field::kMinute: out += wide(t.minute, 2); break;
            case Field::kMillis: out += number(t.micros / 1000, 3, p); break;
            case Field::kMicros: out += number(t.micros, 6, p); break;
            case Field::kSecondsOfDay: out += number((t.hour * 60 + t.minute) * 60 + t.second, 1, p); break;
            case Field::kSecond: out += wide(t.second, 2); break;
            case Field::kHour24: out += wide(t.hour, 2); break;
            case Field::kHour12: out += wide(t.hour % 12 == 0 ? 12 : t.hour % 12, 2); break;
            case Field::kDayName: out += padded_name(kDayNames[dow], p); break;
            case Field::kDayAbbrev:
                out += cased(std::string(kDayNames[dow]).substr(0, 3), p.pattern->letter_case);
                break;
            case Field::kDayOfYear: out += number(doy, 3, p); break;
            case Field::kDay: out += number(t.day, 2, p); break;
            case Field::kDayOfWeek: out += number(dow + 1, 1, p); break;
            case Field::kWeekOfYear: out += number((doy - 1) / 7 + 1, 2, p); break;
            case Field::kQuarter:
                if (t.month >= 1) out += number((t.month - 1) / 3 + 1, 1, p);
                break;
            case Field::kCentury: out += number(t.year > 0 ? (t.year + 99) / 100 : t.year / 100 - 1, 2, p); break;
            case Field::kJulian: out += number(t.days + 2451545, 1, p); break;
            case Field::kMeridiem:
                out += cased(t.hour % 24 >= 12 ? "pm" : "am", p.pattern->letter_case);
                break;
            case Field::kMeridiemDots:
                out += cased(t.hour % 24 >= 12 ? "p.m." : "a.m.", p.pattern->letter_case);
                break;
            case Field::kZone:
                if (zoned) out += cased(abbrev, p.pattern->letter_case);
                break;
            case Field::kOffset: {
                if (!zoned) break;
                int a = std::abs(offset);
                char buf[24];
                std::snprintf(buf, sizeof buf, "%c%02d", offset < 0 ? '-' : '+', a / 3600);
                out += buf;
                if (a % 3600 != 0) {
                    std::snprintf(buf, sizeof buf, ":%02d", a % 3600 / 60);
                    out += buf;
                }
                break;
            }
        }
    }
    return out;
}

[[noreturn]] void parse_error(const std::string& message, const std::string& detail = "") {
    PgError e(sqlstate::kInvalidDatetimeFormat, message);
    if (!detail.empty()) e.with_detail(detail);
    throw e;
}

}  // namespace

std::string format_timestamp_as(int64_t local, std::string_view format, int offset_seconds,
                                const std::string& zone_abbreviation, bool zoned) {
    CivilTime c = civil_from_timestamp(local);
    Fields t;
    t.year = c.year > 0 ? c.year : c.year - 1;
    t.month = c.month;
    t.day = c.day;
    t.hour = c.hour;
    t.minute = c.minute;
    t.second = c.second;
    t.micros = c.microsecond;
    t.days = c.days;
    return render(scan(format), t, offset_seconds, zone_abbreviation, zoned);
}

std::string format_interval_as(const pgwire::Interval& v, std::string_view format) {
    Fields t;
    t.calendar = false;
    t.year = v.months / 12;
    t.month = v.months % 12;
    t.day = v.days;
    t.hour = v.micros / (3600 * kMicrosPerSecond);
    t.minute = v.micros / (60 * kMicrosPerSecond) % 60;
    t.second = v.micros / kMicrosPerSecond % 60;
    t.micros = v.micros % kMicrosPerSecond;
    t.days = v.days;
    return render(scan(format), t, 0, "", false);
}

int64_t parse_timestamp_as(std::string_view text, std::string_view format) {
    std::vector<Piece> pieces = scan(format);
    int64_t year = 1, month = 1, day = 1, hour = 0, minute = 0, second = 0, micros = 0;
    bool pm = false, meridiem = false;
    size_t i = 0;
    auto skip_separators = [&] {
        while (i < text.size() && !std::isalnum(static_cast<unsigned char>(text[i]))) ++i;
    };
    for (size_t k = 0; k < pieces.size(); ++k) {
        const Piece& p = pieces[k];
        if (p.pattern == nullptr) {
            // Literal text and separators match any run of non-alphanumerics.
            for (char c : p.literal) {
                if (std::isalnum(static_cast<unsigned char>(c))) {
                    if (i < text.size()) ++i;
                } else if (i < text.size() && !std::isalnum(static_cast<unsigned char>(text[i]))) {
                    ++i;
                }
            }
            continue;
        }
        skip_separators();
        auto read_number = [&](size_t max_digits) -> int64_t {
            size_t start = i;
            if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
            // The last field, or one followed by a separator, takes every digit.
            bool greedy = k + 1 == pieces.size() || pieces[k + 1].pattern == nullptr;
            while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) &&
                   (greedy || i - start < max_digits)) {
                ++i;
            }
            if (i == start) {
                parse_error("invalid value \"" + std::string(text.substr(start, 4)) + "\" for \"" + p.pattern->text + "\"",
                            "Value must be an integer.");
            }
            long long value = std::strtoll(std::string(text.substr(start, i - start)).c_str(), nullptr, 10);
            if (value > 1000000000LL || value < -1000000000LL) {
                throw PgError(sqlstate::kDatetimeFieldOverflow,
                              std::string("value for \"") + p.pattern->text + "\" in source string is out of range");
            }
            return int64_t(value);
        };
        auto read_name = [&](const char* const* names, size_t count, size_t length) -> int64_t {
            for (size_t n = 0; n < count; ++n) {
                std::string name = length == 0 ? names[n] : std::string(names[n]).substr(0, length);
                if (i + name.size() > text.size()) continue;
                bool same = true;
                for (size_t c = 0; c < name.size() && same; ++c) {
                    same = std::tolower(static_cast<unsigned char>(text[i + c])) ==
                           std::tolower(static_cast<unsigned char>(name[c]));
                }
                if (same) {
                    i += name.size();
                    return int64_t(n);
                }
            }
            parse_error("invalid value \"" + std::string(text.substr(i, 9)) + "\" for \"" + p.pattern->text + "\"",
                        "The given value did not match any of the allowed values for this field.");
        };
        switch (p.pattern->field) {
            case Field::kYear4: case Field::kIsoYear: year = read_number(4); break;
            case Field::kYear3: year = 2000 + read_number(3) % 1000; break;
            case Field::kYear2: {
                int64_t y = read_number(2);
                year = y < 70 ? 2000 + y : 1900 + y;
                break;
            }
            case Field::kYear1: year = 2000 + read_number(1); break;
            case Field::kMonth: month = read_number(2); break;
            case Field::kMonthName: month = read_name(kMonthNames, 12, 0) + 1; break;
            case Field::kMonthAbbrev: month = read_name(kMonthNames, 12, 3) + 1; break;
            case Field::kDay: day = read_number(2); break;
            case Field::kHour24: hour = read_number(2); break;
            case Field::kHour12: hour = read_number(2); break;
            case Field::kMinute: minute = read_number(2); break;
            case Field::kSecond: second = read_number(2); break;
            case Field::kMillis: micros = read_number(3) * 1000; break;
            case Field::kMicros: micros = read_number(6); break;
            case Field::kDayName: read_name(kDayNames, 7, 0); break;
            case Field::kDayAbbrev: read_name(kDayNames, 7, 3); break;
            case Field::kMeridiem:
            case Field::kMeridiemDots: {
                static const char* const kMarks[] = {"am", "pm", "a.m.", "p.m."};
                pm = read_name(kMarks, 4, 0) % 2 == 1;
                meridiem = true;
                break;
            }
            default: read_number(9); break;
        }
    }
    if (meridiem) {
        if (hour < 1 || hour > 12) {
            throw PgError(sqlstate::kDatetimeFieldOverflow,
                          "hour \"" + std::to_string(hour) + "\" is invalid for the 12-hour clock");
        }
        hour = hour % 12 + (pm ? 12 : 0);
    }
    if (year < -4713 || year > 294276 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, int(month)) ||
        hour < 0 || hour > 24 || minute < 0 || minute > 59 || second < 0 || second > 60 || micros < 0 ||
        micros >= kMicrosPerSecond) {
        throw PgError(sqlstate::kDatetimeFieldOverflow,
                      "date/time field value out of range: \"" + std::string(text) + "\"");
    }
    return days_from_civil_date(year, int(month), int(day)) * kMicrosPerDay +
           ((hour * 60 + minute) * 60 + second) * kMicrosPerSecond + micros;
}

}  // namespace litegres::translate
