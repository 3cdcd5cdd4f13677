// enum_type_translator.h — CREATE TYPE ... AS ENUM, ALTER TYPE (ADD VALUE,
// RENAME VALUE, RENAME TO) and DROP TYPE. Types and labels live in
// _litegres_enum_type / _litegres_enum (see enum_type.h for how columns name
// them and enum_label_order.h for how their order reaches SQLite).
#pragma once

#include <pg_query/pg_query.pb-c.h>

#include "translate/catalog.h"
#include "translate/query_translator.h"
#include "translate/translated_statement.h"

namespace litegres::translate {

class EnumTypeTranslator {
  public:
    EnumTypeTranslator(Catalog& catalog, ParameterTypes& parameter_types)
        : catalog_(catalog), parameter_types_(parameter_types) {}

    // Whether `node` is type DDL this class translates (with translate()).
    static bool handles(const PgQuery__Node& node);
    TranslatedStatement translate(const PgQuery__Node& node);

    TranslatedStatement create(const PgQuery__CreateEnumStmt& stmt);
    TranslatedStatement alter(const PgQuery__AlterEnumStmt& stmt);
    TranslatedStatement rename(const PgQuery__RenameStmt& stmt);
    TranslatedStatement drop(const PgQuery__DropStmt& stmt);

  private:
    // The type a name list names; 42704 when there is none.
    EnumType existing_type(PgQuery__Node** names, size_t count);
    // 42710 when a type (or a relation, whose row type shares the name) exists.
    void check_name_free(const std::string& name);

    Catalog& catalog_;
    ParameterTypes& parameter_types_;
};

}  // namespace litegres::translate
