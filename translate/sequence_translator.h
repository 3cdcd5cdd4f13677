// sequence_translator.h — CREATE SEQUENCE / ALTER SEQUENCE and the sequence
// behind a serial or identity column: PostgreSQL's option defaults and
// checks (AS type, START, INCREMENT, MINVALUE, MAXVALUE, CACHE, CYCLE,
// RESTART, OWNED BY), stored as a row of _litegres_sequence that nextval,
// currval and setval (sqlite_functions.cpp) honour.
#pragma once

#include <pg_query/pg_query.pb-c.h>

#include <string>

#include "translate/catalog.h"
#include "translate/translated_statement.h"

namespace litegres::translate {

class SequenceTranslator {
public:
    explicit SequenceTranslator(Catalog& catalog) : catalog_(catalog) {}

    TranslatedStatement create(const PgQuery__CreateSeqStmt& stmt);
    TranslatedStatement alter(const PgQuery__AlterSeqStmt& stmt);

    // The INSERT that creates the sequence owned by a serial (identity 0) or
    // identity ('a' / 'd') column of type `column_type`, with the options of
    // GENERATED ... AS IDENTITY (options).
    std::string owned_sequence_sql(const std::string& name, const std::string& table, const std::string& column,
                                   PgType column_type, PgQuery__Node** options, size_t n_options, char identity);
    // The SQLite name of the sequence a column owns: its SEQUENCE NAME
    // option, else PostgreSQL's choice (table_column_seq) in the table's schema.
    std::string owned_sequence_name(const std::string& table, const std::string& column, PgQuery__Node** options,
                                    size_t n_options);

private:
    // Applies DefElem options to `seq`; returns the RESTART value, if any.
    bool apply_options(SequenceInfo& seq, PgQuery__Node** options, size_t n_options, bool creating,
                       int64_t& restart);
    static std::string insert_sql(const SequenceInfo& seq, char identity);

    Catalog& catalog_;
};

}  // namespace litegres::translate
