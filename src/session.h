// session.h — one client session: the protocol state machine from startup
// to Terminate, transaction state (I/T/E), prepared statements and portals,
// and the SQLite connection it currently holds.
//
// Sans I/O like pgwire: handle() takes a decoded message and appends the
// replies to `out`. It runs on a worker thread, one call at a time per
// session. When a message needs the writer connection and the session does
// not hold it, handle() returns kNeedsWriter having done nothing; the
// connection acquires the database's WriteLock asynchronously and then calls
// resume(), which handles the same message again. Every PgError from below is
// caught here, in one place, and becomes an ErrorResponse.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <memory>
#include <atomic>
#include <chrono>
#include <optional>
#include <string>

#include "pgwire/backend_encoder.h"
#include "pgwire/copy_format.h"
#include "pgwire/frontend_message.h"
#include "src/database.h"
#include "src/database_registry.h"
#include "src/session_settings.h"
#include "src/transactional_settings.h"
#include "src/statement_run.h"
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
    // The write lock was granted: handle the message that asked for it.
    Step resume(std::string& out);

    Database* database() const { return database_.get(); }

    // A CancelRequest for this session (from another connection, any
    // thread): interrupts the statement running now, if the key matches.
    void cancel(int32_t secret_key);
    // Where this session sends a CancelRequest it receives (the server's
    // lookup of the target session by process id).
    std::function<void(int32_t process_id, int32_t secret_key)> forward_cancel;

