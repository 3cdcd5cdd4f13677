// statement_run.h — one execution of a TranslatedStatement on a connection:
// its parameters bound, its rows encoded in the requested formats, and its
// SQLite cursor kept open between calls so that an Execute with a row limit
// can suspend the portal and a later Execute resume it.
#pragma once

#include <memory>
#include <vector>

#include "pgwire/backend_encoder.h"
#include "src/sqlite_connection.h"
#include "translate/literal_coercion.h"
#include "translate/translated_statement.h"

namespace litegres {

class StatementRun {
public:
    StatementRun(SqliteConnection& connection, std::shared_ptr<const translate::TranslatedStatement> statement,
                 std::vector<translate::SqlValue> parameters, std::vector<int16_t> result_formats);

    // Sends DataRows until the statement completes (then CommandComplete;
    // returns true) or `max_rows` > 0 rows went out (then PortalSuspended;
    // returns false). Throws PgError; rows already sent stay sent, as
    // PostgreSQL streams rows before an error ends them.
    bool resume(pgwire::BackendEncoder& encoder, int64_t max_rows);
    // FETCH from a cursor: sends up to `max_rows` DataRows (or, with
    // `send` false, skips them for MOVE) and nothing else; returns how many.
    int64_t fetch(pgwire::BackendEncoder& encoder, int64_t max_rows, bool send);

    const translate::TranslatedStatement& statement() const { return *statement_; }
    const std::vector<int16_t>& result_formats() const { return formats_; }
    bool done() const { return done_; }

private:
    void start();
    // Empties the TEMP tables of a data-modifying WITH query's rows.
    void release_captured_rows();

    SqliteConnection& connection_;
    std::shared_ptr<const translate::TranslatedStatement> statement_;
    std::vector<translate::SqlValue> parameters_;
    std::vector<int16_t> formats_;
    StatementLease cursor_;  // the statement whose rows are sent
    bool started_ = false;
    bool done_ = false;
};

}  // namespace litegres
