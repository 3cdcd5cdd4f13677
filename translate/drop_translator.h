// drop_translator.h — DROP TABLE / INDEX / VIEW / SEQUENCE [IF EXISTS]: the
// object must be of the kind named (42809 otherwise, as PostgreSQL), and
// what litegres keeps beside it (OIDs, owned sequences, view column types,
// comments) goes with it.
#pragma once

#include <pg_query/pg_query.pb-c.h>

#include "translate/catalog.h"
#include "translate/translated_statement.h"

namespace litegres::translate {

class DropTranslator {
public:
    explicit DropTranslator(Catalog& catalog) : catalog_(catalog) {}
    TranslatedStatement drop(const PgQuery__DropStmt& stmt);

private:
    Catalog& catalog_;
};

}  // namespace litegres::translate
