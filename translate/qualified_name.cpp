// qualified_name.cpp — see qualified_name.h.
#include "translate/qualified_name.h"

#include <algorithm>
#include <memory>

#include "translate/pg_expression_text.h"
#include "translate/session_context.h"

namespace litegres::translate {

bool schema_on_search_path(std::string_view schema) {
    const SessionContext* session = current_session_context();
    if (session == nullptr) return schema == "public";
    return std::find(session->search_path.begin(), session->search_path.end(), schema) !=
           session->search_path.end();
}

std::string qualified_name(std::string_view schema, std::string_view name) {
    std::string relation = PgExpressionText::identifier(std::string(name));
    if (schema_on_search_path(schema)) return relation;
    return PgExpressionText::identifier(std::string(schema)) + "." + relation;
}

std::string relation_schema(sqlite3* db, std::string_view sqlite_name) {
    size_t dot = sqlite_name.find('.');
    if (dot == std::string_view::npos) return "public";
    std::string schema(sqlite_name.substr(0, dot));
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM main._litegres_namespace WHERE name = ?", -1, &stmt,
                           nullptr) != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return "public";
    }
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> owned(stmt, sqlite3_finalize);
    sqlite3_bind_text(stmt, 1, schema.c_str(), int(schema.size()), SQLITE_TRANSIENT);
    return sqlite3_step(stmt) == SQLITE_ROW ? schema : "public";
}

std::string qualified_relation_name(sqlite3* db, std::string_view sqlite_name) {
    std::string schema = relation_schema(db, sqlite_name);
    std::string_view name =
        schema == "public" ? sqlite_name : sqlite_name.substr(schema.size() + 1);
    return qualified_name(schema, name);
}

}  // namespace litegres::translate
