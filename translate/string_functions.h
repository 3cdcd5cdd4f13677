// string_functions.h — PostgreSQL's string functions that SQLite lacks or
// spells differently (split_part, lpad/rpad, repeat, initcap, reverse,
// translate, md5, to_hex, concat_ws, quote_ident/literal/nullable, format,
// starts_with) and gen_random_uuid, registered as SQLite functions. They
// count characters, not bytes, as PostgreSQL does for UTF-8 text.
#pragma once

#include <sqlite3.h>

#include <string>
#include <string_view>

namespace litegres::translate {

// Returns SQLITE_OK or the first registration error.
int register_string_functions(sqlite3* db);

// PostgreSQL's quote_ident: quoted unless a plain lower-case identifier
// that is not a reserved word.
std::string quote_ident(std::string_view name);

}  // namespace litegres::translate
