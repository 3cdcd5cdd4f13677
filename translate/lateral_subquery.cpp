// lateral_subquery.cpp — the part of QueryTranslator that binds LATERAL items
// in FROM: a subquery (or a function call) that refers to the FROM items
// before it. An item that does refer to them is joined through
// litegres_rows (lateral_rows.h), the one way SQLite lets FROM see its
// siblings; one that does not is an ordinary subquery.
#include <utility>

#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"
#include "translate/ast_text.h"
#include "translate/datetime_operators.h"
#include "translate/lateral_rows.h"
#include "translate/numeric_emitter.h"
#include "translate/query_translator.h"
#include "translate/sql_text.h"

namespace litegres::translate {

namespace oid = pgwire::oid;
using pgwire::PgError;
namespace sqlstate = pgwire::sqlstate;

namespace {

// A column of litegres_rows compares as its type's stored form does in a
// table column: by value where the text would not.
std::string typed_column(const std::string& sql, PgType type) {
    if (type.oid == oid::kNumeric) return "(" + with_numeric_collation(sql) + ")";
    std::string collation = sort_collation(type);
    if (!collation.empty()) return "(" + sql + collation + ")";
    return datetime_ordering(sql, type);
}

}  // namespace

Scope QueryTranslator::lateral_scope(const Scope& scope) {
    Scope siblings;
    siblings.entries = scope.entries;
    siblings.merged_columns = scope.merged_columns;
    siblings.parent = scope.parent;
    siblings.lateral = true;
    return siblings;
}

std::string QueryTranslator::lateral_rows_item(const std::string& select_sql, RangeEntry& entry, int location) {
    if (entry.columns.size() > static_cast<size_t>(kLateralRowsMaxColumns)) {
        throw_unsupported("a LATERAL item with more than " + std::to_string(kLateralRowsMaxColumns) + " columns",
                          location);
    }
    std::vector<std::string> names;
    for (size_t i = 0; i < entry.columns.size(); ++i) {
        names.push_back("c" + std::to_string(i));
        entry.columns[i].sql = typed_column(quote_identifier(entry.refname) + ".c" + std::to_string(i),
                                            entry.columns[i].type);
    }
    std::string list = join_strings(names, ", ");
    return "litegres_rows((WITH \"lateral\"(" + list + ") AS (" + select_sql + ") SELECT litegres_pack_rows(" + list +
           ") FROM \"lateral\")) AS " + quote_identifier(entry.refname);
}

std::string QueryTranslator::lateral_subquery(const PgQuery__RangeSubselect& sub, Scope& scope) {
    if (sub.alias == nullptr) throw PgError(sqlstate::kSyntaxError, "subquery in FROM must have an alias");
    Scope siblings = lateral_scope(scope);
    auto enclosing = std::exchange(lateral_reference_, std::nullopt);
    SelectOutput inner = select(*sub.subquery->select_stmt, &siblings);
    bool correlated = lateral_reference_.has_value();
    if (!correlated) lateral_reference_ = enclosing;

    RangeEntry entry;
    entry.refname = sub.alias->aliasname;
    for (size_t i = 0; i < inner.columns.size(); ++i) {
        std::string name = i < sub.alias->n_colnames ? string_value(sub.alias->colnames[i]) : inner.columns[i].name;
        entry.columns.push_back(ColumnInfo{name, inner.columns[i].type, false, "", inner.columns[i].table_oid,
                                           inner.columns[i].column_number, ""});
    }
    for (const auto& e : scope.entries) {
        if (e.refname == entry.refname) {
            throw PgError(sqlstate::kDuplicateAlias, "table name \"" + entry.refname + "\" specified more than once");
        }
    }
    std::string sql;
    if (correlated) {
        sql = lateral_rows_item(inner.sql, entry, -1);
    } else {
        std::vector<std::string> cols;
        for (size_t i = 0; i < entry.columns.size(); ++i) {
            cols.push_back(quote_identifier(inner.columns[i].name) + " AS " + quote_identifier(entry.columns[i].name));
        }
        sql = sub.alias->n_colnames > 0 ? "(SELECT " + join_strings(cols, ", ") + " FROM (" + inner.sql + "))"
                                        : "(" + inner.sql + ")";
        sql += " AS " + quote_identifier(entry.refname);
    }
    scope.entries.push_back(std::move(entry));
    return sql;
}

}  // namespace litegres::translate
