// session_functions.h — SQL functions that act on the session rather than
// on values: pg_backend_pid(), pg_sleep() and the advisory lock functions
// (pg_advisory_lock, pg_try_advisory_xact_lock_shared, ...), which reach the
// server through the running session's SessionContext.
#pragma once

#include <sqlite3.h>

namespace litegres::translate {

// Returns SQLITE_OK or the first registration error.
int register_session_functions(sqlite3* db);

}  // namespace litegres::translate
