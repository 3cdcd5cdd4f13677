// window_function.cpp — result types of the built-in window functions, as in
// pg_proc: ranks count in int8, distributions are float8, ntile is int4 and
// the value functions return their argument's type.
#include "translate/window_function.h"

#include <array>
#include <string_view>

namespace litegres::translate {

namespace {

PgType value_type(const std::vector<TypedSql>& args) {
    return args.empty() || args[0].type.is_unknown() ? kText : args[0].type;
}

}  // namespace

bool is_window_function(const std::string& name) {
    static constexpr std::array<std::string_view, 11> kNames = {
        "row_number", "rank", "dense_rank",  "percent_rank", "cume_dist", "ntile",
        "lag",        "lead", "first_value", "last_value",   "nth_value"};
    for (auto n : kNames) {
        if (n == name) return true;
    }
    return false;
}

PgType WindowFunction::argument_type(size_t index, const std::vector<TypedSql>& args) const {
    if (name == "ntile") return kInt4;
    if (name == "nth_value") return index == 0 ? value_type(args) : kInt4;
    // lag/lead(value, offset int4, default of the value's type)
    if (index == 1) return kInt4;
    return value_type(args);
}

std::optional<WindowFunction> find_window_function(const std::string& name,
                                                   const std::vector<TypedSql>& args) {
    size_t n = args.size();
    if (name == "row_number" || name == "rank" || name == "dense_rank") {
        if (n == 0) return WindowFunction{kInt8, name};
    } else if (name == "percent_rank" || name == "cume_dist") {
        if (n == 0) return WindowFunction{kFloat8, name};
    } else if (name == "ntile") {
        if (n == 1) return WindowFunction{kInt4, name};
    } else if (name == "lag" || name == "lead") {
        if (n >= 1 && n <= 3) return WindowFunction{value_type(args), name};
    } else if (name == "first_value" || name == "last_value") {
        if (n == 1) return WindowFunction{value_type(args), name};
    } else if (name == "nth_value") {
        if (n == 2) return WindowFunction{value_type(args), name};
    }
    return std::nullopt;
}

}  // namespace litegres::translate
