// float_functions.cpp — see float_functions.h. The checks follow
// PostgreSQL's float.c: the domain is checked before computing, and an
// infinite or zero result from finite non-zero input is overflow/underflow.
#include "translate/float_functions.h"

#include <cmath>

#include "translate/function_error.h"
#include "translate/sqlite_value.h"

namespace litegres::translate {

namespace {

constexpr const char* kInvalidArgumentForLog = "2201E";
constexpr const char* kInvalidArgumentForPower = "2201F";
constexpr const char* kOutOfRange = "22003";

// Reports overflow/underflow as PostgreSQL's float_overflow_error etc.;
// true when `result` may be returned.
bool in_range(sqlite3_context* ctx, double result, bool inputs_infinite, bool zero_allowed) {
    if (std::isinf(result) && !inputs_infinite) {
        report_error(ctx, kOutOfRange, "value out of range: overflow");
        return false;
    }
    if (result == 0.0 && !zero_allowed) {
        report_error(ctx, kOutOfRange, "value out of range: underflow");
        return false;
    }
    return true;
}

void float_sqrt(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    double x = sqlite3_value_double(argv[0]);
    if (x < 0)
        return report_error(ctx, kInvalidArgumentForPower,
                            "cannot take square root of a negative number");
    sqlite3_result_double(ctx, std::sqrt(x));
}

template <double (*kLog)(double)>
void float_log(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    double x = sqlite3_value_double(argv[0]);
    if (x == 0.0) return report_error(ctx, kInvalidArgumentForLog, "cannot take logarithm of zero");
    if (x < 0)
        return report_error(ctx, kInvalidArgumentForLog,
                            "cannot take logarithm of a negative number");
    double result = kLog(x);
    if (in_range(ctx, result, std::isinf(x), x == 1.0)) sqlite3_result_double(ctx, result);
}

void float_exp(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    double x = sqlite3_value_double(argv[0]);
    double result = std::exp(x);
    if (std::isinf(x) && x < 0) return sqlite3_result_double(ctx, 0.0);
    if (in_range(ctx, result, std::isinf(x), false)) sqlite3_result_double(ctx, result);
}

void float_power(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    double x = sqlite3_value_double(argv[0]);
    double y = sqlite3_value_double(argv[1]);
    if (x == 0.0 && y < 0) {
        return report_error(ctx, kInvalidArgumentForPower,
                            "zero raised to a negative power is undefined");
    }
    if (x < 0 && std::floor(y) != y && std::isfinite(y)) {
        return report_error(
            ctx, kInvalidArgumentForPower,
            "a negative number raised to a non-integer power yields a complex result");
    }
    double result = std::pow(x, y);
    bool infinite_input = std::isinf(x) || std::isinf(y);
    if (in_range(ctx, result, infinite_input,
                 x == 0.0 || infinite_input || std::fabs(x) == 1.0 || y == 0.0 ||
                     std::fabs(x) < 1.0 || y < 0)) {
        sqlite3_result_double(ctx, result);
    }
}

// litegres_float_arith(op, a, b): + - * / of float8 ("*") or of float4
// ("*4", computed in single precision) with float.c's checks: an infinite
// result from finite operands is overflow, a zero product or quotient of
// non-zero finite operands is underflow (22003 both). The divisor arrives
// checked for zero.
template <typename Float>
Float arithmetic(char op, Float a, Float b) {
    switch (op) {
        case '+':
            return a + b;
        case '-':
            return a - b;
        case '*':
            return a * b;
        default:
            return a / b;
    }
}

void float_arith(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    std::string_view spec = value_text(argv[0]);
    char op = spec.empty() ? '+' : spec[0];
    bool single = spec.size() > 1;
    double a = sqlite3_value_double(argv[1]), b = sqlite3_value_double(argv[2]);
    if (single) {
        a = double(float(a));
        b = double(float(b));
    }
    double result =
        single ? double(arithmetic<float>(op, float(a), float(b))) : arithmetic<double>(op, a, b);
    bool zero_allowed =
        op == '+' || op == '-' || a == 0.0 || (op == '*' ? b == 0.0 : std::isinf(b));
    bool inputs_infinite = std::isinf(a) || (op != '/' && std::isinf(b));
    if (!in_range(ctx, result, inputs_infinite, zero_allowed)) return;
    sqlite3_result_double(ctx, result);
}

// width_bucket(operand, low, high, count) of float8, as float.c computes it.
void width_bucket(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    double operand = sqlite3_value_double(argv[0]), low = sqlite3_value_double(argv[1]),
           high = sqlite3_value_double(argv[2]);
    int64_t count = sqlite3_value_int64(argv[3]);
    constexpr const char* kInvalidArgument = "2201G";
    if (count <= 0) return report_error(ctx, kInvalidArgument, "count must be greater than zero");
    if (std::isinf(low) || std::isinf(high)) {
        return report_error(ctx, kInvalidArgument, "lower and upper bounds must be finite");
    }
    if (low == high)
        return report_error(ctx, kInvalidArgument, "lower bound cannot equal upper bound");
    bool ascending = low < high;
    int64_t bucket;
    if (ascending ? operand < low : operand > low) {
        bucket = 0;
    } else if (ascending ? operand >= high : operand <= high) {
        if (count == INT32_MAX) return report_error(ctx, kOutOfRange, "integer out of range");
        bucket = count + 1;
    } else {
        double fraction =
            ascending ? (operand - low) / (high - low) : (low - operand) / (low - high);
        if (std::isinf(high - low)) {
            fraction = ascending ? (operand / 2 - low / 2) / (high / 2 - low / 2)
                                 : (low / 2 - operand / 2) / (low / 2 - high / 2);
        }
        bucket = int64_t(double(count) * fraction);
        // The quotient may round to 1.0, which would name a bucket too far.
        if (bucket >= count) bucket = count - 1;
        ++bucket;
    }
    sqlite3_result_int64(ctx, bucket);
}

}  // namespace

int register_float_functions(sqlite3* db) {
    static const ScalarFunction kEntries[] = {
        {"litegres_float_sqrt", 1, float_sqrt},
        {"litegres_float_ln", 1, float_log<std::log>},
        {"litegres_float_log10", 1, float_log<std::log10>},
        {"litegres_float_exp", 1, float_exp},
        {"litegres_float_power", 2, float_power},
        {"litegres_width_bucket", 4, width_bucket},
        {"litegres_float_arith", 3, float_arith},
    };
    return register_scalar_functions(db, kEntries);
}

}  // namespace litegres::translate
