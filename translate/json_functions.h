// json_functions.h — the SQLite functions behind PostgreSQL's json/jsonb
// operators and functions (litegres_json_*). Values arrive in their storage
// form: json as its input text, jsonb as its canonical text (see
// pgwire/json_value.h), arrays as storage JSON (pgwire/array_value.h).
#pragma once

#include <sqlite3.h>

namespace litegres::translate {

// Returns SQLITE_OK or the first registration error.
int register_json_functions(sqlite3* db);

}  // namespace litegres::translate
