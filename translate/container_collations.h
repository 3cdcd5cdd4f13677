// container_collations.h — SQLite collations that order stored arrays and
// jsonb values as PostgreSQL's btree operators do (their storage text would
// sort otherwise: "[10]" before "[2]"). The emitter adds COLLATE
// litegres_array / litegres_jsonb where such values are sorted or compared.
#pragma once

#include <sqlite3.h>

namespace litegres::translate {

inline constexpr const char* kArrayCollation = "litegres_array";
inline constexpr const char* kJsonbCollation = "litegres_jsonb";

// Returns SQLITE_OK or the first registration error.
int register_container_collations(sqlite3* db);

}  // namespace litegres::translate
