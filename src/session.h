// session.h — one client session: the protocol state machine from startup
// to Terminate, transaction state (I/T/E) and the connections it holds.
//
// Sans I/O like pgwire: handle() takes a decoded message and appends the
// replies to `out`. It runs on a worker thread, one call at a time per
// session. When a query needs the writer connection and the session does not
// hold it, handle() returns kNeedsWriter without running anything; the
// connection acquires the database's WriteLock asynchronously and then calls
// resume(). Every PgError from below is caught here, in one place, and
// becomes an ErrorResponse.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "pgwire/backend_encoder.h"
#include "pgwire/frontend_message.h"
#include "src/database.h"
#include "src/database_registry.h"
#include "src/session_settings.h"
#include "translate/parsed_query.h"
#include "translate/session_context.h"
#include "translate/translated_statement.h"

namespace litegres {

class Session {
public:
    enum class Step {
        kContinue,     // replies are in `out`; go on with the next message
        kNeedsWriter,  // acquire database()->write_lock(), then call resume()
        kClose,        // flush `out`, then close the connection
    };

    Session(DatabaseRegistry& registry, int32_t process_id, int32_t secret_key);
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    Step handle(pgwire::FrontendMessage& message, std::string& out);
    // The write lock was granted: run the query that asked for it.
    Step resume(std::string& out);

    Database* database() const { return database_.get(); }

private:
    enum class TxState { kIdle, kInBlock, kFailed };

    Step start(const pgwire::StartupMessage& startup, std::string& out);
    Step query(std::string sql, std::string& out);
    void run_pending_query(pgwire::BackendEncoder& encoder);
    // Runs one statement; throws PgError.
    void run_statement(const PgQuery__RawStmt& raw, const std::string& text, bool last_in_query, SqliteConnection*& connection, ReaderLease& lease,
                       pgwire::BackendEncoder& encoder);
    std::shared_ptr<const translate::TranslatedStatement> translate(const PgQuery__RawStmt& raw,
                                                                    const std::string& text,
                                                                    SqliteConnection& connection);
    void run_transaction_control(const translate::TranslatedStatement& stmt, bool last_in_query, SqliteConnection* connection, ReaderLease& lease,
                                 pgwire::BackendEncoder& encoder);
    void run_setting(const translate::TranslatedStatement& stmt, pgwire::BackendEncoder& encoder);
    void end_transaction();
    void release_writer();
    void send_error(const pgwire::PgError& error, pgwire::BackendEncoder& encoder);
    pgwire::TransactionStatus status() const;

    DatabaseRegistry& registry_;
    int32_t process_id_;
    int32_t secret_key_;
    bool started_ = false;
    bool skipping_to_sync_ = false;

    std::shared_ptr<Database> database_;
    std::optional<SessionSettings> settings_;
    translate::SessionContext context_;

    TxState tx_state_ = TxState::kIdle;
    // Inside a multi-statement string run outside a transaction block: the
    // statements share one SQLite transaction that ends with the string.
    bool implicit_block_ = false;
    bool holds_writer_ = false;
    ReaderLease pinned_reader_;  // BEGIN READ ONLY
    bool schema_changed_in_transaction_ = false;

    // A query waiting for the write lock.
    std::unique_ptr<translate::ParsedQuery> pending_parse_;
    std::string pending_sql_;
};

}  // namespace litegres
