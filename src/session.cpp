// session.cpp — startup, the simple and extended query protocols with
// PostgreSQL's implicit-transaction rules, explicit transaction blocks, and
// errors.
//
// Invariants:
// - holds_writer_ is true exactly while this session owns the database's
//   WriteLock; it is released as soon as no transaction needs it.
// - transaction_connection_ is set exactly while a SQLite transaction of
//   this session is open (an explicit block, or an implicit one); every
//   statement until it ends runs on that connection.
// - A portal's open cursor lives on transaction_connection_ and is closed
//   before that transaction ends.
#include "src/session.h"

#include <algorithm>
#include <chrono>

#include "pgwire/binary_format.h"
#include "pgwire/sqlstate.h"
#include "src/parameter_binder.h"
#include "src/row_encoder.h"
#include "src/sqlite_catalog.h"
#include "src/sqlite_error.h"
#include "translate/literal_extractor.h"
#include "translate/search_path.h"
#include "translate/sql_text.h"
#include "translate/statement_classifier.h"
#include "translate/statement_translator.h"

namespace litegres {

using pgwire::PgError;
using translate::StatementKind;
namespace sqlstate = pgwire::sqlstate;

namespace {

int64_t now_micros() {
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string statement_text(const std::string& sql, const PgQuery__RawStmt& raw) {
    size_t begin = size_t(raw.stmt_location);
    if (begin > sql.size()) return sql;
    return raw.stmt_len == 0 ? sql.substr(begin) : sql.substr(begin, size_t(raw.stmt_len));
}

// What a failed transaction still accepts: its end, or a return to a savepoint.
bool is_transaction_end(const translate::TranslatedStatement& stmt) {
    return stmt.kind == StatementKind::kCommit || stmt.kind == StatementKind::kRollback ||
           stmt.kind == StatementKind::kRollbackTo;
}

// The same, read off the AST: a failed transaction refuses everything else
// before it is even bound (25P02, not 42P01 for a missing table).
bool is_transaction_end(const PgQuery__RawStmt& raw) {
    if (raw.stmt == nullptr || raw.stmt->node_case != PG_QUERY__NODE__NODE_TRANSACTION_STMT) return false;
    auto kind = raw.stmt->transaction_stmt->kind;
    return kind == PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT ||
           kind == PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK ||
           kind == PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK_TO;
}

[[noreturn]] void throw_in_failed_transaction() {
    throw PgError(sqlstate::kInFailedSqlTransaction,
                  "current transaction is aborted, commands ignored until end of transaction block");
}

bool is_extended(const pgwire::FrontendMessage& m) {
    return std::holds_alternative<pgwire::Parse>(m) || std::holds_alternative<pgwire::Bind>(m) ||
           std::holds_alternative<pgwire::Describe>(m) || std::holds_alternative<pgwire::Execute>(m) ||
           std::holds_alternative<pgwire::Close>(m) || std::holds_alternative<pgwire::Flush>(m);
}

}  // namespace

Session::Session(DatabaseRegistry& registry, int32_t process_id, int32_t secret_key)
    : registry_(registry), process_id_(process_id), secret_key_(secret_key) {}

// Marks a statement as running on a connection for the scope (RAII).
// With statement_timeout set, SQLite's progress handler ends the statement
// once the deadline passes.
class RunningStatement {
public:
    RunningStatement(Session& session, sqlite3* db, int64_t timeout_ms) : session_(session), db_(db) {
        {
            std::lock_guard lock(session_.running_mutex_);
            session_.running_ = db;
        }
        session_.timed_out_ = false;
        session_.cancel_requested_ = false;
        session_.statement_deadline_.reset();
        if (timeout_ms > 0) {
            deadline_ = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
            session_.statement_deadline_ = deadline_;
            sqlite3_progress_handler(db, 10000, &RunningStatement::check_deadline, this);
        }
    }
    ~RunningStatement() {
        if (deadline_) sqlite3_progress_handler(db_, 0, nullptr, nullptr);
        std::lock_guard lock(session_.running_mutex_);
        session_.running_ = nullptr;
    }
    RunningStatement(const RunningStatement&) = delete;
    RunningStatement& operator=(const RunningStatement&) = delete;

private:
    static int check_deadline(void* self) {
        auto* running = static_cast<RunningStatement*>(self);
        if (std::chrono::steady_clock::now() < *running->deadline_) return 0;
        running->session_.timed_out_ = true;
        return 1;  // interrupts the statement
    }

