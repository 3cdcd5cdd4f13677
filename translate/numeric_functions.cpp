// numeric_functions.cpp — SQLite functions, aggregates and the collation
// that carry out numeric's exact arithmetic on values stored as text.
#include "translate/function_error.h"
#include "translate/numeric_functions.h"

#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "pgwire/pg_error.h"
#include "pgwire/type_oid.h"
#include "translate/numeric_value.h"

namespace litegres::translate {

std::optional<NumericValue> numeric_argument(sqlite3_value* v) {
    switch (sqlite3_value_type(v)) {
        case SQLITE_NULL:
            return std::nullopt;
        case SQLITE_INTEGER:
            return NumericValue::from_int64(sqlite3_value_int64(v));
        case SQLITE_FLOAT:
            return NumericValue::from_double(sqlite3_value_double(v));
        default: {
            const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(v));
            return NumericValue::parse(std::string_view(text, size_t(sqlite3_value_bytes(v))));
        }
    }
}

namespace {

namespace oid = pgwire::oid;

void result_numeric(sqlite3_context* ctx, const NumericValue& value) {
    std::string text = value.to_string();
    sqlite3_result_text(ctx, text.data(), int(text.size()), SQLITE_TRANSIENT);
}

using Unary = NumericValue (*)(const NumericValue&);
using Binary = NumericValue (*)(const NumericValue&, const NumericValue&);

void unary(sqlite3_context* ctx, int, sqlite3_value** argv) {
    try {
        auto a = numeric_argument(argv[0]);
        if (!a) return sqlite3_result_null(ctx);
        result_numeric(ctx, reinterpret_cast<Unary>(sqlite3_user_data(ctx))(*a));
    } catch (const pgwire::PgError& e) {
        report_error(ctx, e);
    }
}

void binary(sqlite3_context* ctx, int, sqlite3_value** argv) {
    try {
        auto a = numeric_argument(argv[0]);
        auto b = numeric_argument(argv[1]);
        if (!a || !b) return sqlite3_result_null(ctx);
        result_numeric(ctx, reinterpret_cast<Binary>(sqlite3_user_data(ctx))(*a, *b));
    } catch (const pgwire::PgError& e) {
        report_error(ctx, e);
    }
}

// round(x, s) / trunc(x, s) / numeric(p,s) coercion: an integer second argument.
template <NumericValue (NumericValue::*kMethod)(int) const>
void with_scale(sqlite3_context* ctx, int, sqlite3_value** argv) {
    try {
        auto a = numeric_argument(argv[0]);
        if (!a || sqlite3_value_type(argv[1]) == SQLITE_NULL) return sqlite3_result_null(ctx);
        result_numeric(ctx, ((*a).*kMethod)(sqlite3_value_int(argv[1])));
    } catch (const pgwire::PgError& e) {
        report_error(ctx, e);
    }
}

void typmod_coercion(sqlite3_context* ctx, int, sqlite3_value** argv) {
    try {
        auto a = numeric_argument(argv[0]);
        if (!a) return sqlite3_result_null(ctx);
        result_numeric(ctx, a->with_typmod(sqlite3_value_int(argv[1])));
    } catch (const pgwire::PgError& e) {
        report_error(ctx, e);
    }
}

void to_float(sqlite3_context* ctx, int, sqlite3_value** argv) {
    try {
        auto a = numeric_argument(argv[0]);
        if (!a) return sqlite3_result_null(ctx);
        sqlite3_result_double(ctx, a->to_double());
    } catch (const pgwire::PgError& e) {
        report_error(ctx, e);
    }
}

// numeric ► smallint/integer/bigint: rounds half away from zero, 22003 out of range.
void to_integer(sqlite3_context* ctx, int, sqlite3_value** argv) {
    try {
        auto a = numeric_argument(argv[0]);
        if (!a) return sqlite3_result_null(ctx);
        int target = sqlite3_value_int(argv[1]);
        std::optional<int64_t> v = a->to_int64();
        bool fits = v && (target == int(oid::kInt2)   ? *v >= -32768 && *v <= 32767
                          : target == int(oid::kInt4) ? *v >= INT32_MIN && *v <= INT32_MAX
                                                      : true);
        if (!fits) {
            throw pgwire::PgError("22003", target == int(oid::kInt2)   ? "smallint out of range"
                                           : target == int(oid::kInt4) ? "integer out of range"
                                                                       : "bigint out of range");
        }
        sqlite3_result_int64(ctx, *v);
    } catch (const pgwire::PgError& e) {
        report_error(ctx, e);
    }
}

// GREATEST / LEAST of numerics: NULLs skipped, the winning value as given.
template <bool kGreatest>
void extremum(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    try {
        std::optional<NumericValue> best;
        for (int i = 0; i < argc; ++i) {
            auto v = numeric_argument(argv[i]);
            if (!v) continue;
            if (!best || (kGreatest ? v->compare(*best) > 0 : v->compare(*best) < 0)) {
                best = std::move(v);
            }
        }
        if (!best) return sqlite3_result_null(ctx);
        result_numeric(ctx, *best);
    } catch (const pgwire::PgError& e) {
        report_error(ctx, e);
    }
}

// sum(numeric/bigint) and avg(numeric/integers): exact running sum.
struct SumState {
    NumericValue* sum;  // owned; null until the first non-NULL value
    int64_t count;
};

void sum_step(sqlite3_context* ctx, int, sqlite3_value** argv) {
    auto* state = static_cast<SumState*>(sqlite3_aggregate_context(ctx, sizeof(SumState)));
    if (state == nullptr) return sqlite3_result_error_nomem(ctx);
    try {
        auto a = numeric_argument(argv[0]);
        if (!a) return;
        if (state->sum == nullptr) {
            state->sum = new NumericValue(*a);
        } else {
            *state->sum = state->sum->add(*a);
        }
        ++state->count;
    } catch (const pgwire::PgError& e) {
        report_error(ctx, e);
    }
}

// As a window function the frame also shrinks: the value leaving it is
// subtracted, exactly.
void sum_inverse(sqlite3_context* ctx, int, sqlite3_value** argv) {
    auto* state = static_cast<SumState*>(sqlite3_aggregate_context(ctx, sizeof(SumState)));
    if (state == nullptr) return sqlite3_result_error_nomem(ctx);
    try {
        auto a = numeric_argument(argv[0]);
        if (!a || state->sum == nullptr) return;
        if (--state->count == 0) {
            delete state->sum;
            state->sum = nullptr;
        } else {
            *state->sum = state->sum->subtract(*a);
        }
    } catch (const pgwire::PgError& e) {
        report_error(ctx, e);
    }
}

// The current frame's result; the state lives on.
template <bool kAverage>
void sum_value(sqlite3_context* ctx) {
    auto* state = static_cast<SumState*>(sqlite3_aggregate_context(ctx, 0));
    if (state == nullptr || state->sum == nullptr) return sqlite3_result_null(ctx);
    try {
        result_numeric(ctx, kAverage ? state->sum->divide(NumericValue::from_int64(state->count)) : *state->sum);
    } catch (const pgwire::PgError& e) {
        report_error(ctx, e);
    }
}

template <bool kAverage>
void sum_final(sqlite3_context* ctx) {
    auto* state = static_cast<SumState*>(sqlite3_aggregate_context(ctx, 0));
    // SQLite calls the final step even after an error, so ownership ends here.
    std::unique_ptr<NumericValue> sum(state != nullptr ? state->sum : nullptr);
    if (!sum) return sqlite3_result_null(ctx);
    try {
        result_numeric(ctx, kAverage ? sum->divide(NumericValue::from_int64(state->count)) : *sum);
    } catch (const pgwire::PgError& e) {
        report_error(ctx, e);
    }
}

// width_bucket(operand, low, high, count) of numeric: the bucket computed
// exactly, as numeric.c's compute_bucket truncates (operand - low) * count
// / (high - low).
void width_bucket(sqlite3_context* ctx, int, sqlite3_value** argv) {
    try {
        auto operand = numeric_argument(argv[0]), low = numeric_argument(argv[1]), high = numeric_argument(argv[2]);
        if (!operand || !low || !high || sqlite3_value_type(argv[3]) == SQLITE_NULL) {
            return sqlite3_result_null(ctx);
        }
        int64_t count = sqlite3_value_int64(argv[3]);
        if (count <= 0) throw pgwire::PgError("2201G", "count must be greater than zero");
        if (operand->is_nan() || low->is_nan() || high->is_nan()) {
            throw pgwire::PgError("2201G", "operand, lower bound, and upper bound cannot be NaN");
        }
        if (!low->is_finite() || !high->is_finite()) {
            throw pgwire::PgError("2201G", "lower and upper bounds must be finite");
        }
        int order = low->compare(*high);
        if (order == 0) throw pgwire::PgError("2201G", "lower bound cannot equal upper bound");
        int64_t bucket;
        if (order < 0 ? operand->compare(*low) < 0 : operand->compare(*low) > 0) {
            bucket = 0;
        } else if (order < 0 ? operand->compare(*high) >= 0 : operand->compare(*high) <= 0) {
            if (count == INT32_MAX) throw pgwire::PgError("22003", "integer out of range");
            bucket = count + 1;
        } else {
            NumericValue distance = order < 0 ? operand->subtract(*low) : low->subtract(*operand);
            NumericValue width = order < 0 ? high->subtract(*low) : low->subtract(*high);
            std::optional<int64_t> quotient =
                distance.multiply(NumericValue::from_int64(count)).divide_truncated(width).to_int64();
            bucket = quotient.value_or(0) + 1;
        }
        sqlite3_result_int64(ctx, bucket);
    } catch (const pgwire::PgError& e) {
        report_error(ctx, e);
    }
}

// A plain decimal's parts, for comparing stored values without GMP:
// sign, integer digits without leading zeros, fraction without trailing zeros.
struct DecimalParts {
    bool negative = false;
    std::string_view integer, fraction;
};

bool split_decimal(std::string_view s, DecimalParts& out) {
    size_t i = 0;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) out.negative = s[i++] == '-';
    size_t int_begin = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    out.integer = s.substr(int_begin, i - int_begin);
    if (i < s.size() && s[i] == '.') {
        size_t frac_begin = ++i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
        out.fraction = s.substr(frac_begin, i - frac_begin);
    }
    if (i != s.size() || (out.integer.empty() && out.fraction.empty())) return false;
    while (!out.integer.empty() && out.integer.front() == '0') out.integer.remove_prefix(1);
    while (!out.fraction.empty() && out.fraction.back() == '0') out.fraction.remove_suffix(1);
    if (out.integer.empty() && out.fraction.empty()) out.negative = false;  // -0.00 is zero
    return true;
}

