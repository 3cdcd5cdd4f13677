// system_catalog.h — the pg_catalog relations litegres computes, so that
// drivers and tools that introspect (pg_type for type OIDs, pg_class and
// pg_attribute for tables and columns, pg_namespace, pg_proc) get answers.
// Each is a TEMP view created on every SQLite connection: static rows for
// built-in types and functions, views over the live SQLite schema for
// relations and columns, so they can never drift from the data.
#pragma once

#include <sqlite3.h>

#include <optional>
#include <string_view>

#include "translate/catalog.h"

namespace litegres::translate {

// The relation as the binder sees it (columns with PostgreSQL types), or
// nullopt if `name` is not a pg_catalog relation litegres provides.
std::optional<TableInfo> find_system_relation(std::string_view name);

// Creates the views on a connection; returns SQLITE_OK or the error code.
int install_system_catalog(sqlite3* db);

}  // namespace litegres::translate
