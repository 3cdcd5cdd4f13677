// function_catalog.h — the PostgreSQL functions the translator knows: how
// each is spelled in SQLite (a built-in or one litegres registers) and the
// PostgreSQL result type for the argument types it is called with, e.g.
// sum(int4) is int8 and count(*) is int8, as in pg_proc.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "translate/typed_sql.h"

namespace litegres::translate {

struct FunctionSignature {
    std::string sqlite_name;
    std::function<PgType(const std::vector<TypedSql>&)> result;
    // The type an unknown literal argument takes ('abc' in lower('abc')).
    PgType unknown_argument_type = kText;
    bool writes = false;  // runs on the writer (nextval, setval)
    bool aggregate = false;
    // Rewrites the emitted call when SQLite needs another shape.
    std::function<std::string(const std::string& call, const std::vector<TypedSql>& args)> wrap;
};

// nullptr when no function of that name takes that many arguments.
const FunctionSignature* find_function(const std::string& name, size_t arg_count, bool star);

}  // namespace litegres::translate