int compare_magnitude(const DecimalParts& a, const DecimalParts& b) {
    if (a.integer.size() != b.integer.size()) return a.integer.size() < b.integer.size() ? -1 : 1;
    if (int c = a.integer.compare(b.integer); c != 0) return c;
    return a.fraction.compare(b.fraction);
}

int sign_of(int c) {
    return (c > 0) - (c < 0);
}

int collate_numeric(void*, int left_size, const void* left, int right_size, const void* right) {
    std::string_view a(static_cast<const char*>(left), size_t(left_size));
    std::string_view b(static_cast<const char*>(right), size_t(right_size));
    DecimalParts pa, pb;
    if (split_decimal(a, pa) && split_decimal(b, pb)) {
        if (pa.negative != pb.negative) return pa.negative ? -1 : 1;
        int c = sign_of(compare_magnitude(pa, pb));
        return pa.negative ? -c : c;
    }
    // NaN, infinities, exponents: the full parser. Text that is no number at
    // all (written by another SQLite tool) sorts after every number.
    std::optional<NumericValue> na, nb;
    try {
        na = NumericValue::parse(a);
    } catch (const pgwire::PgError&) {
    }
    try {
        nb = NumericValue::parse(b);
    } catch (const pgwire::PgError&) {
    }
    if (na && nb) return na->compare(*nb);
    if (na || nb) return na ? -1 : 1;
    int c = std::memcmp(a.data(), b.data(), std::min(a.size(), b.size()));
    return c != 0 ? sign_of(c) : sign_of(int(a.size()) - int(b.size()));
}

}  // namespace

