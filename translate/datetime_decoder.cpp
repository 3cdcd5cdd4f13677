// datetime_decoder.cpp — the field scanner and decoder, rule for rule as
// PostgreSQL's datetime.c (the field masks below are its DTK_M bits), so
// that every input form resolves to the same value and the same error.
#include "translate/datetime_decoder.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "pgwire/datetime_text.h"
#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"
#include "translate/datetime_arithmetic.h"
#include "translate/time_zone_abbreviations.h"

namespace litegres::translate {

namespace {

// Field types of ParseDateTime.
enum class FieldType { kNumber, kString, kDate, kTime, kTz, kSpecial };

struct Field {
    std::string text;
    FieldType type;
};

// Token types of PostgreSQL's keyword table; their bit is the field mask.
enum Token {
    kReserved = 0,
    kMonth = 1,
    kYear = 2,
    kDay = 3,
    kJulian = 4,
    kTz = 5,
    kDtz = 6,
    kIgnore = 8,
    kAmPm = 9,
    kHour = 10,
    kMinute = 11,
    kSecond = 12,
    kMillisecond = 13,
    kMicrosecond = 14,
    kDoy = 15,
    kDow = 16,
    kUnits = 17,
    kAdBc = 18,
    kIsoTime = 23,
    kUnknown = 31
};
constexpr int mask(int token) {
    return 1 << token;
}
constexpr int kDateMask = mask(kYear) | mask(kMonth) | mask(kDay);
constexpr int kTimeMask =
    mask(kHour) | mask(kMinute) | mask(kSecond) | mask(kMillisecond) | mask(kMicrosecond);

// Values of the reserved words and units.
enum Reserved { kNow, kToday, kTomorrow, kYesterday, kEpoch, kLate, kEarly, kZulu };
enum Meridian { kAm, kPm, kHr24 };
enum UnitValue { kUnitJulian = 1, kUnitTime, kUnitOther };

struct Keyword {
    const char* name;
    Token type;
    int value;
};

// datetktbl: the words date/time input knows (sorted for binary search).
constexpr Keyword kKeywords[] = {
    {"-infinity", kReserved, kEarly},
    {"ad", kAdBc, 0},
    {"allballs", kReserved, kZulu},
    {"am", kAmPm, kAm},
    {"apr", kMonth, 4},
    {"april", kMonth, 4},
    {"at", kIgnore, 0},
    {"aug", kMonth, 8},
    {"august", kMonth, 8},
    {"bc", kAdBc, 1},
    {"d", kUnits, kUnitOther},
    {"dec", kMonth, 12},
    {"december", kMonth, 12},
    {"dow", kUnits, kUnitOther},
    {"doy", kUnits, kUnitOther},
    {"epoch", kReserved, kEpoch},
    {"feb", kMonth, 2},
    {"february", kMonth, 2},
    {"fri", kDow, 5},
    {"friday", kDow, 5},
    {"h", kUnits, kUnitOther},
    {"infinity", kReserved, kLate},
    {"isodow", kUnits, kUnitOther},
    {"isoyear", kUnits, kUnitOther},
    {"j", kUnits, kUnitJulian},
    {"jan", kMonth, 1},
    {"january", kMonth, 1},
    {"jd", kUnits, kUnitJulian},
    {"jul", kMonth, 7},
    {"julian", kUnits, kUnitJulian},
    {"july", kMonth, 7},
    {"jun", kMonth, 6},
    {"june", kMonth, 6},
    {"m", kUnits, kUnitOther},
    {"mar", kMonth, 3},
    {"march", kMonth, 3},
    {"may", kMonth, 5},
    {"mm", kUnits, kUnitOther},
    {"mon", kDow, 1},
    {"monday", kDow, 1},
    {"nov", kMonth, 11},
    {"november", kMonth, 11},
    {"now", kReserved, kNow},
    {"oct", kMonth, 10},
    {"october", kMonth, 10},
    {"on", kIgnore, 0},
    {"pm", kAmPm, kPm},
    {"s", kUnits, kUnitOther},
    {"sat", kDow, 6},
    {"saturday", kDow, 6},
    {"sep", kMonth, 9},
    {"sept", kMonth, 9},
    {"september", kMonth, 9},
    {"sun", kDow, 0},
    {"sunday", kDow, 0},
    {"t", kIsoTime, kUnitTime},
    {"thu", kDow, 4},
    {"thur", kDow, 4},
    {"thurs", kDow, 4},
    {"thursday", kDow, 4},
    {"today", kReserved, kToday},
    {"tomorrow", kReserved, kTomorrow},
    {"tue", kDow, 2},
    {"tues", kDow, 2},
    {"tuesday", kDow, 2},
    {"wed", kDow, 3},
    {"wednesday", kDow, 3},
    {"weds", kDow, 3},
    {"y", kUnits, kUnitOther},
    {"yesterday", kReserved, kYesterday},
};

const Keyword* find_keyword(std::string_view word) {
    auto it = std::lower_bound(
        std::begin(kKeywords), std::end(kKeywords), word,
        [](const Keyword& k, std::string_view w) { return std::string_view(k.name) < w; });
    return it != std::end(kKeywords) && std::string_view(it->name) == word ? it : nullptr;
}

bool is_digit(char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}
bool is_alpha(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) != 0;
}
bool is_alnum(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
}
char lower(char c) {
    return char(std::tolower(static_cast<unsigned char>(c)));
}

// ParseDateTime: breaks the text into typed fields.
bool split_fields(std::string_view s, std::vector<Field>& fields) {
    size_t i = 0;
    auto at = [&](size_t k) { return k < s.size() ? s[k] : '\0'; };
    while (i < s.size()) {
        char c = s[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
            continue;
        }
        Field f;
        if (is_digit(c)) {
            while (is_digit(at(i))) f.text += s[i++];
            if (at(i) == ':') {
                f.type = FieldType::kTime;
                while (is_digit(at(i)) || at(i) == ':' || at(i) == '.') f.text += s[i++];
            } else if (at(i) == '-' || at(i) == '/' || at(i) == '.') {
                char delim = s[i];
                f.text += s[i++];
                if (is_digit(at(i))) {
                    f.type = delim == '.' ? FieldType::kNumber : FieldType::kDate;
                    while (is_digit(at(i))) f.text += s[i++];
                    // Three fields only when the delimiters match.
                    if (at(i) == delim) {
                        f.type = FieldType::kDate;
                        f.text += s[i++];
                        while (is_digit(at(i)) || at(i) == delim) f.text += s[i++];
                    }
                } else {
                    f.type = FieldType::kDate;
                    while (is_alnum(at(i)) || at(i) == delim) f.text += lower(s[i++]);
                }
            } else {
                f.type = FieldType::kNumber;
            }
        } else if (c == '.') {
            f.text += s[i++];
            while (is_digit(at(i))) f.text += s[i++];
            f.type = FieldType::kNumber;
        } else if (is_alpha(c)) {
            f.type = FieldType::kString;
            while (is_alpha(at(i))) f.text += lower(s[i++]);
            // A date with a text month ('jan-15-2024') or a zone name with
            // punctuation ('america/new_york', 'etc/gmt+3').
            bool is_date = at(i) == '-' || at(i) == '/' || at(i) == '.';
            if (!is_date && (at(i) == '+' || is_digit(at(i))))
                is_date = find_keyword(f.text) == nullptr;
            if (is_date) {
                f.type = FieldType::kDate;
                do {
                    f.text += lower(s[i++]);
                } while (at(i) == '+' || at(i) == '-' || at(i) == '/' || at(i) == '_' ||
                         at(i) == '.' || at(i) == ':' || is_alnum(at(i)));
            }
        } else if (c == '+' || c == '-') {
            f.text += s[i++];
            while (std::isspace(static_cast<unsigned char>(at(i)))) ++i;
            if (is_digit(at(i))) {
                f.type = FieldType::kTz;
                while (is_digit(at(i)) || at(i) == ':' || at(i) == '.' || at(i) == '-')
                    f.text += s[i++];
            } else if (is_alpha(at(i))) {
                f.type = FieldType::kSpecial;
                while (is_alpha(at(i))) f.text += lower(s[i++]);
            } else {
                return false;
            }
        } else if (std::ispunct(static_cast<unsigned char>(c))) {
            ++i;  // other punctuation only delimits
            continue;
        } else {
            return false;
        }
        if (fields.size() >= 25) return false;
        fields.push_back(std::move(f));
    }
    return true;
}

// strtol into an int; false on overflow. `end` is where the digits stop.
bool read_int(const char* s, const char*& end, int& value) {
    errno = 0;
    char* e = nullptr;
    long v = std::strtol(s, &e, 10);
    end = e;
    if (errno == ERANGE || v > INT32_MAX || v < INT32_MIN) return false;
    value = int(v);
    return true;
}

// ParseFractionalSecond: '.123' ► microseconds.
DecodeStatus fraction(const char* s, int64_t& micros) {
    char* end = nullptr;
    errno = 0;
    double frac = std::strtod(s, &end);
    if (errno != 0 || end == s || *end != '\0') return DecodeStatus::kBadFormat;
    micros = int64_t(std::rint(frac * 1000000));
    return DecodeStatus::kOk;
}

class Decoder {
  public:
    Decoder(DateOrder order, bool time_only, DecodedDateTime& out)
        : order_(order), time_only_(time_only), out_(out) {}

