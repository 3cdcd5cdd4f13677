// regex_functions.h — PostgreSQL's regular-expression operators and
// functions (~ ~* !~ !~*, SIMILAR TO, regexp_replace, regexp_like,
// regexp_count) as SQLite functions backed by PCRE2. PCRE2's syntax covers
// the patterns applications write for PostgreSQL's ARE flavour; a pattern
// PCRE2 rejects is 2201B, as PostgreSQL reports an invalid expression.
#pragma once

#include <sqlite3.h>

namespace litegres::translate {

// Returns SQLITE_OK or the first registration error.
int register_regex_functions(sqlite3* db);

}  // namespace litegres::translate
