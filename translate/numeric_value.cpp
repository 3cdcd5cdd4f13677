// numeric_value.cpp — exact decimal arithmetic with PostgreSQL 15's rules
// (src/backend/utils/adt/numeric.c): result scales, rounding, limits.
#include "translate/numeric_value.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"

namespace litegres::translate {

using pgwire::PgError;
namespace sqlstate = pgwire::sqlstate;

namespace {

// numeric.c's limits: NUMERIC_MIN_SIG_DIGITS, NUMERIC_MAX_DISPLAY_SCALE,
// NUMERIC_DSCALE_MAX, and the integer digits NUMERIC_WEIGHT_MAX allows.
constexpr int kMinSignificantDigits = 16;
constexpr int kMaxDisplayScale = 1000;
constexpr int kMaxStoredScale = 0x3FFF;
constexpr long kMaxIntegerDigits = 131072;
constexpr int kDecDigits = 4;  // decimal digits per base-10000 digit (NBASE)

mpz_class power_of_ten(long exponent) {
    mpz_class r;
    mpz_ui_pow_ui(r.get_mpz_t(), 10, static_cast<unsigned long>(exponent));
    return r;
}

long decimal_digits(const mpz_class& v) {
    if (v == 0) return 0;
    // mpz_sizeinbase may overshoot by one for base 10: check exactly.
    long n = long(mpz_sizeinbase(v.get_mpz_t(), 10));
    mpz_class a = ::abs(v);
    if (a < power_of_ten(n - 1)) --n;
    return n;
}

int floor_div(int a, int b) {
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

[[noreturn]] void invalid_syntax(std::string_view text) {
    throw PgError(sqlstate::kInvalidTextRepresentation,
                  "invalid input syntax for type numeric: \"" + std::string(text) + "\"");
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

bool is_space(char c) {
    return std::isspace(static_cast<unsigned char>(c)) != 0;
}

// q = n / d rounded half away from zero (d != 0).
mpz_class divide_rounded(const mpz_class& n, const mpz_class& d) {
    mpz_class q, r;
    mpz_tdiv_qr(q.get_mpz_t(), r.get_mpz_t(), n.get_mpz_t(), d.get_mpz_t());
    if (2 * ::abs(r) >= ::abs(d)) q += sgn(n) * sgn(d);
    return q;
}

// |v|'s base-10000 digits as numeric.c stores them: the weight of the
// first nonzero digit, that digit and the next, and whether any follow it.
struct BaseDigits {
    int weight = 0;
    long first = 0;
    long second = 0;
    bool more = false;
};

BaseDigits base_digits(const mpz_class& unscaled, int scale) {
    BaseDigits d;
    if (unscaled == 0) return d;
    d.weight = floor_div(int(decimal_digits(unscaled)) - 1 - scale, kDecDigits);
    mpz_class a = ::abs(unscaled);
    // floor(|v| / 10000^w) and what is left below that digit.
    auto digits_down_to = [&](int w, mpz_class& rest) {
        int shift = kDecDigits * w + scale;
        if (shift < 0) {
            rest = 0;
            return mpz_class(a * power_of_ten(-shift));
        }
        mpz_class q;
        mpz_tdiv_qr(q.get_mpz_t(), rest.get_mpz_t(), a.get_mpz_t(),
                    power_of_ten(shift).get_mpz_t());
        return q;
    };
    mpz_class rest;
    d.first = digits_down_to(d.weight, rest).get_si();
    d.more = rest != 0;
    d.second = mpz_class(digits_down_to(d.weight - 1, rest) % 10000).get_si();
    return d;
}

// ln(m) * 10^p for m = fixed / 10^p in [1, 10]: square roots bring m near 1,
// then ln(y) = 2 atanh((y - 1) / (y + 1)).
mpz_class ln_fixed_point(mpz_class m, long p) {
    const mpz_class one = power_of_ten(p);
    constexpr int kRoots = 12;
    for (int i = 0; i < kRoots; ++i) {
        mpz_class widened = m * one;
        mpz_sqrt(m.get_mpz_t(), widened.get_mpz_t());
    }
    mpz_class z = (m - one) * one / (m + one);
    mpz_class z2 = z * z / one;
    mpz_class term = z, sum = 0;
    for (long n = 1; term != 0; n += 2) {
        sum += term / n;
        term = term * z2 / one;
    }
    return sum * 2 * (1L << kRoots);
}

// ln(v) * 10^digits for v = unscaled / 10^scale > 0.
mpz_class ln_scaled(const mpz_class& unscaled, int scale, long digits) {
    long exponent = decimal_digits(unscaled) - 1 - scale;  // v = m * 10^exponent, 1 <= m < 10
    long p = digits + 12 + decimal_digits(mpz_class(std::labs(exponent)));
    long shift = p - scale - exponent;
    mpz_class m = shift >= 0 ? mpz_class(unscaled * power_of_ten(shift))
                             : mpz_class(unscaled / power_of_ten(-shift));
    mpz_class ln = ln_fixed_point(m, p);
    if (exponent != 0) ln += exponent * ln_fixed_point(10 * power_of_ten(p), p);
    return divide_rounded(ln, power_of_ten(p - digits));
}

// exp(y / 10^p) with p + 1 significant digits: e^y = 10^n * e^r, r in [0, ln 10).
NumericValue exp_scaled(const mpz_class& y_at_p, long p) {
    constexpr long kGuard = 10;
    long q = p + kGuard;
    const mpz_class one = power_of_ten(q);
    mpz_class y = y_at_p * power_of_ten(kGuard);
    mpz_class ln10 = ln_fixed_point(10 * one, q), n;
    mpz_fdiv_q(n.get_mpz_t(), y.get_mpz_t(), ln10.get_mpz_t());
    constexpr int kHalvings = 12;
    mpz_class r = (y - n * ln10) / (1L << kHalvings);
    mpz_class sum = one, term = one;
    for (long k = 1; term != 0; ++k) {
        term = term * r / one / k;
        sum += term;
    }
    for (int i = 0; i < kHalvings; ++i) sum = sum * sum / one;
    long scale = q - n.get_si();
    return scale >= 0 ? NumericValue(std::move(sum), int(scale))
                      : NumericValue(sum * power_of_ten(-scale), 0);
}

}  // namespace

NumericValue::NumericValue(mpz_class unscaled, int scale)
    : unscaled_(std::move(unscaled)), scale_(scale) {}

NumericValue NumericValue::nan() {
    return NumericValue(Kind::kNaN);
}

NumericValue NumericValue::from_int64(int64_t value) {
    mpz_class v;
    mpz_set_si(v.get_mpz_t(), long(value));
    return NumericValue(std::move(v), 0);
}

NumericValue NumericValue::from_double(double value) {
    if (std::isnan(value)) return nan();
    if (std::isinf(value))
        return NumericValue(value > 0 ? Kind::kPositiveInfinity : Kind::kNegativeInfinity);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*g", 15, value);
    return parse(buf);
}

NumericValue NumericValue::parse(std::string_view text) {
    size_t begin = 0, end = text.size();
    while (begin < end && is_space(text[begin])) ++begin;
    while (end > begin && is_space(text[end - 1])) --end;
    std::string_view body = text.substr(begin, end - begin);
    if (equals_ignoring_case(body, "nan")) return nan();
    for (std::string_view inf : {"infinity", "+infinity", "inf", "+inf"}) {
        if (equals_ignoring_case(body, inf)) return NumericValue(Kind::kPositiveInfinity);
    }
    if (equals_ignoring_case(body, "-infinity") || equals_ignoring_case(body, "-inf")) {
        return NumericValue(Kind::kNegativeInfinity);
    }
    size_t i = 0;
    bool negative = false;
    if (i < body.size() && (body[i] == '+' || body[i] == '-')) negative = body[i++] == '-';
    std::string digits;
    long fraction_digits = 0;
    bool seen_point = false;
    for (; i < body.size(); ++i) {
        char c = body[i];
        if (std::isdigit(static_cast<unsigned char>(c))) {
            digits.push_back(c);
            if (seen_point) ++fraction_digits;
        } else if (c == '.' && !seen_point) {
            seen_point = true;
        } else {
            break;
        }
    }
    if (digits.empty()) invalid_syntax(text);
    long exponent = 0;
    if (i < body.size() && (body[i] == 'e' || body[i] == 'E')) {
        ++i;
        bool exponent_negative = false;
        if (i < body.size() && (body[i] == '+' || body[i] == '-'))
            exponent_negative = body[i++] == '-';
        if (i == body.size() || !std::isdigit(static_cast<unsigned char>(body[i])))
            invalid_syntax(text);
        for (; i < body.size() && std::isdigit(static_cast<unsigned char>(body[i])); ++i) {
            exponent = exponent * 10 + (body[i] - '0');
            if (exponent >= std::numeric_limits<int>::max() / 2) invalid_syntax(text);
        }
        if (exponent_negative) exponent = -exponent;
    }
    if (i != body.size()) invalid_syntax(text);

    // digits * 10^(exponent - fraction_digits), shown with max(0, fraction_digits - exponent)
    // decimals.
    long shift = exponent - fraction_digits;
    size_t first = digits.find_first_not_of('0');
    long significant = first == std::string::npos ? 0 : long(digits.size() - first);
    if (significant + shift > kMaxIntegerDigits || fraction_digits - exponent > kMaxStoredScale) {
        throw PgError(sqlstate::kNumericValueOutOfRange, "value overflows numeric format");
    }
    mpz_class unscaled(first == std::string::npos ? std::string("0") : digits.substr(first), 10);
    if (negative) unscaled = -unscaled;
    if (shift > 0) unscaled *= power_of_ten(shift);
    return NumericValue(std::move(unscaled), int(std::max(0L, -shift)));
}

std::string NumericValue::to_string() const {
    switch (kind_) {
        case Kind::kNaN:
            return "NaN";
        case Kind::kPositiveInfinity:
            return "Infinity";
        case Kind::kNegativeInfinity:
            return "-Infinity";
        case Kind::kFinite:
            break;
    }
    std::string digits = mpz_class(::abs(unscaled_)).get_str();
    if (scale_ > 0) {
        if (digits.size() <= size_t(scale_))
            digits.insert(0, size_t(scale_) + 1 - digits.size(), '0');
        digits.insert(digits.size() - size_t(scale_), 1, '.');
    }
    return unscaled_ < 0 ? "-" + digits : digits;
}

double NumericValue::to_double() const {
    switch (kind_) {
        case Kind::kNaN:
            return std::numeric_limits<double>::quiet_NaN();
        case Kind::kPositiveInfinity:
            return std::numeric_limits<double>::infinity();
        case Kind::kNegativeInfinity:
            return -std::numeric_limits<double>::infinity();
        case Kind::kFinite:
            break;
    }
    return std::strtod(to_string().c_str(), nullptr);
}

std::optional<int64_t> NumericValue::to_int64() const {
    if (kind_ == Kind::kNaN)
        throw PgError(sqlstate::kFeatureNotSupported, "cannot convert NaN to integer");
    if (!is_finite())
        throw PgError(sqlstate::kFeatureNotSupported, "cannot convert infinity to integer");
    NumericValue whole = rescaled(0, true);
    if (!mpz_fits_slong_p(whole.unscaled_.get_mpz_t())) return std::nullopt;
    return int64_t(mpz_get_si(whole.unscaled_.get_mpz_t()));
}

int NumericValue::signum() const {
    switch (kind_) {
        case Kind::kNaN:
            return 0;
        case Kind::kPositiveInfinity:
            return 1;
        case Kind::kNegativeInfinity:
            return -1;
        case Kind::kFinite:
            break;
    }
    return sgn(unscaled_);
}

mpz_class NumericValue::unscaled_at(int scale) const {
    return scale > scale_ ? mpz_class(unscaled_ * power_of_ten(scale - scale_)) : unscaled_;
}

int NumericValue::compare(const NumericValue& other) const {
    auto rank = [](Kind k) {
        switch (k) {
            case Kind::kNegativeInfinity:
                return 0;
            case Kind::kFinite:
                return 1;
            case Kind::kPositiveInfinity:
                return 2;
            case Kind::kNaN:
                return 3;
        }
        return 3;
    };
    if (kind_ != other.kind_ || !is_finite())
        return rank(kind_) < rank(other.kind_) ? -1 : rank(kind_) > rank(other.kind_);
    int s = std::max(scale_, other.scale_);
    return cmp(unscaled_at(s), other.unscaled_at(s)) < 0
               ? -1
               : cmp(unscaled_at(s), other.unscaled_at(s)) > 0;
}

const NumericValue& NumericValue::checked() const {
    if (is_finite() && decimal_digits(unscaled_) - scale_ > kMaxIntegerDigits) {
        throw PgError(sqlstate::kNumericValueOutOfRange, "value overflows numeric format");
    }
    return *this;
}

void NumericValue::require_finite(const NumericValue& other) const {
    if ((!is_finite() && !is_nan()) || (!other.is_finite() && !other.is_nan())) {
        throw PgError(sqlstate::kFeatureNotSupported,
                      "arithmetic on infinite numeric values is not supported yet");
    }
}

NumericValue NumericValue::add(const NumericValue& other) const {
    if (is_nan() || other.is_nan()) return nan();
    if (!is_finite() || !other.is_finite()) {
        // Infinity - Infinity is NaN; otherwise the infinite operand wins.
        if (!is_finite() && !other.is_finite()) return kind_ == other.kind_ ? *this : nan();
        return is_finite() ? other : *this;
    }
    int s = std::max(scale_, other.scale_);
    return NumericValue(unscaled_at(s) + other.unscaled_at(s), s).checked();
}

NumericValue NumericValue::subtract(const NumericValue& other) const {
    return add(other.negate());
}

NumericValue NumericValue::multiply(const NumericValue& other) const {
    if (is_nan() || other.is_nan()) return nan();
    if (!is_finite() || !other.is_finite()) {
        int sign = signum() * other.signum();  // 0 * Infinity is NaN
        return sign == 0
                   ? nan()
                   : NumericValue(sign > 0 ? Kind::kPositiveInfinity : Kind::kNegativeInfinity);
    }
    NumericValue product(unscaled_ * other.unscaled_, scale_ + other.scale_);
    if (product.scale_ > kMaxStoredScale) product = product.rescaled(kMaxStoredScale, true);
    return product.checked();
}

NumericValue NumericValue::divide(const NumericValue& other) const {
    if (std::optional<NumericValue> special = divide_special(other)) return *special;
    // select_div_scale: enough decimals for 16 significant digits, judged
    // from the base-10000 weights and first digits of the operands.
    BaseDigits d1 = base_digits(unscaled_, scale_), d2 = base_digits(other.unscaled_, other.scale_);
    int quotient_weight = d1.weight - d2.weight;
    if (d1.first <= d2.first) --quotient_weight;
    int rscale = kMinSignificantDigits - quotient_weight * kDecDigits;
    rscale = std::clamp(std::max({rscale, scale_, other.scale_}), 0, kMaxDisplayScale);
    // this / other * 10^rscale = u1 * 10^(s2 + rscale) / (u2 * 10^s1)
    mpz_class n = unscaled_ * power_of_ten(other.scale_ + rscale);
    mpz_class d = other.unscaled_ * power_of_ten(scale_);
    return NumericValue(divide_rounded(n, d), rscale).checked();
}

NumericValue NumericValue::modulo(const NumericValue& other) const {
    if (is_nan() || other.is_nan()) return nan();
    if (other.is_finite() && other.unscaled_ == 0)
        throw PgError(sqlstate::kDivisionByZero, "division by zero");
    // Infinity mod x is NaN; x mod Infinity is x.
    if (!is_finite()) return nan();
    if (!other.is_finite()) return *this;
    int s = std::max(scale_, other.scale_);
    mpz_class r;
    mpz_tdiv_r(r.get_mpz_t(), unscaled_at(s).get_mpz_t(), other.unscaled_at(s).get_mpz_t());
    return NumericValue(std::move(r), s);
}

NumericValue NumericValue::divide_truncated(const NumericValue& other) const {
    if (std::optional<NumericValue> special = divide_special(other)) return *special;
    int s = std::max(scale_, other.scale_);
    mpz_class q;
    mpz_tdiv_q(q.get_mpz_t(), unscaled_at(s).get_mpz_t(), other.unscaled_at(s).get_mpz_t());
    return NumericValue(std::move(q), 0);
}

std::optional<NumericValue> NumericValue::divide_special(const NumericValue& other) const {
    if (is_nan() || other.is_nan()) return nan();
    if (other.is_finite() && other.unscaled_ == 0)
        throw PgError(sqlstate::kDivisionByZero, "division by zero");
    if (!is_finite()) {
        if (!other.is_finite()) return nan();
        return other.signum() * signum() > 0 ? NumericValue(Kind::kPositiveInfinity)
                                             : NumericValue(Kind::kNegativeInfinity);
    }
    if (!other.is_finite()) return NumericValue();  // x / Infinity is 0
    return std::nullopt;
}

NumericValue NumericValue::power(const NumericValue& exponent) const {
    require_finite(exponent);
    if (is_nan() || exponent.is_nan()) {
        // PostgreSQL: 1 ^ NaN and NaN ^ 0 are 1.
        if ((is_finite() && unscaled_ == power_of_ten(scale_)) ||
            (exponent.is_finite() && exponent.unscaled_ == 0)) {
            return from_int64(1);
        }
        return nan();
    }
    mpz_class whole, remainder;
    mpz_tdiv_qr(whole.get_mpz_t(), remainder.get_mpz_t(), exponent.unscaled_.get_mpz_t(),
                power_of_ten(exponent.scale_).get_mpz_t());
    if (unscaled_ == 0 && exponent.signum() < 0) {
        throw PgError("2201F", "zero raised to a negative power is undefined");
    }
    if (remainder != 0) {
        if (signum() < 0) {
            throw PgError(
                "2201F", "a negative number raised to a non-integer power yields a complex result");
        }
        return power_non_integer(exponent);
    }
    if (!mpz_fits_sint_p(whole.get_mpz_t())) {
        throw PgError(sqlstate::kNumericValueOutOfRange, "value overflows numeric format");
    }
    long n = whole.get_si();
    int rscale = std::clamp(std::max(kMinSignificantDigits, scale_), 0, kMaxDisplayScale);
    if (n == 0) return NumericValue(power_of_ten(rscale), rscale);  // x ^ 0 is 1, 0 ^ 0 too
    if (unscaled_ == 0) return NumericValue(0, rscale);
    // The exact power must stay within numeric's range before rounding.
    long result_digits = (decimal_digits(unscaled_) - scale_) * std::labs(n);
    if (result_digits > kMaxIntegerDigits + 1) {
        if (n > 0)
            throw PgError(sqlstate::kNumericValueOutOfRange, "value overflows numeric format");
        return NumericValue(0, rscale);
    }
    mpz_class raised;
    mpz_pow_ui(raised.get_mpz_t(), unscaled_.get_mpz_t(), static_cast<unsigned long>(std::labs(n)));
    NumericValue exact(std::move(raised), int(scale_ * std::labs(n)));
    if (n >= 0) return exact.checked().rescaled(rscale, true);
    // 1 / base^|n| at rscale.
    mpz_class num = power_of_ten(exact.scale_ + rscale);
    return NumericValue(divide_rounded(num, exact.unscaled_), rscale).checked();
}

int NumericValue::estimate_ln_dweight() const {
    if (compare(parse("0.9")) >= 0 && compare(parse("1.1")) <= 0) {
        // ln(x) ~ x - 1 near 1.
        NumericValue x = subtract(from_int64(1));
        if (x.unscaled_ == 0) return 0;
        BaseDigits d = base_digits(x.unscaled_, x.scale_);
        return d.weight * kDecDigits + int(std::log10(double(d.first)));
    }
    BaseDigits d = base_digits(unscaled_, scale_);
    long digits = d.first;
    int dweight = d.weight * kDecDigits;
    if (d.more) {
        digits = digits * 10000 + d.second;
        dweight -= kDecDigits;
    }
    double ln = std::log(double(digits)) + dweight * 2.302585092994046;
    return int(std::log10(std::fabs(ln)));
}

NumericValue NumericValue::power_non_integer(const NumericValue& exponent) const {
    if (unscaled_ == 0) return NumericValue(0, kMinSignificantDigits);
    // power_var: the result scale comes from a low-precision exp * ln(base).
    int ln_dweight = estimate_ln_dweight();
    int local_rscale = std::clamp(8 - ln_dweight, 0, kMaxDisplayScale);
    NumericValue ln_base =
        NumericValue(ln_scaled(unscaled_, scale_, local_rscale + 8), local_rscale + 8)
            .rescaled(local_rscale, true);
    double val = ln_base.multiply(exponent).rescaled(local_rscale, true).to_double();
    if (std::fabs(val) > kMaxDisplayScale * 2 * 3.01) {
        if (val > 0)
            throw PgError(sqlstate::kNumericValueOutOfRange, "value overflows numeric format");
        return NumericValue(0, kMaxDisplayScale);
    }
    int weight = int(val * 0.434294481903252);
    int rscale = std::clamp(std::max({kMinSignificantDigits - weight, scale_, exponent.scale_}), 0,
                            kMaxDisplayScale);
    // e ^ (exp * ln(base)) to a few digits more than the result shows.
    long p = std::max(rscale + weight, 0) + 1 + 12;
    long exponent_digits = std::max(0L, decimal_digits(exponent.unscaled_) - exponent.scale_);
    long ln_digits = p + exponent_digits + 4;
    mpz_class y = divide_rounded(ln_scaled(unscaled_, scale_, ln_digits) * exponent.unscaled_,
                                 power_of_ten(ln_digits + exponent.scale_ - p));
    return exp_scaled(y, p).rescaled(rscale, true).checked();
}

NumericValue NumericValue::sqrt() const {
    if (is_nan()) return nan();
    if (signum() < 0) throw PgError("2201F", "cannot take square root of a negative number");
    if (!is_finite()) return *this;
    // numeric_sqrt's scale: about 16 significant digits, from the stored
    // base-10000 weight (0 for zero).
    int weight =
        unscaled_ == 0 ? 0 : floor_div(int(decimal_digits(unscaled_)) - 1 - scale_, kDecDigits);
    int sweight = (weight + 1) * kDecDigits / 2 - 1;
    int rscale = std::clamp(std::max(kMinSignificantDigits - sweight, scale_), 0, kMaxDisplayScale);
    return sqrt_with_scale(rscale);
}

NumericValue NumericValue::sqrt_with_scale(int rscale) const {
    if (is_nan()) return nan();
    if (signum() < 0) throw PgError("2201F", "cannot take square root of a negative number");
    if (!is_finite()) return *this;
    // floor(sqrt(v) * 10^(rscale+1)), then the last digit rounds half up.
    mpz_class n = unscaled_ * power_of_ten(2 * (rscale + 1) - scale_), root;
    mpz_sqrt(root.get_mpz_t(), n.get_mpz_t());
    return NumericValue(divide_rounded(root, 10), rscale);
}

NumericValue NumericValue::rescaled(int scale, bool round_half_away) const {
    if (!is_finite()) return *this;
    if (scale >= scale_) return NumericValue(unscaled_at(scale), scale);
    mpz_class divisor = power_of_ten(scale_ - scale), q;
    if (round_half_away) {
        q = divide_rounded(unscaled_, divisor);
    } else {
        mpz_tdiv_q(q.get_mpz_t(), unscaled_.get_mpz_t(), divisor.get_mpz_t());
    }
    if (scale < 0) return NumericValue(q * power_of_ten(-scale), 0);
    return NumericValue(std::move(q), scale);
}

NumericValue NumericValue::round(int scale) const {
    return rescaled(std::clamp(scale, -kMaxDisplayScale * 2, kMaxDisplayScale * 2), true).checked();
}

NumericValue NumericValue::truncate(int scale) const {
    return rescaled(std::clamp(scale, -kMaxDisplayScale * 2, kMaxDisplayScale * 2), false);
}

NumericValue NumericValue::ceil() const {
    if (!is_finite()) return *this;
    NumericValue t = rescaled(0, false);
    if (t.unscaled_at(scale_) < unscaled_) t.unscaled_ += 1;
    return t;
}

NumericValue NumericValue::floor() const {
    if (!is_finite()) return *this;
    NumericValue t = rescaled(0, false);
    if (t.unscaled_at(scale_) > unscaled_) t.unscaled_ -= 1;
    return t;
}

NumericValue NumericValue::abs() const {
    if (kind_ == Kind::kNegativeInfinity) return NumericValue(Kind::kPositiveInfinity);
    return is_finite() ? NumericValue(::abs(unscaled_), scale_) : *this;
}

NumericValue NumericValue::negate() const {
    switch (kind_) {
        case Kind::kPositiveInfinity:
            return NumericValue(Kind::kNegativeInfinity);
        case Kind::kNegativeInfinity:
            return NumericValue(Kind::kPositiveInfinity);
        case Kind::kNaN:
            return *this;
        case Kind::kFinite:
            break;
    }
    return NumericValue(-unscaled_, scale_);
}

NumericValue NumericValue::sign() const {
    return is_nan() ? *this : from_int64(signum());
}

NumericValue NumericValue::with_typmod(int32_t typmod) const {
    if (typmod < 4 || is_nan()) return *this;
    int precision = ((typmod - 4) >> 16) & 0xffff;
    int scale = (typmod - 4) & 0xffff;
    int max_digits = precision - scale;
    if (!is_finite()) {
        throw PgError(sqlstate::kNumericValueOutOfRange, "numeric field overflow")
            .with_detail("A field with precision " + std::to_string(precision) + ", scale " +
                         std::to_string(scale) + " cannot hold an infinite value.");
    }
    NumericValue rounded = rescaled(scale, true);
    if (rounded.unscaled_ != 0 && decimal_digits(rounded.unscaled_) - rounded.scale_ > max_digits) {
        throw PgError(sqlstate::kNumericValueOutOfRange, "numeric field overflow")
            .with_detail("A field with precision " + std::to_string(precision) + ", scale " +
                         std::to_string(scale) + " must round to an absolute value less than " +
                         (max_digits != 0 ? "10^" + std::to_string(max_digits) : std::string("1")) +
                         ".");
    }
    return rounded;
}

}  // namespace litegres::translate
