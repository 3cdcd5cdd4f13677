// statement_translator.h — one PostgreSQL statement (a RawStmt of the AST)
// ► TranslatedStatement. Dispatches on the statement kind: queries and DML go
// through QueryTranslator; DDL is emitted here; transaction control, SET/SHOW
// and CREATE/DROP DATABASE become instructions for the session.
#pragma once

#include <pg_query/pg_query.pb-c.h>

#include <string>

#include "translate/catalog.h"
#include "translate/query_translator.h"
#include "translate/translated_statement.h"

namespace litegres::translate {

class StatementTranslator {
public:
    // `declared_parameter_types`: the types a client gave in Parse (OID 0
    // or missing: infer from context).
    explicit StatementTranslator(Catalog& catalog, std::vector<PgType> declared_parameter_types = {})
        : catalog_(catalog), parameter_types_(std::move(declared_parameter_types)) {}

    TranslatedStatement translate(const PgQuery__RawStmt& raw);
    // The parameters stand for lifted literals (see ParameterTypes).
    void parameters_are_literals() { parameter_types_.mark_from_literals(); }

private:
    TranslatedStatement translate_node(const PgQuery__RawStmt& raw);
    // WITH ... AS (INSERT/UPDATE/DELETE ...) (data_modifying_with.cpp).
    bool has_data_modifying_with(const PgQuery__Node* node) const;
    TranslatedStatement data_modifying_with(const PgQuery__RawStmt& raw);
    TranslatedStatement select(const PgQuery__SelectStmt& stmt);
    TranslatedStatement insert(const PgQuery__InsertStmt& stmt);
    TranslatedStatement update(const PgQuery__UpdateStmt& stmt);
    TranslatedStatement remove(const PgQuery__DeleteStmt& stmt);
    // "col = value, ..." of UPDATE SET and ON CONFLICT DO UPDATE SET.
    std::string set_list(QueryTranslator& q, PgQuery__Node** items, size_t count, const RangeEntry& target,
                         const Scope& scope);
    std::string on_conflict(QueryTranslator& q, const PgQuery__OnConflictClause& clause, const RangeEntry& target);
    TranslatedStatement create_table(const PgQuery__CreateStmt& stmt);
    // CREATE TABLE ... AS and SELECT ... INTO: a table of the query's
    // result columns and types, filled by the query.
    TranslatedStatement alter_owner(const PgQuery__AlterOwnerStmt& stmt);
    // The SQLite name of a new table; for a temporary one, also the SQL that
    // makes the session's temp schema when it does not exist yet (into `t`).
    std::string new_table_name(const PgQuery__RangeVar& rv, PgQuery__OnCommitAction on_commit,
                               TranslatedStatement& t);
    TranslatedStatement create_table_as(const PgQuery__IntoClause& into, const PgQuery__SelectStmt& query,
                                        bool if_not_exists);
    TranslatedStatement transaction(const PgQuery__TransactionStmt& stmt);
    // The SQLite name of the table a FOREIGN KEY of `table` references (42P01 when none).
    std::string check_references(const PgQuery__Constraint& c, const std::string& table);

public:
    // The SQLite definition of one column of `table` (its SQLite name; CREATE
    // TABLE, ALTER TABLE ADD COLUMN); `after` receives the SQL its owned sequence needs.
    std::string column_definition(QueryTranslator& q, const PgQuery__ColumnDef& col, const std::string& table,
                                  bool in_key, const Scope& table_scope, std::vector<std::string>& after);
    // A table constraint, named as PostgreSQL names it when unnamed.
    std::string table_constraint(QueryTranslator& q, const PgQuery__Constraint& c, const std::string& table,
                                 const Scope& table_scope);

private:
    TranslatedStatement lock(const PgQuery__LockStmt& stmt);
    TranslatedStatement set_variable(const PgQuery__VariableSetStmt& stmt);
    TranslatedStatement copy(const PgQuery__CopyStmt& stmt);  // copy_statement.cpp
    TranslatedStatement vacuum(const PgQuery__VacuumStmt& stmt);  // vacuum_statement.cpp
    // cursor_statement.cpp
    TranslatedStatement declare_cursor(const PgQuery__DeclareCursorStmt& stmt);
    TranslatedStatement fetch(const PgQuery__FetchStmt& stmt);
    TranslatedStatement close_cursor(const PgQuery__ClosePortalStmt& stmt);

    Catalog& catalog_;
    ParameterTypes parameter_types_;
    // While data_modifying_with translates the main statement: its WITH
    // queries' captured rows.
    CapturedCommonTables captured_ctes_;
};

// The SQLite schema litegres keeps beside the user's tables (sequences);
// created on every database when it is opened. Its names start with
// "_litegres_", which the catalogs never show.
extern const char* const kBookkeepingSchemaSql;
// Statements that bring an older database's bookkeeping up to date, ending
// in nullptr; each fails harmlessly (duplicate column) once applied.
extern const char* const kBookkeepingUpgradeSql[];

}  // namespace litegres::translate
