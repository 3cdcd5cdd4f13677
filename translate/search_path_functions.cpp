// search_path_functions.cpp — see search_path_functions.h.
#include "translate/search_path_functions.h"

#include <optional>
#include <string>
#include <vector>

#include "pgwire/json_value.h"
#include "pgwire/sqlstate.h"
#include "translate/describe_catalog.h"
#include "translate/function_error.h"
#include "translate/name_resolver.h"
#include "translate/search_path.h"
#include "translate/session_context.h"

namespace litegres::translate {

namespace {

// The first row of `sql` (its first two columns as text) with ?1 bound to
// `key` (and ?2, if the statement has it, to `second`); empty when there is
// none.
std::vector<std::string> first_row(sqlite3* db, const char* sql, const std::string& key,
                                   const std::string& second = "") {
    sqlite3_stmt* stmt = nullptr;
    std::vector<std::string> row;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK) {
        sqlite3_bind_text(stmt, 1, key.c_str(), int(key.size()), SQLITE_TRANSIENT);
        if (sqlite3_bind_parameter_count(stmt) >= 2)
            sqlite3_bind_text(stmt, 2, second.c_str(), int(second.size()), SQLITE_TRANSIENT);
        if (sqlite3_step(stmt) == SQLITE_ROW) {
            for (int i = 0; i < 2 && i < sqlite3_column_count(stmt); ++i) {
                const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
                row.push_back(text != nullptr ? text : "");
            }
        }
    }
    sqlite3_finalize(stmt);
    return row;
}

bool schema_exists(sqlite3* db, const std::string& name) {
    if (name == "public" || NameResolver::is_system_schema(name)) return true;
    return !first_row(db, "SELECT name FROM main._litegres_namespace WHERE name = ?1", name)
                .empty();
}

std::vector<std::string> existing_search_path(sqlite3_context* ctx) {
    const SessionContext* session = current_session_context();
    std::vector<std::string> path =
        session != nullptr ? session->search_path : std::vector<std::string>{"public"};
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

// Visible: the first schema of the path holding a relation of its name is
// its own. System relations are always visible (pg_catalog comes first).
void table_is_visible(sqlite3_context* ctx, int, sqlite3_value** argv) {
    sqlite3* db = sqlite3_context_db_handle(ctx);
    std::string oid = std::to_string(sqlite3_value_int64(argv[0]));
    std::vector<std::string> relation = first_row(
        db, "SELECT nspname, relname FROM _litegres_relation_namespace WHERE oid = ?1", oid);
    if (relation.size() < 2) return sqlite3_result_int(ctx, 1);
    SessionContext* session = current_session_context();
    if (session != nullptr && !session->temp_schema.empty() && relation[0] == session->temp_schema) {
        return sqlite3_result_int(ctx, 1);
    }
    for (const auto& schema : existing_search_path(ctx)) {
        if (schema == relation[0]) return sqlite3_result_int(ctx, 1);
        std::string shadow = NameResolver::sqlite_name(schema, relation[1]);
        if (!first_row(db, "SELECT name FROM main._litegres_relation WHERE name = ?1", shadow)
                 .empty())
            break;
    }
    sqlite3_result_int(ctx, 0);
}

// '16384'::regclass (or ::regtype) is the OID itself.
bool is_oid_number(const std::string& text) {
    return !text.empty() && text.size() < 11 && text.find_first_not_of("0123456789") == std::string::npos;
}

// A qualified name's parts without a leading catalog (database) name, which
// PostgreSQL accepts only for the current database; nullopt after reporting
// the error.
std::optional<std::vector<std::string>> name_parts(sqlite3_context* ctx, const std::string& text) {
    std::vector<std::string> parts = split_identifier_string(text, '.');
    if (parts.size() == 3) {
        const SessionContext* session = current_session_context();
        if (session != nullptr && parts[0] != session->database) {
            report_error(ctx, pgwire::sqlstate::kFeatureNotSupported,
                         "cross-database references are not implemented: \"" + text + "\"");
            return std::nullopt;
        }
        parts.erase(parts.begin());
    }
    if (parts.size() > 2) {
        report_error(ctx, pgwire::sqlstate::kSyntaxError,
                     "improper qualified name (too many dotted names): " + text);
        return std::nullopt;
    }
    return parts;
}

// text::regtype decided when the statement runs, as regclass_in: the type
// of that name in pg_type (pg_catalog's and the user's enum types).
void regtype_in(sqlite3_context* ctx, int, sqlite3_value** argv) {
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return sqlite3_result_null(ctx);
    const auto* raw = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
    std::string text = raw != nullptr ? raw : "";
    if (is_oid_number(text)) return sqlite3_result_int64(ctx, std::stoll(text));
    std::optional<std::vector<std::string>> parts = name_parts(ctx, text);
    if (!parts) return;
    std::vector<std::string> row =
        parts->size() == 2
            ? first_row(sqlite3_context_db_handle(ctx),
                        "SELECT t.oid FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
                        "WHERE t.typname = ?1 AND n.nspname = ?2",
                        (*parts)[1], (*parts)[0])
            // Unqualified: pg_catalog's type (the lower OID) before the user's.
            : first_row(sqlite3_context_db_handle(ctx),
                        "SELECT oid FROM pg_type WHERE typname = ?1 ORDER BY oid", (*parts)[0]);
    if (row.empty()) {
        return report_error(ctx, pgwire::sqlstate::kUndefinedObject,
                            "type \"" + text + "\" does not exist");
    }
    sqlite3_result_int64(ctx, std::stoll(row[0]));
}

// text::regclass decided when the statement runs (a name computed by the
// query, e.g. pg_get_serial_sequence(...)::regclass): a number is the OID
// itself; a name is looked up as PostgreSQL does, pg_catalog first, then the
// search path.
void regclass_in(sqlite3_context* ctx, int, sqlite3_value** argv) {
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return sqlite3_result_null(ctx);
    const auto* raw = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
    std::string text = raw != nullptr ? raw : "";
    if (is_oid_number(text)) return sqlite3_result_int64(ctx, std::stoll(text));
    std::optional<std::vector<std::string>> qualified = name_parts(ctx, text);
    if (!qualified) return;
    const std::vector<std::string>& parts = *qualified;
    sqlite3* db = sqlite3_context_db_handle(ctx);
    auto relation_oid = [&](const std::string& schema,
                            const std::string& name) -> std::optional<std::string> {
        if (schema == "pg_catalog") {
            if (std::optional<Oid> system = system_relation_oid(name))
                return std::to_string(*system);
            return std::nullopt;
        }
        std::vector<std::string> row =
            first_row(db, "SELECT oid FROM main._litegres_relation WHERE name = ?1",
                      NameResolver::sqlite_name(schema, name));
        if (row.empty()) return std::nullopt;
        return row[0];
    };
    std::optional<std::string> found;
    if (parts.size() == 2) {
        found = relation_oid(parts[0], parts[1]);
    } else {
        found = relation_oid("pg_catalog", parts[0]);
        for (const auto& schema : existing_search_path(ctx)) {
            if (!found) found = relation_oid(schema, parts[0]);
        }
    }
    if (!found) {
        return report_error(ctx, pgwire::sqlstate::kUndefinedTable,
                            "relation \"" + text + "\" does not exist");
    }
    sqlite3_result_int64(ctx, std::stoll(*found));
}

}  // namespace

int register_search_path_functions(sqlite3* db) {
    int rc = sqlite3_create_function_v2(db, "litegres_current_schema", 0, SQLITE_UTF8, nullptr,
                                        current_schema, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) return rc;
    rc = sqlite3_create_function_v2(db, "litegres_current_schemas", 1, SQLITE_UTF8, nullptr,
                                    current_schemas, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) return rc;
    rc = sqlite3_create_function_v2(db, "litegres_table_is_visible", 1, SQLITE_UTF8, nullptr,
                                    table_is_visible, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) return rc;
    rc = sqlite3_create_function_v2(db, "litegres_regclass_in", 1, SQLITE_UTF8, nullptr,
                                    regclass_in, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) return rc;
    return sqlite3_create_function_v2(db, "litegres_regtype_in", 1, SQLITE_UTF8, nullptr,
                                      regtype_in, nullptr, nullptr, nullptr);
}

}  // namespace litegres::translate
