// function_error.h — how a litegres SQL function reports a PostgreSQL error
// through SQLite: the message "litegres:SQLSTATE:message", optionally
// followed by "\x1f" and the DETAIL (and "\x1f" and the HINT), which
// src/sqlite_error.cpp decodes back into the PgError the client receives.
#pragma once

#include <sqlite3.h>

#include <string>

#include "pgwire/pg_error.h"

namespace litegres::translate {

void report_error(sqlite3_context* ctx, const pgwire::PgError& error);
void report_error(sqlite3_context* ctx, const char* sqlstate, const std::string& message);

}  // namespace litegres::translate
