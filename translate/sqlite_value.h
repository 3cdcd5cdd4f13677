// sqlite_value.h — reading the arguments and setting the result of the SQL
// functions litegres registers on SQLite (translate/*_functions.cpp).
#pragma once

#include <sqlite3.h>

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

inline void result_text(sqlite3_context* ctx, std::string_view s) {
    sqlite3_result_text64(ctx, s.data(), s.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

}  // namespace litegres::translate
