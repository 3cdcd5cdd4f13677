// numeric_functions.h — the SQLite side of exact numeric: the
// litegres_numeric collation (numeric columns, comparisons, ORDER BY) and the
// litegres_numeric_* functions and aggregates the emitter calls. numeric
// values are stored as their PostgreSQL text; integers and reals from tables
// made outside litegres are read as numbers.
#pragma once

#include <sqlite3.h>

#include <optional>

#include "translate/numeric_value.h"

namespace litegres::translate {

// A SQLite value read as numeric: text through numeric_in, integers
// exactly, reals as float8 ► numeric does. nullopt for NULL. Throws PgError
// for text that is no numeric.
std::optional<NumericValue> numeric_argument(sqlite3_value* v);

// The collation name declared on numeric columns.
inline constexpr const char* kNumericCollation = "litegres_numeric";

// Returns SQLITE_OK or the first registration error.
int register_numeric_functions(sqlite3* db);

}  // namespace litegres::translate
