// ordered_aggregate.h — aggregates with ORDER BY inside the call
// (string_agg(x, ',' ORDER BY y), array_agg(x ORDER BY y), json_agg ...),
// which SQLite 3.40 cannot express. The binder emits
//   litegres_ordered_aggregate('SELECT <the aggregate over json_each> ...',
//                              '<directions>', json_array(<arguments>), <keys>...)
// which collects each row's arguments with its sort keys, sorts them as
// PostgreSQL would, and runs the real aggregate over the sorted rows.
#pragma once

#include <sqlite3.h>

namespace litegres::translate {

// Returns SQLITE_OK or the registration error.
int register_ordered_aggregate(sqlite3* db);

}  // namespace litegres::translate
