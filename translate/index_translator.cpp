// index_translator.cpp — CREATE INDEX.
#include "translate/index_translator.h"

#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"
#include "translate/ddl_text.h"

namespace litegres::translate {

using pgwire::PgError;
namespace sqlstate = pgwire::sqlstate;

namespace {

constexpr size_t kMaxIdentifierLength = 63;  // NAMEDATALEN - 1

// PostgreSQL's makeObjectName: the longer of table and column part is cut
// until "table_columns_suffix" fits in an identifier.
std::string make_object_name(std::string table, std::string columns, const std::string& suffix) {
    size_t overhead = suffix.size() + 1 + (columns.empty() ? 0 : 1);
    while (table.size() + columns.size() + overhead > kMaxIdentifierLength) {
        if (table.size() > columns.size()) {
            table.pop_back();
        } else {
            columns.pop_back();
        }
    }
    return table + (columns.empty() ? "" : "_" + columns) + "_" + suffix;
}

}  // namespace

std::string IndexTranslator::choose_name(Catalog& catalog, const std::string& table,
                                         const std::vector<std::string>& columns, const std::string& suffix) {
    std::string column_part;
    for (const auto& c : columns) {
        if (!column_part.empty()) column_part += "_";
        column_part += c;
        if (column_part.size() >= kMaxIdentifierLength) break;
    }
    std::string base = make_object_name(table, column_part, suffix);
    std::string name = base;
    for (int n = 1; catalog.find_object(name) || catalog.find_table(name); ++n) {
        name = make_object_name(table, column_part, suffix + std::to_string(n));
    }
    return name;
}

TranslatedStatement IndexTranslator::create(const PgQuery__IndexStmt& stmt) {
    const auto& rv = *stmt.relation;
    if (rv.schemaname != nullptr && rv.schemaname[0] != '\0' && std::string(rv.schemaname) != "public") {
        throw_unsupported("schemas other than public", rv.location);
    }
    std::string method = stmt.access_method != nullptr ? stmt.access_method : "btree";
    if (method != "btree" && method != "hash") throw_unsupported("index access method " + method);
    if (stmt.n_exclude_op_names > 0) throw_unsupported("exclusion constraints");

    QueryTranslator q(catalog_, parameter_types_);
    auto object = catalog_.find_object(rv.relname);
    if (object && object->kind != "table") {
        throw PgError(sqlstate::kWrongObjectType, "\"" + std::string(rv.relname) + "\" is not a table",
                      ddl::position(rv.location));
    }
    Scope scope;
    scope.entries.push_back(q.table_entry(rv));
    scope.entries.back().unqualified = true;
    const RangeEntry& table = scope.entries.back();

    std::vector<std::string> name_parts;
    std::vector<std::string> keys;
    for (size_t i = 0; i < stmt.n_index_params; ++i) {
        const auto& elem = *stmt.index_params[i]->index_elem;
        std::string key;
        if (elem.name != nullptr && elem.name[0] != '\0') {
            if (table.find_column(elem.name) == nullptr) {
                throw PgError(sqlstate::kUndefinedColumn, "column \"" + std::string(elem.name) + "\" does not exist");
            }
            key = quote_identifier(elem.name);
            name_parts.push_back(elem.name);
        } else {
            key = "(" + q.expression(elem.expr, scope).sql + ")";
            std::string figured = figure_column_name(elem.expr);
            name_parts.push_back(figured == "?column?" ? "expr" : figured);
        }
        if (elem.ordering == PG_QUERY__SORT_BY_DIR__SORTBY_DESC) key += " DESC";
        keys.push_back(std::move(key));
    }
    for (size_t i = 0; i < stmt.n_index_including_params; ++i) {
        // INCLUDE columns only widen what the index stores; they must exist.
        const auto& elem = *stmt.index_including_params[i]->index_elem;
        if (elem.name != nullptr && table.find_column(elem.name) == nullptr) {
            throw PgError(sqlstate::kUndefinedColumn, "column \"" + std::string(elem.name) + "\" does not exist");
        }
    }

    TranslatedStatement t = ddl::schema_change("CREATE INDEX");
    std::string name;
    if (stmt.idxname != nullptr && stmt.idxname[0] != '\0') {
        name = stmt.idxname;
        if (catalog_.find_object(name) || catalog_.find_table(name)) {
            if (stmt.if_not_exists) {
                t.notices.push_back({sqlstate::kDuplicateTable, "relation \"" + name + "\" already exists, skipping"});
                return t;
            }
            throw PgError(sqlstate::kDuplicateTable, "relation \"" + name + "\" already exists");
        }
    } else {
        name = choose_name(catalog_, rv.relname, name_parts, "idx");
    }

    std::string sql = std::string("CREATE ") + (stmt.unique ? "UNIQUE " : "") + "INDEX " + quote_identifier(name) +
                      " ON " + quote_identifier(rv.relname) + " (" + ddl::join(keys, ", ") + ")";
    if (stmt.where_clause != nullptr) sql += " WHERE " + q.expression(stmt.where_clause, scope).sql;
    t.sqlite_sql.push_back(std::move(sql));
    t.sqlite_sql.push_back(ddl::register_relation_sql(name));
    return t;
}

}  // namespace litegres::translate
