// schema_translator.cpp — see schema_translator.h.
#include "translate/schema_translator.h"

#include <string>
#include <vector>

#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"
#include "translate/ddl_text.h"
#include "translate/name_resolver.h"
#include "translate/query_translator.h"

namespace litegres::translate {

using pgwire::PgError;
namespace sqlstate = pgwire::sqlstate;

namespace {

bool schema_known(Catalog& catalog, const std::string& name) {
    return NameResolver::is_system_schema(name) || catalog.schema_exists(name);
}

}  // namespace

TranslatedStatement SchemaTranslator::create(const PgQuery__CreateSchemaStmt& stmt) {
    std::string owner;
    if (stmt.authrole != nullptr) {
        if (stmt.authrole->roletype != PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CSTRING) {
            throw_unsupported("CREATE SCHEMA AUTHORIZATION of a role keyword",
                              stmt.authrole->location);
        }
        owner = stmt.authrole->rolename;
    }
    // CREATE SCHEMA AUTHORIZATION r names the schema after the role.
    std::string name =
        stmt.schemaname != nullptr && stmt.schemaname[0] != '\0' ? stmt.schemaname : owner;
    if (stmt.n_schema_elts > 0) throw_unsupported("CREATE SCHEMA with schema elements");
    if (name.rfind("pg_", 0) == 0) {
        throw PgError(sqlstate::kReservedName, "unacceptable schema name \"" + name + "\"")
            .with_detail("The prefix \"pg_\" is reserved for system schemas.");
    }
    TranslatedStatement t = ddl::schema_change("CREATE SCHEMA");
    if (schema_known(catalog_, name)) {
        std::string message = "schema \"" + name + "\" already exists";
        if (!stmt.if_not_exists) throw PgError(sqlstate::kDuplicateSchema, message);
        t.notices.push_back({sqlstate::kDuplicateSchema, message + ", skipping"});
        return t;
    }
    // Relations of schema s are SQLite's "s.name": a dot in s, or public
    // relations already named "s.something", would make names ambiguous.
    if (name.find('.') != std::string::npos) throw_unsupported("a schema name with a dot");
    if (!catalog_.objects_in_schema(name).empty()) {
        throw_unsupported("a schema named like the prefix of an existing relation (\"" + name +
                          ".\")");
    }
    t.sqlite_sql.push_back(create_schema_sql(name, owner));
    return t;
}

std::string SchemaTranslator::create_schema_sql(const std::string& name, const std::string& owner) {
    return "INSERT INTO _litegres_namespace (oid, name, owner) SELECT coalesce(max(oid), 16383) + 1, " +
           quote_string(name) + ", " +
           (owner.empty() ? std::string("litegres_session_user()") : quote_string(owner)) +
           " FROM (SELECT oid FROM _litegres_relation UNION ALL SELECT oid FROM _litegres_namespace)";
}

TranslatedStatement SchemaTranslator::drop(const PgQuery__DropStmt& stmt) {
    TranslatedStatement t = ddl::schema_change("DROP SCHEMA");
    bool cascade = stmt.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
    std::vector<std::string> views, tables, sequences, dropped;
    for (size_t i = 0; i < stmt.n_objects; ++i) {
        std::string name = ddl::string_value(stmt.objects[i]);
        if (NameResolver::is_system_schema(name)) {
            throw PgError(
                sqlstate::kDependentObjectsStillExist,
                "cannot drop schema " + name + " because it is required by the database system");
        }
        if (name == "public") throw_unsupported("DROP SCHEMA public");
        if (!catalog_.schema_exists(name)) {
            std::string message = "schema \"" + name + "\" does not exist";
            if (!stmt.missing_ok) throw PgError(sqlstate::kInvalidSchemaName, message);
            t.notices.push_back({sqlstate::kSuccessfulCompletion, message + ", skipping"});
            continue;
        }
        // What PostgreSQL lists as depending on the schema: its tables,
        // views and sequences (indexes and owned sequences go with their table).
        std::vector<std::string> members;
        for (const auto& object : catalog_.objects_in_schema(name)) {
            if (object.kind == "view") views.push_back(object.name);
            if (object.kind == "table") tables.push_back(object.name);
            if (object.kind == "sequence") sequences.push_back(object.name);
            bool owned = object.kind == "sequence" && !object.table.empty();
            if (object.kind == "table" || object.kind == "view" ||
                (object.kind == "sequence" && !owned)) {
                members.push_back(object.kind + " " + object.name);
            }
        }
        if (!members.empty() && !cascade) {
            PgError error(sqlstate::kDependentObjectsStillExist,
                          "cannot drop schema " + name + " because other objects depend on it");
            std::string detail;
            for (const auto& m : members)
                detail += (detail.empty() ? "" : "\n") + m + " depends on schema " + name;
            error.with_detail(detail);
            error.with_hint("Use DROP ... CASCADE to drop the dependent objects too.");
            throw error;
        }
        for (auto& m : members) dropped.push_back(std::move(m));
        t.sqlite_sql.push_back("DELETE FROM _litegres_namespace WHERE name = " +
                               quote_string(name));
    }
    if (dropped.size() == 1) {
        t.notices.push_back(
            {sqlstate::kSuccessfulCompletion, "drop cascades to " + dropped.front()});
    } else if (dropped.size() > 1) {
        t.notices.push_back(
            {sqlstate::kSuccessfulCompletion,
             "drop cascades to " + std::to_string(dropped.size()) + " other objects"});
    }
    // Views first: they read the tables.
    for (const auto& v : views) t.sqlite_sql.push_back("DROP VIEW " + quote_identifier(v));
    for (const auto& table : tables)
        t.sqlite_sql.push_back("DROP TABLE " + quote_identifier(table));
    for (const auto& s : sequences)
        t.sqlite_sql.push_back("DELETE FROM _litegres_sequence WHERE name = " + quote_string(s));
    ddl::forget_dropped_relations(t);
    return t;
}

TranslatedStatement SchemaTranslator::rename(const PgQuery__RenameStmt& stmt) {
    std::string from = stmt.subname, to = stmt.newname;
    if (NameResolver::is_system_schema(from) || from == "public")
        throw_unsupported("renaming schema " + from);
    if (!catalog_.schema_exists(from)) {
        throw PgError(sqlstate::kInvalidSchemaName, "schema \"" + from + "\" does not exist");
    }
    if (schema_known(catalog_, to))
        throw PgError(sqlstate::kDuplicateSchema, "schema \"" + to + "\" already exists");
    if (to.rfind("pg_", 0) == 0) {
        throw PgError(sqlstate::kReservedName, "unacceptable schema name \"" + to + "\"")
            .with_detail("The prefix \"pg_\" is reserved for system schemas.");
    }
    if (to.find('.') != std::string::npos) throw_unsupported("a schema name with a dot");
    if (!catalog_.objects_in_schema(to).empty()) {
        throw_unsupported("a schema named like the prefix of an existing relation (\"" + to +
                          ".\")");
    }
    TranslatedStatement t = ddl::schema_change("ALTER SCHEMA");
    std::string old_prefix = from + ".", new_prefix = to + ".";
    auto renamed = [&](const std::string& name) {
        return new_prefix + name.substr(old_prefix.size());
    };
    // Quoted references to the schema's relations inside stored SQL ("s.t").
    auto requoted = [&](std::string sql) {
        const std::string old_quoted = "\"" + old_prefix, new_quoted = "\"" + new_prefix;
        for (size_t at = sql.find(old_quoted); at != std::string::npos;
             at = sql.find(old_quoted, at + new_quoted.size())) {
            sql.replace(at, old_quoted.size(), new_quoted);
        }
        return sql;
    };
    std::vector<SchemaObject> objects = catalog_.objects_in_schema(from);
    for (const auto& object : objects) {
        // A column default names its sequence by SQLite name in the table's
        // SQLite definition, which SQLite cannot rewrite in place.
        if (object.kind == "table" &&
            object.sql.find("litegres_nextval('" + old_prefix) != std::string::npos) {
            throw_unsupported(
                "ALTER SCHEMA ... RENAME of a schema whose columns take defaults from its "
                "sequences");
        }
    }
    std::vector<std::string> recreate;
    for (const auto& object : objects) {
        if (object.kind == "view" || (object.kind == "index" && !object.sql.empty()) ||
            object.kind == "trigger") {
            t.sqlite_sql.push_back("DROP " +
                                   std::string(object.kind == "view"    ? "VIEW "
                                               : object.kind == "index" ? "INDEX "
                                                                        : "TRIGGER ") +
                                   quote_identifier(object.name));
            recreate.push_back(requoted(object.sql));
        }
    }
    for (const auto& object : objects) {
        if (object.kind == "table") {
            t.sqlite_sql.push_back("ALTER TABLE " + quote_identifier(object.name) + " RENAME TO " +
                                   quote_identifier(renamed(object.name)));
        }
    }
    for (auto& sql : recreate) t.sqlite_sql.push_back(std::move(sql));
    // litegres's bookkeeping follows the names.
    std::string match = " WHERE substr(%, 1, " + std::to_string(old_prefix.size()) +
                        ") = " + quote_string(old_prefix);
    auto rewrite = [&](const std::string& table, const std::string& column) {
        std::string where = match;
        where.replace(where.find('%'), 1, column);
        t.sqlite_sql.push_back("UPDATE " + table + " SET " + column + " = " +
                               quote_string(new_prefix) + " || substr(" + column + ", " +
                               std::to_string(old_prefix.size() + 1) + ")" + where);
    };
    rewrite("_litegres_relation", "name");
    rewrite("_litegres_sequence", "name");
    rewrite("_litegres_sequence", "owner_table");
    rewrite("_litegres_view_column", "view");
    rewrite("_litegres_comment", "relation");
    t.sqlite_sql.push_back("UPDATE _litegres_namespace SET name = " + quote_string(to) +
                           " WHERE name = " + quote_string(from));
    return t;
}

}  // namespace litegres::translate
