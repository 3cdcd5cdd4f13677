// comment_translator.cpp — COMMENT ON.
#include "translate/comment_translator.h"

#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"
#include "translate/ddl_text.h"
#include "translate/name_resolver.h"
#include "translate/query_translator.h"

namespace litegres::translate {

using pgwire::PgError;
namespace sqlstate = pgwire::sqlstate;

TranslatedStatement CommentTranslator::comment(const PgQuery__CommentStmt& stmt) {
    std::string kind;
    switch (stmt.objtype) {
        case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN: kind = "table"; break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW: kind = "view"; break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: kind = "index"; break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: kind = "sequence"; break;
        default: throw_unsupported("COMMENT on this kind of object");
    }
    if (stmt.object == nullptr || stmt.object->node_case != PG_QUERY__NODE__NODE_LIST) {
        throw_unsupported("COMMENT on this kind of object");
    }
    const auto& names = *stmt.object->list;
    // The relation's SQLite name (see NameResolver), or as written when there is none.
    auto resolved = [&](const PgQuery__List& qualified) {
        std::optional<RelationName> found = NameResolver(catalog_).find(qualified);
        return found ? found->sqlite_name() : NameResolver::display(qualified);
    };
    std::string relation, column;
    if (stmt.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN) {
        if (names.n_items < 2) throw PgError(sqlstate::kSyntaxError, "column name must be qualified");
        column = ddl::string_value(names.items[names.n_items - 1]);
        PgQuery__List table_names = names;
        table_names.n_items = names.n_items - 1;
        relation = resolved(table_names);
    } else {
        relation = resolved(names);
    }
    auto object = catalog_.find_object(relation);
    if (!object || object->kind == "trigger") {
        throw PgError(sqlstate::kUndefinedTable, "relation \"" + relation + "\" does not exist");
    }
    // A column comment may be on a view's column too.
    bool kind_ok = object->kind == kind || (!column.empty() && object->kind == "view");
    if (!kind_ok) {
        throw PgError(sqlstate::kWrongObjectType,
                      "\"" + relation + "\" is not a" + (kind == "index" ? "n " : " ") + kind);
    }
    if (!column.empty()) {
        auto table = catalog_.find_table(relation);
        if (!table || table->find_column(column) == nullptr) {
            throw PgError(sqlstate::kUndefinedColumn,
                          "column \"" + column + "\" of relation \"" + relation + "\" does not exist");
        }
    }
    TranslatedStatement t = ddl::schema_change("COMMENT");
    t.changes_schema = false;
    std::string key = quote_string(relation) + ", " + quote_string(column);
    if (stmt.comment == nullptr || stmt.comment[0] == '\0') {
        // PostgreSQL treats an empty comment like NULL: it removes the comment.
        t.sqlite_sql.push_back("DELETE FROM _litegres_comment WHERE (relation, column_name) = (" + key + ")");
    } else {
        t.sqlite_sql.push_back("INSERT OR REPLACE INTO _litegres_comment (relation, column_name, description) VALUES (" +
                               key + ", " + quote_string(stmt.comment) + ")");
    }
    return t;
}

}  // namespace litegres::translate
