// qualified_name.h — names of relations and types as PostgreSQL's ruleutils
// and format_type print them in catalog text (pg_get_constraintdef,
// pg_get_viewdef, format_type, regclass output, column defaults): qualified
// by their schema unless the session's search_path finds them. pg_dump sets
// search_path to '' so that everything it prints is qualified, and restores
// into a database whose search_path may differ.
#pragma once

#include <sqlite3.h>

#include <string>
#include <string_view>

namespace litegres::translate {

// True when the running session's search_path lists `schema` (public when
// there is no session). PostgreSQL also asks that no earlier schema of the
// path has an object of the same name; litegres does not look for one.
bool schema_on_search_path(std::string_view schema);

// `name` of `schema`, each part quoted as quote_ident does, qualified when
// the schema is not on the search path.
std::string qualified_name(std::string_view schema, std::string_view name);

// The same for a relation named by its SQLite name ("s.t" is t of schema s
// when s exists, see NameResolver).
std::string qualified_relation_name(sqlite3* db, std::string_view sqlite_name);

// A relation's schema from its SQLite name ("public" for a name of main).
std::string relation_schema(sqlite3* db, std::string_view sqlite_name);

}  // namespace litegres::translate
