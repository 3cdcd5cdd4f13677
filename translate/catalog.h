// catalog.h — what the translator needs to know about the live schema. The
// runtime implements it over a SQLite connection; tests implement it with
// fixed tables. Binding against it is what lets the translator give every
// column its PostgreSQL type and report 42P01 / 42703 as PostgreSQL does.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "translate/pg_type.h"

namespace litegres::translate {

struct ColumnInfo {
    std::string name;
    PgType type;
    bool not_null = false;
    // The column's DEFAULT as SQLite SQL text (empty: none), so that a
    // DEFAULT in a VALUES row can be spelled out.
    std::string default_sql;
    // Where the column comes from (0 for computed columns).
    Oid table_oid = 0;
    int16_t column_number = 0;
    // The SQLite expression that reads it, when that is not
    // "refname"."name" (columns of a set-returning function in FROM).
    std::string sql = {};
};

struct TableInfo {
    std::string name;
    std::vector<ColumnInfo> columns;

    const ColumnInfo* find_column(std::string_view column) const {
        for (const auto& c : columns) {
            if (c.name == column) return &c;
        }
        return nullptr;
    }
};

class Catalog {
public:
    virtual ~Catalog() = default;
    // A user table or view by name, or nullopt when there is none.
    virtual std::optional<TableInfo> find_table(std::string_view name) = 0;
};

}  // namespace litegres::translate
