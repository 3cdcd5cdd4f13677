// ordered_aggregate.cpp — see ordered_aggregate.h. The directions string has
// two letters per key: 'a'/'d' (ascending/descending) and 'f'/'l' (NULLs
// first/last). Keys compare with SQLite's rules for their storage classes.
#include "translate/ordered_aggregate.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace litegres::translate {

namespace {

struct OrderedRow {
    std::string arguments;  // a JSON array of the aggregate's arguments
    std::vector<sqlite3_value*> keys;
};

struct OrderedState {
    std::string sql;
    std::string directions;
    std::vector<OrderedRow> rows;
};

void free_rows(OrderedState& state) {
    for (auto& row : state.rows) {
        for (auto* key : row.keys) sqlite3_value_free(key);
    }
    state.rows.clear();
}

// SQLite's order of values: NULL < numbers < text < blob.
int compare_values(sqlite3_value* a, sqlite3_value* b) {
    auto rank = [](int type) {
        return type == SQLITE_NULL ? 0 : type == SQLITE_TEXT ? 2 : type == SQLITE_BLOB ? 3 : 1;
    };
    int ta = rank(sqlite3_value_type(a)), tb = rank(sqlite3_value_type(b));
    if (ta != tb) return ta < tb ? -1 : 1;
    if (ta == 1) {
        double x = sqlite3_value_double(a), y = sqlite3_value_double(b);
        return x < y ? -1 : x > y ? 1 : 0;
    }
    if (ta == 0) return 0;
    int na = sqlite3_value_bytes(a), nb = sqlite3_value_bytes(b);
    const void* pa =
        ta == 2 ? static_cast<const void*>(sqlite3_value_text(a)) : sqlite3_value_blob(a);
    const void* pb =
        tb == 2 ? static_cast<const void*>(sqlite3_value_text(b)) : sqlite3_value_blob(b);
    int c = std::memcmp(pa, pb, size_t(std::min(na, nb)));
    return c != 0 ? c : (na < nb ? -1 : na > nb ? 1 : 0);
}

// argv: sql, directions, arguments (JSON array), keys...
void ordered_step(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    auto** slot =
        static_cast<OrderedState**>(sqlite3_aggregate_context(ctx, sizeof(OrderedState*)));
    if (slot == nullptr) return sqlite3_result_error_nomem(ctx);
    if (*slot == nullptr) {
        *slot = new OrderedState;
        (*slot)->sql = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
        (*slot)->directions = reinterpret_cast<const char*>(sqlite3_value_text(argv[1]));
    }
    OrderedRow row;
    row.arguments = reinterpret_cast<const char*>(sqlite3_value_text(argv[2]));
    for (int i = 3; i < argc; ++i) row.keys.push_back(sqlite3_value_dup(argv[i]));
    (*slot)->rows.push_back(std::move(row));
}

void ordered_final(sqlite3_context* ctx) {
    auto** slot = static_cast<OrderedState**>(sqlite3_aggregate_context(ctx, 0));
    std::unique_ptr<OrderedState> state(slot != nullptr ? *slot : nullptr);
    if (!state) {
        // No rows at all: the aggregate of nothing (NULL for these aggregates).
        return sqlite3_result_null(ctx);
    }
    const std::string& dirs = state->directions;
    std::stable_sort(state->rows.begin(), state->rows.end(),
                     [&](const OrderedRow& x, const OrderedRow& y) {
                         for (size_t k = 0; k < x.keys.size(); ++k) {
                             bool descending = 2 * k < dirs.size() && dirs[2 * k] == 'd';
                             bool nulls_first = 2 * k + 1 < dirs.size() && dirs[2 * k + 1] == 'f';
                             bool xn = sqlite3_value_type(x.keys[k]) == SQLITE_NULL,
                                  yn = sqlite3_value_type(y.keys[k]) == SQLITE_NULL;
                             if (xn || yn) {
                                 if (xn && yn) continue;
                                 return xn == nulls_first;
                             }
                             int c = compare_values(x.keys[k], y.keys[k]);
                             if (c != 0) return descending ? c > 0 : c < 0;
                         }
                         return false;
                     });
    std::string rows = "[";
    for (size_t i = 0; i < state->rows.size(); ++i) {
        if (i > 0) rows += ",";
        rows += state->rows[i].arguments;
    }
    rows += "]";
    free_rows(*state);
    // The real aggregate runs over the sorted rows, in json_each's order.
    sqlite3* db = sqlite3_context_db_handle(ctx);
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, state->sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
        return sqlite3_result_error(ctx, sqlite3_errmsg(db), -1);
    }
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> owned(stmt, sqlite3_finalize);
    sqlite3_bind_text(stmt, 1, rows.data(), int(rows.size()), SQLITE_TRANSIENT);
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) return sqlite3_result_value(ctx, sqlite3_column_value(stmt, 0));
    sqlite3_result_error(ctx, sqlite3_errmsg(db), -1);
}

}  // namespace

int register_ordered_aggregate(sqlite3* db) {
    return sqlite3_create_function_v2(db, "litegres_ordered_aggregate", -1, SQLITE_UTF8, nullptr,
                                      nullptr, ordered_step, ordered_final, nullptr);
}

}  // namespace litegres::translate
