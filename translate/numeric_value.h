// numeric_value.h — PostgreSQL's numeric as an exact decimal: a GMP integer
// scaled by a power of ten, which keeps its own display scale ('1.50' stays
// 1.50). Parsing, text output, arithmetic with PostgreSQL's result scales,
// rounding half away from zero and numeric(p,s) coercion follow numeric.c,
// so that litegres prints what PostgreSQL 15 prints.
#pragma once

#include <gmpxx.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace litegres::translate {

class NumericValue {
  public:
    NumericValue() = default;  // 0
    NumericValue(mpz_class unscaled, int scale);

    // numeric_in: spaces, sign, digits, '.', exponent, NaN, Infinity.
    // 22P02 for bad input; 22003 beyond numeric's range.
    static NumericValue parse(std::string_view text);
    static NumericValue from_int64(int64_t value);
    // float8_numeric: the double printed with 15 significant digits.
    static NumericValue from_double(double value);
    static NumericValue nan();

    std::string to_string() const;
    double to_double() const;
    // Rounded half away from zero; nullopt when out of int64 range.
    // NaN and infinities throw 0A000 as PostgreSQL does.
    std::optional<int64_t> to_int64() const;

    bool is_nan() const { return kind_ == Kind::kNaN; }
    bool is_finite() const { return kind_ == Kind::kFinite; }
    int scale() const { return scale_; }
    // -1, 0, 1 (NaN: 0).
    int signum() const;

    // NaN sorts above everything and equals itself, as in PostgreSQL.
    int compare(const NumericValue& other) const;

    NumericValue add(const NumericValue& other) const;
    NumericValue subtract(const NumericValue& other) const;
    NumericValue multiply(const NumericValue& other) const;
    // 22012 on a zero divisor; result scale by select_div_scale.
    NumericValue divide(const NumericValue& other) const;
    NumericValue modulo(const NumericValue& other) const;
    // div(): the quotient truncated toward zero, scale 0.
    NumericValue divide_truncated(const NumericValue& other) const;
    NumericValue power(const NumericValue& exponent) const;
    NumericValue sqrt() const;
    // The square root rounded to `rscale` decimals (numeric.c's sqrt_var),
    // for callers with a scale rule of their own (stddev).
    NumericValue sqrt_with_scale(int rscale) const;

    NumericValue round(int scale) const;
    NumericValue truncate(int scale) const;
    NumericValue ceil() const;
    NumericValue floor() const;
    NumericValue abs() const;
    NumericValue negate() const;
    NumericValue sign() const;

    // Coercion to numeric(p,s) (apply_typmod): rounds to s, 22003 with
    // PostgreSQL's DETAIL when the value needs more than p - s digits.
    NumericValue with_typmod(int32_t typmod) const;

  private:
    enum class Kind { kFinite, kNaN, kPositiveInfinity, kNegativeInfinity };
    explicit NumericValue(Kind kind) : kind_(kind) {}

    // Rounds (or truncates) to `scale` decimals; a negative scale rounds to
    // tens, hundreds... and leaves scale 0.
    NumericValue rescaled(int scale, bool round_half_away) const;
    mpz_class unscaled_at(int scale) const;  // value * 10^scale, scale >= scale_
    // Rejects values outside numeric's storage format (22003).
    const NumericValue& checked() const;
    // power() of infinities is not implemented: 0A000 rather than a wrong answer.
    void require_finite(const NumericValue& other) const;
    // power() with a finite, non-integer exponent and a positive base.
    NumericValue power_non_integer(const NumericValue& exponent) const;
    // numeric.c's estimate_ln_dweight: the decimal weight of ln(this).
    int estimate_ln_dweight() const;
    // Division's NaN, infinity and zero-divisor cases; nullopt for two finite values.
    std::optional<NumericValue> divide_special(const NumericValue& other) const;

    Kind kind_ = Kind::kFinite;
    mpz_class unscaled_;  // value * 10^scale_
    int scale_ = 0;
};

}  // namespace litegres::translate
