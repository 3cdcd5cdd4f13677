// view_translator.cpp — CREATE [OR REPLACE] VIEW.
#include "translate/view_translator.h"

#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"
#include "translate/ddl_text.h"
#include "translate/name_resolver.h"
#include "translate/schema_translator.h"

namespace litegres::translate {

using pgwire::PgError;
namespace sqlstate = pgwire::sqlstate;

TranslatedStatement ViewTranslator::create(const PgQuery__ViewStmt& stmt) {
    const auto& rv = *stmt.view;
    if (stmt.with_check_option != PG_QUERY__VIEW_CHECK_OPTION__NO_CHECK_OPTION)
        throw_unsupported("WITH CHECK OPTION");
    std::string relname = rv.relname;
    if (relname.rfind("_litegres_", 0) == 0 || relname.rfind("sqlite_", 0) == 0) {
        throw PgError(
            sqlstate::kInsufficientPrivilege,
            "relation name \"" + relname + "\" is reserved for litegres's own bookkeeping");
    }
    // The SQLite name (see NameResolver). A temporary view goes to the
    // session's temp schema, made by its first temporary relation.
    std::string schema = rv.schemaname != nullptr ? rv.schemaname : "";
    bool temporary =
        (rv.relpersistence != nullptr && rv.relpersistence[0] == 't') || schema == "pg_temp";
    NameResolver resolver(catalog_);
    std::string name = temporary
                           ? resolver.temporary_target(schema, relname, rv.location).sqlite_name()
                           : resolver.creation_target(rv).sqlite_name();
    std::vector<std::string> make_temp_schema;
    if (temporary && !catalog_.schema_exists(catalog_.temp_schema())) {
        make_temp_schema.push_back(SchemaTranslator::create_schema_sql(catalog_.temp_schema(), ""));
    }

    QueryTranslator q(catalog_, parameter_types_);
    SelectOutput query = q.select(*stmt.query->select_stmt, nullptr);
    if (stmt.n_aliases > query.columns.size()) {
        throw PgError(sqlstate::kSyntaxError,
                      "CREATE VIEW specifies more column names than columns");
    }
    std::vector<ColumnInfo> columns;
    for (size_t i = 0; i < query.columns.size(); ++i) {
        ColumnInfo c;
        c.name = i < stmt.n_aliases ? ddl::string_value(stmt.aliases[i]) : query.columns[i].name;
        // An unknown literal becomes text in a view, as in PostgreSQL 10+.
        c.type = query.columns[i].type.is_unknown() ? kText : query.columns[i].type;
        for (const auto& earlier : columns) {
            if (earlier.name == c.name) {
                throw PgError(sqlstate::kDuplicateColumn,
                              "column \"" + c.name + "\" specified more than once");
            }
        }
        columns.push_back(std::move(c));
    }

    TranslatedStatement t = ddl::schema_change("CREATE VIEW");
    t.sqlite_sql = std::move(make_temp_schema);
    t.creates_temp_schema = temporary;
    auto existing = catalog_.find_object(name);
    if (existing && (!stmt.replace || existing->kind != "view")) {
        if (stmt.replace)
            throw PgError(sqlstate::kWrongObjectType, "\"" + relname + "\" is not a view");
        throw PgError(sqlstate::kDuplicateTable, "relation \"" + relname + "\" already exists");
    }
    if (existing) {
        // OR REPLACE may only add columns at the end (checkViewTupleDesc).
        auto old = catalog_.find_table(name);
        const std::vector<ColumnInfo> none;
        const auto& old_columns = old ? old->columns : none;
        if (old_columns.size() > columns.size()) {
            throw PgError(sqlstate::kInvalidTableDefinition, "cannot drop columns from view");
        }
        for (size_t i = 0; i < old_columns.size(); ++i) {
            if (old_columns[i].name != columns[i].name) {
                PgError error(sqlstate::kInvalidTableDefinition,
                              "cannot change name of view column \"" + old_columns[i].name +
                                  "\" to \"" + columns[i].name + "\"");
                error.with_hint(
                    "Use ALTER VIEW ... RENAME COLUMN ... to change name of view column instead.");
                throw error;
            }
            if (old_columns[i].type.oid != columns[i].type.oid) {
                throw PgError(sqlstate::kInvalidTableDefinition,
                              "cannot change data type of view column \"" + columns[i].name +
                                  "\" from " + format_type(old_columns[i].type) + " to " +
                                  format_type(columns[i].type));
            }
        }
        t.sqlite_sql.push_back("DROP VIEW " + quote_identifier(name));
        t.sqlite_sql.push_back("DELETE FROM _litegres_view_column WHERE view = " +
                               quote_string(name));
    }
    std::vector<std::string> names, types;
    for (size_t i = 0; i < columns.size(); ++i) {
        names.push_back(quote_identifier(columns[i].name));
        types.push_back("(" + quote_string(name) + ", " + std::to_string(i + 1) + ", " +
                        quote_string(declared_type_text(columns[i].type)) + ")");
    }
    t.sqlite_sql.push_back("CREATE VIEW " + quote_identifier(name) + " (" + ddl::join(names, ", ") +
                           ") AS " + query.sql);
    t.sqlite_sql.push_back("INSERT INTO _litegres_view_column (view, attnum, type) VALUES " +
                           ddl::join(types, ", "));
    if (!existing) t.sqlite_sql.push_back(ddl::register_relation_sql(name));
    return t;
}

}  // namespace litegres::translate
