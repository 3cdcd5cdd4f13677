// statement_executor.h — runs a TranslatedStatement's SQLite SQL on one
// connection and encodes the replies: RowDescription, DataRows and the
// CommandComplete tag exactly as PostgreSQL forms it.
#pragma once

#include "pgwire/backend_encoder.h"
#include "src/sqlite_connection.h"
#include "translate/translated_statement.h"

namespace litegres {

// Throws PgError (mapped from SQLite) on failure. Rows already encoded stay
// in the output, as PostgreSQL streams rows before an error ends them.
void execute_statement(SqliteConnection& connection, const translate::TranslatedStatement& stmt,
                       pgwire::BackendEncoder& encoder);

}  // namespace litegres
