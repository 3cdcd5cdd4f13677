// sqlite_functions.h — the PostgreSQL functions and operator semantics
// SQLite lacks, registered on every connection litegres opens. They report
// errors as "litegres:SQLSTATE:message", optionally followed by "\x1f" and
// a DETAIL, so the executor can send PostgreSQL's error (see sqlite_error.h).
#pragma once

#include <sqlite3.h>

#include <string>

namespace litegres::translate {

// Returns SQLITE_OK or the first registration error.
int register_sqlite_functions(sqlite3* db);

// The server version string shared by version() and ParameterStatus.
inline constexpr const char* kServerVersion = "15.4";

}  // namespace litegres::translate
