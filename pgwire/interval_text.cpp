// interval_text.cpp — interval input follows PostgreSQL's DecodeInterval and
// DecodeISO8601Interval (fractional units cascade down: a fractional year
// rounds to months, a fractional month becomes 30-day days and then
// microseconds); output follows EncodeInterval's postgres style.
#include "pgwire/interval_text.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace litegres::pgwire {

namespace {

constexpr int64_t kMicrosPerSecond = 1000000;
constexpr int64_t kMicrosPerMinute = 60 * kMicrosPerSecond;
constexpr int64_t kMicrosPerHour = 60 * kMicrosPerMinute;
constexpr int64_t kMicrosPerDay = 24 * kMicrosPerHour;

// The interval being built, wide enough to detect overflow at the end.
struct Accumulator {
    double months = 0;
    double days = 0;
    double micros = 0;
    unsigned seen = 0;  // unit bits: each unit may appear once

    void fract_micros(double frac, int64_t scale) {
        if (frac == 0) return;
        frac *= double(scale);
        double whole = std::trunc(frac);
        frac -= whole;
        if (frac > 0.5) whole += 1;
        else if (frac < -0.5) whole -= 1;
        micros += whole;
    }
    void fract_days(double frac, int scale) {
        if (frac == 0) return;
        frac *= scale;
        double whole = std::trunc(frac);
        days += whole;
        fract_micros(frac - whole, kMicrosPerDay);
    }
    void fract_years(double frac, int scale) {
        if (frac == 0) return;
        months += std::rint(frac * scale * 12);
    }
};

enum Unit : unsigned {
    kMicrosecond = 1, kMillisecond = 2, kSecond = 4, kMinute = 8, kHour = 16, kDay = 32, kWeek = 64,
    kMonth = 128, kYear = 256, kDecade = 512, kCentury = 1024, kMillennium = 2048
};

std::optional<Unit> unit_named(const std::string& w) {
    struct Named { const char* name; Unit unit; };
    static const Named kUnits[] = {
        {"microsecond", kMicrosecond}, {"microseconds", kMicrosecond}, {"us", kMicrosecond}, {"usec", kMicrosecond},
        {"usecs", kMicrosecond}, {"useconds", kMicrosecond},
        {"millisecond", kMillisecond}, {"milliseconds", kMillisecond}, {"ms", kMillisecond}, {"msec", kMillisecond},
        {"msecs", kMillisecond}, {"mseconds", kMillisecond},
        {"second", kSecond}, {"seconds", kSecond}, {"s", kSecond}, {"sec", kSecond}, {"secs", kSecond},
        {"minute", kMinute}, {"minutes", kMinute}, {"m", kMinute}, {"min", kMinute}, {"mins", kMinute},
        {"hour", kHour}, {"hours", kHour}, {"h", kHour}, {"hr", kHour}, {"hrs", kHour},
        {"day", kDay}, {"days", kDay}, {"d", kDay},
        {"week", kWeek}, {"weeks", kWeek}, {"w", kWeek},
        {"month", kMonth}, {"months", kMonth}, {"mon", kMonth}, {"mons", kMonth},
        {"year", kYear}, {"years", kYear}, {"y", kYear}, {"yr", kYear}, {"yrs", kYear},
        {"decade", kDecade}, {"decades", kDecade}, {"dec", kDecade}, {"decs", kDecade},
        {"century", kCentury}, {"centuries", kCentury}, {"cent", kCentury}, {"c", kCentury},
        {"millennium", kMillennium}, {"millennia", kMillennium}, {"mil", kMillennium}, {"mils", kMillennium},
    };
    for (const auto& u : kUnits) {
        if (w == u.name) return u.unit;
    }
    return std::nullopt;
}

// Adds `value` of `unit`: the integral part to its field, the fraction cascaded.
bool add_unit(Accumulator& acc, Unit unit, double value) {
    if (acc.seen & unit) return false;
    acc.seen |= unit;
    double whole = std::trunc(value), frac = value - whole;
    switch (unit) {
        case kMicrosecond: acc.micros += std::rint(value); break;
        case kMillisecond: acc.micros += whole * 1000; acc.fract_micros(frac, 1000); break;
        case kSecond: acc.micros += whole * kMicrosPerSecond; acc.fract_micros(frac, kMicrosPerSecond); break;
        case kMinute: acc.micros += whole * kMicrosPerMinute; acc.fract_micros(frac, kMicrosPerMinute); break;
        case kHour: acc.micros += whole * kMicrosPerHour; acc.fract_micros(frac, kMicrosPerHour); break;
        case kDay: acc.days += whole; acc.fract_micros(frac, kMicrosPerDay); break;
        case kWeek: acc.days += whole * 7; acc.fract_days(frac, 7); break;
        case kMonth: acc.months += whole; acc.fract_days(frac, 30); break;
        case kYear: acc.months += whole * 12; acc.fract_years(frac, 1); break;
        case kDecade: acc.months += whole * 120; acc.fract_years(frac, 10); break;
        case kCentury: acc.months += whole * 1200; acc.fract_years(frac, 100); break;
        case kMillennium: acc.months += whole * 12000; acc.fract_years(frac, 1000); break;
    }
    return true;
}

// A signed decimal number at the start of `s`; advances `s`.
bool read_number(std::string_view& s, double& value, bool allow_sign = true) {
    size_t i = 0;
    if (allow_sign && i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    size_t digits = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
    }
    if (digits == 0) return false;
    value = std::strtod(std::string(s.substr(0, i)).c_str(), nullptr);
    s.remove_prefix(i);
    return true;
}

// [+-]h[:mm[:ss[.frac]]] as microseconds.
bool parse_time_token(std::string_view tok, double& micros) {
    int sign = 1;
    if (!tok.empty() && (tok[0] == '+' || tok[0] == '-')) {
        sign = tok[0] == '-' ? -1 : 1;
        tok.remove_prefix(1);
    }
    double parts[3] = {0, 0, 0};
    int n = 0;
    while (true) {
        if (n == 3) return false;
        double v;
        if (!read_number(tok, v, false)) return false;
        if (n < 2 && v != std::trunc(v)) return false;
        parts[n++] = v;
        if (tok.empty()) break;
        if (tok[0] != ':') return false;
        tok.remove_prefix(1);
    }
    if (n < 2 || parts[1] > 59 || parts[2] >= 60) return false;
    micros = sign * (parts[0] * double(kMicrosPerHour) + parts[1] * double(kMicrosPerMinute) +
                     std::rint(parts[2] * double(kMicrosPerSecond)));
    return true;
}

bool parse_iso8601(std::string_view s, Accumulator& acc) {
    s.remove_prefix(1);  // 'p'
    bool in_time = false;
    if (s.empty()) return false;
    while (!s.empty()) {
        if (s[0] == 't') {
            if (in_time) return false;
            in_time = true;
            s.remove_prefix(1);
            if (s.empty()) return false;
            continue;
        }
        double v;
        if (!read_number(s, v) || s.empty()) return false;
        char designator = s[0];
        s.remove_prefix(1);
        Unit unit;
        if (!in_time) {
            switch (designator) {
                case 'y': unit = kYear; break;
                case 'm': unit = kMonth; break;
                case 'w': unit = kWeek; break;
                case 'd': unit = kDay; break;
                default: return false;
            }
        } else {
            switch (designator) {
                case 'h': unit = kHour; break;
                case 'm': unit = kMinute; break;
                case 's': unit = kSecond; break;
                default: return false;
            }
        }
        if (!add_unit(acc, unit, v)) return false;
    }
    return true;
}

// Splits into tokens at spaces and between a number and a following word
// ('1day' is '1' 'day').
std::vector<std::string> tokens(std::string_view s) {
    std::vector<std::string> out;
    size_t i = 0;
    while (i < s.size()) {
        if (std::isspace(static_cast<unsigned char>(s[i])) || s[i] == ',') {
            ++i;
            continue;
        }
        size_t start = i;
        if (std::isalpha(static_cast<unsigned char>(s[i])) || s[i] == '@') {
            while (i < s.size() && (std::isalpha(static_cast<unsigned char>(s[i])) || s[i] == '@')) ++i;
        } else {
            while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i])) &&
                   !std::isalpha(static_cast<unsigned char>(s[i]))) {
                ++i;
            }
        }
        out.emplace_back(s.substr(start, i - start));
    }
    return out;
}

