// statistics_aggregates.cpp — see statistics_aggregates.h. Each aggregate's
// state is a C++ object behind a pointer in SQLite's aggregate context,
// freed by the final step (which SQLite calls even after an error).
#include "translate/statistics_aggregates.h"

#include <cmath>
#include <cstdint>
#include <deque>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <utility>

#include "translate/function_error.h"
#include "translate/numeric_functions.h"
#include "translate/numeric_value.h"
#include "translate/sqlite_value.h"

namespace litegres::translate {

namespace {

// Which statistic an aggregate's final step computes (its user data).
enum class Statistic { kVarSamp, kVarPop, kStddevSamp, kStddevPop };

bool is_sample(Statistic s) {
    return s == Statistic::kVarSamp || s == Statistic::kStddevSamp;
}
bool is_stddev(Statistic s) {
    return s == Statistic::kStddevSamp || s == Statistic::kStddevPop;
}

Statistic statistic_of(sqlite3_context* ctx) {
    return static_cast<Statistic>(reinterpret_cast<intptr_t>(sqlite3_user_data(ctx)));
}

// Exact sums of the values and of their squares (numeric.c's
// do_numeric_accum). As a window frame shrinks, values leave exactly; the
// sums keep the display scale of the values still in the frame, as
// numeric.c's maxScale bookkeeping does.
struct NumericMoments {
    int64_t count = 0;
    NumericValue sum;
    NumericValue sum_squares;
    std::map<int, int64_t> scales;  // display scale ► values in the frame with it
};

// The aggregate's state, created by the first step and freed by the final one.
template <typename State>
State* state_of(sqlite3_context* ctx, bool create) {
    auto** slot = static_cast<State**>(sqlite3_aggregate_context(ctx, create ? sizeof(State*) : 0));
    if (slot == nullptr) return nullptr;
    if (*slot == nullptr && create) *slot = new State();
    return *slot;
}

template <typename State>
std::unique_ptr<State> take_state(sqlite3_context* ctx) {
    auto** slot = static_cast<State**>(sqlite3_aggregate_context(ctx, 0));
    return std::unique_ptr<State>(slot != nullptr ? std::exchange(*slot, nullptr) : nullptr);
}

template <bool kAdd>
void numeric_step(sqlite3_context* ctx, int, sqlite3_value** argv) {
    try {
        std::optional<NumericValue> x = numeric_argument(argv[0]);
        if (!x) return;
        NumericMoments* state = state_of<NumericMoments>(ctx, true);
        if (state == nullptr) return sqlite3_result_error_nomem(ctx);
        NumericValue square = x->multiply(*x);
        if (kAdd) {
            state->sum = state->sum.add(*x);
            state->sum_squares = state->sum_squares.add(square);
            ++state->count;
            ++state->scales[x->scale()];
        } else {
            state->sum = state->sum.subtract(*x);
            state->sum_squares = state->sum_squares.subtract(square);
            --state->count;
            if (--state->scales[x->scale()] == 0) state->scales.erase(x->scale());
        }
    } catch (const pgwire::PgError& e) {
        report_error(ctx, e);
    }
}

// numeric.c's numeric_stddev_internal: (N·Σx² − (Σx)²) / (N·(N−1)) (or N²
// for the population forms) at select_div_scale's scale, and the square root
// at that same scale.
void numeric_result(sqlite3_context* ctx, const NumericMoments* state) {
    Statistic statistic = statistic_of(ctx);
    if (state == nullptr || state->count == 0 || (is_sample(statistic) && state->count <= 1)) {
        return sqlite3_result_null(ctx);
    }
    try {
        int scale = state->scales.empty() ? 0 : state->scales.rbegin()->first;
        NumericValue sum = state->sum.round(scale),
                     sum_squares = state->sum_squares.round(2 * scale);
        if (sum.is_nan() || sum_squares.is_nan() || !sum.is_finite()) {
            return result_text(ctx, NumericValue::nan().to_string());
        }
        NumericValue n = NumericValue::from_int64(state->count);
        NumericValue numerator = n.multiply(sum_squares).subtract(sum.multiply(sum));
        if (numerator.signum() <= 0) return result_text(ctx, "0");
        NumericValue denominator =
            n.multiply(is_sample(statistic) ? NumericValue::from_int64(state->count - 1) : n);
        NumericValue variance = numerator.divide(denominator);
        NumericValue result =
            is_stddev(statistic) ? variance.sqrt_with_scale(variance.scale()) : variance;
        result_text(ctx, result.to_string());
    } catch (const pgwire::PgError& e) {
        report_error(ctx, e);
    }
}

void numeric_value(sqlite3_context* ctx) {
    numeric_result(ctx, state_of<NumericMoments>(ctx, false));
}

void numeric_final(sqlite3_context* ctx) {
    // SQLite calls the final step even after an error: ownership ends here.
    std::unique_ptr<NumericMoments> state = take_state<NumericMoments>(ctx);
    numeric_result(ctx, state.get());
}

// float.c's float8_accum over the values in order: N, Σx and the running
// sum of squared deviations (Youngs-Cramer).
struct FloatMoments {
    double n = 0;
    double sum = 0;
    double squared_deviations = 0;

