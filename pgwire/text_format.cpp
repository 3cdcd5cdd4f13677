// text_format.cpp — float output as PostgreSQL 15 prints it with the default
// extra_float_digits = 1: the shortest digits that round-trip, in fixed
// notation when the decimal exponent lies in [-4, precision) and as
// d.ddde±XX otherwise (precision 15 for float8, 6 for float4).
#include "pgwire/text_format.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace litegres::pgwire {

namespace {

template <typename Float>
void append_float_text(std::string& out, Float value, int fixed_limit) {
    if (std::isnan(value)) {
        out += "NaN";
        return;
    }
    if (std::isinf(value)) {
        out += value > 0 ? "Infinity" : "-Infinity";
        return;
    }
    // Shortest round-trip digits in scientific form: [-]d[.ddd]e[+-]XX.
    char sci[64];
    auto res = std::to_chars(sci, sci + sizeof sci, value, std::chars_format::scientific);
    std::string_view s(sci, res.ptr - sci);
    bool negative = s.front() == '-';
    if (negative) s.remove_prefix(1);
    size_t e = s.find('e');
    int exponent = std::atoi(std::string(s.substr(e + 1)).c_str());
    std::string digits;
    for (char c : s.substr(0, e)) {
        if (c != '.') digits.push_back(c);
    }
    if (negative) out.push_back('-');
    if (exponent < -4 || exponent >= fixed_limit) {
        out.push_back(digits[0]);
        if (digits.size() > 1) {
            out.push_back('.');
            out.append(digits, 1);
        }
        char exp_buf[16];
        std::snprintf(exp_buf, sizeof exp_buf, "e%c%02d", exponent < 0 ? '-' : '+',
                      std::abs(exponent));
        out += exp_buf;
        return;
    }
    if (exponent < 0) {
        out += "0.";
        out.append(size_t(-exponent - 1), '0');
        out += digits;
        return;
    }
    size_t int_digits = size_t(exponent) + 1;
    if (digits.size() <= int_digits) {
        out += digits;
        out.append(int_digits - digits.size(), '0');
    } else {
        out.append(digits, 0, int_digits);
        out.push_back('.');
        out.append(digits, int_digits);
    }
}

}  // namespace

void append_float8_text(std::string& out, double value) { append_float_text(out, value, 15); }

void append_float4_text(std::string& out, float value) { append_float_text(out, value, 6); }

}  // namespace litegres::pgwire
