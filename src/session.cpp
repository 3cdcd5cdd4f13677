// session.cpp — startup, the simple query protocol with PostgreSQL's
// implicit-transaction rules for multi-statement strings, explicit
// transaction blocks, and errors.
//
// Invariants:
// - holds_writer_ is true exactly while this session owns the database's
//   WriteLock; it is released as soon as no transaction block needs it.
// - In kInBlock/kFailed the session is pinned to one connection: the writer
//   (holds_writer_) or pinned_reader_ (BEGIN READ ONLY).
#include "src/session.h"

#include <chrono>

#include "pgwire/sqlstate.h"
#include "src/log.h"
#include "src/row_encoder.h"
#include "src/sqlite_catalog.h"
#include "src/statement_executor.h"
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

bool is_transaction_end(const PgQuery__RawStmt& raw) {
    if (raw.stmt == nullptr || raw.stmt->node_case != PG_QUERY__NODE__NODE_TRANSACTION_STMT) return false;
    auto kind = raw.stmt->transaction_stmt->kind;
    return kind == PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT ||
           kind == PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK;
}

}  // namespace

Session::Session(DatabaseRegistry& registry, int32_t process_id, int32_t secret_key)
    : registry_(registry), process_id_(process_id), secret_key_(secret_key) {}

Session::~Session() {
    // A client that vanished mid-transaction: its work is rolled back and the
    // writer handed on, exactly as PostgreSQL aborts a dead backend's work.
    if (holds_writer_ && database_ != nullptr) {
        sqlite3* db = database_->writer().handle();
        if (!sqlite3_get_autocommit(db)) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        if (schema_changed_in_transaction_) database_->bump_schema_generation();
        release_writer();
    }
}

pgwire::TransactionStatus Session::status() const {
    switch (tx_state_) {
        case TxState::kIdle: return pgwire::TransactionStatus::kIdle;
        case TxState::kInBlock: return pgwire::TransactionStatus::kInBlock;
        case TxState::kFailed: return pgwire::TransactionStatus::kFailed;
    }
    return pgwire::TransactionStatus::kIdle;
}

void Session::send_error(const PgError& error, pgwire::BackendEncoder& encoder) { encoder.error_response(error); }

Session::Step Session::handle(pgwire::FrontendMessage& message, std::string& out) {
    pgwire::BackendEncoder encoder(out);
    try {
        if (auto* startup = std::get_if<pgwire::StartupMessage>(&message)) return start(*startup, out);
        if (std::holds_alternative<pgwire::SslRequest>(message) ||
            std::holds_alternative<pgwire::GssEncRequest>(message)) {
            encoder.single_byte('N');  // no TLS / GSS encryption yet: the client goes on in plain text
            return Step::kContinue;
        }
        if (std::holds_alternative<pgwire::CancelRequest>(message)) return Step::kClose;
        if (!started_) {
            throw PgError(sqlstate::kProtocolViolation, "expected startup message", 0, pgwire::Severity::kFatal);
        }
        if (auto* q = std::get_if<pgwire::Query>(&message)) return query(std::move(q->sql), out);
        if (std::holds_alternative<pgwire::Terminate>(message)) return Step::kClose;
        if (std::holds_alternative<pgwire::Sync>(message)) {
            skipping_to_sync_ = false;
            encoder.ready_for_query(status());
            return Step::kContinue;
        }
        if (const auto* unsupported = std::get_if<pgwire::UnsupportedMessage>(&message)) {
            throw PgError(sqlstate::kProtocolViolation,
                          "invalid frontend message type " + std::to_string(int(unsupported->type)), 0,
                          pgwire::Severity::kFatal);
        }
        // Extended query protocol: refused for now, with PostgreSQL's error
        // recovery (skip to Sync) so the client stays in step.
        if (!skipping_to_sync_) {
            skipping_to_sync_ = true;
            throw PgError(sqlstate::kFeatureNotSupported, "the extended query protocol is not supported yet");
        }
        return Step::kContinue;
    } catch (const PgError& e) {
        send_error(e, encoder);
        return e.severity() == pgwire::Severity::kError ? Step::kContinue : Step::kClose;
    }
}

Session::Step Session::start(const pgwire::StartupMessage& startup, std::string& out) {
    pgwire::BackendEncoder encoder(out);
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
    started_ = true;

    encoder.authentication_ok();
    for (const auto& [name, value] : settings_->reported()) encoder.parameter_status(name, value);
    encoder.backend_key_data(process_id_, secret_key_);
    encoder.ready_for_query(status());
    return Step::kContinue;
}

