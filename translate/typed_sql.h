// typed_sql.h — an emitted SQLite expression together with the PostgreSQL
// type the binder gave it. A string literal keeps its raw text until context
// gives it a type, as PostgreSQL's "unknown" literals do.
#pragma once

#include <optional>
#include <string>

#include "translate/pg_type.h"

namespace litegres::translate {

struct TypedSql {
    TypedSql() = default;
    TypedSql(std::string sql_text, PgType pg_type) : sql(std::move(sql_text)), type(pg_type) {}

    std::string sql;
    PgType type;
    // Raw text of a still-untyped string literal ('...' with no cast).
    std::optional<std::string> unknown_literal;
    bool is_null_literal = false;
};

}  // namespace litegres::translate
