// sqlite_connection.cpp — opening and configuring SQLite connections.
#include "src/sqlite_connection.h"

#include <utility>

#include "pgwire/sqlstate.h"
#include "src/sqlite_error.h"
#include "translate/sqlite_functions.h"
#include "translate/statement_translator.h"

namespace litegres {

namespace {
constexpr size_t kStatementCacheLimit = 256;
}

SqliteConnection::SqliteConnection(const std::string& path, bool create) {
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
    int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close_v2(db_);
        db_ = nullptr;
        throw pgwire::PgError(pgwire::sqlstate::kInternalError,
                              "could not open database file \"" + path + "\": " + message);
    }
    sqlite3_extended_result_codes(db_, 1);
    // WAL lets readers run beside the writer. synchronous=FULL makes every
    // acknowledged COMMIT durable, as PostgreSQL's default fsync does.
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=FULL");
    exec("PRAGMA foreign_keys=ON");
    exec("PRAGMA case_sensitive_like=ON");
    // Only another process (the sqlite3 shell, a backup) can hold a lock
    // litegres waits on: litegres serialises its own writers itself.
    sqlite3_busy_timeout(db_, 5000);
    rc = translate::register_sqlite_functions(db_);
    if (rc != SQLITE_OK) throw sqlite_error(db_, rc);
}

SqliteConnection::~SqliteConnection() {
    statements_.clear();
    sqlite3_close_v2(db_);
}

StatementLease& StatementLease::operator=(StatementLease&& other) noexcept {
    if (this != &other) {
        release();
        owner_ = std::exchange(other.owner_, nullptr);
        cache_key_ = std::exchange(other.cache_key_, nullptr);
        stmt_ = std::exchange(other.stmt_, nullptr);
        owned_ = other.owned_;
    }
    return *this;
}

void StatementLease::release() {
    if (stmt_ == nullptr) return;
    if (owned_) {
        sqlite3_finalize(stmt_);
    } else {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
        owner_->give_back(*cache_key_);
    }
    stmt_ = nullptr;
}

sqlite3_stmt* SqliteConnection::prepare_raw(const std::string& sql, bool persistent) {
    sqlite3_stmt* raw = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.c_str(), int(sql.size()), persistent ? SQLITE_PREPARE_PERSISTENT : 0,
                                &raw, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(raw);
        throw sqlite_error(db_, rc);
    }
    return raw;
}

StatementLease SqliteConnection::lease(const std::string& sql, bool cache) {
    if (cache) {
        auto it = statements_.find(sql);
        if (it != statements_.end() && !it->second.in_use) {
            it->second.in_use = true;
            return StatementLease(this, &it->first, it->second.statement.get(), false);
        }
        if (it == statements_.end()) {
            if (statements_.size() >= kStatementCacheLimit) {
                std::erase_if(statements_, [](const auto& entry) { return !entry.second.in_use; });
            }
            sqlite3_stmt* raw = prepare_raw(sql, true);
            auto inserted = statements_.emplace(sql, CachedStatement{SqliteStatement(raw), true}).first;
            return StatementLease(this, &inserted->first, raw, false);
        }
    }
    return StatementLease(this, nullptr, prepare_raw(sql, false), true);
}

void SqliteConnection::give_back(const std::string& key) {
    auto it = statements_.find(key);
    if (it != statements_.end()) it->second.in_use = false;
}

void SqliteConnection::exec(const char* sql) {
    char* error = nullptr;
    int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &error);
    sqlite3_free(error);
    if (rc != SQLITE_OK) throw sqlite_error(db_, rc);
}

}  // namespace litegres
