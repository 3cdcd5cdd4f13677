// sqlite_catalog.h — the translator's Catalog answered from a live SQLite
// connection: tables and views with their declared (PostgreSQL) column types.
// litegres's own bookkeeping tables are never visible through it.
#pragma once

#include "src/sqlite_connection.h"
#include "translate/catalog.h"

namespace litegres {

class SqliteCatalog : public translate::Catalog {
public:
    explicit SqliteCatalog(SqliteConnection& connection) : connection_(connection) {}
    std::optional<translate::TableInfo> find_table(std::string_view name) override;
    std::optional<translate::SchemaObject> find_object(std::string_view name) override;
    std::vector<translate::SchemaObject> objects_on_table(std::string_view table) override;
    bool constraint_name_used(std::string_view name) override;
    std::vector<std::string> tables_referencing(std::string_view table) override;
    std::optional<translate::SequenceInfo> find_sequence(std::string_view name) override;
    bool schema_exists(std::string_view name) override;
    std::vector<translate::SchemaObject> objects_in_schema(std::string_view schema) override;
    std::optional<translate::EnumType> find_enum_type(std::string_view name) override;
    std::optional<translate::EnumType> find_enum_type(translate::Oid oid) override;
    std::vector<translate::ColumnOfType> columns_of_type(std::string_view declared) override;

private:
    std::vector<translate::SchemaObject> objects(const char* sql, std::string_view name);
    // The enum type of the first row `stmt` yields (oid, array_oid, name), with its labels.
    std::optional<translate::EnumType> enum_type(sqlite3_stmt* stmt);

    SqliteConnection& connection_;
};

}  // namespace litegres
