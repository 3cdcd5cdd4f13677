// sqlite_catalog.cpp — PRAGMA table_info ► TableInfo; sqlite_schema and the
// sequence bookkeeping ► SchemaObject.
#include "src/sqlite_catalog.h"

#include "src/sqlite_error.h"
#include "translate/sql_text.h"

namespace litegres {

std::optional<translate::TableInfo> SqliteCatalog::find_table(std::string_view name) {
    if (name.rfind("_litegres_", 0) == 0 || name.rfind("sqlite_", 0) == 0) return std::nullopt;
    StatementLease lease = connection_.lease(
        "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?1) ORDER BY cid", true);
    sqlite3_stmt* stmt = lease.get();
    sqlite3_bind_text(stmt, 1, name.data(), int(name.size()), SQLITE_TRANSIENT);
    translate::TableInfo table;
    table.name = std::string(name);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        translate::ColumnInfo column;
        column.name = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
        const unsigned char* declared = sqlite3_column_text(stmt, 1);
        column.type = translate::type_from_declared(declared != nullptr ? reinterpret_cast<const char*>(declared) : "");
        if (column.type.is_unknown()) column.type = translate::kText;
        column.not_null = sqlite3_column_int(stmt, 2) != 0;
        const unsigned char* dflt = sqlite3_column_text(stmt, 3);
        if (dflt != nullptr) column.default_sql = reinterpret_cast<const char*>(dflt);
        column.primary_key = sqlite3_column_int(stmt, 4) > 0;
        table.columns.push_back(std::move(column));
    }
    if (rc != SQLITE_DONE) throw sqlite_error(connection_.handle(), rc);
    if (table.columns.empty()) return std::nullopt;
    // A view's column types are kept by litegres (see ViewTranslator).
    StatementLease view_lease =
        connection_.lease("SELECT attnum, type FROM _litegres_view_column WHERE view = ?1", true);
    sqlite3_bind_text(view_lease.get(), 1, name.data(), int(name.size()), SQLITE_TRANSIENT);
    while (sqlite3_step(view_lease.get()) == SQLITE_ROW) {
        size_t attnum = size_t(sqlite3_column_int64(view_lease.get(), 0));
        const char* type = reinterpret_cast<const char*>(sqlite3_column_text(view_lease.get(), 1));
        if (attnum >= 1 && attnum <= table.columns.size() && type != nullptr) {
            translate::PgType declared = translate::type_from_declared(type);
            if (!declared.is_unknown()) table.columns[attnum - 1].type = declared;
        }
    }
    StatementLease identity_lease = connection_.lease(
        "SELECT owner_column, identity FROM _litegres_sequence WHERE owner_table = ?1 AND identity <> ''", true);
    sqlite3_bind_text(identity_lease.get(), 1, name.data(), int(name.size()), SQLITE_TRANSIENT);
    while (sqlite3_step(identity_lease.get()) == SQLITE_ROW) {
        const char* column = reinterpret_cast<const char*>(sqlite3_column_text(identity_lease.get(), 0));
        const char* identity = reinterpret_cast<const char*>(sqlite3_column_text(identity_lease.get(), 1));
        for (auto& c : table.columns) {
            if (column != nullptr && identity != nullptr && c.name == column) c.identity = identity[0];
        }
    }
    StatementLease oid_lease = connection_.lease("SELECT oid FROM _litegres_relation WHERE name = ?1", true);
    sqlite3_bind_text(oid_lease.get(), 1, name.data(), int(name.size()), SQLITE_TRANSIENT);
    translate::Oid oid = sqlite3_step(oid_lease.get()) == SQLITE_ROW ? translate::Oid(sqlite3_column_int64(oid_lease.get(), 0)) : 0;
    for (size_t i = 0; i < table.columns.size(); ++i) {
        table.columns[i].table_oid = oid;
        table.columns[i].column_number = oid != 0 ? int16_t(i + 1) : 0;
    }
    return table;
}

std::vector<translate::SchemaObject> SqliteCatalog::objects(const char* sql, std::string_view name) {
    StatementLease lease = connection_.lease(sql, true);
    sqlite3_stmt* stmt = lease.get();
    sqlite3_bind_text(stmt, 1, name.data(), int(name.size()), SQLITE_TRANSIENT);
    std::vector<translate::SchemaObject> out;
    int rc;
    auto column = [&](int i) {
        const unsigned char* v = sqlite3_column_text(stmt, i);
        return v != nullptr ? std::string(reinterpret_cast<const char*>(v)) : std::string();
    };
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) out.push_back({column(0), column(1), column(2), column(3)});
    if (rc != SQLITE_DONE) throw sqlite_error(connection_.handle(), rc);
    return out;
}

std::optional<translate::SchemaObject> SqliteCatalog::find_object(std::string_view name) {
    if (name.rfind("_litegres_", 0) == 0 || name.rfind("sqlite_", 0) == 0) return std::nullopt;
    auto found = objects(
        "SELECT type, name, tbl_name, coalesce(sql, '') FROM main.sqlite_schema WHERE name = ?1 "
        "UNION ALL SELECT 'sequence', name, coalesce(owner_table, ''), '' FROM main._litegres_sequence "
        "WHERE name = ?1",
        name);
    if (found.empty()) return std::nullopt;
    return found.front();
}

