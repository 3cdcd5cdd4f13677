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

private:
    SqliteConnection& connection_;
};

}  // namespace litegres