    DecodeStatus run(std::vector<Field>& fields);

  private:
    DecodeStatus decode_date(std::string text, int fmask, int& tmask);
    DecodeStatus decode_number(const std::string& text, bool have_text_month, int fmask,
                               int& tmask);
    DecodeStatus decode_number_field(std::string text, int fmask, int& tmask);
    DecodeStatus decode_time(const std::string& text, int& tmask);
    DecodeStatus decode_zone_offset(const char* text, int& seconds_east);
    DecodeStatus validate_date(int fmask);
    void set_julian_day(int julian);

    DateOrder order_;
    bool time_only_;
    DecodedDateTime& out_;
    bool is2digits_ = false;
    bool isjulian_ = false;
    bool bc_ = false;
    int doy_ = 0;
};

void Decoder::set_julian_day(int julian) {
    // Julian day 2451545 is 2000-01-01.
    pgwire::DateTimeValue c = pgwire::from_days_since_2000(int32_t(int64_t(julian) - 2451545));
    out_.year = c.year;
    out_.month = c.month;
    out_.day = c.day;
}

DecodeStatus Decoder::decode_zone_offset(const char* str, int& seconds_east) {
    if (*str != '+' && *str != '-') return DecodeStatus::kBadFormat;
    const char* cp;
    int hr, min = 0, sec = 0;
    if (!read_int(str + 1, cp, hr)) return DecodeStatus::kZoneOverflow;
    if (*cp == ':') {
        if (!read_int(cp + 1, cp, min)) return DecodeStatus::kZoneOverflow;
        if (*cp == ':' && !read_int(cp + 1, cp, sec)) return DecodeStatus::kZoneOverflow;
    } else if (*cp == '\0' && std::strlen(str) > 3) {
        // Run together: +hhmm.
        min = hr % 100;
        hr /= 100;
    }
    if (hr < 0 || hr > 15 || min < 0 || min >= 60 || sec < 0 || sec >= 60)
        return DecodeStatus::kZoneOverflow;
    int tz = (hr * 60 + min) * 60 + sec;
    seconds_east = *str == '-' ? -tz : tz;
    return *cp == '\0' ? DecodeStatus::kOk : DecodeStatus::kBadFormat;
}

// DecodeTime: hh:mm[:ss[.fff]] (mm:ss.fff when only two fields carry a fraction).
DecodeStatus Decoder::decode_time(const std::string& text, int& tmask) {
    tmask = kTimeMask;
    const char* cp;
    int hour, minute, second = 0;
    int64_t micros = 0;
    if (!read_int(text.c_str(), cp, hour)) return DecodeStatus::kFieldOverflow;
    if (*cp != ':') return DecodeStatus::kBadFormat;
    if (!read_int(cp + 1, cp, minute)) return DecodeStatus::kFieldOverflow;
    if (*cp == '.') {
        DecodeStatus st = fraction(cp, micros);
        if (st != DecodeStatus::kOk) return st;
        second = minute;
        minute = hour;
        hour = 0;
    } else if (*cp == ':') {
        if (!read_int(cp + 1, cp, second)) return DecodeStatus::kFieldOverflow;
        if (*cp == '.') {
            DecodeStatus st = fraction(cp, micros);
            if (st != DecodeStatus::kOk) return st;
        } else if (*cp != '\0') {
            return DecodeStatus::kBadFormat;
        }
    } else if (*cp != '\0') {
        return DecodeStatus::kBadFormat;
    }
    if (hour < 0 || minute < 0 || minute > 59 || second < 0 || second > 60 || micros < 0 ||
        micros > 1000000) {
        return DecodeStatus::kFieldOverflow;
    }
    out_.hour = hour;
    out_.minute = minute;
    out_.second = second;
    out_.microsecond = micros;
    out_.has_time = true;
    return DecodeStatus::kOk;
}

// DecodeNumberField: run-together yyyymmdd, hhmmss, hhmm (with a fraction).
DecodeStatus Decoder::decode_number_field(std::string str, int fmask, int& tmask) {
    size_t dot = str.find('.');
    if (dot != std::string::npos) {
        std::string frac = str.substr(dot);
        if (frac.size() == 1) {
            out_.microsecond = 0;
        } else {
            char* end = nullptr;
            errno = 0;
            double f = std::strtod(frac.c_str(), &end);
            if (errno != 0) return DecodeStatus::kBadFormat;
            out_.microsecond = int64_t(std::rint(f * 1000000));
        }
        str.resize(dot);
    } else if ((fmask & kDateMask) != kDateMask && str.size() >= 6) {
        tmask = kDateMask;
        size_t len = str.size();
        out_.day = std::atoi(str.substr(len - 2).c_str());
        out_.month = std::atoi(str.substr(len - 4, 2).c_str());
        out_.year = std::atoi(str.substr(0, len - 4).c_str());
        if (len - 4 == 2) is2digits_ = true;
        return DecodeStatus::kOk;
    }
    if ((fmask & kTimeMask) != kTimeMask) {
        if (str.size() == 6) {
            tmask = kTimeMask;
            out_.second = std::atoi(str.substr(4).c_str());
            out_.minute = std::atoi(str.substr(2, 2).c_str());
            out_.hour = std::atoi(str.substr(0, 2).c_str());
            out_.has_time = true;
            return DecodeStatus::kOk;
        }
        if (str.size() == 4) {
            tmask = kTimeMask;
            out_.second = 0;
            out_.minute = std::atoi(str.substr(2).c_str());
            out_.hour = std::atoi(str.substr(0, 2).c_str());
            out_.has_time = true;
            return DecodeStatus::kOk;
        }
    }
    return DecodeStatus::kBadFormat;
}

// DecodeNumber: one numeric field, placed by what the fields so far hold
// and by the DateStyle order.
DecodeStatus Decoder::decode_number(const std::string& str, bool have_text_month, int fmask,
                                    int& tmask) {
    tmask = 0;
    const char* cp;
    int val;
    if (!read_int(str.c_str(), cp, val)) return DecodeStatus::kFieldOverflow;
    if (cp == str.c_str()) return DecodeStatus::kBadFormat;
    size_t flen = str.size();
    if (*cp == '.') {
        // More than two digits before the point: a date or run-together time.
        if (cp - str.c_str() > 2) return decode_number_field(str, fmask | kDateMask, tmask);
        DecodeStatus st = fraction(cp, out_.microsecond);
        if (st != DecodeStatus::kOk) return st;
    } else if (*cp != '\0') {
        return DecodeStatus::kBadFormat;
    }
    // A three-digit day of year after a year.
    if (flen == 3 && (fmask & kDateMask) == mask(kYear) && val >= 1 && val <= 366) {
        tmask = mask(kDoy) | mask(kMonth) | mask(kDay);
        doy_ = val;
        return DecodeStatus::kOk;
    }
    switch (fmask & kDateMask) {
        case 0:
            // Nothing yet: a year of more than two digits, else DateStyle's first field.
            if (flen >= 3 || order_ == DateOrder::kYmd) {
                tmask = mask(kYear);
                out_.year = val;
            } else if (order_ == DateOrder::kDmy) {
                tmask = mask(kDay);
                out_.day = val;
            } else {
                tmask = mask(kMonth);
                out_.month = val;
            }
            break;
        case mask(kYear):
            tmask = mask(kMonth);
            out_.month = val;
            break;
        case mask(kMonth):
            if (have_text_month) {
                // MON-DD-YYYY, DD-MON-YYYY and YYYY-MON-DD are unambiguous.
                if (flen >= 3 || order_ == DateOrder::kYmd) {
                    tmask = mask(kYear);
                    out_.year = val;
                } else {
                    tmask = mask(kDay);
                    out_.day = val;
                }
            } else {
                tmask = mask(kDay);
                out_.day = val;
            }
            break;
        case mask(kYear) | mask(kMonth):
            if (have_text_month && flen >= 3 && is2digits_) {
                // DD-MON-YYYY in YMD mode: the first number was the day.
                tmask = mask(kDay);
                out_.day = out_.year;
                out_.year = val;
                is2digits_ = false;
            } else {
                tmask = mask(kDay);
                out_.day = val;
            }
            break;
        case mask(kDay):
            tmask = mask(kMonth);
            out_.month = val;
            break;
        case mask(kMonth) | mask(kDay):
            tmask = mask(kYear);
            out_.year = val;
            break;
        case kDateMask:
            return decode_number_field(str, fmask, tmask);
        default:
            return DecodeStatus::kBadFormat;
    }
    if (tmask == mask(kYear)) is2digits_ = flen <= 2;
    return DecodeStatus::kOk;
}

// DecodeDate: a date field with separators ('2024-01-15', '15-jan-2024').
DecodeStatus Decoder::decode_date(std::string str, int fmask, int& tmask) {
    tmask = 0;
    std::vector<std::string> parts;
    size_t i = 0;
    while (i < str.size()) {
        while (i < str.size() && !is_alnum(str[i])) ++i;
        if (i >= str.size()) return DecodeStatus::kBadFormat;  // ends in a separator
        size_t start = i;
        if (is_digit(str[i])) {
            while (i < str.size() && is_digit(str[i])) ++i;
        } else {
            while (i < str.size() && is_alpha(str[i])) ++i;
        }
        parts.push_back(str.substr(start, i - start));
        if (i < str.size()) ++i;  // the separator
    }
    bool have_text_month = false;
    std::vector<bool> done(parts.size(), false);
    // Text fields first: they are unambiguous months.
    for (size_t k = 0; k < parts.size(); ++k) {
        if (!is_alpha(parts[k][0])) continue;
        const Keyword* kw = find_keyword(parts[k]);
        if (kw != nullptr && kw->type == kIgnore) continue;
        if (kw == nullptr || kw->type != kMonth) return DecodeStatus::kBadFormat;
        out_.month = kw->value;
        have_text_month = true;
        if (fmask & mask(kMonth)) return DecodeStatus::kBadFormat;
        fmask |= mask(kMonth);
        tmask |= mask(kMonth);
        done[k] = true;
    }
    for (size_t k = 0; k < parts.size(); ++k) {
        if (done[k]) continue;
        if (parts[k].empty()) return DecodeStatus::kBadFormat;
        int dmask = 0;
        DecodeStatus st = decode_number(parts[k], have_text_month, fmask, dmask);
        if (st != DecodeStatus::kOk) return st;
        if (fmask & dmask) return DecodeStatus::kBadFormat;
        fmask |= dmask;
        tmask |= dmask;
    }
    if ((fmask & ~(mask(kDoy) | mask(kTz))) != kDateMask) return DecodeStatus::kBadFormat;
    return DecodeStatus::kOk;
}

// ValidateDate: BC and two-digit years, day of year, month and day ranges.
DecodeStatus Decoder::validate_date(int fmask) {
    // A special word's date is the clock's or fixed, never from the text.
    if (out_.kind != DecodedDateTime::Kind::kValue || out_.relative_day) return DecodeStatus::kOk;
    if (fmask & mask(kYear)) {
        if (isjulian_) {
            // already a proleptic year
        } else if (bc_) {
            if (out_.year <= 0) return DecodeStatus::kFieldOverflow;
            out_.year = -(out_.year - 1);
        } else if (is2digits_) {
            if (out_.year < 0) return DecodeStatus::kFieldOverflow;
            if (out_.year < 70)
                out_.year += 2000;
            else if (out_.year < 100)
                out_.year += 1900;
        } else if (out_.year <= 0) {
            return DecodeStatus::kFieldOverflow;
        }
    }
    if (fmask & mask(kDoy)) {
        int64_t days = days_from_civil_date(out_.year, 1, 1) + doy_ - 1;
        if (days < INT32_MIN || days > INT32_MAX) return DecodeStatus::kFieldOverflow;
        pgwire::DateTimeValue c = pgwire::from_days_since_2000(int32_t(days));
        out_.year = c.year;
        out_.month = c.month;
        out_.day = c.day;
    }
    if ((fmask & mask(kMonth)) && (out_.month < 1 || out_.month > 12))
        return DecodeStatus::kMonthDayOverflow;
    if ((fmask & mask(kDay)) && (out_.day < 1 || out_.day > 31))
        return DecodeStatus::kMonthDayOverflow;
    if ((fmask & kDateMask) == kDateMask && out_.day > days_in_month(out_.year, out_.month)) {
        return DecodeStatus::kFieldOverflow;
    }
    return DecodeStatus::kOk;
}

DecodeStatus Decoder::run(std::vector<Field>& fields) {
    int fmask = 0;
    int ptype = 0;  // a unit word ('j', 't') labelling the next field
    int meridian = kHr24;
    bool have_text_month = false;
    for (size_t i = 0; i < fields.size(); ++i) {
        Field& f = fields[i];
        int tmask = 0;
        DecodeStatus st = DecodeStatus::kOk;
        switch (f.type) {
            case FieldType::kDate:
                if (ptype == kUnitJulian) {
                    // A Julian day with an attached zone: 'j2451187-08'.
                    const char* cp;
                    int val;
                    if (!read_int(f.text.c_str(), cp, val) || val < 0)
                        return DecodeStatus::kFieldOverflow;
                    set_julian_day(val);
                    isjulian_ = true;
                    int tz;
                    st = decode_zone_offset(cp, tz);
                    if (st != DecodeStatus::kOk) return st;
                    out_.utc_offset = tz;
                    tmask = kDateMask | kTimeMask | mask(kTz);
                    ptype = 0;
                } else if (ptype != 0 ||
                           (fmask & (mask(kMonth) | mask(kDay))) == (mask(kMonth) | mask(kDay))) {
                    // With a date already: a zone name with punctuation, or a
                    // run-together time with a trailing offset (hhmmss-zz).
                    if (is_digit(f.text[0]) || ptype != 0) {
                        if (ptype != 0) {
                            if (ptype != kUnitTime) return DecodeStatus::kBadFormat;
                            ptype = 0;
                        }
                        if ((fmask & kTimeMask) == kTimeMask) return DecodeStatus::kBadFormat;
                        size_t dash = f.text.find('-');
                        if (dash == std::string::npos) return DecodeStatus::kBadFormat;
                        int tz;
                        st = decode_zone_offset(f.text.c_str() + dash, tz);
                        if (st != DecodeStatus::kOk) return st;
                        out_.utc_offset = tz;
                        st = decode_number_field(f.text.substr(0, dash), fmask, tmask);
                        if (st != DecodeStatus::kOk) return st;
                        tmask |= mask(kTz);
                    } else {
                        out_.zone = TimeZone::find(f.text);
                        if (out_.zone == nullptr) {
                            throw pgwire::PgError(pgwire::sqlstate::kInvalidParameterValue,
                                                  "time zone \"" + f.text + "\" not recognized");
                        }
                        tmask = mask(kTz);
                    }
                } else {
                    st = decode_date(f.text, fmask, tmask);
                }
                break;
            case FieldType::kTime:
                if (ptype != 0) {
                    if (ptype != kUnitTime) return DecodeStatus::kBadFormat;
                    ptype = 0;
                }
                st = decode_time(f.text, tmask);
                if (st == DecodeStatus::kOk && out_.time_micros() > kMicrosPerDay)
                    return DecodeStatus::kFieldOverflow;
                if (st == DecodeStatus::kOk && out_.hour > 24) return DecodeStatus::kFieldOverflow;
                break;
            case FieldType::kTz: {
                int tz;
                st = decode_zone_offset(f.text.c_str(), tz);
                if (st == DecodeStatus::kOk) out_.utc_offset = tz;
                tmask = mask(kTz);
                break;
            }
            case FieldType::kNumber:
                if (ptype != 0) {
                    const char* cp;
                    int val;
                    if (!read_int(f.text.c_str(), cp, val)) return DecodeStatus::kFieldOverflow;
                    if (*cp == '.') {
                        if (ptype != kUnitJulian && ptype != kUnitTime)
                            return DecodeStatus::kBadFormat;
                    } else if (*cp != '\0') {
                        return DecodeStatus::kBadFormat;
                    }
                    if (ptype == kUnitJulian) {
                        if (val < 0) return DecodeStatus::kFieldOverflow;
                        tmask = kDateMask;
                        set_julian_day(val);
                        isjulian_ = true;
                        if (*cp == '.') {
                            char* end = nullptr;
                            double day_fraction = std::strtod(cp, &end);
                            int64_t t = int64_t(std::rint(day_fraction * double(kMicrosPerDay)));
                            out_.hour = int(t / 3600000000LL);
                            out_.minute = int(t / 60000000LL % 60);
                            out_.second = int(t / 1000000 % 60);
                            out_.microsecond = t % 1000000;
                            out_.has_time = true;
                            tmask |= kTimeMask;
                        }
                    } else if (ptype == kUnitTime) {
                        st = decode_number_field(f.text, fmask | kDateMask, tmask);
                        if (st != DecodeStatus::kOk) return st;
                        if (tmask != kTimeMask) return DecodeStatus::kBadFormat;
                    } else {
                        return DecodeStatus::kBadFormat;
                    }
                    ptype = 0;
                } else {
                    size_t dot = f.text.find('.');
                    size_t flen = f.text.size();
                    if (dot != std::string::npos && !(fmask & kDateMask)) {
                        st = decode_date(f.text, fmask, tmask);  // 'yyyy.mm.dd'
                    } else if (dot != std::string::npos && dot > 2) {
                        st = decode_number_field(f.text, fmask, tmask);
                    } else if (flen >= 6 && (!(fmask & kDateMask) || !(fmask & kTimeMask))) {
                        // Six or more digits: yymmdd / hhmmss unless a date and time are both
                        // present.
                        st = decode_number_field(f.text, fmask, tmask);
                    } else {
                        st = decode_number(f.text, have_text_month, fmask, tmask);
                    }
                }
                break;
            case FieldType::kString:
            case FieldType::kSpecial: {
                // Zone abbreviations take precedence over the keywords.
                if (std::optional<int> offset = time_zone_abbreviation_offset(f.text)) {
                    out_.utc_offset = *offset;
                    tmask = mask(kTz);
                    break;
                }
                const Keyword* kw = find_keyword(f.text);
                if (kw != nullptr && kw->type == kIgnore) continue;
                if (kw == nullptr) {
                    // An all-letter zone name ('utc', 'japan').
                    out_.zone = TimeZone::find(f.text);
                    if (out_.zone == nullptr) return DecodeStatus::kBadFormat;
                    tmask = mask(kTz);
                    break;
                }
                tmask = mask(kw->type);
                switch (kw->type) {
                    case kReserved:
                        switch (kw->value) {
                            case kNow:
                                tmask = kDateMask | kTimeMask | mask(kTz);
                                out_.kind = DecodedDateTime::Kind::kNow;
                                break;
                            case kToday:
                            case kTomorrow:
                            case kYesterday:
                                tmask = kDateMask;
                                out_.relative_day = kw->value == kToday      ? 0
                                                    : kw->value == kTomorrow ? 1
                                                                             : -1;
                                break;
                            case kZulu:
                                tmask = kTimeMask | mask(kTz);
                                out_.hour = out_.minute = out_.second = 0;
                                out_.has_time = true;
                                out_.utc_offset = 0;
                                break;
                            default:
                                tmask = kDateMask | kTimeMask | mask(kTz);
                                out_.kind = kw->value == kEpoch ? DecodedDateTime::Kind::kEpoch
                                            : kw->value == kLate
                                                ? DecodedDateTime::Kind::kInfinity
                                                : DecodedDateTime::Kind::kMinusInfinity;
                                break;
                        }
                        break;
                    case kMonth:
                        // A numeric month already read was the day ('15 jan 2024' stays DMY-proof).
                        if ((fmask & mask(kMonth)) && !have_text_month && !(fmask & mask(kDay)) &&
                            out_.month >= 1 && out_.month <= 31) {
                            out_.day = out_.month;
                            tmask = mask(kDay);
                        }
                        have_text_month = true;
                        out_.month = kw->value;
                        break;
                    case kAmPm:
                        meridian = kw->value;
                        break;
                    case kAdBc:
                        bc_ = kw->value == 1;
                        break;
                    case kDow:
                        break;
                    case kUnits:
                        tmask = 0;
                        if (ptype != 0) return DecodeStatus::kBadFormat;
                        ptype = kw->value;
                        break;
                    case kIsoTime:
                        // 't' before a time: needs a full date before and a time after.
                        tmask = 0;
                        if ((fmask & kDateMask) != kDateMask) return DecodeStatus::kBadFormat;
                        if (i + 1 >= fields.size() || (fields[i + 1].type != FieldType::kNumber &&
                                                       fields[i + 1].type != FieldType::kTime &&
                                                       fields[i + 1].type != FieldType::kDate)) {
                            return DecodeStatus::kBadFormat;
                        }
                        ptype = kw->value;
                        break;
                    default:
                        return DecodeStatus::kBadFormat;
                }
                break;
            }
        }
        if (st != DecodeStatus::kOk) return st;
        if (tmask & fmask) return DecodeStatus::kBadFormat;
        fmask |= tmask;
    }
    DecodeStatus st = validate_date(fmask);
    if (st != DecodeStatus::kOk) return st;
    if (meridian != kHr24 && out_.hour > 12) return DecodeStatus::kFieldOverflow;
    if (meridian == kAm && out_.hour == 12)
        out_.hour = 0;
    else if (meridian == kPm && out_.hour != 12)
        out_.hour += 12;
    if (time_only_) {
        // DecodeTimeOnly: a time is required, a date optional; a full zone
        // name needs the date to know its offset.
        if (out_.kind != DecodedDateTime::Kind::kValue && out_.kind != DecodedDateTime::Kind::kNow)
            return DecodeStatus::kBadFormat;
        if (out_.kind == DecodedDateTime::Kind::kValue && (fmask & kTimeMask) != kTimeMask)
            return DecodeStatus::kBadFormat;
        if (out_.zone != nullptr && (fmask & kDateMask) != kDateMask)
            return DecodeStatus::kBadFormat;
        return DecodeStatus::kOk;
    }
    if (out_.kind == DecodedDateTime::Kind::kValue && (fmask & kDateMask) != kDateMask)
        return DecodeStatus::kBadFormat;
    return DecodeStatus::kOk;
}

}  // namespace

DecodeStatus decode_datetime(std::string_view text, DateOrder order, DecodedDateTime& out,
                             bool time_only) {
    out = DecodedDateTime{};
    std::vector<Field> fields;
    if (!split_fields(text, fields) || fields.empty()) return DecodeStatus::kBadFormat;
    return Decoder(order, time_only, out).run(fields);
}

}  // namespace litegres::translate
