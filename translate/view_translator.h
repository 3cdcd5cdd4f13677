// view_translator.h — CREATE [OR REPLACE] VIEW ► SQLite CREATE VIEW over the
// translated query, plus the PostgreSQL type of every view column in
// _litegres_view_column (SQLite knows only the declared type of plain
// column references), so that selecting from the view binds as PostgreSQL does.
#pragma once

#include <pg_query/pg_query.pb-c.h>

#include "translate/catalog.h"
#include "translate/query_translator.h"
#include "translate/translated_statement.h"

namespace litegres::translate {

class ViewTranslator {
public:
    ViewTranslator(Catalog& catalog, ParameterTypes& parameter_types)
        : catalog_(catalog), parameter_types_(parameter_types) {}

    TranslatedStatement create(const PgQuery__ViewStmt& stmt);

private:
    Catalog& catalog_;
    ParameterTypes& parameter_types_;
};

}  // namespace litegres::translate