    // False after reporting overflow.
    bool add(sqlite3_context* ctx, double x) {
        double previous_n = n, previous_sum = sum;
        n += 1.0;
        sum += x;
        if (previous_n > 0.0) {
            double tmp = x * n - sum;
            squared_deviations += tmp * tmp / (n * previous_n);
            // Infinite inputs make the result NaN; finite ones that overflow are an error.
            if (std::isinf(sum) || std::isinf(squared_deviations)) {
                if (!std::isinf(previous_sum) && !std::isinf(x)) {
                    report_error(ctx, "22003", "value out of range: overflow");
                    return false;
                }
                squared_deviations = std::numeric_limits<double>::quiet_NaN();
            }
        } else if (std::isnan(x) || std::isinf(x)) {
            squared_deviations = std::numeric_limits<double>::quiet_NaN();
        }
        return true;
    }
};

void float_result(sqlite3_context* ctx, const FloatMoments& m) {
    Statistic statistic = statistic_of(ctx);
    if (m.n == 0.0 || (is_sample(statistic) && m.n <= 1.0)) return sqlite3_result_null(ctx);
    double variance = m.squared_deviations / (is_sample(statistic) ? m.n - 1.0 : m.n);
    sqlite3_result_double(ctx, is_stddev(statistic) ? std::sqrt(variance) : variance);
}

void float_step(sqlite3_context* ctx, int, sqlite3_value** argv) {
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return;
    FloatMoments* state = state_of<FloatMoments>(ctx, true);
    if (state == nullptr) return sqlite3_result_error_nomem(ctx);
    state->add(ctx, sqlite3_value_double(argv[0]));
}

void float_final(sqlite3_context* ctx) {
    std::unique_ptr<FloatMoments> state = take_state<FloatMoments>(ctx);
    float_result(ctx, state ? *state : FloatMoments{});
}

// As a window function the float statistics are recomputed over the frame's
// values in order, as PostgreSQL does (float8_accum has no inverse, and
// subtracting would not give its digits).
struct FloatFrame {
    std::deque<double> values;
};

template <bool kAdd>
void float_frame_step(sqlite3_context* ctx, int, sqlite3_value** argv) {
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return;
    FloatFrame* state = state_of<FloatFrame>(ctx, true);
    if (state == nullptr) return sqlite3_result_error_nomem(ctx);
    // Rows leave a SQLite frame in the order they entered it.
    if (kAdd) {
        state->values.push_back(sqlite3_value_double(argv[0]));
    } else if (!state->values.empty()) {
        state->values.pop_front();
    }
}

void float_frame_result(sqlite3_context* ctx, const FloatFrame* state) {
    FloatMoments m;
    if (state != nullptr) {
        for (double x : state->values) {
            if (!m.add(ctx, x)) return;
        }
    }
    float_result(ctx, m);
}

void float_frame_value(sqlite3_context* ctx) {
    float_frame_result(ctx, state_of<FloatFrame>(ctx, false));
}

void float_frame_final(sqlite3_context* ctx) {
    std::unique_ptr<FloatFrame> state = take_state<FloatFrame>(ctx);
    float_frame_result(ctx, state.get());
}

// bit_and / bit_or / bit_xor: NULLs skipped, NULL when no value came.
enum class BitOperation { kAnd, kOr, kXor };

struct BitState {
    bool seen;
    int64_t bits;
};

void bit_step(sqlite3_context* ctx, int, sqlite3_value** argv) {
    auto* state = static_cast<BitState*>(sqlite3_aggregate_context(ctx, sizeof(BitState)));
    if (state == nullptr) return sqlite3_result_error_nomem(ctx);
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return;
    int64_t x = sqlite3_value_int64(argv[0]);
    if (!state->seen) {
        state->seen = true;
        state->bits = x;
        return;
    }
    switch (static_cast<BitOperation>(reinterpret_cast<intptr_t>(sqlite3_user_data(ctx)))) {
        case BitOperation::kAnd:
            state->bits &= x;
            break;
        case BitOperation::kOr:
            state->bits |= x;
            break;
        case BitOperation::kXor:
            state->bits ^= x;
            break;
    }
}

void bit_final(sqlite3_context* ctx) {
    auto* state = static_cast<BitState*>(sqlite3_aggregate_context(ctx, 0));
    if (state == nullptr || !state->seen) return sqlite3_result_null(ctx);
    sqlite3_result_int64(ctx, state->bits);
}

struct Aggregate {
    const char* name;
    intptr_t kind;
    void (*step)(sqlite3_context*, int, sqlite3_value**);
    void (*final)(sqlite3_context*);
    void (*value)(sqlite3_context*);
    void (*inverse)(sqlite3_context*, int, sqlite3_value**);
};

}  // namespace

int register_statistics_aggregates(sqlite3* db) {
    static const Aggregate kAggregates[] = {
        {"litegres_numeric_var_samp", intptr_t(Statistic::kVarSamp), numeric_step<true>,
         numeric_final, numeric_value, numeric_step<false>},
        {"litegres_numeric_var_pop", intptr_t(Statistic::kVarPop), numeric_step<true>,
         numeric_final, numeric_value, numeric_step<false>},
        {"litegres_numeric_stddev_samp", intptr_t(Statistic::kStddevSamp), numeric_step<true>,
         numeric_final, numeric_value, numeric_step<false>},
        {"litegres_numeric_stddev_pop", intptr_t(Statistic::kStddevPop), numeric_step<true>,
         numeric_final, numeric_value, numeric_step<false>},
        {"litegres_float_var_samp", intptr_t(Statistic::kVarSamp), float_step, float_final, nullptr,
         nullptr},
        {"litegres_float_var_pop", intptr_t(Statistic::kVarPop), float_step, float_final, nullptr,
         nullptr},
        {"litegres_float_stddev_samp", intptr_t(Statistic::kStddevSamp), float_step, float_final,
         nullptr, nullptr},
        {"litegres_float_stddev_pop", intptr_t(Statistic::kStddevPop), float_step, float_final,
         nullptr, nullptr},
        {"litegres_float_var_samp_window", intptr_t(Statistic::kVarSamp), float_frame_step<true>,
         float_frame_final, float_frame_value, float_frame_step<false>},
        {"litegres_float_var_pop_window", intptr_t(Statistic::kVarPop), float_frame_step<true>,
         float_frame_final, float_frame_value, float_frame_step<false>},
        {"litegres_float_stddev_samp_window", intptr_t(Statistic::kStddevSamp),
         float_frame_step<true>, float_frame_final, float_frame_value, float_frame_step<false>},
        {"litegres_float_stddev_pop_window", intptr_t(Statistic::kStddevPop),
         float_frame_step<true>, float_frame_final, float_frame_value, float_frame_step<false>},
        {"litegres_bit_and", intptr_t(BitOperation::kAnd), bit_step, bit_final, nullptr, nullptr},
        {"litegres_bit_or", intptr_t(BitOperation::kOr), bit_step, bit_final, nullptr, nullptr},
        {"litegres_bit_xor", intptr_t(BitOperation::kXor), bit_step, bit_final, nullptr, nullptr},
    };
    for (const auto& a : kAggregates) {
        void* kind = reinterpret_cast<void*>(a.kind);
        int rc =
            a.value != nullptr
                ? sqlite3_create_window_function(db, a.name, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                                 kind, a.step, a.final, a.value, a.inverse, nullptr)
                : sqlite3_create_function_v2(db, a.name, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                             kind, nullptr, a.step, a.final, nullptr);
        if (rc != SQLITE_OK) return rc;
    }
    return SQLITE_OK;
}

}  // namespace litegres::translate
