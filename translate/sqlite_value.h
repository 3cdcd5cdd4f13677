// sqlite_value.h — registering the SQL functions litegres adds to SQLite
// (translate/*_functions.cpp), reading their arguments and setting results.
#pragma once

#include <sqlite3.h>

#include <span>
#include <string>
#include <string_view>

namespace litegres::translate {

// The value's text (its bytes, for a blob), valid until the value changes.
inline std::string_view value_text(sqlite3_value* v) {
    const auto* p = reinterpret_cast<const char*>(sqlite3_value_text(v));
    return {p != nullptr ? p : "", p != nullptr ? size_t(sqlite3_value_bytes(v)) : 0};
}

inline std::string value_string(sqlite3_value* v) { return std::string(value_text(v)); }

// PostgreSQL's STRICT: a function with a NULL argument returns NULL.
inline bool any_null(int argc, sqlite3_value** argv) {
    for (int i = 0; i < argc; ++i) {
        if (sqlite3_value_type(argv[i]) == SQLITE_NULL) return true;
    }
    return false;
}

// A scalar SQL function. Deterministic unless it reads the session (its
// TimeZone, clock or settings) or the database.
struct ScalarFunction {
    const char* name;
    int argc;
    void (*fn)(sqlite3_context*, int, sqlite3_value**);
    bool deterministic = true;
};

// Returns SQLITE_OK or the first registration error.
inline int register_scalar_functions(sqlite3* db, std::span<const ScalarFunction> functions) {
    for (const auto& f : functions) {
        int flags = SQLITE_UTF8 | (f.deterministic ? SQLITE_DETERMINISTIC : 0);
        int rc = sqlite3_create_function_v2(db, f.name, f.argc, flags, nullptr, f.fn, nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK) return rc;
    }
    return SQLITE_OK;
}

inline void result_text(sqlite3_context* ctx, std::string_view s) {
    sqlite3_result_text64(ctx, s.data(), s.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

}  // namespace litegres::translate
