// schema_translator.h — CREATE SCHEMA, DROP SCHEMA [CASCADE], ALTER SCHEMA
// ... RENAME TO. A schema is a row of _litegres_namespace; its relations are
// SQLite relations named "schema.name" (see NameResolver).
#pragma once

#include <pg_query/pg_query.pb-c.h>

#include "translate/catalog.h"
#include "translate/translated_statement.h"

namespace litegres::translate {

class SchemaTranslator {
  public:
    explicit SchemaTranslator(Catalog& catalog) : catalog_(catalog) {}
    TranslatedStatement create(const PgQuery__CreateSchemaStmt& stmt);
    TranslatedStatement drop(const PgQuery__DropStmt& stmt);
    TranslatedStatement rename(const PgQuery__RenameStmt& stmt);
    // The bookkeeping row that makes schema `name` (owner: the session's
    // user when empty).
    static std::string create_schema_sql(const std::string& name, const std::string& owner);

  private:
    Catalog& catalog_;
};

}  // namespace litegres::translate
