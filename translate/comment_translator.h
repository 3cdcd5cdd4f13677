// comment_translator.h — COMMENT ON TABLE / VIEW / INDEX / SEQUENCE / COLUMN
// ... IS 'text' | NULL, kept in _litegres_comment, which obj_description and
// col_description read.
#pragma once

#include <pg_query/pg_query.pb-c.h>

#include "translate/catalog.h"
#include "translate/translated_statement.h"

namespace litegres::translate {

class CommentTranslator {
public:
    explicit CommentTranslator(Catalog& catalog) : catalog_(catalog) {}
    TranslatedStatement comment(const PgQuery__CommentStmt& stmt);

private:
    Catalog& catalog_;
};

}  // namespace litegres::translate
