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
    // $n of a prepared statement (0: not a parameter). Its type comes from
    // the client or, when unspecified, from context like an unknown literal.
    int parameter = 0;
    // Where an unknown literal stands in the query (0-based; -1: unknown).
    int location = -1;
    // A plain reference to a table column: which one.
    Oid table_oid = 0;
    int16_t column_number = 0;

    // Still waiting for context to give it a type.
    bool untyped() const { return unknown_literal.has_value() || (parameter > 0 && type.is_unknown()); }
};

}  // namespace litegres::translate