// The unit of a bare number that ends the text, by the typmod's range.
Unit trailing_number_unit(int range) {
    namespace r = interval_range;
    if (range == r::kYear) return kYear;
    if (range == r::kMonth || range == (r::kYear | r::kMonth)) return kMonth;
    if (range == r::kDay) return kDay;
    if (range == r::kHour || range == (r::kDay | r::kHour)) return kHour;
    if (range == r::kMinute || range == (r::kHour | r::kMinute) || range == (r::kDay | r::kHour | r::kMinute)) {
        return kMinute;
    }
    return kSecond;
}

bool parse_postgres_style(std::string_view s, Accumulator& acc, int range) {
    std::vector<std::string> toks = tokens(s);
    bool ago = false;
    size_t i = 0;
    if (i < toks.size() && toks[i] == "@") ++i;
    if (i == toks.size()) return false;
    for (; i < toks.size(); ++i) {
        const std::string& t = toks[i];
        if (t == "ago") {
            if (i + 1 != toks.size() || ago) return false;
            ago = true;
            continue;
        }
        if (t.find(':') != std::string::npos) {
            double micros;
            if ((acc.seen & (kHour | kMinute | kSecond)) || !parse_time_token(t, micros)) return false;
            acc.seen |= kHour | kMinute | kSecond;
            acc.micros += micros;
            continue;
        }
        std::string_view num = t;
        double v;
        if (!read_number(num, v) || !num.empty()) return false;
        if (i + 1 < toks.size() && std::isalpha(static_cast<unsigned char>(toks[i + 1][0])) && toks[i + 1] != "ago") {
            std::optional<Unit> unit = unit_named(toks[i + 1]);
            if (!unit || !add_unit(acc, *unit, v)) return false;
            ++i;
            continue;
        }
        // A bare number: days before another field, else the range's last unit.
        if (i + 1 < toks.size() && (toks[i + 1].find(':') != std::string::npos || range != interval_range::kFull)) {
            if (v != std::trunc(v) || !add_unit(acc, kDay, v)) return false;
            continue;
        }
        if (!add_unit(acc, trailing_number_unit(range), v)) return false;
    }
    if (ago) {
        acc.months = -acc.months;
        acc.days = -acc.days;
        acc.micros = -acc.micros;
    }
    return true;
}

