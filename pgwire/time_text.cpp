// time_text.cpp — time of day scanning and printing.
#include "pgwire/time_text.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace litegres::pgwire {

namespace {

std::string lowered(std::string_view text) {
    std::string s;
    for (char c : text) s.push_back(char(std::tolower(static_cast<unsigned char>(c))));
    return s;
}

bool read_int(std::string_view& s, int min_digits, int max_digits, int& value) {
    int n = 0;
    value = 0;
    while (n < max_digits && !s.empty() && std::isdigit(static_cast<unsigned char>(s[0]))) {
        value = value * 10 + (s[0] - '0');
        s.remove_prefix(1);
        ++n;
    }
    return n >= min_digits;
}

void skip_spaces(std::string_view& s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s[0]))) s.remove_prefix(1);
}

}  // namespace

TimeParse parse_time(std::string_view text, int64_t& micros) {
    std::optional<int> ignored_offset;
    return parse_timetz(text, micros, ignored_offset);
}

TimeParse parse_timetz(std::string_view text, int64_t& micros, std::optional<int>& offset_east) {
    offset_east.reset();
    std::string all = lowered(text);
    std::string_view s = all;
    skip_spaces(s);
    if (s == "allballs") {
        micros = 0;
        return TimeParse::kOk;
    }
    // A leading date (yyyy-mm-dd) is ignored.
    if (s.size() > 10 && s[4] == '-' && s[7] == '-') {
        s.remove_prefix(10);
        if (!s.empty() && s[0] == 't') s.remove_prefix(1);
        skip_spaces(s);
    }
    int h = 0, m = 0, sec = 0;
    double frac = 0;
    std::string_view digits = s;
    size_t run = 0;
    while (run < digits.size() && std::isdigit(static_cast<unsigned char>(digits[run]))) ++run;
    if (run == 4 || run == 6) {  // hhmm[ss]
        if (!read_int(s, 2, 2, h) || !read_int(s, 2, 2, m) || (run == 6 && !read_int(s, 2, 2, sec))) {
            return TimeParse::kBadSyntax;
        }
    } else {
        if (!read_int(s, 1, 2, h) || s.empty() || s[0] != ':') return TimeParse::kBadSyntax;
        s.remove_prefix(1);
        if (!read_int(s, 2, 2, m)) return TimeParse::kBadSyntax;
        if (!s.empty() && s[0] == ':') {
            s.remove_prefix(1);
            if (!read_int(s, 2, 2, sec)) return TimeParse::kBadSyntax;
        }
    }
    if (!s.empty() && s[0] == '.') {
        size_t i = 1;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
        if (i == 1) return TimeParse::kBadSyntax;
        frac = std::strtod(std::string(s.substr(0, i)).c_str(), nullptr);
        s.remove_prefix(i);
    }
    skip_spaces(s);
    if (s.substr(0, 2) == "am" || s.substr(0, 2) == "pm") {
        if (h < 1 || h > 12) return TimeParse::kOutOfRange;
        bool pm = s[0] == 'p';
        if (h == 12) h = 0;
        if (pm) h += 12;
        s.remove_prefix(2);
        skip_spaces(s);
    }
    // A zone offset or 'z' (time without time zone ignores it).
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        int sign = s[0] == '-' ? -1 : 1;
        s.remove_prefix(1);
        int oh, om = 0;
        size_t before = s.size();
        if (!read_int(s, 1, 4, oh)) return TimeParse::kBadSyntax;
        if (before - s.size() > 2) {  // +HHMM
            om = oh % 100;
            oh /= 100;
        } else if (!s.empty() && s[0] == ':') {
            s.remove_prefix(1);
            if (!read_int(s, 2, 2, om)) return TimeParse::kBadSyntax;
        }
        if (oh > 15 || om > 59) return TimeParse::kOutOfRange;
        offset_east = sign * (oh * 3600 + om * 60);
    } else if (s == "z" || s == "utc") {
        s = {};
        offset_east = 0;
    }
    skip_spaces(s);
    if (!s.empty()) return TimeParse::kBadSyntax;
    if (h > 24 || m > 59 || sec > 60) return TimeParse::kOutOfRange;
    int64_t total = ((int64_t(h) * 60 + m) * 60 + sec) * 1000000 + int64_t(std::rint(frac * 1e6));
    if (total > kMicrosPerDay) return TimeParse::kOutOfRange;
    micros = total;
    return TimeParse::kOk;
}

std::string format_time(int64_t micros) {
    int64_t secs = micros / 1000000, frac = micros % 1000000;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld", static_cast<long long>(secs / 3600),
                  static_cast<long long>(secs / 60 % 60), static_cast<long long>(secs % 60));
    std::string out = buf;
    if (frac != 0) {
        std::snprintf(buf, sizeof buf, ".%06lld", static_cast<long long>(frac));
        std::string f = buf;
        while (f.back() == '0') f.pop_back();
        out += f;
    }
    return out;
}

}  // namespace litegres::pgwire

namespace litegres::pgwire {

std::string format_timetz(int64_t micros, int offset_east) {
    std::string out = format_time(micros);
    int a = offset_east < 0 ? -offset_east : offset_east;
    char buf[24];
    std::snprintf(buf, sizeof buf, "%c%02d", offset_east < 0 ? '-' : '+', a / 3600);
    out += buf;
    if (a % 3600 != 0) {
        std::snprintf(buf, sizeof buf, ":%02d", a % 3600 / 60);
        out += buf;
    }
    if (a % 60 != 0) {
        std::snprintf(buf, sizeof buf, ":%02d", a % 60);
        out += buf;
    }
    return out;
}

int compare_timetz(int64_t a_micros, int a_offset, int64_t b_micros, int b_offset) {
    // PostgreSQL keeps the zone as seconds west and compares time + zone.
    int64_t a = a_micros - int64_t(a_offset) * 1000000, b = b_micros - int64_t(b_offset) * 1000000;
    if (a != b) return a < b ? -1 : 1;
    if (a_offset != b_offset) return -a_offset < -b_offset ? -1 : 1;
    return 0;
}

}  // namespace litegres::pgwire
