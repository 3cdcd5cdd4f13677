// search_path_functions.cpp — see search_path_functions.h.
#include "translate/search_path_functions.h"

#include <string>
#include <vector>

#include "pgwire/json_value.h"
#include "translate/name_resolver.h"
#include "translate/session_context.h"

namespace litegres::translate {

namespace {

bool schema_exists(sqlite3* db, const std::string& name) {
    if (name == "public" || NameResolver::is_system_schema(name)) return true;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM main._litegres_namespace WHERE name = ?1", -1, &stmt, nullptr) !=
        SQLITE_OK) {
        sqlite3_finalize(stmt);
        return false;
    }
    sqlite3_bind_text(stmt, 1, name.c_str(), int(name.size()), SQLITE_TRANSIENT);
    bool found = sqlite3_step(stmt) == SQLITE_ROW;
    sqlite3_finalize(stmt);
    return found;
}

std::vector<std::string> existing_search_path(sqlite3_context* ctx) {
    const SessionContext* session = current_session_context();
    std::vector<std::string> path = session != nullptr ? session->search_path : std::vector<std::string>{"public"};
    std::vector<std::string> out;
    for (const auto& schema : path) {
        if (schema_exists(sqlite3_context_db_handle(ctx), schema)) out.push_back(schema);
    }
    return out;
}

void current_schema(sqlite3_context* ctx, int, sqlite3_value**) {
    std::vector<std::string> path = existing_search_path(ctx);
    if (path.empty()) return sqlite3_result_null(ctx);
    sqlite3_result_text(ctx, path.front().c_str(), int(path.front().size()), SQLITE_TRANSIENT);
}

// A name[] in litegres's array storage (a JSON array of strings).
void current_schemas(sqlite3_context* ctx, int, sqlite3_value** argv) {
    std::vector<std::string> path = existing_search_path(ctx);
    bool implicit = sqlite3_value_int(argv[0]) != 0;
    std::string json = "[";
    auto add = [&](const std::string& name) {
        if (json.size() > 1) json += ",";
        pgwire::append_json_string(json, name);
    };
    // pg_catalog is searched first unless the path places it.
    bool placed = false;
    for (const auto& schema : path) placed = placed || schema == "pg_catalog";
    if (implicit && !placed) add("pg_catalog");
    for (const auto& schema : path) add(schema);
    json += "]";
    sqlite3_result_text(ctx, json.c_str(), int(json.size()), SQLITE_TRANSIENT);
}

}  // namespace

int register_search_path_functions(sqlite3* db) {
    int rc = sqlite3_create_function_v2(db, "litegres_current_schema", 0, SQLITE_UTF8, nullptr, current_schema, nullptr,
                                        nullptr, nullptr);
    if (rc != SQLITE_OK) return rc;
    return sqlite3_create_function_v2(db, "litegres_current_schemas", 1, SQLITE_UTF8, nullptr, current_schemas,
                                      nullptr, nullptr, nullptr);
}

}  // namespace litegres::translate