int register_numeric_functions(sqlite3* db) {
    int rc = sqlite3_create_collation_v2(db, kNumericCollation, SQLITE_UTF8, nullptr,
                                         collate_numeric, nullptr);
    if (rc != SQLITE_OK) return rc;
    struct Entry {
        const char* name;
        int argc;
        void (*fn)(sqlite3_context*, int, sqlite3_value**);
        void* op;
    };
    static const Unary kIdentity = [](const NumericValue& a) { return a; };
    static const Unary kCeil = [](const NumericValue& a) { return a.ceil(); };
    static const Unary kFloor = [](const NumericValue& a) { return a.floor(); };
    static const Unary kAbs = [](const NumericValue& a) { return a.abs(); };
    static const Unary kSign = [](const NumericValue& a) { return a.sign(); };
    static const Unary kSqrt = [](const NumericValue& a) { return a.sqrt(); };
    static const Unary kNegate = [](const NumericValue& a) { return a.negate(); };
    static const Binary kAdd = [](const NumericValue& a, const NumericValue& b) {
        return a.add(b);
    };
    static const Binary kSubtract = [](const NumericValue& a, const NumericValue& b) {
        return a.subtract(b);
    };
    static const Binary kMultiply = [](const NumericValue& a, const NumericValue& b) {
        return a.multiply(b);
    };
    static const Binary kDivide = [](const NumericValue& a, const NumericValue& b) {
        return a.divide(b);
    };
    static const Binary kModulo = [](const NumericValue& a, const NumericValue& b) {
        return a.modulo(b);
    };
    static const Binary kDivTrunc = [](const NumericValue& a, const NumericValue& b) {
        return a.divide_truncated(b);
    };
    static const Binary kPower = [](const NumericValue& a, const NumericValue& b) {
        return a.power(b);
    };
    auto op = [](auto fn) { return reinterpret_cast<void*>(fn); };
    const Entry entries[] = {
        {"litegres_numeric", 1, unary, op(kIdentity)},
        {"litegres_numeric_ceil", 1, unary, op(kCeil)},
        {"litegres_numeric_floor", 1, unary, op(kFloor)},
        {"litegres_numeric_abs", 1, unary, op(kAbs)},
        {"litegres_numeric_sign", 1, unary, op(kSign)},
        {"litegres_numeric_sqrt", 1, unary, op(kSqrt)},
        {"litegres_numeric_negate", 1, unary, op(kNegate)},
        {"litegres_numeric_add", 2, binary, op(kAdd)},
        {"litegres_numeric_subtract", 2, binary, op(kSubtract)},
        {"litegres_numeric_multiply", 2, binary, op(kMultiply)},
        {"litegres_numeric_divide", 2, binary, op(kDivide)},
        {"litegres_numeric_modulo", 2, binary, op(kModulo)},
        {"litegres_numeric_div", 2, binary, op(kDivTrunc)},
        {"litegres_numeric_power", 2, binary, op(kPower)},
        {"litegres_numeric_round", 2, with_scale<&NumericValue::round>, nullptr},
        {"litegres_numeric_trunc", 2, with_scale<&NumericValue::truncate>, nullptr},
        {"litegres_numeric_typmod", 2, typmod_coercion, nullptr},
        {"litegres_numeric_float", 1, to_float, nullptr},
        {"litegres_numeric_integer", 2, to_integer, nullptr},
        {"litegres_numeric_width_bucket", 4, width_bucket, nullptr},
    };
    for (const auto& e : entries) {
        rc = sqlite3_create_function_v2(db, e.name, e.argc, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                        e.op, e.fn, nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK) return rc;
    }
    rc = sqlite3_create_function_v2(db, "litegres_numeric_greatest", -1,
                                    SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, extremum<true>,
                                    nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) return rc;
    rc = sqlite3_create_function_v2(db, "litegres_numeric_least", -1,
                                    SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, extremum<false>,
                                    nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) return rc;
    rc = sqlite3_create_window_function(db, "litegres_numeric_sum", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                        sum_step, sum_final<false>, sum_value<false>, sum_inverse, nullptr);
    if (rc != SQLITE_OK) return rc;
    return sqlite3_create_window_function(db, "litegres_numeric_avg", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                          sum_step, sum_final<true>, sum_value<true>, sum_inverse, nullptr);
}

}  // namespace litegres::translate
