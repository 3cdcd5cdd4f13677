// sqlite_error.h — turns a SQLite failure into the PostgreSQL error a client
// expects: constraint failures become 23505/23502/23503/23514 with
// PostgreSQL's wording, errors raised by litegres's own SQL functions carry
// their SQLSTATE in the message ("litegres:22012:division by zero").
#pragma once

#include <sqlite3.h>

#include "pgwire/pg_error.h"

namespace litegres {

pgwire::PgError sqlite_error(sqlite3* db, int rc);

}  // namespace litegres
