// integer_functions.h — integer functions of pg_proc that SQLite lacks
// (gcd, lcm), with PostgreSQL's range errors for the argument type's width.
#pragma once

#include <sqlite3.h>

namespace litegres::translate {

// Returns SQLITE_OK or the first registration error.
int register_integer_functions(sqlite3* db);

}  // namespace litegres::translate
