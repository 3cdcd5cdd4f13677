// array_functions.h — the SQLite functions behind PostgreSQL's array
// operators and functions (litegres_array_*). Arrays arrive and leave in their
// storage form, a JSON array (see pgwire/array_value.h); an element is written
// as the token of its SQLite value (integer, real, text, NULL), one rule for
// every path, so equal arrays are equal text.
#pragma once

#include <sqlite3.h>

namespace litegres::translate {

// Returns SQLITE_OK or the first registration error.
int register_array_functions(sqlite3* db);

}  // namespace litegres::translate