bool SqliteCatalog::constraint_name_used(std::string_view name) {
    // A table keeps its constraints in its CREATE text as CONSTRAINT "name".
    std::string marker = "CONSTRAINT " + translate::quote_identifier(name);
    return !objects(
                "SELECT 'table', name, '', '' FROM main.sqlite_schema WHERE type = 'table' AND "
                "instr(sql, ?1) > 0",
                marker)
                .empty();
}

std::vector<translate::SchemaObject> SqliteCatalog::objects_on_table(std::string_view table) {
    return objects(
        "SELECT type, name, tbl_name, sql FROM main.sqlite_schema "
        "WHERE tbl_name = ?1 AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY rowid",
        table);
}

std::vector<std::string> SqliteCatalog::tables_referencing(std::string_view table) {
    std::vector<std::string> out;
    for (auto& o : objects("SELECT DISTINCT 'table', m.name, '', '' FROM main.sqlite_schema m, "
                           "pragma_foreign_key_list(m.name) f WHERE m.type = 'table' AND f.\"table\" = ?1",
                           table)) {
        out.push_back(std::move(o.name));
    }
    return out;
}

bool SqliteCatalog::schema_exists(std::string_view name) {
    if (name == "public") return true;
    return !objects("SELECT 'schema', name, '', '' FROM main._litegres_namespace WHERE name = ?1", name).empty();
}

std::vector<translate::SchemaObject> SqliteCatalog::objects_in_schema(std::string_view schema) {
    // SQLite's own autoindexes are named sqlite_autoindex_..., never "s.".
    return objects(
        "SELECT type, name, tbl_name, coalesce(sql, '') FROM main.sqlite_schema "
        "WHERE substr(name, 1, length(?1) + 1) = ?1 || '.' "
        "UNION ALL SELECT 'sequence', name, coalesce(owner_table, ''), '' FROM main._litegres_sequence "
        "WHERE substr(name, 1, length(?1) + 1) = ?1 || '.'",
        schema);
}

std::optional<translate::SequenceInfo> SqliteCatalog::find_sequence(std::string_view name) {
    StatementLease lease = connection_.lease(
        "SELECT name, data_type, start_value, min_value, max_value, increment_by, cycle, cache_size, "
        "coalesce(owner_table, ''), coalesce(owner_column, '') FROM _litegres_sequence WHERE name = ?1",
        true);
    sqlite3_stmt* stmt = lease.get();
    sqlite3_bind_text(stmt, 1, name.data(), int(name.size()), SQLITE_TRANSIENT);
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) return std::nullopt;
    if (rc != SQLITE_ROW) throw sqlite_error(connection_.handle(), rc);
    auto text = [&](int i) { return std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, i))); };
    translate::SequenceInfo s;
    s.name = text(0);
    s.data_type = text(1);
    s.start = sqlite3_column_int64(stmt, 2);
    s.min = sqlite3_column_int64(stmt, 3);
    s.max = sqlite3_column_int64(stmt, 4);
    s.increment = sqlite3_column_int64(stmt, 5);
    s.cycle = sqlite3_column_int64(stmt, 6) != 0;
    s.cache = sqlite3_column_int64(stmt, 7);
    s.owner_table = text(8);
    s.owner_column = text(9);
    return s;
}

std::optional<translate::EnumType> SqliteCatalog::enum_type(sqlite3_stmt* stmt) {
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) return std::nullopt;
    if (rc != SQLITE_ROW) throw sqlite_error(connection_.handle(), rc);
    translate::EnumType type;
    type.oid = translate::Oid(sqlite3_column_int64(stmt, 0));
    type.array_oid = translate::Oid(sqlite3_column_int64(stmt, 1));
    type.name = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 2));
    StatementLease labels =
        connection_.lease("SELECT label FROM _litegres_enum WHERE type_oid = ?1 ORDER BY sort_order", true);
    sqlite3_bind_int64(labels.get(), 1, type.oid);
    while ((rc = sqlite3_step(labels.get())) == SQLITE_ROW) {
        type.labels.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(labels.get(), 0)));
    }
    if (rc != SQLITE_DONE) throw sqlite_error(connection_.handle(), rc);
    return type;
}

std::optional<translate::EnumType> SqliteCatalog::find_enum_type(std::string_view name) {
    StatementLease lease =
        connection_.lease("SELECT oid, array_oid, name FROM _litegres_enum_type WHERE name = ?1", true);
    sqlite3_bind_text(lease.get(), 1, name.data(), int(name.size()), SQLITE_TRANSIENT);
    return enum_type(lease.get());
}

std::optional<translate::EnumType> SqliteCatalog::find_enum_type(translate::Oid oid) {
    StatementLease lease = connection_.lease(
        "SELECT oid, array_oid, name FROM _litegres_enum_type WHERE oid = ?1 OR array_oid = ?1", true);
    sqlite3_bind_int64(lease.get(), 1, oid);
    return enum_type(lease.get());
}

std::vector<translate::ColumnOfType> SqliteCatalog::columns_of_type(std::string_view declared) {
    std::vector<translate::ColumnOfType> out;
    for (auto& o : objects("SELECT 'column', m.name, p.name, '' FROM main.sqlite_schema m, pragma_table_info(m.name) p "
                           "WHERE m.type = 'table' AND lower(p.type) IN (lower(?1), lower(?1) || '[]') "
                           "ORDER BY m.rowid, p.cid",
                           declared)) {
        out.push_back({std::move(o.name), std::move(o.table)});
    }
    return out;
}

}  // namespace litegres
