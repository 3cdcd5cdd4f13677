// index_translator.h — CREATE INDEX ► SQLite CREATE INDEX: plain, unique,
// partial and expression indexes, with the name PostgreSQL would generate
// for an unnamed one (t_a_idx, t_a_idx1, t_lower_idx, t_expr_idx).
#pragma once

#include <pg_query/pg_query.pb-c.h>

#include <string>
#include <vector>

#include "translate/catalog.h"
#include "translate/name_resolver.h"
#include "translate/query_translator.h"
#include "translate/translated_statement.h"

namespace litegres::translate {

class IndexTranslator {
public:
    IndexTranslator(Catalog& catalog, ParameterTypes& parameter_types)
        : catalog_(catalog), parameter_types_(parameter_types) {}

    TranslatedStatement create(const PgQuery__IndexStmt& stmt);

    // PostgreSQL's ChooseRelationName: table_columns_suffix, numbered on a
    // clash with any existing relation.
    // The name is `table`'s schema's; `table.name` is PostgreSQL's relation name.
    static std::string choose_name(Catalog& catalog, const RelationName& table, const std::vector<std::string>& columns,
                                   const std::string& suffix);

private:
    Catalog& catalog_;
    ParameterTypes& parameter_types_;
};

}  // namespace litegres::translate
