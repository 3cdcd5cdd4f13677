// bytea_functions.h — PostgreSQL's functions over binary strings that SQLite
// lacks: encode/decode (hex, base64, escape), sha224/256/384/512, get_byte,
// set_byte, convert_to/convert_from (UTF8). bytea is a SQLite blob.
#pragma once

#include <sqlite3.h>

#include <string>
#include <string_view>

namespace litegres::translate {

// Returns SQLITE_OK or the first registration error.
int register_bytea_functions(sqlite3* db);

// PostgreSQL's hex_decode (whitespace between pairs ignored): bytea's
// \x input and decode(..., 'hex'). Throws PgError 22023.
std::string decode_hex_bytes(std::string_view hex);
// bytea's escape input format (\\ and \ooo). Throws PgError 22P02.
std::string decode_escape_bytes(std::string_view text);

}  // namespace litegres::translate
