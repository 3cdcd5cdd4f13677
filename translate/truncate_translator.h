// truncate_translator.h — TRUNCATE [TABLE] t [, ...] [RESTART IDENTITY]
// [CASCADE]: every row deleted, owned sequences reset on request, and
// PostgreSQL's rule that a table referenced by a foreign key is truncated
// only together with the tables referencing it.
#pragma once

#include <pg_query/pg_query.pb-c.h>

#include "translate/catalog.h"
#include "translate/translated_statement.h"

namespace litegres::translate {

class TruncateTranslator {
public:
    explicit TruncateTranslator(Catalog& catalog) : catalog_(catalog) {}
    TranslatedStatement truncate(const PgQuery__TruncateStmt& stmt);

private:
    Catalog& catalog_;
};

}  // namespace litegres::translate