void put_be(std::string& out, uint64_t v, int bytes) {
    for (int i = bytes - 1; i >= 0; --i) out.push_back(char((v >> (8 * i)) & 0xff));
}

uint64_t get_be(std::string_view s, size_t at, int bytes) {
    uint64_t v = 0;
    for (int i = 0; i < bytes; ++i) v = (v << 8) | static_cast<unsigned char>(s[at + size_t(i)]);
    return v;
}

void append_int_part(std::string& out, int64_t value, const char* unit, bool& is_zero, bool& is_before) {
    if (value == 0) return;
    if (!is_zero) out.push_back(' ');
    if (is_before && value > 0) out.push_back('+');
    out += std::to_string(value);
    out.push_back(' ');
    out += unit;
    if (value != 1) out.push_back('s');
    is_before = value < 0;
    is_zero = false;
}

}  // namespace

IntervalParse parse_interval(std::string_view text, Interval& out, int range) {
    std::string lowered;
    for (char c : text) lowered.push_back(char(std::tolower(static_cast<unsigned char>(c))));
    std::string_view s = lowered;
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    Accumulator acc;
    bool ok = !s.empty() && s[0] == 'p' ? parse_iso8601(s, acc) : parse_postgres_style(s, acc, range);
    if (!ok) return IntervalParse::kBadSyntax;
    if (std::fabs(acc.months) > 2147483647.0 || std::fabs(acc.days) > 2147483647.0 ||
        std::fabs(acc.micros) > 9.2e18) {
        return IntervalParse::kOutOfRange;
    }
    out.months = int32_t(acc.months);
    out.days = int32_t(acc.days);
    out.micros = int64_t(acc.micros);
    return IntervalParse::kOk;
}

