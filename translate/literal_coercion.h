// literal_coercion.h — gives an untyped string literal ('42', 't',
// '2024-01-15') its type from context, as PostgreSQL's parser does for
// "unknown" constants. The check happens once, at translation time, with
// PostgreSQL's input errors (22P02, 22003, 22007, 22008, 22001), and the
// value is emitted in the SQLite form litegres stores for that type.
#pragma once

#include <string>
#include <string_view>
#include <cstdint>
#include <vector>

#include "translate/pg_type.h"

namespace litegres::translate {

// A value in the form litegres stores it in SQLite.
struct SqlValue {
    enum class Kind { kNull, kInteger, kReal, kText, kBlob };
    Kind kind = Kind::kNull;
    int64_t integer = 0;
    double real = 0;
    std::string text;  // kText, kBlob (raw bytes)
};

// `text` read as a value of `target` (PostgreSQL's input function).
SqlValue coerce_value(std::string_view text, PgType target, int location);
// The SQLite literal spelling a value.
std::string sql_literal(const SqlValue& value);
// SQLite SQL text for `text` read as a value of `target`.
inline std::string coerce_literal(std::string_view text, PgType target, int location) {
    return sql_literal(coerce_value(text, target, location));
}

// An array's storage JSON from its dimensions and its elements' JSON tokens.
std::string array_storage(const std::vector<int>& dims, const std::vector<std::string>& tokens);

// The same check for a value arriving at run time (a SQLite function
// argument); returns the normalized text or throws PgError.
std::string normalize_datetime_input(std::string_view text, Oid target);

}  // namespace litegres::translate