    Session& session_;
    sqlite3* db_;
    std::optional<std::chrono::steady_clock::time_point> deadline_;
};

void Session::cancel(int32_t secret_key) {
    if (secret_key != secret_key_) return;
    std::lock_guard lock(running_mutex_);
    // A no-op when nothing runs; SQLite clears it when the statement ends.
    if (running_ != nullptr) {
        cancel_requested_ = true;
        sqlite3_interrupt(running_);
    }
}

Session::~Session() {
    // A client that vanished mid-transaction: its work is rolled back and the
    // writer handed on, as PostgreSQL aborts a dead backend's transaction.
    portals_.clear();
    if (transaction_connection_ != nullptr) {
        sqlite3* db = transaction_connection_->handle();
        if (!sqlite3_get_autocommit(db)) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    }
    if (schema_changed_in_transaction_ && database_ != nullptr) database_->bump_schema_generation();
    if (database_ != nullptr) database_->advisory_locks().release_all(process_id_, true, true);
    // The next writer drops this session's temporary relations.
    if (uses_temp_schema_ && database_ != nullptr) database_->temp_schema_ended(temp_schema());
    reader_ = ReaderLease();
    release_writer();
}

pgwire::TransactionStatus Session::status() const {
    switch (tx_state_) {
        case TxState::kIdle: return pgwire::TransactionStatus::kIdle;
        case TxState::kInBlock: return pgwire::TransactionStatus::kInBlock;
        case TxState::kFailed: return pgwire::TransactionStatus::kFailed;
    }
    return pgwire::TransactionStatus::kIdle;
}

Session::Step Session::handle(pgwire::FrontendMessage& message, std::string& out) {
    pgwire::BackendEncoder encoder(out);
    translate::SessionContextScope context_scope(context_);
    context_.statement_start_micros = now_micros();
    try {
        return dispatch(message, encoder);
    } catch (const PgError& e) {
        encoder.error_response(e);
        if (e.severity() != pgwire::Severity::kError) return Step::kClose;
        if (is_extended(message)) {
            skipping_to_sync_ = true;
            fail_transaction();
        }
        return Step::kContinue;
    } catch (const std::exception& e) {
        // A failure litegres did not foresee: this session ends (its
        // transaction rolls back), with a reason; the server goes on.
        encoder.error_response(PgError(sqlstate::kInternalError, std::string("internal error: ") + e.what(), 0,
                                       pgwire::Severity::kFatal));
        return Step::kClose;
    }
}

Session::Step Session::resume(std::string& out) {
    holds_writer_ = true;
    database_->drop_ended_temp_schemas();
    pgwire::FrontendMessage message = std::move(*pending_);
    pending_.reset();
    return handle(message, out);
}

Session::Step Session::dispatch(pgwire::FrontendMessage& message, pgwire::BackendEncoder& encoder) {
    if (auto* startup = std::get_if<pgwire::StartupMessage>(&message)) return start(*startup, encoder);
    if (std::holds_alternative<pgwire::SslRequest>(message) || std::holds_alternative<pgwire::GssEncRequest>(message)) {
        encoder.single_byte('N');  // no TLS / GSS encryption yet: the client goes on in plain text
        return Step::kContinue;
    }
    if (const auto* cancel = std::get_if<pgwire::CancelRequest>(&message)) {
        // Answered by closing this connection, whatever happened (as PostgreSQL).
        if (forward_cancel) forward_cancel(cancel->process_id, cancel->secret_key);
        return Step::kClose;
    }
    if (!started_) {
        throw PgError(sqlstate::kProtocolViolation, "expected startup message", 0, pgwire::Severity::kFatal);
    }
    if (std::holds_alternative<pgwire::Terminate>(message)) return Step::kClose;
    if (copy_in_) return copy_message(message, encoder);
    // Outside COPY these are ignored, as PostgreSQL does: the client may
    // still be sending data for a COPY that already failed.
    if (std::holds_alternative<pgwire::CopyData>(message) || std::holds_alternative<pgwire::CopyDone>(message) ||
        std::holds_alternative<pgwire::CopyFail>(message)) {
        return Step::kContinue;
    }
    if (std::holds_alternative<pgwire::Sync>(message)) return sync(encoder);
    if (auto* q = std::get_if<pgwire::Query>(&message)) return query(q->sql, encoder);
    if (const auto* unsupported = std::get_if<pgwire::UnsupportedMessage>(&message)) {
        throw PgError(sqlstate::kProtocolViolation,
                      "invalid frontend message type " + std::to_string(int(unsupported->type)), 0,
                      pgwire::Severity::kFatal);
    }
    if (skipping_to_sync_) return Step::kContinue;
    if (auto* m = std::get_if<pgwire::Parse>(&message)) return parse(*m, encoder);
    if (auto* m = std::get_if<pgwire::Bind>(&message)) return bind(*m, encoder);
    if (auto* m = std::get_if<pgwire::Describe>(&message)) return describe(*m, encoder);
    if (auto* m = std::get_if<pgwire::Execute>(&message)) {
        Step step = execute(*m, encoder);
        if (step == Step::kNeedsWriter) pending_ = message;
        return step;
    }
    if (auto* m = std::get_if<pgwire::Close>(&message)) return close(*m, encoder);
    return Step::kContinue;  // Flush: every batch of replies is written anyway
}

Session::Step Session::start(const pgwire::StartupMessage& startup, pgwire::BackendEncoder& encoder) {
    std::string user = startup.parameter("user");
    if (user.empty()) {
        throw PgError(sqlstate::kInvalidAuthorizationSpecification,
                      "no PostgreSQL user name specified in startup packet", 0, pgwire::Severity::kFatal);
    }
    std::string database = startup.parameter("database");
    if (database.empty()) database = user;
    database_ = registry_.open(database);
    settings_.emplace(user);
    for (const auto& [name, value] : startup.parameters) {
        if (name == "user" || name == "database" || name == "options" || name == "replication") continue;
        if (!settings_->canonical_name(name).empty()) settings_->set(name, value);
    }
    context_.user = user;
    context_.database = database;
    context_.get_setting = [this](const std::string& name) -> std::optional<std::string> {
        std::string canonical = settings_->canonical_name(name);
        if (canonical.empty()) return std::nullopt;
        return settings_->get(canonical);
    };
    // set_config(): SET as a function; LOCAL outside a block lasts for the
    // statement's own implicit transaction, which is to say not at all.
    context_.set_setting = [this](const std::string& name, const std::optional<std::string>& value, bool local) {
        bool in_block = tx_state_ == TxState::kInBlock || implicit_block_;
        if (in_block) {
            transactional_settings_.set_in_block(*settings_, name, value, local);
        } else if (!local) {
            settings_->set(name, value);
        } else {
            settings_->get(name);  // still 42704 for an unknown name
        }
        apply_time_zone();
        apply_search_path();
        return settings_->get(name);
    };
    context_.database_names = [this] { return registry_.names(); };
    context_.backend_pid = process_id_;
    context_.check_interrupt = [this] {
        if (cancel_requested_) throw PgError(sqlstate::kQueryCanceled, "canceling statement due to user request");
        if (statement_deadline_ && std::chrono::steady_clock::now() >= *statement_deadline_) {
            timed_out_ = true;
            throw PgError(sqlstate::kQueryCanceled, "canceling statement due to statement timeout");
        }
    };
    context_.advisory_lock = [this](const translate::AdvisoryLockRequest& request) {
        using Op = translate::AdvisoryLockRequest::Op;
        AdvisoryLocks& locks = database_->advisory_locks();
        AdvisoryKey key{request.two_keys, request.key};
        auto scope = request.transaction ? AdvisoryLocks::Scope::kTransaction : AdvisoryLocks::Scope::kSession;
        holds_transaction_advisory_locks_ = holds_transaction_advisory_locks_ || request.transaction;
        switch (request.op) {
            case Op::kTryLock: return locks.try_acquire(process_id_, key, request.shared, scope);
            case Op::kUnlock: return locks.release(process_id_, key, request.shared);
            case Op::kUnlockAll: locks.release_all(process_id_, true, false); return true;
            case Op::kLock: break;
        }
        bool interrupted = false;
        locks.acquire(process_id_, key, request.shared, scope, [&] {
            try {
                context_.check_interrupt();
                return false;
            } catch (const PgError&) {
                interrupted = true;
                return true;
            }
        });
        if (interrupted) context_.check_interrupt();
        return true;
    };
    context_.settings = [this] { return settings_->all(); };
    apply_time_zone();
    apply_search_path();
    started_ = true;

    encoder.authentication_ok();
    for (const auto& [name, value] : settings_->reported()) encoder.parameter_status(name, value);
    encoder.backend_key_data(process_id_, secret_key_);
    encoder.ready_for_query(status());
    return Step::kContinue;
}

// ---------------------------------------------------------------- connections and transactions

SqliteConnection& Session::connection() {
    if (transaction_connection_ != nullptr) return *transaction_connection_;
    if (holds_writer_) return database_->writer();
    if (!reader_) reader_ = database_->lease_reader();
    return *reader_.get();
}

void Session::ensure_transaction() {
    if (transaction_connection_ != nullptr) return;
    SqliteConnection& c = connection();
    // BEGIN IMMEDIATE takes SQLite's write lock up front, so a transaction
    // never fails halfway on lock upgrade.
    c.exec(&c == &database_->writer() ? "BEGIN IMMEDIATE" : "BEGIN");
    transaction_connection_ = &c;
}

void Session::finish_implicit_block(bool failed, pgwire::BackendEncoder& encoder) {
    if (!implicit_block_) return;
    implicit_block_ = false;
    close_cursors();
    report_settings(failed ? transactional_settings_.rollback(*settings_) : transactional_settings_.commit(*settings_),
                    encoder);
    SqliteConnection* c = std::exchange(transaction_connection_, nullptr);
    if (c == nullptr || sqlite3_get_autocommit(c->handle())) return;
    if (failed) {
        sqlite3_exec(c->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
        return;
    }
    try {
        c->exec("COMMIT");
    } catch (const PgError& e) {
        sqlite3_exec(c->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
        encoder.error_response(e);
    }
}

void Session::close_cursors() {
    for (auto& [name, portal] : portals_) portal.run.reset();
}

void Session::fail_transaction() {
    if (tx_state_ == TxState::kInBlock) {
        tx_state_ = TxState::kFailed;
        return;
    }
    if (implicit_block_) {
        implicit_block_ = false;
        // Reverted without ParameterStatus: no reply is being written here.
        transactional_settings_.rollback(*settings_);
        apply_time_zone();
        apply_search_path();
        close_cursors();
        SqliteConnection* c = std::exchange(transaction_connection_, nullptr);
        if (c != nullptr && !sqlite3_get_autocommit(c->handle())) {
            sqlite3_exec(c->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
        }
    }
}

void Session::end_transaction() {
    if (tx_state_ != TxState::kIdle || implicit_block_) return;
    // Only a session that took a transaction-level lock pays for the release.
    if (holds_transaction_advisory_locks_) {
        database_->advisory_locks().release_all(process_id_, false, true);
        holds_transaction_advisory_locks_ = false;
    }
    portals_.clear();
    savepoints_.clear();
    transaction_connection_ = nullptr;
    if (schema_changed_in_transaction_) {
        // DDL that was rolled back must not leave translations bound to it.
        database_->bump_schema_generation();
        schema_changed_in_transaction_ = false;
    }
    reader_ = ReaderLease();
    release_writer();
}

void Session::release_writer() {
    if (!holds_writer_) return;
    holds_writer_ = false;
    database_->write_lock().release();
}

// ---------------------------------------------------------------- translation

std::shared_ptr<const translate::TranslatedStatement> Session::translate(
    const PgQuery__RawStmt& raw, const std::string& text, const std::vector<translate::PgType>& declared_types) {
    translate::TranslationCache& cache = database_->translation_cache();
    uint64_t generation = database_->schema_generation();
    std::string key = text;
    for (const auto& t : declared_types) key += "\x1f" + std::to_string(t.oid);
    // Names were bound through the search path: sessions share an entry
    // only under the same one.
    key += search_path_key_;
    if (auto hit = cache.find(key, generation)) return hit;
    SqliteCatalog catalog(connection());
    catalog.set_search_path(context_.search_path);
    catalog.set_temp_schema(temp_schema());
    translate::StatementTranslator translator(catalog, declared_types);
    auto translated = std::make_shared<const translate::TranslatedStatement>(translator.translate(raw));
    cache.insert(key, generation, translated);
    return translated;
}

// ---------------------------------------------------------------- simple query protocol

std::optional<Session::Step> Session::query_by_shape(const std::string& sql, pgwire::BackendEncoder& encoder) {
    auto shape = translate::extract_literals(sql);
    if (!shape) return std::nullopt;
    translate::TranslationCache& cache = database_->translation_cache();
    uint64_t generation = database_->schema_generation();
    // A key no SQL text can equal. The literals' types are part of it: a
    // shape bound for '1' (unknown) does not fit 1 (int4).
    std::string key = "\x1e" + shape->text + "\x1e";
    for (const auto& type : shape->types) key += std::to_string(type.oid) + ",";
    key += search_path_key_;
    auto stmt = cache.find(key, generation);
    if (!stmt) {
        std::shared_ptr<translate::TranslatedStatement> translated;
        try {
            translate::ParsedQuery parsed(shape->text);
            if (parsed.statement_count() != 1) return std::nullopt;
            SqliteCatalog catalog(connection());
            catalog.set_search_path(context_.search_path);
            catalog.set_temp_schema(temp_schema());
            translate::StatementTranslator translator(catalog, shape->types);
            translator.parameters_are_literals();
            translated = std::make_shared<translate::TranslatedStatement>(translator.translate(parsed.statement(0)));
        } catch (const PgError&) {
            // Errors are reported by the ordinary path, at the right position.
            translated = std::make_shared<translate::TranslatedStatement>();
            translated->requires_literals = true;
        } catch (const translate::NeedsLiterals&) {
            translated = std::make_shared<translate::TranslatedStatement>();
            translated->requires_literals = true;
        }
        stmt = translated;
        cache.insert(key, generation, stmt);
    }
    if (stmt->requires_literals || stmt->kind != StatementKind::kQuery) return std::nullopt;
    if (tx_state_ == TxState::kIdle && stmt->writes && !holds_writer_) {
        pending_ = pgwire::Query{sql};
        return Step::kNeedsWriter;
    }
    Portal portal;
    portal.translated = stmt;
    try {
        for (size_t i = 0; i < shape->literals.size(); ++i) {
            portal.parameters.push_back(translate::coerce_value(shape->literals[i], stmt->parameter_types[i], -1));
        }
    } catch (const PgError&) {
        return std::nullopt;  // a bad literal: the ordinary path reports it at its position
    }
    statements_.erase("");
    portals_.erase("");
    try {
        if (stmt->returns_rows) encoder.row_description(RowEncoder::describe(stmt->columns));
        run_translated(stmt, &portal, 0, true, encoder);
    } catch (const PgError& e) {
        encoder.error_response(e);
        fail_transaction();
    }
    end_transaction();
    encoder.ready_for_query(status());
    return Step::kContinue;
}

Session::Step Session::query(const std::string& sql, pgwire::BackendEncoder& encoder) {
    if (tx_state_ != TxState::kFailed) {
        if (auto step = query_by_shape(sql, encoder)) return *step;
    }
    // The simple protocol replaces the unnamed statement and portal.
    statements_.erase("");
    portals_.erase("");
    std::shared_ptr<translate::ParsedQuery> parsed;
    try {
        parsed = std::make_shared<translate::ParsedQuery>(sql);
    } catch (const PgError& e) {
        // A syntax error anywhere fails the whole string before any of it runs.
        encoder.error_response(e);
        fail_transaction();
        encoder.ready_for_query(status());
        return Step::kContinue;
    }
    size_t count = parsed->statement_count();
    if (tx_state_ == TxState::kIdle && !holds_writer_) {
        for (size_t i = 0; i < count; ++i) {
            if (translate::statement_needs_writer(parsed->statement(i))) {
                pending_ = pgwire::Query{sql};
                return Step::kNeedsWriter;
            }
        }
    }
    if (count == 0) encoder.empty_query_response();
    try {
        // PostgreSQL runs a multi-statement string outside a transaction
        // block as one implicit transaction.
        if (tx_state_ == TxState::kIdle && count > 1) {
            implicit_block_ = true;
            ensure_transaction();
        }
        for (size_t i = 0; i < count; ++i) {
            const PgQuery__RawStmt& raw = parsed->statement(i);
            run_statement(parsed, raw, statement_text(sql, raw), i + 1 == count, encoder);
            // The rows come in CopyData messages; CopyDone finishes the query.
            if (copy_in_) return Step::kContinue;
        }
    } catch (const PgError& e) {
        encoder.error_response(e);
        fail_transaction();
    }
    finish_implicit_block(false, encoder);
    end_transaction();
    encoder.ready_for_query(status());
    return Step::kContinue;
}

void Session::run_statement(const std::shared_ptr<translate::ParsedQuery>& parsed, const PgQuery__RawStmt& raw,
                            const std::string& text, bool last_in_query, pgwire::BackendEncoder& encoder) {
    if (tx_state_ == TxState::kFailed && !is_transaction_end(raw)) throw_in_failed_transaction();
    if (raw.stmt != nullptr && raw.stmt->node_case == PG_QUERY__NODE__NODE_PREPARE_STMT) {
        prepare_sql(parsed, *raw.stmt->prepare_stmt, text, encoder);
        return;
    }
    if (raw.stmt != nullptr && raw.stmt->node_case == PG_QUERY__NODE__NODE_EXECUTE_STMT) {
        execute_sql(*raw.stmt->execute_stmt, last_in_query, encoder);
        return;
    }
    auto stmt = translate(raw, text, {});
    run_translated(stmt, nullptr, 0, last_in_query, encoder);
}

// ---------------------------------------------------------------- extended query protocol

std::shared_ptr<Session::PreparedStatement> Session::find_statement(const std::string& name) {
    auto it = statements_.find(name);
    if (it == statements_.end()) {
        throw PgError(sqlstate::kInvalidSqlStatementName, "prepared statement \"" + name + "\" does not exist");
    }
    return it->second;
}

std::shared_ptr<Session::PreparedStatement> Session::make_prepared(std::string cache_key,
                                                                  std::shared_ptr<translate::ParsedQuery> parsed,
                                                                  const PgQuery__RawStmt* raw,
                                                                  std::vector<translate::PgType> declared_types) {
    auto ps = std::make_shared<PreparedStatement>();
    ps->cache_key = std::move(cache_key);
    ps->parsed = std::move(parsed);
    ps->declared_types = std::move(declared_types);
    if (raw == nullptr) {
        auto empty = std::make_shared<translate::TranslatedStatement>();
        empty->kind = StatementKind::kEmpty;
        ps->translated = std::move(empty);
        return ps;
    }
    ps->raw = *raw;
    ps->needs_writer = translate::statement_needs_writer(*raw);
    ps->generation = database_->schema_generation();
    ps->search_path = context_.search_path;
    ps->translated = translate(*raw, ps->cache_key, ps->declared_types);
    return ps;
}

const std::shared_ptr<const translate::TranslatedStatement>& Session::current_translation(PreparedStatement& ps) {
    if (ps.raw && (ps.generation != database_->schema_generation() || ps.search_path != context_.search_path)) {
        // The schema or the search path changed since Parse: bind again, as
        // PostgreSQL re-plans.
        auto rebound = translate(*ps.raw, ps.cache_key, ps.declared_types);
        // Clients described the rows at Parse; PostgreSQL refuses to change
        // them (and so again at every use, as `ps` stays as it was).
        const auto& before = ps.translated->columns;
        const auto& after = rebound->columns;
        bool same = before.size() == after.size();
        for (size_t i = 0; same && i < before.size(); ++i) {
            same = before[i].name == after[i].name && before[i].type == after[i].type;
        }
        if (!same) throw PgError(sqlstate::kFeatureNotSupported, "cached plan must not change result type");
        ps.generation = database_->schema_generation();
        ps.search_path = context_.search_path;
        ps.translated = std::move(rebound);
    }
    return ps.translated;
}

Session::Step Session::parse(const pgwire::Parse& message, pgwire::BackendEncoder& encoder) {
    if (!message.name.empty() && statements_.count(message.name) > 0) {
        throw PgError(sqlstate::kDuplicatePreparedStatement,
                      "prepared statement \"" + message.name + "\" already exists");
    }
    std::vector<translate::PgType> declared;
    for (uint32_t oid : message.parameter_types) {
        declared.push_back(oid == 0 ? translate::kUnknown : translate::PgType{oid, -1});
    }
    // Drivers re-send the same unnamed Parse for every execution: reuse it.
    if (auto it = statements_.find(message.name); it != statements_.end() && message.name.empty() &&
                                                   it->second->cache_key == message.sql &&
                                                   it->second->declared_types == declared) {
        if (it->second->raw && tx_state_ == TxState::kFailed && !is_transaction_end(*it->second->raw)) {
            throw_in_failed_transaction();
        }
        encoder.parse_complete();
        return Step::kContinue;
    }
    auto parsed = std::make_shared<translate::ParsedQuery>(message.sql);
    if (parsed->statement_count() > 1) {
        throw PgError(sqlstate::kSyntaxError, "cannot insert multiple commands into a prepared statement");
    }
    const PgQuery__RawStmt* raw = parsed->statement_count() == 1 ? &parsed->statement(0) : nullptr;
    if (raw != nullptr && tx_state_ == TxState::kFailed && !is_transaction_end(*raw)) throw_in_failed_transaction();
    statements_[message.name] = make_prepared(message.sql, parsed, raw, std::move(declared));
    encoder.parse_complete();
    return Step::kContinue;
}

void Session::prepare_sql(const std::shared_ptr<translate::ParsedQuery>& parsed, const PgQuery__PrepareStmt& prepare,
                          const std::string& text, pgwire::BackendEncoder& encoder) {
    std::string name = prepare.name;
    if (statements_.count(name) > 0) {
        throw PgError(sqlstate::kDuplicatePreparedStatement, "prepared statement \"" + name + "\" already exists");
    }
    std::vector<translate::PgType> declared;
    SqliteCatalog catalog(connection());
    for (size_t i = 0; i < prepare.n_argtypes; ++i) {
        declared.push_back(translate::resolve_type_name(*prepare.argtypes[i]->type_name, &catalog).type);
    }
    PgQuery__RawStmt inner = PG_QUERY__RAW_STMT__INIT;
    inner.stmt = prepare.query;
    // Keyed apart from the same text run directly: the declared types differ.
    statements_[name] = make_prepared("PREPARE\x1f" + text, parsed, &inner, std::move(declared));
    encoder.command_complete("PREPARE");
}

void Session::execute_sql(const PgQuery__ExecuteStmt& execute, bool last_in_query, pgwire::BackendEncoder& encoder) {
    auto ps = find_statement(execute.name);
    auto stmt = current_translation(*ps);
    if (ps->needs_writer && !holds_writer_) {
        throw PgError(sqlstate::kReadOnlySqlTransaction, "cannot execute EXECUTE in a read-only transaction");
    }
    // The arguments, as the text a client would have bound.
    pgwire::Bind bind;
    bind.statement = execute.name;
    for (size_t i = 0; i < execute.n_params; ++i) {
        const PgQuery__Node* p = execute.params[i];
        if (p->node_case != PG_QUERY__NODE__NODE_A_CONST) {
            throw PgError(sqlstate::kFeatureNotSupported, "EXECUTE with a non-constant argument is not supported yet");
        }
        const auto& c = *p->a_const;
        pgwire::BindValue v;
        v.is_null = c.isnull;
        switch (c.val_case) {
            case PG_QUERY__A__CONST__VAL_IVAL: v.bytes = std::to_string(c.ival->ival); break;
            case PG_QUERY__A__CONST__VAL_FVAL: v.bytes = c.fval->fval; break;
            case PG_QUERY__A__CONST__VAL_SVAL: v.bytes = c.sval->sval; break;
            case PG_QUERY__A__CONST__VAL_BOOLVAL: v.bytes = c.boolval->boolval ? "t" : "f"; break;
            default: break;
        }
        bind.parameters.push_back(std::move(v));
    }
    if (bind.parameters.size() != stmt->parameter_types.size()) {
        throw PgError(sqlstate::kSyntaxError,
                      "wrong number of parameters for prepared statement \"" + std::string(execute.name) + "\"")
            .with_detail("Expected " + std::to_string(stmt->parameter_types.size()) + " parameters but got " +
                         std::to_string(bind.parameters.size()) + ".");
    }
    Portal portal;
    portal.statement = ps;
    portal.translated = stmt;
    portal.parameters = convert_parameters(stmt->parameter_types, bind);
    if (stmt->kind == StatementKind::kQuery && stmt->returns_rows) {
        encoder.row_description(RowEncoder::describe(stmt->columns));
    }
    run_translated(stmt, &portal, 0, last_in_query, encoder);
}

Session::Step Session::bind(const pgwire::Bind& message, pgwire::BackendEncoder& encoder) {
    auto ps = find_statement(message.statement);
    if (!message.portal.empty() && portals_.count(message.portal) > 0) {
        throw PgError(sqlstate::kDuplicateCursor, "portal \"" + message.portal + "\" already exists");
    }
    current_translation(*ps);
    if (tx_state_ == TxState::kFailed && !is_transaction_end(*ps->translated)) throw_in_failed_transaction();
    Portal portal;
    portal.statement = ps;
    portal.translated = ps->translated;
    portal.parameters = convert_parameters(ps->translated->parameter_types, message);
    portal.result_formats = expand_formats(message.result_formats, ps->translated->columns.size());
    for (size_t i = 0; i < portal.result_formats.size(); ++i) {
        translate::Oid type = ps->translated->columns[i].type.oid;
        if (portal.result_formats[i] == 1 && !pgwire::binary_format_supported(type)) {
            throw PgError(sqlstate::kFeatureNotSupported,
                          "binary output of type " + translate::format_type(ps->translated->columns[i].type) +
                              " is not supported yet");
        }
    }
    portals_[message.portal] = std::move(portal);
    encoder.bind_complete();
    return Step::kContinue;
}

void Session::describe_columns(const translate::TranslatedStatement& stmt, const std::vector<int16_t>& formats,
                               pgwire::BackendEncoder& encoder) {
    if (stmt.kind == StatementKind::kQuery && stmt.returns_rows) {
        encoder.row_description(RowEncoder::describe(stmt.columns, formats));
    } else if (stmt.kind == StatementKind::kShow && stmt.object_name == "all") {
        encoder.row_description(RowEncoder::describe(show_all_columns(), formats));
    } else if (stmt.kind == StatementKind::kShow) {
        std::string name = settings_->canonical_name(stmt.object_name);
        if (name.empty()) settings_->get(stmt.object_name);  // throws 42704
        encoder.row_description(RowEncoder::describe({{name, translate::kText}}, formats));
    } else {
        encoder.no_data();
    }
}

Session::Step Session::describe(const pgwire::Describe& message, pgwire::BackendEncoder& encoder) {
    if (message.kind == pgwire::ObjectKind::kStatement) {
        auto ps = find_statement(message.name);
        std::vector<translate::Oid> types;
        for (const auto& t : ps->translated->parameter_types) types.push_back(t.oid);
        encoder.parameter_description(types);
        describe_columns(*ps->translated, {}, encoder);
        return Step::kContinue;
    }
    auto it = portals_.find(message.name);
    if (it == portals_.end()) {
        throw PgError(sqlstate::kInvalidCursorName, "portal \"" + message.name + "\" does not exist");
    }
    describe_columns(*it->second.translated, it->second.result_formats, encoder);
    return Step::kContinue;
}

Session::Step Session::execute(const pgwire::Execute& message, pgwire::BackendEncoder& encoder) {
    auto it = portals_.find(message.portal);
    if (it == portals_.end()) {
        throw PgError(sqlstate::kInvalidCursorName, "portal \"" + message.portal + "\" does not exist");
    }
    Portal& portal = it->second;
    if (portal.statement->needs_writer && !holds_writer_ && tx_state_ == TxState::kIdle) return Step::kNeedsWriter;
    if (tx_state_ == TxState::kIdle && holds_writer_ && transaction_connection_ != nullptr &&
        transaction_connection_ != &database_->writer()) {
        // Earlier reads of this batch ran on a reader; the rest runs on the writer.
        finish_implicit_block(false, encoder);
        reader_ = ReaderLease();
    }
    Portal& current = it->second;
    if (current.completed) {
        // A portal that ran to completion has nothing more to give.
        const auto& stmt = *current.translated;
        encoder.command_complete(stmt.tag_style == translate::TagStyle::kPlain ? stmt.tag
                                 : stmt.tag_style == translate::TagStyle::kInsertCount ? "INSERT 0 0"
                                                                                       : stmt.tag + " 0");
        return Step::kContinue;
    }
    // Every Execute up to Sync shares one implicit transaction.
    if (tx_state_ == TxState::kIdle && current.translated->kind == StatementKind::kQuery) implicit_block_ = true;
    auto stmt = current.translated;
    bool done = run_translated(stmt, &current, message.max_rows, true, encoder);
    // DISCARD ALL / a transaction end may have closed the portal meanwhile.
    if (done) {
        auto still = portals_.find(message.portal);
        if (still != portals_.end()) still->second.completed = true;
    }
    return Step::kContinue;
}

Session::Step Session::close(const pgwire::Close& message, pgwire::BackendEncoder& encoder) {
    if (message.kind == pgwire::ObjectKind::kStatement) {
        statements_.erase(message.name);
    } else {
        portals_.erase(message.name);
    }
    encoder.close_complete();
    return Step::kContinue;
}

Session::Step Session::sync(pgwire::BackendEncoder& encoder) {
    skipping_to_sync_ = false;
    finish_implicit_block(false, encoder);
    end_transaction();
    encoder.ready_for_query(status());
    return Step::kContinue;
}

// ---------------------------------------------------------------- running statements

bool Session::run_translated(const std::shared_ptr<const translate::TranslatedStatement>& stmt, Portal* portal,
                             int64_t max_rows, bool last_in_query, pgwire::BackendEncoder& encoder) {
    switch (stmt->kind) {
        case StatementKind::kEmpty: encoder.empty_query_response(); return true;
        case StatementKind::kBegin:
        case StatementKind::kCommit:
        case StatementKind::kRollback: run_transaction_control(*stmt, last_in_query, encoder); return true;
        case StatementKind::kSavepoint:
        case StatementKind::kRelease:
        case StatementKind::kRollbackTo: run_savepoint(*stmt, encoder); return true;
        case StatementKind::kSet:
        case StatementKind::kShow: run_setting(*stmt, portal == nullptr, encoder); return true;
        case StatementKind::kCreateDatabase:
        case StatementKind::kDropDatabase: run_database_command(*stmt, encoder); return true;
        case StatementKind::kDeallocate:
        case StatementKind::kDiscard: run_session_reset(*stmt, encoder); return true;
        case StatementKind::kDeclareCursor:
        case StatementKind::kFetch:
        case StatementKind::kCloseCursor: run_cursor_command(stmt, encoder); return true;
        case StatementKind::kLock: run_lock(*stmt, encoder); return true;
        case StatementKind::kCopyFrom:
        case StatementKind::kCopyTo:
        case StatementKind::kQuery: break;
    }
    if (stmt->writes && !holds_writer_) {
        throw PgError(sqlstate::kReadOnlySqlTransaction, "cannot execute " + stmt->tag + " in a read-only transaction");
    }
    for (const auto& notice : stmt->notices) encoder.notice_response(notice.sqlstate, notice.message);
    // A statement run as several SQLite statements (DDL that rebuilds a
    // table) is atomic like any PostgreSQL statement.
    if (tx_state_ == TxState::kIdle && stmt->sqlite_sql.size() > 1) implicit_block_ = true;
    if (implicit_block_ || tx_state_ != TxState::kIdle) ensure_transaction();
    if (stmt->kind == StatementKind::kCopyFrom) {
        if (portal != nullptr) throw PgError(sqlstate::kFeatureNotSupported, "COPY FROM STDIN in the extended query protocol is not supported yet");
        start_copy_in(stmt, last_in_query, encoder);
        return true;
    }
    SqliteConnection& c = connection();
    if (stmt->kind == StatementKind::kCopyTo) {
        if (portal != nullptr) throw PgError(sqlstate::kFeatureNotSupported, "COPY TO STDOUT in the extended query protocol is not supported yet");
        RunningStatement running(*this, c.handle(), settings_->statement_timeout_ms());
        run_copy_out(*stmt, c, encoder);
        return true;
    }
    RunningStatement running(*this, c.handle(), settings_->statement_timeout_ms());
    bool done;
    try {
        if (portal != nullptr) {
            if (!portal->run) {
                portal->run = std::make_unique<StatementRun>(c, stmt, portal->parameters, portal->result_formats);
            }
            done = portal->run->resume(encoder, max_rows);
            if (done) portal->run.reset();
        } else {
            if (stmt->returns_rows) encoder.row_description(RowEncoder::describe(stmt->columns));
            done = StatementRun(c, stmt, {}, {}).resume(encoder, 0);
        }
    } catch (const PgError& e) {
        if (!timed_out_ || e.sqlstate() != sqlstate::kQueryCanceled) throw;
        throw PgError(sqlstate::kQueryCanceled, "canceling statement due to statement timeout");
    }
    if (stmt->changes_schema) {
        database_->bump_schema_generation();
        if (transaction_connection_ != nullptr) schema_changed_in_transaction_ = true;
    }
    if (stmt->creates_temp_schema && !uses_temp_schema_) {
        uses_temp_schema_ = true;
        apply_search_path();
    }
    return done;
}

void Session::run_transaction_control(const translate::TranslatedStatement& stmt, bool last_in_query,
                                      pgwire::BackendEncoder& encoder) {
    if (stmt.kind == StatementKind::kBegin) {
        if (tx_state_ != TxState::kIdle) {
            encoder.notice_response(sqlstate::kActiveSqlTransaction, "there is already a transaction in progress",
                                    "WARNING");
        } else {
            // Inside an implicit block the SQLite transaction is already
            // open; BEGIN makes it a real block.
            ensure_transaction();
            implicit_block_ = false;
            tx_state_ = TxState::kInBlock;
            context_.transaction_start_micros = context_.statement_start_micros;
        }
        encoder.command_complete(stmt.tag);
        return;
    }
    if (tx_state_ == TxState::kIdle && !implicit_block_) {
        encoder.notice_response(sqlstate::kNoActiveSqlTransaction, "there is no transaction in progress", "WARNING");
        encoder.command_complete(stmt.kind == StatementKind::kCommit ? "COMMIT" : "ROLLBACK");
        return;
    }
    bool commit = stmt.kind == StatementKind::kCommit && tx_state_ != TxState::kFailed;
    tx_state_ = TxState::kIdle;
    savepoints_.clear();
    context_.transaction_start_micros = 0;
    implicit_block_ = false;
    close_cursors();
    SqliteConnection* c = std::exchange(transaction_connection_, nullptr);
    if (c != nullptr && !sqlite3_get_autocommit(c->handle())) {
        if (commit) {
            try {
                c->exec("COMMIT");
            } catch (...) {
                sqlite3_exec(c->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
                throw;
            }
        } else {
            c->exec("ROLLBACK");
        }
    }
    if (schema_changed_in_transaction_ && !commit) database_->bump_schema_generation();
    schema_changed_in_transaction_ = false;
    encoder.command_complete(commit ? "COMMIT" : "ROLLBACK");
    report_settings(commit ? transactional_settings_.commit(*settings_) : transactional_settings_.rollback(*settings_),
                    encoder);
    // The rest of a multi-statement string runs in a new implicit block.
    if (!last_in_query) {
        implicit_block_ = true;
        ensure_transaction();
    }
}

// ---------------------------------------------------------------- SQL cursors

void Session::run_cursor_command(const std::shared_ptr<const translate::TranslatedStatement>& stmt,
                                 pgwire::BackendEncoder& encoder) {
    const std::string& name = stmt->object_name;
    if (stmt->kind == StatementKind::kCloseCursor) {
        if (name.empty()) {
            portals_.clear();
        } else if (portals_.erase(name) == 0) {
            throw PgError(sqlstate::kInvalidCursorName, "cursor \"" + name + "\" does not exist");
        }
        encoder.command_complete(name.empty() ? "CLOSE CURSOR ALL" : "CLOSE CURSOR");
        return;
    }
    if (stmt->kind == StatementKind::kDeclareCursor) {
        if (tx_state_ != TxState::kInBlock) {
            throw PgError(sqlstate::kNoActiveSqlTransaction, "DECLARE CURSOR can only be used in transaction blocks");
        }
        if (portals_.count(name) > 0) {
            throw PgError(sqlstate::kDuplicateCursor, "cursor \"" + name + "\" already exists");
        }
        // The cursor runs the query as a row-returning statement.
        auto query = std::make_shared<translate::TranslatedStatement>(*stmt);
        query->kind = StatementKind::kQuery;
        query->returns_rows = true;
        Portal portal;
        portal.translated = query;
        portal.run = std::make_unique<StatementRun>(connection(), query, std::vector<translate::SqlValue>{},
                                                    std::vector<int16_t>{});
        portals_[name] = std::move(portal);
        encoder.command_complete(stmt->tag);
        return;
    }
    auto it = portals_.find(name);
    if (it == portals_.end()) throw PgError(sqlstate::kInvalidCursorName, "cursor \"" + name + "\" does not exist");
    Portal& portal = it->second;
    if (!portal.run) {
        portal.run = std::make_unique<StatementRun>(connection(), portal.translated, portal.parameters,
                                                    portal.result_formats);
    }
    bool send = stmt->returns_rows;
    if (send) encoder.row_description(RowEncoder::describe(portal.translated->columns, portal.result_formats));
    RunningStatement running(*this, connection().handle(), settings_->statement_timeout_ms());
    int64_t rows = portal.run->fetch(encoder, stmt->fetch_count, send);
    encoder.command_complete(stmt->tag + " " + std::to_string(rows));
}

// ---------------------------------------------------------------- COPY

void Session::start_copy_in(const std::shared_ptr<const translate::TranslatedStatement>& stmt, bool last_in_query,
                            pgwire::BackendEncoder& encoder) {
    if (!last_in_query) {
        throw PgError(sqlstate::kFeatureNotSupported, "COPY FROM STDIN followed by more statements in one query is not supported yet");
    }
    // All rows go in together or not at all.
    if (tx_state_ == TxState::kIdle) implicit_block_ = true;
    ensure_transaction();
    copy_in_.emplace(CopyIn{stmt, pgwire::CopyRowReader(stmt->copy_options), 0});
    encoder.copy_in_response(int16_t(stmt->columns.size()));
}

void Session::copy_rows(bool at_end) {
    const auto& stmt = copy_in_->statement;
    const size_t width = stmt->columns.size();
    std::vector<translate::PgType> types;
    for (const auto& c : stmt->columns) types.push_back(c.type);
    std::string scratch;
    while (auto row = copy_in_->reader.next_row(at_end)) {
        if (row->size() > width) throw PgError(sqlstate::kBadCopyFileFormat, "extra data after last expected column");
        if (row->size() < width) {
            throw PgError(sqlstate::kBadCopyFileFormat, "missing data for column \"" + stmt->columns[row->size()].name + "\"");
        }
        pgwire::Bind bind;
        for (auto& field : *row) {
            pgwire::BindValue value;
            value.is_null = !field.has_value();
            if (field) value.bytes = std::move(*field);
            bind.parameters.push_back(std::move(value));
        }
        auto values = convert_parameters(types, bind);
        scratch.clear();
        pgwire::BackendEncoder discard(scratch);
        StatementRun(connection(), stmt, std::move(values), {}).resume(discard, 0);
        ++copy_in_->rows;
    }
}

Session::Step Session::copy_message(pgwire::FrontendMessage& message, pgwire::BackendEncoder& encoder) {
    // Sync and Flush may be interleaved with the data; they mean nothing here.
    if (std::holds_alternative<pgwire::Sync>(message) || std::holds_alternative<pgwire::Flush>(message)) {
        return Step::kContinue;
    }
    try {
        if (auto* data = std::get_if<pgwire::CopyData>(&message)) {
            copy_in_->reader.feed(data->data);
            copy_rows(false);
            return Step::kContinue;
        }
        if (std::holds_alternative<pgwire::CopyDone>(message)) {
            copy_rows(true);
            encoder.command_complete("COPY " + std::to_string(copy_in_->rows));
            copy_in_.reset();
            finish_implicit_block(false, encoder);
            end_transaction();
            encoder.ready_for_query(status());
            return Step::kContinue;
        }
        if (auto* fail = std::get_if<pgwire::CopyFail>(&message)) {
            throw PgError(sqlstate::kQueryCanceled, "COPY from stdin failed: " + fail->message);
        }
        throw PgError(sqlstate::kProtocolViolation, "unexpected message type during COPY from stdin");
    } catch (const PgError& e) {
        // The COPY and its transaction end here; data still in flight is ignored.
        copy_in_.reset();
        encoder.error_response(e);
        fail_transaction();
        end_transaction();
        encoder.ready_for_query(status());
        return Step::kContinue;
    }
}

void Session::run_copy_out(const translate::TranslatedStatement& stmt, SqliteConnection& c,
                           pgwire::BackendEncoder& encoder) {
    StatementLease lease = c.lease(stmt.sqlite_sql.back(), true);
    sqlite3_stmt* cursor = lease.get();
    if (stmt.copy_options.binary) return run_binary_copy_out(stmt, c, cursor, encoder);
    encoder.copy_out_response(int16_t(stmt.columns.size()));
    std::vector<std::string> texts(stmt.columns.size());
    std::vector<std::optional<std::string_view>> fields(stmt.columns.size());
    std::string line;
    if (stmt.copy_options.csv && stmt.copy_options.header) {
        for (size_t i = 0; i < stmt.columns.size(); ++i) fields[i] = stmt.columns[i].name;
        pgwire::append_copy_row(line, fields, stmt.copy_options);
        encoder.copy_data(line);
    }
    int64_t rows = 0;
    int rc;
    while ((rc = sqlite3_step(cursor)) == SQLITE_ROW) {
        for (size_t i = 0; i < stmt.columns.size(); ++i) {
            if (sqlite3_column_type(cursor, int(i)) == SQLITE_NULL) {
                fields[i].reset();
                continue;
            }
            texts[i].clear();
            RowEncoder::append_text(cursor, int(i), stmt.columns[i], texts[i]);
            fields[i] = texts[i];
        }
        line.clear();
        pgwire::append_copy_row(line, fields, stmt.copy_options);
        encoder.copy_data(line);
        ++rows;
    }
    if (rc != SQLITE_DONE) throw sqlite_error(c.handle(), rc);
    encoder.copy_done();
    encoder.command_complete("COPY " + std::to_string(rows));
}

// COPY TO's binary file format: the PGCOPY signature, flags and header
// extension length, then per row a field count and each field as a length
// (-1 for NULL) and its binary value, and a -1 trailer.
void Session::run_binary_copy_out(const translate::TranslatedStatement& stmt, SqliteConnection& c,
                                  sqlite3_stmt* cursor, pgwire::BackendEncoder& encoder) {
    for (const auto& column : stmt.columns) {
        if (!pgwire::binary_format_supported(column.type.oid)) {
            throw PgError(sqlstate::kFeatureNotSupported,
                          "binary COPY of type " + translate::format_type(column.type) + " is not supported yet");
        }
    }
    auto put_int = [](std::string& out, uint32_t v, int bytes) {
        for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) out.push_back(char((v >> shift) & 0xff));
    };
    encoder.copy_out_response(int16_t(stmt.columns.size()), true);
    std::string data("PGCOPY\n\xff\r\n\0", 11);
    put_int(data, 0, 4);  // flags: no OIDs
    put_int(data, 0, 4);  // no header extension
    std::string value;
    int64_t rows = 0;
    int rc;
    while ((rc = sqlite3_step(cursor)) == SQLITE_ROW) {
        put_int(data, uint32_t(stmt.columns.size()), 2);
        for (size_t i = 0; i < stmt.columns.size(); ++i) {
            if (sqlite3_column_type(cursor, int(i)) == SQLITE_NULL) {
                put_int(data, 0xffffffffu, 4);
                continue;
            }
            value.clear();
            RowEncoder::append_binary(cursor, int(i), stmt.columns[i], value);
            put_int(data, uint32_t(value.size()), 4);
            data += value;
        }
        encoder.copy_data(data);
        data.clear();
        ++rows;
    }
    if (rc != SQLITE_DONE) throw sqlite_error(c.handle(), rc);
    put_int(data, 0xffffu, 2);
    encoder.copy_data(data);
    encoder.copy_done();
    encoder.command_complete("COPY " + std::to_string(rows));
}

// LOCK TABLE. A transaction that holds the writer excludes every other
// writer and every DDL until it ends, which is what any lock mode asks of
// other writers; readers go on reading the last committed state, which is
// what they would have read just before the lock was taken. Without the
// writer (BEGIN READ ONLY) only the modes that do not write may be taken.
void Session::run_lock(const translate::TranslatedStatement& stmt, pgwire::BackendEncoder& encoder) {
    if (tx_state_ == TxState::kIdle) {
        throw PgError(sqlstate::kNoActiveSqlTransaction, "LOCK TABLE can only be used in transaction blocks");
    }
    constexpr int kRowExclusiveLock = 3;
    if (stmt.lock_mode > kRowExclusiveLock && !holds_writer_) {
        throw PgError(sqlstate::kReadOnlySqlTransaction, "cannot execute LOCK TABLE in a read-only transaction");
    }
    encoder.command_complete(stmt.tag);
}

void Session::run_savepoint(const translate::TranslatedStatement& stmt, pgwire::BackendEncoder& encoder) {
    const char* what = stmt.kind == StatementKind::kSavepoint  ? "SAVEPOINT"
                       : stmt.kind == StatementKind::kRelease ? "RELEASE SAVEPOINT"
                                                               : "ROLLBACK TO SAVEPOINT";
    // An implicit block (several statements in one Query) is no transaction block.
    if (tx_state_ == TxState::kIdle) {
        throw PgError(sqlstate::kNoActiveSqlTransaction, std::string(what) + " can only be used in transaction blocks");
    }
    SqliteConnection& c = *transaction_connection_;
    const std::string quoted = translate::quote_identifier(stmt.object_name);
    if (stmt.kind == StatementKind::kSavepoint) {
        c.exec(("SAVEPOINT " + quoted).c_str());
        savepoints_.push_back(stmt.object_name);
        transactional_settings_.savepoint(*settings_);
        encoder.command_complete(stmt.tag);
        return;
    }
    // The innermost savepoint of that name, as PostgreSQL picks.
    auto it = std::find(savepoints_.rbegin(), savepoints_.rend(), stmt.object_name);
    if (it == savepoints_.rend()) {
        throw PgError(sqlstate::kInvalidSavepointSpecification,
                      "savepoint \"" + stmt.object_name + "\" does not exist");
    }
    size_t index = size_t(savepoints_.rend() - it) - 1;
    if (stmt.kind == StatementKind::kRelease) {
        c.exec(("RELEASE SAVEPOINT " + quoted).c_str());
        savepoints_.resize(index);
        transactional_settings_.release(index);
    } else {
        // Cursors opened since the savepoint would read rolled-back rows.
        close_cursors();
        c.exec(("ROLLBACK TO SAVEPOINT " + quoted).c_str());
        savepoints_.resize(index + 1);
        tx_state_ = TxState::kInBlock;
        if (schema_changed_in_transaction_) database_->bump_schema_generation();
        encoder.command_complete(stmt.tag);
        report_settings(transactional_settings_.rollback_to(*settings_, index), encoder);
        return;
    }
    encoder.command_complete(stmt.tag);
}

// SHOW ALL: every setting with its value, sorted by name ignoring case as
// PostgreSQL sorts them (litegres keeps no descriptions: the column is empty).
void Session::show_all(bool describe_rows, pgwire::BackendEncoder& encoder) {
    std::vector<translate::SettingValue> all = settings_->all();
    auto lower = [](std::string s) {
        for (auto& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
        return s;
    };
    std::sort(all.begin(), all.end(), [&](const auto& a, const auto& b) { return lower(a.name) < lower(b.name); });
    if (describe_rows) encoder.row_description(RowEncoder::describe(show_all_columns()));
    for (const auto& setting : all) {
        size_t row = encoder.begin_data_row(3);
        encoder.add_value(setting.name);
        encoder.add_value(setting.value);
        encoder.add_value("");
        encoder.end_message(row);
    }
    encoder.command_complete("SHOW");
}

std::vector<translate::ResultColumn> Session::show_all_columns() {
    return {{"name", translate::kText}, {"setting", translate::kText}, {"description", translate::kText}};
}

void Session::run_setting(const translate::TranslatedStatement& stmt, bool describe_rows,
                          pgwire::BackendEncoder& encoder) {
    if (stmt.kind == StatementKind::kShow) {
        if (stmt.object_name == "all") return show_all(describe_rows, encoder);
        const std::string& value = settings_->get(stmt.object_name);
        std::string name = settings_->canonical_name(stmt.object_name);
        // The extended protocol describes rows at Describe, not at Execute.
        if (describe_rows) encoder.row_description(RowEncoder::describe({{name, translate::kText}}));
        size_t row = encoder.begin_data_row(1);
        encoder.add_value(value);
        encoder.end_message(row);
        encoder.command_complete("SHOW");
        return;
    }
    // Inside a block the change belongs to the transaction (undone by ROLLBACK).
    bool in_block = tx_state_ == TxState::kInBlock || implicit_block_;
    if (stmt.set_local && !in_block) {
        encoder.notice_response(sqlstate::kNoActiveSqlTransaction, "SET LOCAL can only be used in transaction blocks",
                                "WARNING");
        encoder.command_complete(stmt.tag);
        return;
    }
    if (stmt.object_name == "all") {
        auto changed = in_block ? transactional_settings_.reset_all_in_block(*settings_) : settings_->reset_all();
        for (const auto& name : changed) encoder.parameter_status(name, settings_->get(name));
    } else if (!stmt.object_name.empty()) {
        // An empty value is SET ... TO DEFAULT or RESET.
        std::optional<std::string> value;
        if (!stmt.setting_value.empty()) value = stmt.setting_value;
        std::string reported = in_block
                                   ? transactional_settings_.set_in_block(*settings_, stmt.object_name, value, stmt.set_local)
                                   : settings_->set(stmt.object_name, value);
        if (!reported.empty()) encoder.parameter_status(reported, settings_->get(reported));
    }
    apply_time_zone();
    apply_search_path();
    encoder.command_complete(stmt.tag);
}

void Session::report_settings(const std::vector<std::string>& changed, pgwire::BackendEncoder& encoder) {
    for (const auto& name : changed) encoder.parameter_status(name, settings_->get(name));
    apply_time_zone();
    apply_search_path();
}

void Session::apply_time_zone() {
    context_.time_zone = translate::TimeZone::find(settings_->get("TimeZone"));
    context_.date_style = translate::DateStyle::parse(settings_->get("DateStyle"), {});
    context_.interval_style = translate::parse_interval_style(settings_->get("IntervalStyle"));
}

void Session::apply_search_path() {
    context_.search_path = translate::SearchPath::schemas(settings_->get("search_path"), context_.user);
    // The schemas themselves ("$user" differs between users), in a form no
    // statement text ends with.
    search_path_key_.clear();
    for (const auto& schema : context_.search_path) search_path_key_ += "\x1d" + schema;
    search_path_key_ += "\x1d";
    // Temporary relations are searched first, so they are part of the key.
    if (uses_temp_schema_) {
        search_path_key_ += temp_schema() + "\x1d";
        context_.temp_schema = temp_schema();
    }
}

std::string Session::temp_schema() const {
    std::string name = "pg_temp_" + std::to_string(process_id_);
    return temp_generation_ == 0 ? name : name + "_" + std::to_string(temp_generation_);
}

// DISCARD TEMP: the temp schema is handed to the next writer to drop, as when
// the session ends, and the session goes on with a new, empty one.
void Session::discard_temp() {
    if (!uses_temp_schema_) return;
    database_->temp_schema_ended(temp_schema());
    uses_temp_schema_ = false;
    ++temp_generation_;
    context_.temp_schema.clear();
}

void Session::run_session_reset(const translate::TranslatedStatement& stmt, pgwire::BackendEncoder& encoder) {
    if (stmt.kind == StatementKind::kDeallocate) {
        if (stmt.object_name.empty()) {
            statements_.clear();
        } else if (statements_.erase(stmt.object_name) == 0) {
            throw PgError(sqlstate::kInvalidSqlStatementName,
                          "prepared statement \"" + stmt.object_name + "\" does not exist");
        }
        encoder.command_complete(stmt.tag);
        return;
    }
    if (stmt.object_name == "ALL") {
        if (tx_state_ != TxState::kIdle || implicit_block_) {
            throw PgError(sqlstate::kActiveSqlTransaction, "DISCARD ALL cannot run inside a transaction block");
        }
        // As PostgreSQL: RESET ALL, DEALLOCATE ALL, CLOSE ALL, unlock
        // advisory locks, drop temporary tables and forget sequences.
        for (const auto& name : settings_->reset_all()) encoder.parameter_status(name, settings_->get(name));
        apply_time_zone();
        statements_.clear();
        portals_.clear();
        context_.sequence_last_values.clear();
        database_->advisory_locks().release_all(process_id_, true, true);
        discard_temp();
        apply_search_path();
    } else if (stmt.object_name == "SEQUENCES") {
        context_.sequence_last_values.clear();
    } else if (stmt.object_name == "TEMP") {
        if (uses_temp_schema_ && (tx_state_ != TxState::kIdle || implicit_block_)) {
            throw PgError(sqlstate::kFeatureNotSupported,
                          "DISCARD TEMP inside a transaction block that has temporary tables is not supported yet");
        }
        discard_temp();
        apply_search_path();
    }
    encoder.command_complete(stmt.tag);
}

void Session::run_database_command(const translate::TranslatedStatement& stmt, pgwire::BackendEncoder& encoder) {
    bool create = stmt.kind == StatementKind::kCreateDatabase;
    if (tx_state_ != TxState::kIdle || implicit_block_) {
        throw PgError(sqlstate::kActiveSqlTransaction, std::string(create ? "CREATE DATABASE" : "DROP DATABASE") +
                                                           " cannot run inside a transaction block");
    }
    if (create) {
        registry_.create(stmt.object_name);
    } else {
        if (stmt.object_name == database_->name()) {
            throw PgError(sqlstate::kObjectInUse, "cannot drop the currently open database");
        }
        if (!registry_.drop(stmt.object_name, stmt.missing_ok)) {
            encoder.notice_response(sqlstate::kSuccessfulCompletion,
                                    "database \"" + stmt.object_name + "\" does not exist, skipping");
        }
    }
    encoder.command_complete(stmt.tag);
}

}  // namespace litegres
