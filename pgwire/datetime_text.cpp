// datetime_text.cpp — hand-written ISO date/time scanning and printing; the
// formats are small and fixed, and this runs per inserted value.
#include "pgwire/datetime_text.h"

#include <cctype>
#include <cstdio>

namespace litegres::pgwire {

namespace {

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

// Howard Hinnant's days_from_civil / civil_from_days.
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void civil_from_days(int64_t z, int& y, int& m, int& d) {
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = int(doy - (153 * mp + 2) / 5 + 1);
    m = int(mp < 10 ? mp + 3 : mp - 9);
    y = int(int64_t(yoe) + era * 400 + (m <= 2));
}

class Scanner {
public:
    explicit Scanner(std::string_view s) : s_(s) {}
    bool done() const { return pos_ >= s_.size(); }
    char peek() const { return done() ? '\0' : s_[pos_]; }
    void skip_spaces() {
        while (!done() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    }
    bool accept(char c) {
        if (peek() != c) return false;
        ++pos_;
        return true;
    }
    // Reads between min and max digits; returns the digit count (0 on failure).
    int number(int min_digits, int max_digits, int& value) {
        int n = 0;
        value = 0;
        while (n < max_digits && std::isdigit(static_cast<unsigned char>(peek()))) {
            value = value * 10 + (s_[pos_++] - '0');
            ++n;
        }
        return n >= min_digits ? n : 0;
    }

private:
    std::string_view s_;
    size_t pos_ = 0;
};

void append_two(std::string& out, int v) {
    out.push_back(char('0' + v / 10));
    out.push_back(char('0' + v % 10));
}

void append_time_of_day(std::string& out, const DateTimeValue& v) {
    append_two(out, v.hour);
    out.push_back(':');
    append_two(out, v.minute);
    out.push_back(':');
    append_two(out, v.second);
    if (v.microsecond != 0) {
        char frac[8];
        std::snprintf(frac, sizeof frac, "%06d", v.microsecond);
        std::string f(frac);
        while (!f.empty() && f.back() == '0') f.pop_back();
        out.push_back('.');
        out += f;
    }
}

}  // namespace

DateTimeParse parse_datetime(std::string_view text, DateTimeValue& out) {
    Scanner sc(text);
    sc.skip_spaces();
    int y, mo, d;
    if (!sc.number(4, 7, y) || !sc.accept('-') || !sc.number(1, 2, mo) || !sc.accept('-') ||
        !sc.number(1, 2, d)) {
        return DateTimeParse::kBadSyntax;
    }
    out = DateTimeValue{};
    out.year = y;
    out.month = mo;
    out.day = d;
    if (!sc.accept('T') && !sc.accept('t')) sc.skip_spaces();
    if (std::isdigit(static_cast<unsigned char>(sc.peek()))) {
        int h, mi, s = 0;
        if (!sc.number(1, 2, h) || !sc.accept(':') || !sc.number(2, 2, mi)) {
            return DateTimeParse::kBadSyntax;
        }
        if (sc.accept(':')) {
            if (!sc.number(2, 2, s)) return DateTimeParse::kBadSyntax;
            if (sc.accept('.')) {
                int digits = 0, frac = 0;
                while (std::isdigit(static_cast<unsigned char>(sc.peek()))) {
                    int dgt;
                    sc.number(1, 1, dgt);
                    if (digits < 6) frac = frac * 10 + dgt;
                    ++digits;
                }
                if (digits == 0) return DateTimeParse::kBadSyntax;
                for (int i = digits; i < 6; ++i) frac *= 10;
                out.microsecond = frac;
            }
        }
        out.has_time = true;
        out.hour = h;
        out.minute = mi;
        out.second = s;
        sc.skip_spaces();
        if (sc.accept('Z') || sc.accept('z')) {
            out.utc_offset_seconds = 0;
        } else if (sc.peek() == '+' || sc.peek() == '-') {
            int sign = sc.peek() == '-' ? -1 : 1;
            sc.accept(sc.peek());
            int oh, om = 0;
            int n = sc.number(1, 4, oh);
            if (n == 0) return DateTimeParse::kBadSyntax;
            if (n > 2) {  // +HHMM
                om = oh % 100;
                oh /= 100;
            } else if (sc.accept(':') && !sc.number(2, 2, om)) {
                return DateTimeParse::kBadSyntax;
            }
            out.utc_offset_seconds = sign * (oh * 3600 + om * 60);
        }
    }
    sc.skip_spaces();
    if (!sc.done()) return DateTimeParse::kBadSyntax;
    if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) || out.hour > 24 ||
        out.minute > 59 || out.second > 60) {
        return DateTimeParse::kOutOfRange;
    }
    // 24:00:00 (end of day) and a leap second :60 are accepted, nothing past them.
    if ((out.hour == 24 && (out.minute != 0 || out.second != 0 || out.microsecond != 0)) ||
        (out.second == 60 && out.microsecond != 0)) {
        return DateTimeParse::kOutOfRange;
    }
    return DateTimeParse::kOk;
}

std::string format_date(const DateTimeValue& v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", v.year, v.month, v.day);
    return buf;
}

std::string format_timestamp(const DateTimeValue& v) {
    if (v.hour == 24 || v.second == 60) {
        // Roll over into the next minute / day, as PostgreSQL prints it.
        DateTimeValue local = v;
        local.utc_offset_seconds.reset();
        return format_timestamp(from_micros_since_2000(micros_since_2000(local)));
    }
    std::string out = format_date(v);
    out.push_back(' ');
    append_time_of_day(out, v);
    return out;
}

namespace {
constexpr int64_t kUnixDaysAt2000 = 10957;  // days from 1970-01-01 to 2000-01-01
}

int32_t days_since_2000(const DateTimeValue& v) {
    return int32_t(days_from_civil(v.year, unsigned(v.month), unsigned(v.day)) - kUnixDaysAt2000);
}

int64_t micros_since_2000(const DateTimeValue& v) {
    int64_t secs = (days_from_civil(v.year, unsigned(v.month), unsigned(v.day)) - kUnixDaysAt2000) * 86400 +
                   v.hour * 3600 + v.minute * 60 + v.second - v.utc_offset_seconds.value_or(0);
    return secs * 1000000 + v.microsecond;
}

DateTimeValue from_days_since_2000(int32_t days) {
    DateTimeValue v;
    civil_from_days(int64_t(days) + kUnixDaysAt2000, v.year, v.month, v.day);
    return v;
}

DateTimeValue from_micros_since_2000(int64_t micros) {
    int64_t secs = micros >= 0 ? micros / 1000000 : (micros - 999999) / 1000000;
    DateTimeValue v;
    v.microsecond = int(micros - secs * 1000000);
    int64_t days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
    int64_t rem = secs - days * 86400;
    civil_from_days(days + kUnixDaysAt2000, v.year, v.month, v.day);
    v.hour = int(rem / 3600);
    v.minute = int(rem % 3600 / 60);
    v.second = int(rem % 60);
    v.has_time = true;
    v.utc_offset_seconds = 0;
    return v;
}

std::string format_timestamptz(const DateTimeValue& v) {
    // Through the instant: an input with a zone offset moves to UTC.
    DateTimeValue utc = v.utc_offset_seconds.value_or(0) != 0 ? from_micros_since_2000(micros_since_2000(v)) : v;
    return format_timestamp(utc) + "+00";
}

std::string format_timestamptz_from_unix_micros(int64_t micros) {
    return format_timestamptz(from_micros_since_2000(micros - kUnixDaysAt2000 * 86400 * 1000000));
}

}  // namespace litegres::pgwire
