// lateral_rows.h — the rows of a LATERAL subquery, carried to where SQLite
// can join them. SQLite's subqueries in FROM cannot see the FROM items beside
// them, but a table-valued function's arguments can, and a scalar subquery in
// such an argument may be correlated. So the binder emits
//   litegres_rows((SELECT litegres_pack_rows(c0, c1, ...) FROM (<subquery>)))
// litegres_pack_rows packs the subquery's rows, in order, into one blob that
// keeps every value's storage class exactly (no JSON round trip for reals or
// blobs); the table-valued function litegres_rows yields them again as
// columns c0 .. c<kLateralRowsMaxColumns - 1>.
#pragma once

#include <sqlite3.h>

namespace litegres::translate {

inline constexpr int kLateralRowsMaxColumns = 100;

// Returns SQLITE_OK or the registration error.
int register_lateral_rows(sqlite3* db);

}  // namespace litegres::translate