Session::Step Session::query(std::string sql, std::string& out) {
    pgwire::BackendEncoder encoder(out);
    std::unique_ptr<translate::ParsedQuery> parsed;
    try {
        parsed = std::make_unique<translate::ParsedQuery>(sql);
    } catch (const PgError& e) {
        // A syntax error anywhere fails the whole string before any of it runs.
        send_error(e, encoder);
        if (tx_state_ == TxState::kInBlock) tx_state_ = TxState::kFailed;
        encoder.ready_for_query(status());
        return Step::kContinue;
    }
    bool needs_writer = false;
    if (tx_state_ == TxState::kIdle) {
        for (size_t i = 0; i < parsed->statement_count(); ++i) {
            if (translate::statement_needs_writer(parsed->statement(i))) needs_writer = true;
        }
    }
    pending_parse_ = std::move(parsed);
    pending_sql_ = std::move(sql);
    if (needs_writer && !holds_writer_) return Step::kNeedsWriter;
    run_pending_query(encoder);
    return Step::kContinue;
}

Session::Step Session::resume(std::string& out) {
    holds_writer_ = true;
    pgwire::BackendEncoder encoder(out);
    run_pending_query(encoder);
    return Step::kContinue;
}

void Session::run_pending_query(pgwire::BackendEncoder& encoder) {
    std::unique_ptr<translate::ParsedQuery> parsed = std::move(pending_parse_);
    std::string sql = std::move(pending_sql_);
    translate::SessionContextScope context_scope(context_);
    context_.statement_start_micros = now_micros();

    size_t count = parsed->statement_count();
    if (count == 0) {
        encoder.empty_query_response();
        encoder.ready_for_query(status());
        return;
    }

    // Which connection runs this query.
    ReaderLease lease;
    SqliteConnection* connection = nullptr;
    if (holds_writer_) {
        connection = &database_->writer();
    } else if (pinned_reader_) {
        connection = pinned_reader_.get();
    }

    // PostgreSQL runs a multi-statement string outside a transaction block
    // as one implicit transaction.
    implicit_block_ = tx_state_ == TxState::kIdle && count > 1;
    try {
        if (connection == nullptr) {
            lease = database_->lease_reader();
            connection = lease.get();
        }
        if (implicit_block_) connection->exec(holds_writer_ ? "BEGIN IMMEDIATE" : "BEGIN");
    } catch (const PgError& e) {
        send_error(e, encoder);
        if (tx_state_ == TxState::kIdle) release_writer();
        encoder.ready_for_query(status());
        return;
    }

    for (size_t i = 0; i < count; ++i) {
        const PgQuery__RawStmt& raw = parsed->statement(i);
        try {
            if (tx_state_ == TxState::kFailed && !is_transaction_end(raw)) {
                throw PgError(sqlstate::kInFailedSqlTransaction,
                              "current transaction is aborted, commands ignored until end of transaction block");
            }
            run_statement(raw, statement_text(sql, raw), i + 1 == count, connection, lease, encoder);
        } catch (const PgError& e) {
            send_error(e, encoder);
            sqlite3* db = connection->handle();
            if (tx_state_ != TxState::kIdle) {
                tx_state_ = TxState::kFailed;
            } else if (implicit_block_ && !sqlite3_get_autocommit(db)) {
                sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
            }
            implicit_block_ = false;
            break;
        }
    }
    if (implicit_block_ && !sqlite3_get_autocommit(connection->handle())) {
        try {
            connection->exec("COMMIT");
        } catch (const PgError& e) {
            sqlite3_exec(connection->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
            send_error(e, encoder);
        }
    }
    implicit_block_ = false;
    if (tx_state_ == TxState::kIdle) end_transaction();
    encoder.ready_for_query(status());
}

void Session::end_transaction() {
    if (schema_changed_in_transaction_) {
        // DDL that was rolled back must not leave translations bound to it.
        database_->bump_schema_generation();
        schema_changed_in_transaction_ = false;
    }
    pinned_reader_ = ReaderLease();
    release_writer();
}

void Session::release_writer() {
    if (!holds_writer_) return;
    holds_writer_ = false;
    database_->write_lock().release();
}

std::shared_ptr<const translate::TranslatedStatement> Session::translate(const PgQuery__RawStmt& raw,
                                                                         const std::string& text,
                                                                         SqliteConnection& connection) {
    translate::TranslationCache& cache = database_->translation_cache();
    uint64_t generation = database_->schema_generation();
    if (auto hit = cache.find(text, generation)) return hit;
    SqliteCatalog catalog(connection);
    translate::StatementTranslator translator(catalog);
    auto translated = std::make_shared<const translate::TranslatedStatement>(translator.translate(raw));
    cache.insert(text, generation, translated);
    return translated;
}

void Session::run_statement(const PgQuery__RawStmt& raw, const std::string& text, bool last_in_query, SqliteConnection*& connection, ReaderLease& lease,
                            pgwire::BackendEncoder& encoder) {
    auto stmt = translate(raw, text, *connection);
    switch (stmt->kind) {
        case StatementKind::kEmpty:
            encoder.empty_query_response();
            return;
        case StatementKind::kBegin:
        case StatementKind::kCommit:
        case StatementKind::kRollback:
            run_transaction_control(*stmt, last_in_query, connection, lease, encoder);
            return;
        case StatementKind::kSet:
        case StatementKind::kShow:
            run_setting(*stmt, encoder);
            return;
        case StatementKind::kCreateDatabase:
        case StatementKind::kDropDatabase: {
            const char* what = stmt->kind == StatementKind::kCreateDatabase ? "CREATE DATABASE" : "DROP DATABASE";
            if (tx_state_ != TxState::kIdle || implicit_block_) {
                throw PgError(sqlstate::kActiveSqlTransaction,
                              std::string(what) + " cannot run inside a transaction block");
            }
            if (stmt->kind == StatementKind::kCreateDatabase) {
                registry_.create(stmt->object_name);
            } else {
                if (stmt->object_name == database_->name()) {
                    throw PgError(sqlstate::kObjectInUse, "cannot drop the currently open database");
                }
                if (!registry_.drop(stmt->object_name, stmt->missing_ok)) {
                    encoder.notice_response(sqlstate::kSuccessfulCompletion,
                                            "database \"" + stmt->object_name + "\" does not exist, skipping");
                }
            }
            encoder.command_complete(stmt->tag);
            return;
        }
        case StatementKind::kQuery:
            break;
    }
    if (stmt->writes && !holds_writer_) {
        throw PgError(sqlstate::kReadOnlySqlTransaction,
                      "cannot execute " + stmt->tag + " in a read-only transaction");
    }
    for (const auto& notice : stmt->notices) encoder.notice_response(notice.sqlstate, notice.message);
    execute_statement(*connection, *stmt, encoder);
    if (stmt->changes_schema) {
        database_->bump_schema_generation();
        if (tx_state_ != TxState::kIdle || implicit_block_) schema_changed_in_transaction_ = true;
    }
}

void Session::run_transaction_control(const translate::TranslatedStatement& stmt, bool last_in_query, SqliteConnection* connection, ReaderLease& lease,
                                      pgwire::BackendEncoder& encoder) {
    sqlite3* db = connection->handle();
    switch (stmt.kind) {
        case StatementKind::kBegin:
            if (tx_state_ != TxState::kIdle) {
                encoder.notice_response(sqlstate::kActiveSqlTransaction, "there is already a transaction in progress",
                                        "WARNING");
            } else {
                if (stmt.read_only_transaction) {
                    if (lease) pinned_reader_ = std::move(lease);
                }
                // In an implicit block the SQLite transaction is already
                // open; BEGIN turns it into a real block.
                if (!implicit_block_) connection->exec(holds_writer_ ? "BEGIN IMMEDIATE" : "BEGIN");
                implicit_block_ = false;
                tx_state_ = TxState::kInBlock;
            }
            encoder.command_complete(stmt.tag);
            return;
        case StatementKind::kCommit:
        case StatementKind::kRollback: {
            if (tx_state_ == TxState::kIdle && !implicit_block_) {
                encoder.notice_response(sqlstate::kNoActiveSqlTransaction, "there is no transaction in progress",
                                        "WARNING");
                encoder.command_complete(stmt.tag);
                return;
            }
            bool commit = stmt.kind == StatementKind::kCommit && tx_state_ != TxState::kFailed;
            tx_state_ = TxState::kIdle;
            if (!sqlite3_get_autocommit(db)) {
                if (commit) {
                    try {
                        connection->exec("COMMIT");
                    } catch (...) {
                        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
                        throw;
                    }
                } else {
                    connection->exec("ROLLBACK");
                }
            }
            // Later statements of the same string run in a new implicit block.
            implicit_block_ = !last_in_query;
            if (implicit_block_) connection->exec(holds_writer_ ? "BEGIN IMMEDIATE" : "BEGIN");
            encoder.command_complete(commit ? "COMMIT" : "ROLLBACK");
            return;
        }
        default:
            return;
    }
}

void Session::run_setting(const translate::TranslatedStatement& stmt, pgwire::BackendEncoder& encoder) {
    if (stmt.kind == StatementKind::kShow) {
        if (stmt.object_name == "all") throw PgError(sqlstate::kFeatureNotSupported, "SHOW ALL is not supported yet");
        const std::string& value = settings_->get(stmt.object_name);
        std::string name = settings_->canonical_name(stmt.object_name);
        translate::ResultColumn column{name, translate::kText};
        encoder.row_description(RowEncoder::describe({column}));
        size_t row = encoder.begin_data_row(1);
        encoder.add_value(value);
        encoder.end_message(row);
        encoder.command_complete("SHOW");
        return;
    }
    if (stmt.object_name == "all") {
        for (const auto& name : settings_->reset_all()) encoder.parameter_status(name, settings_->get(name));
    } else if (!stmt.object_name.empty()) {
        std::string reported = settings_->set(stmt.object_name, stmt.setting_value);
        if (!reported.empty()) encoder.parameter_status(reported, settings_->get(reported));
    }
    encoder.command_complete(stmt.tag);
}

}  // namespace litegres
