// search_path_functions.h — current_schema() and current_schemas(bool): the
// running session's search_path (SessionContext), less the schemas that do
// not exist, read when the statement runs; and text::regclass / ::regtype of
// a name computed at run time, looked up through that search path.
#pragma once

#include <sqlite3.h>

namespace litegres::translate {

// Registers litegres_current_schema(), litegres_current_schemas(implicit) and
// litegres_table_is_visible(oid), litegres_regclass_in(text) and
// litegres_regtype_in(text).
int register_search_path_functions(sqlite3* db);

}  // namespace litegres::translate
