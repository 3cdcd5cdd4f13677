// statement_run.cpp — stepping SQLite statements into protocol replies.
#include "src/statement_run.h"

#include "src/parameter_binder.h"
#include "src/row_encoder.h"
#include "src/sqlite_error.h"

namespace litegres {

StatementRun::StatementRun(SqliteConnection& connection,
                           std::shared_ptr<const translate::TranslatedStatement> statement,
                           std::vector<translate::SqlValue> parameters, std::vector<int16_t> result_formats)
    : connection_(connection),
      statement_(std::move(statement)),
      parameters_(std::move(parameters)),
      formats_(std::move(result_formats)) {}

void StatementRun::start() {
    started_ = true;
    // DDL is prepared once; everything else is kept prepared for reuse.
    bool cache = !statement_->changes_schema;
    const auto& sql = statement_->sqlite_sql;
    for (size_t i = 0; i + 1 < sql.size(); ++i) {
        StatementLease step = connection_.lease(sql[i], cache);
        bind_parameters(step.get(), parameters_);
        const translate::RowCapture* capture = nullptr;
        for (const auto& c : statement_->row_captures) {
            if (c.statement == i) capture = &c;
        }
        StatementLease keep;
        if (capture != nullptr) {
            std::string insert = "INSERT INTO " + capture->table + " VALUES (";
            for (int c = 0; c < sqlite3_column_count(step.get()); ++c) insert += c > 0 ? ", ?" : "?";
            keep = connection_.lease(insert + ")", true);
        }
        int rc;
        while ((rc = sqlite3_step(step.get())) == SQLITE_ROW) {
            if (capture == nullptr) continue;
            for (int c = 0; c < sqlite3_column_count(step.get()); ++c) {
                sqlite3_bind_value(keep.get(), c + 1, sqlite3_column_value(step.get(), c));
            }
            int kept = sqlite3_step(keep.get());
            sqlite3_reset(keep.get());
            if (kept != SQLITE_DONE) throw sqlite_error(connection_.handle(), kept);
        }
        if (rc != SQLITE_DONE) throw sqlite_error(connection_.handle(), rc);
    }
    cursor_ = connection_.lease(sql.back(), cache);
    bind_parameters(cursor_.get(), parameters_);
}

bool StatementRun::resume(pgwire::BackendEncoder& encoder, int64_t max_rows) {
    const translate::TranslatedStatement& stmt = *statement_;
    if (stmt.sqlite_sql.empty()) {
        // Nothing for SQLite to do (e.g. CREATE TABLE IF NOT EXISTS of an
        // existing table): only the tag.
        done_ = true;
        encoder.command_complete(stmt.tag);
        return true;
    }
    if (!started_) start();
    RowEncoder rows_out(stmt.columns, formats_);
    std::string scratch;
    int64_t rows = 0;
    for (;;) {
        if (max_rows > 0 && rows >= max_rows) {
            encoder.portal_suspended();
            return false;
        }
        int rc = sqlite3_step(cursor_.get());
        if (rc == SQLITE_ROW) {
            if (stmt.returns_rows) {
                rows_out.write_row(cursor_.get(), encoder, scratch);
                ++rows;
            }
            continue;
        }
        if (rc != SQLITE_DONE) {
            pgwire::PgError error = sqlite_error(connection_.handle(), rc);
            cursor_.release();
            done_ = true;
            throw error;
        }
        break;
    }
    if (!stmt.returns_rows) rows = sqlite3_changes64(connection_.handle());
    cursor_.release();
    done_ = true;
    release_captured_rows();
    switch (stmt.tag_style) {
        case translate::TagStyle::kPlain: encoder.command_complete(stmt.tag); break;
        case translate::TagStyle::kRowCount: encoder.command_complete(stmt.tag + " " + std::to_string(rows)); break;
        case translate::TagStyle::kInsertCount: encoder.command_complete("INSERT 0 " + std::to_string(rows)); break;
    }
    return true;
}

void StatementRun::release_captured_rows() {
    // The TEMP tables stay (their definition is reused); their rows go.
    for (const auto& capture : statement_->row_captures) {
        StatementLease clear = connection_.lease("DELETE FROM " + capture.table, true);
        int rc = sqlite3_step(clear.get());
        if (rc != SQLITE_DONE) throw sqlite_error(connection_.handle(), rc);
    }
}

int64_t StatementRun::fetch(pgwire::BackendEncoder& encoder, int64_t max_rows, bool send) {
    if (done_) return 0;
    if (!started_) start();
    RowEncoder rows_out(statement_->columns, formats_);
    std::string scratch;
    int64_t rows = 0;
    while (rows < max_rows) {
        int rc = sqlite3_step(cursor_.get());
        if (rc == SQLITE_ROW) {
            if (send) rows_out.write_row(cursor_.get(), encoder, scratch);
            ++rows;
            continue;
        }
        cursor_.release();
        done_ = true;
        if (rc != SQLITE_DONE) throw sqlite_error(connection_.handle(), rc);
        release_captured_rows();
        break;
    }
    return rows;
}

}  // namespace litegres
