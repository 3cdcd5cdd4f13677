// statistics_aggregates.h — PostgreSQL's statistical and bitwise aggregates
// that SQLite lacks: var_samp/var_pop/stddev_samp/stddev_pop (variance and
// stddev are the sample forms) over numeric and integers, exactly and with
// numeric.c's result scales, and over float8 with float.c's Youngs-Cramer
// accumulation, so the digits match PostgreSQL's; bit_and/bit_or/bit_xor of
// integers.
#pragma once

#include <sqlite3.h>

namespace litegres::translate {

// Returns SQLITE_OK or the first registration error.
int register_statistics_aggregates(sqlite3* db);

}  // namespace litegres::translate
