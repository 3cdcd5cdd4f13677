// catalog.h — what the translator needs to know about the live schema. The
// runtime implements it over a SQLite connection; tests implement it with
// fixed tables. Binding against it is what lets the translator give every
// column its PostgreSQL type and report 42P01 / 42703 as PostgreSQL does.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
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
    // Part of the table's primary key: GROUP BY the whole key makes the
    // table's other columns functionally dependent (PostgreSQL's rule).
    bool primary_key = false;
    // 'a' GENERATED ALWAYS AS IDENTITY, 'd' BY DEFAULT, 0 otherwise.
    char identity = 0;
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

// One named object of the schema, as the DDL translators need to see it.
struct SchemaObject {
    std::string kind;   // "table", "view", "index", "trigger" or "sequence"
    std::string name;
    std::string table;  // what an index or trigger is on; a sequence's owning table
    std::string sql;    // the SQLite CREATE statement ("" for a sequence)
};

// A sequence's definition, as kept in _litegres_sequence.
struct SequenceInfo {
    std::string name;
    std::string data_type;  // "bigint", "integer" or "smallint"
    int64_t start = 1;
    int64_t min = 1;
    int64_t max = INT64_MAX;
    int64_t increment = 1;
    bool cycle = false;
    int64_t cache = 1;
    std::string owner_table;
    std::string owner_column;
};

// A user-defined enum type (CREATE TYPE ... AS ENUM), as kept in
// _litegres_enum_type and _litegres_enum.
struct EnumType {
    Oid oid = 0;
    Oid array_oid = 0;
    std::string name;
    std::vector<std::string> labels;  // in sort order
};

// A table column declared with a given type.
struct ColumnOfType {
    std::string table;
    std::string column;
};

class Catalog {
public:
    virtual ~Catalog() = default;
    // A user table or view by name, or nullopt when there is none.
    virtual std::optional<TableInfo> find_table(std::string_view name) = 0;
    // Any user relation (table, view, index, sequence) by name.
    virtual std::optional<SchemaObject> find_object(std::string_view) { return std::nullopt; }
    // Whether some table has a constraint of this name (PRIMARY KEY and
    // UNIQUE constraints are relations in PostgreSQL, named like indexes).
    virtual bool constraint_name_used(std::string_view) { return false; }
    // The indexes and triggers defined on a table, in creation order.
    virtual std::vector<SchemaObject> objects_on_table(std::string_view) { return {}; }
    // The tables with a FOREIGN KEY referencing `table` (itself included).
    virtual std::vector<std::string> tables_referencing(std::string_view) { return {}; }
    virtual std::optional<SequenceInfo> find_sequence(std::string_view) { return std::nullopt; }
    // Schemas: public, and those made by CREATE SCHEMA (see NameResolver
    // for how a schema's relations are named in SQLite).
    virtual bool schema_exists(std::string_view name) { return name == "public"; }
    // Every relation (table, view, index, sequence) of a schema other than public.
    virtual std::vector<SchemaObject> objects_in_schema(std::string_view) { return {}; }

    // The schemas of the session's search_path, in order ("$user" already
    // replaced); pg_catalog is implicitly searched first for system relations.
    const std::vector<std::string>& search_path() const { return search_path_; }
    void set_search_path(std::vector<std::string> schemas) { search_path_ = std::move(schemas); }
    // The session's schema for temporary relations (pg_temp_N): searched
    // before the search path for relations once it exists, and what the
    // schema name pg_temp stands for.
    const std::string& temp_schema() const { return temp_schema_; }
    void set_temp_schema(std::string schema) { temp_schema_ = std::move(schema); }

    // A user-defined type by name, or by its OID or its array type's OID.
    virtual std::optional<EnumType> find_enum_type(std::string_view) { return std::nullopt; }
    virtual std::optional<EnumType> find_enum_type(Oid) { return std::nullopt; }
    // The table columns whose declared type is `declared` (or its array).
    virtual std::vector<ColumnOfType> columns_of_type(std::string_view) { return {}; }

private:
    std::vector<std::string> search_path_{"public"};
    std::string temp_schema_ = "pg_temp_0";
};

}  // namespace litegres::translate
