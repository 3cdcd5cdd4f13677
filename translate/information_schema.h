// information_schema.h — the SQL-standard views migration tools and ORMs
// read (tables, columns, schemata), computed from the live SQLite schema
// like pg_catalog (system_catalog.h). Each is a TEMP view whose SQLite name
// ("information_schema.tables") cannot collide with a user's table.
#pragma once

#include <sqlite3.h>

#include <optional>
#include <string>
#include <string_view>

#include "translate/catalog.h"

namespace litegres::translate {

// The view as the binder sees it; TableInfo::name is its SQLite name.
std::optional<TableInfo> find_information_schema_relation(std::string_view name);

// Creates the views on a connection; returns SQLITE_OK or the error code.
int install_information_schema(sqlite3* db);

}  // namespace litegres::translate
