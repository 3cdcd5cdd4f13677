// numeric_functions.h — the SQLite side of exact numeric: the
// litegres_numeric collation (numeric columns, comparisons, ORDER BY) and the
// litegres_numeric_* functions and aggregates the emitter calls. numeric
// values are stored as their PostgreSQL text; integers and reals from tables
// made outside litegres are read as numbers.
#pragma once

#include <sqlite3.h>

namespace litegres::translate {

// The collation name declared on numeric columns.
inline constexpr const char* kNumericCollation = "litegres_numeric";

// Returns SQLITE_OK or the first registration error.
int register_numeric_functions(sqlite3* db);

}  // namespace litegres::translate
