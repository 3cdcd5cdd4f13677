// datetime_function_catalog.h — the date/time entries of the function
// catalog (now(), extract, date_part, date_trunc, AT TIME ZONE's timezone(),
// age, justify_*, make_*, to_char, to_timestamp, to_date, isfinite) with
// pg_proc's result types; function_catalog.cpp consults it first.
#pragma once

#include <cstddef>
#include <string>

#include "translate/function_catalog.h"

namespace litegres::translate {

// nullptr when no date/time function of that name takes that many arguments.
const FunctionSignature* find_datetime_function(const std::string& name, size_t arg_count);

}  // namespace litegres::translate
