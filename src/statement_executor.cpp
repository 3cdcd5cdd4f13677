// statement_executor.cpp — stepping SQLite statements into protocol replies.
#include "src/statement_executor.h"

#include "src/row_encoder.h"
#include "src/sqlite_error.h"

namespace litegres {

void execute_statement(SqliteConnection& connection, const translate::TranslatedStatement& stmt,
                       pgwire::BackendEncoder& encoder) {
    sqlite3* db = connection.handle();
    // DDL is prepared once; everything else is kept prepared for reuse.
    bool cache = !stmt.changes_schema;
    int64_t rows = 0;
    for (size_t i = 0; i < stmt.sqlite_sql.size(); ++i) {
        bool last = i + 1 == stmt.sqlite_sql.size();
        sqlite3_stmt* s = connection.prepare(stmt.sqlite_sql[i], cache);
        bool emit_rows = last && stmt.returns_rows;
        if (emit_rows) encoder.row_description(RowEncoder::describe(stmt.columns));
        RowEncoder rows_out(stmt.columns);
        std::string scratch;
        int rc;
        while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
            if (emit_rows) {
                rows_out.write_row(s, encoder, scratch);
                ++rows;
            }
        }
        if (rc != SQLITE_DONE) {
            pgwire::PgError error = sqlite_error(db, rc);
            sqlite3_reset(s);
            throw error;
        }
        if (last && !stmt.returns_rows) rows = sqlite3_changes64(db);
        sqlite3_reset(s);
    }
    switch (stmt.tag_style) {
        case translate::TagStyle::kPlain: encoder.command_complete(stmt.tag); break;
        case translate::TagStyle::kRowCount: encoder.command_complete(stmt.tag + " " + std::to_string(rows)); break;
        case translate::TagStyle::kInsertCount: encoder.command_complete("INSERT 0 " + std::to_string(rows)); break;
    }
}

}  // namespace litegres
