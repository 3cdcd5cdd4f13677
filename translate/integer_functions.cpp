// integer_functions.cpp — see integer_functions.h. The last argument of each
// function is the width of PostgreSQL's result type (32 for integer, 64 for
// bigint), which decides what is out of range.
#include "translate/integer_functions.h"

#include <cstdint>
#include <numeric>

#include "translate/function_error.h"
#include "translate/sqlite_value.h"

namespace litegres::translate {

namespace {

uint64_t magnitude(int64_t v) {
    return v < 0 ? uint64_t(0) - uint64_t(v) : uint64_t(v);
}

// True when `v` fits the result type; reports 22003 otherwise.
bool fits(sqlite3_context* ctx, unsigned __int128 v, int bits) {
    unsigned __int128 max = bits == 32 ? INT32_MAX : INT64_MAX;
    if (v <= max) return true;
    report_error(ctx, "22003", bits == 32 ? "integer out of range" : "bigint out of range");
    return false;
}

// gcd(a, b, bits): never negative; gcd(x, 0) is |x|.
void gcd(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    uint64_t g =
        std::gcd(magnitude(sqlite3_value_int64(argv[0])), magnitude(sqlite3_value_int64(argv[1])));
    if (!fits(ctx, g, sqlite3_value_int(argv[2]))) return;
    sqlite3_result_int64(ctx, int64_t(g));
}

// lcm(a, b, bits): never negative; 0 when either is 0.
void lcm(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    uint64_t a = magnitude(sqlite3_value_int64(argv[0])),
             b = magnitude(sqlite3_value_int64(argv[1]));
    if (a == 0 || b == 0) return sqlite3_result_int64(ctx, 0);
    unsigned __int128 l = (unsigned __int128)(a / std::gcd(a, b)) * b;
    if (!fits(ctx, l, sqlite3_value_int(argv[2]))) return;
    sqlite3_result_int64(ctx, int64_t(l));
}

}  // namespace

int register_integer_functions(sqlite3* db) {
    static const ScalarFunction kEntries[] = {
        {"litegres_gcd", 3, gcd},
        {"litegres_lcm", 3, lcm},
    };
    return register_scalar_functions(db, kEntries);
}

}  // namespace litegres::translate
