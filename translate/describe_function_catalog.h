// describe_function_catalog.h — the catalog functions psql's describe
// commands call (pg_get_constraintdef, pg_get_indexdef, pg_get_viewdef,
// pg_size_pretty, pg_table_size, ...) with pg_proc's result types;
// function_catalog.cpp consults it.
#pragma once

#include <cstddef>
#include <string>

#include "translate/function_catalog.h"

namespace litegres::translate {

// nullptr when no describe function of that name takes that many arguments.
const FunctionSignature* find_describe_function(const std::string& name, size_t arg_count);

}  // namespace litegres::translate
