// name_resolver.cpp — see name_resolver.h.
#include "translate/name_resolver.h"

#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"
#include "translate/ddl_text.h"
#include "translate/query_translator.h"
#include "translate/search_path.h"

namespace litegres::translate {

using pgwire::PgError;
namespace sqlstate = pgwire::sqlstate;

namespace {

const char* text_or_empty(const char* s) {
    return s != nullptr ? s : "";
}

}  // namespace

std::string RelationName::sqlite_name() const {
    return NameResolver::sqlite_name(schema, name);
}

std::string NameResolver::sqlite_name(std::string_view schema, std::string_view name) {
    if (schema.empty() || schema == "public") return std::string(name);
    return std::string(schema) + "." + std::string(name);
}

bool NameResolver::is_system_schema(std::string_view schema) {
    return schema == "pg_catalog" || schema == "information_schema" || schema == "pg_toast";
}

std::vector<std::string> NameResolver::existing_search_path() {
    std::vector<std::string> out;
    for (const auto& schema : catalog_.search_path()) {
        if (is_system_schema(schema) || catalog_.schema_exists(schema)) out.push_back(schema);
    }
    return out;
}

bool NameResolver::is_temp_schema(std::string_view schema) {
    return schema.rfind("pg_temp_", 0) == 0;
}

std::optional<RelationName> NameResolver::find(std::string_view schema, std::string_view name) {
    auto exists = [&](const RelationName& relation) {
        std::string sqlite_name = relation.sqlite_name();
        return catalog_.find_object(sqlite_name) || catalog_.find_table(sqlite_name);
    };
    if (schema == "pg_temp") schema = catalog_.temp_schema();
    // The session's temporary relations hide others of the same name.
    if (schema.empty() && catalog_.schema_exists(catalog_.temp_schema())) {
        RelationName temporary{catalog_.temp_schema(), std::string(name)};
        if (exists(temporary)) return temporary;
    }
    if (!schema.empty()) {
        if (is_system_schema(schema) || !catalog_.schema_exists(schema)) return std::nullopt;
        RelationName found{std::string(schema), std::string(name)};
        if (!exists(found)) return std::nullopt;
        return found;
    }
    for (const auto& candidate : catalog_.search_path()) {
        if (is_system_schema(candidate) || !catalog_.schema_exists(candidate)) continue;
        RelationName found{candidate, std::string(name)};
        if (exists(found)) return found;
    }
    return std::nullopt;
}

std::optional<RelationName> NameResolver::find(const PgQuery__RangeVar& rv) {
    return find(text_or_empty(rv.schemaname), text_or_empty(rv.relname));
}

std::optional<RelationName> NameResolver::find(const PgQuery__List& names) {
    if (names.n_items == 0) return std::nullopt;
    std::string_view schema =
        names.n_items > 1 ? ddl::string_value(names.items[names.n_items - 2]) : "";
    return find(schema, ddl::string_value(names.items[names.n_items - 1]));
}

std::optional<RelationName> NameResolver::find_by_text(std::string_view text) {
    std::vector<std::string> parts = split_identifier_string(text, '.');
    if (parts.empty() || parts.size() > 3) return std::nullopt;
    return find(parts.size() > 1 ? parts[parts.size() - 2] : std::string(), parts.back());
}

RelationName NameResolver::creation_target(std::string_view schema, std::string_view name,
                                           int location) {
    std::vector<std::string> path;  // `schema` may come to point into it
    if (schema.empty()) {
        path = existing_search_path();
        if (path.empty()) {
            throw PgError(sqlstate::kInvalidSchemaName, "no schema has been selected to create in",
                          ddl::position(location));
        }
        schema = path.front();
    } else if (!is_system_schema(schema) && !catalog_.schema_exists(schema)) {
        throw PgError(sqlstate::kInvalidSchemaName,
                      "schema \"" + std::string(schema) + "\" does not exist",
                      ddl::position(location));
    }
    if (is_system_schema(schema))
        throw_unsupported("creating relations in schema " + std::string(schema), location);
    RelationName target{std::string(schema), std::string(name)};
    // A public relation named "x.y" would read as y of schema x (or hide
    // behind information_schema's views, SQLite's TEMP "information_schema.y").
    size_t dot = target.name.find('.');
    std::string prefix = dot != std::string::npos ? target.name.substr(0, dot) : "";
    if (target.schema == "public" && !prefix.empty() &&
        (is_system_schema(prefix) || catalog_.schema_exists(prefix))) {
        throw_unsupported("a relation name that starts with the name of a schema and a dot",
                          location);
    }
    return target;
}

RelationName NameResolver::creation_target(const PgQuery__RangeVar& rv) {
    std::string_view schema = text_or_empty(rv.schemaname);
    bool temporary =
        (rv.relpersistence != nullptr && rv.relpersistence[0] == 't') || schema == "pg_temp";
    if (temporary) {
        // Only CREATE TEMPORARY TABLE makes the temp schema (see StatementTranslator).
        if (!catalog_.schema_exists(catalog_.temp_schema())) {
            throw_unsupported("temporary relations other than tables", rv.location);
        }
        return temporary_target(schema, text_or_empty(rv.relname), rv.location);
    }
    return creation_target(schema, text_or_empty(rv.relname), rv.location);
}

RelationName NameResolver::temporary_target(std::string_view schema, std::string_view name,
                                            int location) {
    if (!schema.empty() && schema != "pg_temp" && schema != catalog_.temp_schema()) {
        throw PgError(sqlstate::kInvalidTableDefinition,
                      "cannot create temporary relation in non-temporary schema",
                      ddl::position(location));
    }
    return {catalog_.temp_schema(), std::string(name)};
}

std::string NameResolver::display(const PgQuery__RangeVar& rv) {
    std::string schema = text_or_empty(rv.schemaname);
    return schema.empty() ? std::string(text_or_empty(rv.relname))
                          : schema + "." + text_or_empty(rv.relname);
}

std::string NameResolver::display(const PgQuery__List& names) {
    std::string out;
    for (size_t i = 0; i < names.n_items; ++i) {
        if (i > 0) out += ".";
        out += ddl::string_value(names.items[i]);
    }
    return out;
}

RelationName NameResolver::of_sqlite_name(std::string_view sqlite_name) {
    size_t dot = sqlite_name.find('.');
    if (dot != std::string_view::npos && catalog_.schema_exists(sqlite_name.substr(0, dot))) {
        return {std::string(sqlite_name.substr(0, dot)), std::string(sqlite_name.substr(dot + 1))};
    }
    return {"public", std::string(sqlite_name)};
}

}  // namespace litegres::translate