private:
    enum class TxState { kIdle, kInBlock, kFailed };

    // A statement prepared by Parse: the AST and its translation, re-bound
    // when the schema generation moves on.
    struct PreparedStatement {
        std::string cache_key;  // its text (distinct for SQL-level PREPARE)
        std::shared_ptr<translate::ParsedQuery> parsed;
        std::optional<PgQuery__RawStmt> raw;  // into `parsed`; none for an empty query
        std::vector<translate::PgType> declared_types;
        bool needs_writer = false;
        uint64_t generation = 0;
        std::vector<std::string> search_path;  // what `translated` was bound under
        std::shared_ptr<const translate::TranslatedStatement> translated;
    };

    struct Portal {
        std::shared_ptr<PreparedStatement> statement;
        std::shared_ptr<const translate::TranslatedStatement> translated;
        std::vector<translate::SqlValue> parameters;
        std::vector<int16_t> result_formats;
        std::unique_ptr<StatementRun> run;  // once executing
        bool completed = false;             // ran to CommandComplete
    };

    Step dispatch(pgwire::FrontendMessage& message, pgwire::BackendEncoder& encoder);
    Step start(const pgwire::StartupMessage& startup, pgwire::BackendEncoder& encoder);

    // Simple query protocol.
    Step query(const std::string& sql, pgwire::BackendEncoder& encoder);
    // The fast path of a single statement that differs from earlier ones
    // only in its literals; nullopt when the ordinary path must run.
    std::optional<Step> query_by_shape(const std::string& sql, pgwire::BackendEncoder& encoder);
    void run_statement(const std::shared_ptr<translate::ParsedQuery>& parsed, const PgQuery__RawStmt& raw,
                       const std::string& text, bool last_in_query, pgwire::BackendEncoder& encoder);
    // SQL-level PREPARE and EXECUTE, sharing the protocol's statement names.
    void prepare_sql(const std::shared_ptr<translate::ParsedQuery>& parsed, const PgQuery__PrepareStmt& prepare,
                     const std::string& text, pgwire::BackendEncoder& encoder);
    void execute_sql(const PgQuery__ExecuteStmt& execute, bool last_in_query, pgwire::BackendEncoder& encoder);
    std::shared_ptr<PreparedStatement> make_prepared(std::string cache_key,
                                                     std::shared_ptr<translate::ParsedQuery> parsed,
                                                     const PgQuery__RawStmt* raw,
                                                     std::vector<translate::PgType> declared_types);
    // The statement's translation, bound again if the schema moved on.
    const std::shared_ptr<const translate::TranslatedStatement>& current_translation(PreparedStatement& ps);

    // Extended query protocol.
    Step parse(const pgwire::Parse& message, pgwire::BackendEncoder& encoder);
    Step bind(const pgwire::Bind& message, pgwire::BackendEncoder& encoder);
    Step describe(const pgwire::Describe& message, pgwire::BackendEncoder& encoder);
    Step execute(const pgwire::Execute& message, pgwire::BackendEncoder& encoder);
    Step close(const pgwire::Close& message, pgwire::BackendEncoder& encoder);
    Step sync(pgwire::BackendEncoder& encoder);

    // Running a translated statement of either protocol. With `portal`, the
    // rows go out per its formats and row limit (returns false if suspended).
    bool run_translated(const std::shared_ptr<const translate::TranslatedStatement>& stmt, Portal* portal,
                        int64_t max_rows, bool last_in_query, pgwire::BackendEncoder& encoder);
    void run_cursor_command(const std::shared_ptr<const translate::TranslatedStatement>& stmt,
                            pgwire::BackendEncoder& encoder);
    void start_copy_in(const std::shared_ptr<const translate::TranslatedStatement>& stmt, bool last_in_query,
                       pgwire::BackendEncoder& encoder);
    Step copy_message(pgwire::FrontendMessage& message, pgwire::BackendEncoder& encoder);
    void copy_rows(bool at_end);
    void run_binary_copy_out(const translate::TranslatedStatement& stmt, SqliteConnection& c, sqlite3_stmt* cursor,
                             pgwire::BackendEncoder& encoder);
    void run_copy_out(const translate::TranslatedStatement& stmt, SqliteConnection& c, pgwire::BackendEncoder& encoder);
    void run_savepoint(const translate::TranslatedStatement& stmt, pgwire::BackendEncoder& encoder);
    void run_lock(const translate::TranslatedStatement& stmt, pgwire::BackendEncoder& encoder);
    void run_transaction_control(const translate::TranslatedStatement& stmt, bool last_in_query,
                                 pgwire::BackendEncoder& encoder);
    void show_all(bool describe_rows, pgwire::BackendEncoder& encoder);
    static std::vector<translate::ResultColumn> show_all_columns();
    void run_setting(const translate::TranslatedStatement& stmt, bool describe_rows, pgwire::BackendEncoder& encoder);
    // Points the SQL functions and row output at the TimeZone setting.
    // ParameterStatus for each reported setting that changed back (ROLLBACK,
    // end of SET LOCAL), and the session's TimeZone and search_path brought
    // up to date.
    void report_settings(const std::vector<std::string>& changed, pgwire::BackendEncoder& encoder);
    void apply_time_zone();
    void apply_search_path();
    void run_session_reset(const translate::TranslatedStatement& stmt, pgwire::BackendEncoder& encoder);
    void run_database_command(const translate::TranslatedStatement& stmt, pgwire::BackendEncoder& encoder);
    void describe_columns(const translate::TranslatedStatement& stmt, const std::vector<int16_t>& formats,
                          pgwire::BackendEncoder& encoder);

    std::shared_ptr<const translate::TranslatedStatement> translate(
        const PgQuery__RawStmt& raw, const std::string& text, const std::vector<translate::PgType>& declared_types);
    std::shared_ptr<PreparedStatement> find_statement(const std::string& name);

    // The connection statements run on now: the open transaction's, or else
    // the writer if held, or else a pooled reader leased until the unit of
    // work ends.
    SqliteConnection& connection();
    // Opens the SQLite transaction of an implicit block if none is open.
    void ensure_transaction();
    // Ends the implicit block (commit, or rollback when `failed`).
    void finish_implicit_block(bool failed, pgwire::BackendEncoder& encoder);
    // Closes every portal's open cursor (the portals stay bound).
    void close_cursors();
    // Fails the current transaction after an error, as PostgreSQL does.
    void fail_transaction();
    // Back to idle: portals closed, reader returned, writer released.
    void end_transaction();
    void release_writer();
    pgwire::TransactionStatus status() const;

    DatabaseRegistry& registry_;
    int32_t process_id_;
    int32_t secret_key_;
    bool started_ = false;
    // After an error in the extended protocol, messages are skipped up to Sync.
    bool skipping_to_sync_ = false;

    std::shared_ptr<Database> database_;
    std::optional<SessionSettings> settings_;
    TransactionalSettings transactional_settings_;
    translate::SessionContext context_;
    // context_.search_path as part of a translation cache key.
    std::string search_path_key_;
    // Whether this session made its temp schema (temp_schema()); it is
    // dropped when the session ends.
    bool uses_temp_schema_ = false;
    int temp_generation_ = 0;  // DISCARD TEMP moves the session to a new temp schema
    std::string temp_schema() const;
    void discard_temp();

    TxState tx_state_ = TxState::kIdle;
    // Open savepoints of the transaction block, outermost first (names may repeat).
    std::vector<std::string> savepoints_;
    // A SQLite transaction is open that the end of this unit of work (the
    // query string, or Sync) commits: PostgreSQL's implicit transaction.
    bool implicit_block_ = false;
    bool holds_writer_ = false;
    ReaderLease reader_;  // the reader in use, if any
    SqliteConnection* transaction_connection_ = nullptr;  // set while a transaction is open
    bool schema_changed_in_transaction_ = false;

    std::map<std::string, std::shared_ptr<PreparedStatement>> statements_;
    std::map<std::string, Portal> portals_;

    // The message waiting for the write lock.
    std::optional<pgwire::FrontendMessage> pending_;
    // Set between CopyInResponse and the client's CopyDone / CopyFail.
    struct CopyIn {
        std::shared_ptr<const translate::TranslatedStatement> statement;
        pgwire::CopyRowReader reader;
        int64_t rows = 0;
    };
    std::optional<CopyIn> copy_in_;

    // The SQLite connection a statement of this session is running on,
    // for cancel(); guarded by running_mutex_ so a connection is never
    // interrupted after it went back to the pool.
    std::mutex running_mutex_;
    sqlite3* running_ = nullptr;
    bool timed_out_ = false;  // the last statement hit statement_timeout
    // For functions that wait (pg_sleep, advisory locks): a cancel request
    // for the running statement, and its statement_timeout deadline.
    std::atomic<bool> cancel_requested_{false};
    std::optional<std::chrono::steady_clock::time_point> statement_deadline_;
    // Set by a transaction-level advisory lock request; cleared when the
    // transaction's locks are released (end_transaction).
    bool holds_transaction_advisory_locks_ = false;
    friend class RunningStatement;
};

}  // namespace litegres
