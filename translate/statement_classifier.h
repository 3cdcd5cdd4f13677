// statement_classifier.h — what a statement needs before it runs, read off
// the AST alone: whether it must run on the writer connection. The session
// decides this for a whole query string before executing any of it, so a
// write never starts on a reader and nothing runs twice.
#pragma once

#include <pg_query/pg_query.pb-c.h>

namespace litegres::translate {

bool statement_needs_writer(const PgQuery__RawStmt& raw);

}  // namespace litegres::translate
