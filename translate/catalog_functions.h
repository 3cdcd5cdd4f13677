// catalog_functions.h — the SQLite functions behind the describe catalogs
// (pg_constraint, pg_index, index columns in pg_attribute) and behind
// pg_get_constraintdef / pg_get_indexdef / pg_get_viewdef: they read
// litegres's CREATE TABLE / CREATE INDEX / CREATE VIEW text back into what
// PostgreSQL's catalogs hold and print.
#pragma once

#include <sqlite3.h>

namespace litegres::translate {

// litegres_table_constraints(table, create_sql): the table's PRIMARY KEY,
// UNIQUE, CHECK and FOREIGN KEY constraints as a JSON array of
// {name, type, key, fkey, ref, upd, del, def, plaindef} (attnums,
// pg_get_constraintdef's pretty and plain text).
// litegres_index_definition(index, table, create_sql, indkey, unique, column,
// pretty), litegres_index_columns(table, create_sql, indkey): JSON
// [{name, type}], litegres_view_definition(create_view_sql, pretty).
int register_catalog_functions(sqlite3* db);

}  // namespace litegres::translate
