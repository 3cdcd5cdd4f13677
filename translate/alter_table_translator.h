// alter_table_translator.h — ALTER TABLE and RENAME. Renames use SQLite's own
// ALTER TABLE; every other action edits the table's definition
// (TableDefinition) and rebuilds the table in the statement's transaction:
// rename the old one aside, create the new one, copy the rows (converting
// with PostgreSQL's assignment casts or USING), point foreign keys of other
// tables back at it, drop the old one, recreate the indexes. The copy is
// where NOT NULL, UNIQUE, CHECK and FOREIGN KEY are checked against the rows
// already there, as PostgreSQL checks them.
#pragma once

#include <pg_query/pg_query.pb-c.h>

#include "translate/catalog.h"
#include "translate/query_translator.h"
#include "translate/translated_statement.h"

namespace litegres::translate {

class AlterTableTranslator {
public:
    AlterTableTranslator(Catalog& catalog, ParameterTypes& parameter_types)
        : catalog_(catalog), parameter_types_(parameter_types) {}

    TranslatedStatement alter(const PgQuery__AlterTableStmt& stmt);
    TranslatedStatement change_owner(const PgQuery__AlterTableStmt& stmt);
    TranslatedStatement rename(const PgQuery__RenameStmt& stmt);

private:
    Catalog& catalog_;
    ParameterTypes& parameter_types_;
};

}  // namespace litegres::translate
