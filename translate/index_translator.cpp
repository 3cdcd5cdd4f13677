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

std::string IndexTranslator::choose_name(Catalog& catalog, const RelationName& table,
                                         const std::vector<std::string>& columns, const std::string& suffix) {
    std::string column_part;
    for (const auto& c : columns) {
        if (!column_part.empty()) column_part += "_";
        column_part += c;
        if (column_part.size() >= kMaxIdentifierLength) break;
    }
    std::string name = make_object_name(table.name, column_part, suffix);
    auto taken = [&] {
        std::string sqlite_name = NameResolver::sqlite_name(table.schema, name);
        return catalog.find_object(sqlite_name) || catalog.find_table(sqlite_name) ||
               catalog.constraint_name_used(name);
    };
    for (int n = 1; taken(); ++n) name = make_object_name(table.name, column_part, suffix + std::to_string(n));
    return name;
}

TranslatedStatement IndexTranslator::create(const PgQuery__IndexStmt& stmt) {
    const auto& rv = *stmt.relation;
    std::string method = stmt.access_method != nullptr ? stmt.access_method : "btree";
    if (method != "btree" && method != "hash") throw_unsupported("index access method " + method);
    if (stmt.n_exclude_op_names > 0) throw_unsupported("exclusion constraints");

    QueryTranslator q(catalog_, parameter_types_);
    std::optional<RelationName> relation = NameResolver(catalog_).find(rv);
    auto object = relation ? catalog_.find_object(relation->sqlite_name()) : std::nullopt;
    if (object && object->kind != "table") {
        throw PgError(sqlstate::kWrongObjectType, "\"" + std::string(rv.relname) + "\" is not a table",
                      ddl::position(rv.location));
    }
    Scope scope;
    scope.entries.push_back(q.table_entry(rv));
    if (!relation) {
        throw PgError(sqlstate::kWrongObjectType, "\"" + std::string(rv.relname) + "\" is not a table",
                      ddl::position(rv.location));
    }
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
    // table_entry found it, so it exists; an index lives in its table's schema.
    const RelationName& owner = *relation;
    std::string name;
    if (stmt.idxname != nullptr && stmt.idxname[0] != '\0') {
        name = stmt.idxname;
        std::string sqlite_name = NameResolver::sqlite_name(owner.schema, name);
        if (catalog_.find_object(sqlite_name) || catalog_.find_table(sqlite_name)) {
            if (stmt.if_not_exists) {
                t.notices.push_back({sqlstate::kDuplicateTable, "relation \"" + name + "\" already exists, skipping"});
                return t;
            }
            throw PgError(sqlstate::kDuplicateTable, "relation \"" + name + "\" already exists");
        }
    } else {
        name = choose_name(catalog_, owner, name_parts, "idx");
    }
    name = NameResolver::sqlite_name(owner.schema, name);

    std::string sql = std::string("CREATE ") + (stmt.unique ? "UNIQUE " : "") + "INDEX " + quote_identifier(name) +
                      " ON " + quote_identifier(owner.sqlite_name()) + " (" + ddl::join(keys, ", ") + ")";
    if (stmt.where_clause != nullptr) sql += " WHERE " + q.expression(stmt.where_clause, scope).sql;
    t.sqlite_sql.push_back(std::move(sql));
    t.sqlite_sql.push_back(ddl::register_relation_sql(name));
    return t;
}

}  // namespace litegres::translate
