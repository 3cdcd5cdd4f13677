// window_function.h — PostgreSQL's built-in window functions (row_number,
// rank, lag, ...): which names they are and their result types. SQLite has
// the same functions under the same names; aggregates used with OVER are
// found in function_catalog.h instead.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "translate/typed_sql.h"

namespace litegres::translate {

struct WindowFunction {
    // The result type for these (already typed) arguments.
    PgType result;
    // The type an unknown literal or parameter argument at `index` takes.
    PgType argument_type(size_t index, const std::vector<TypedSql>& args) const;
    std::string name;
};

bool is_window_function(const std::string& name);

// nullopt when `name` takes no such number of arguments.
std::optional<WindowFunction> find_window_function(const std::string& name,
                                                   const std::vector<TypedSql>& args);

}  // namespace litegres::translate