void apply_interval_typmod(Interval& v, int32_t typmod) {
    if (typmod < 0) return;
    namespace r = interval_range;
    int range = (typmod >> 16) & 0x7fff, precision = typmod & 0xffff;
    auto truncate = [&](int64_t unit) { v.micros = v.micros / unit * unit; };
    if (range == r::kYear) {
        v.months = v.months / 12 * 12;
        v.days = 0;
        v.micros = 0;
    } else if (range == r::kMonth || range == (r::kYear | r::kMonth)) {
        v.days = 0;
        v.micros = 0;
    } else if (range == r::kDay) {
        v.micros = 0;
    } else if (range == r::kHour || range == (r::kDay | r::kHour)) {
        truncate(kMicrosPerHour);
    } else if (range == r::kMinute || range == (r::kHour | r::kMinute) || range == (r::kDay | r::kHour | r::kMinute)) {
        truncate(kMicrosPerMinute);
    }
    if (precision != kIntervalFullPrecision && precision < 6) {
        int64_t scale = 1;
        for (int i = precision; i < 6; ++i) scale *= 10;
        v.micros = v.micros >= 0 ? (v.micros + scale / 2) / scale * scale : -((-v.micros + scale / 2) / scale * scale);
    }
}

std::string format_interval(const Interval& v) {
    std::string out;
    bool is_zero = true, is_before = false;
    append_int_part(out, v.months / 12, "year", is_zero, is_before);
    append_int_part(out, v.months % 12, "mon", is_zero, is_before);
    append_int_part(out, v.days, "day", is_zero, is_before);
    int64_t t = v.micros;
    int64_t hour = t / kMicrosPerHour;
    t -= hour * kMicrosPerHour;
    int64_t minute = t / kMicrosPerMinute;
    t -= minute * kMicrosPerMinute;
    int64_t second = t / kMicrosPerSecond;
    int64_t frac = t - second * kMicrosPerSecond;
    if (is_zero || v.micros != 0) {
        bool minus = v.micros < 0;
        if (!is_zero) out.push_back(' ');
        if (minus) out.push_back('-');
        else if (is_before) out.push_back('+');
        char buf[64];
        std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld", static_cast<long long>(std::llabs(hour)),
                      static_cast<long long>(std::llabs(minute)), static_cast<long long>(std::llabs(second)));
        out += buf;
        if (frac != 0) {
            std::snprintf(buf, sizeof buf, ".%06lld", static_cast<long long>(std::llabs(frac)));
            std::string f = buf;
            while (f.back() == '0') f.pop_back();
            out += f;
        }
    }
    return out;
}

void append_interval_binary(std::string& out, const Interval& v) {
    put_be(out, uint64_t(v.micros), 8);
    put_be(out, uint32_t(v.days), 4);
    put_be(out, uint32_t(v.months), 4);
}

std::optional<Interval> read_interval_binary(std::string_view bytes) {
    if (bytes.size() != 16) return std::nullopt;
    Interval v;
    v.micros = int64_t(get_be(bytes, 0, 8));
    v.days = int32_t(uint32_t(get_be(bytes, 8, 4)));
    v.months = int32_t(uint32_t(get_be(bytes, 12, 4)));
    return v;
}

}  // namespace litegres::pgwire
