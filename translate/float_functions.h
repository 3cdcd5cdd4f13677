// float_functions.h — PostgreSQL's double precision math functions whose
// domain errors SQLite does not raise (its sqrt(-1) and ln(0) are NULL):
// sqrt, ln, log10, exp and power on float8, with PostgreSQL's SQLSTATEs
// (2201E, 2201F, 22003).
#pragma once

#include <sqlite3.h>

namespace litegres::translate {

// Returns SQLITE_OK or the first registration error.
int register_float_functions(sqlite3* db);

}  // namespace litegres::translate
