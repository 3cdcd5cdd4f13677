// sqlite_connection.h — RAII owners of SQLite handles. A SqliteConnection is
// one open database file configured the way litegres needs it (WAL,
// foreign keys on, case-sensitive LIKE, litegres's SQL functions), with a
// small cache of prepared statements so that a repeated statement is never
// prepared twice.
#pragma once

#include <sqlite3.h>

#include <memory>
#include <string>
#include <unordered_map>

namespace litegres {

class SqliteStatement {
public:
    SqliteStatement() = default;
    explicit SqliteStatement(sqlite3_stmt* stmt) : stmt_(stmt) {}
    ~SqliteStatement() { sqlite3_finalize(stmt_); }
    SqliteStatement(SqliteStatement&& other) noexcept : stmt_(other.stmt_) { other.stmt_ = nullptr; }
    SqliteStatement& operator=(SqliteStatement&& other) noexcept {
        std::swap(stmt_, other.stmt_);
        return *this;
    }
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    sqlite3_stmt* get() const { return stmt_; }

private:
    sqlite3_stmt* stmt_ = nullptr;
};

class SqliteConnection;

// A prepared statement borrowed from a connection's cache (or, when the
// cached one is busy with another open portal, prepared just for this
// borrower). Reset and handed back on destruction, so a cursor can stay
// open across calls (a suspended portal) without blocking reuse.
class StatementLease {
public:
    StatementLease() = default;
    StatementLease(SqliteConnection* owner, const std::string* cache_key, sqlite3_stmt* stmt, bool owned)
        : owner_(owner), cache_key_(cache_key), stmt_(stmt), owned_(owned) {}
    StatementLease(StatementLease&& other) noexcept { *this = std::move(other); }
    StatementLease& operator=(StatementLease&& other) noexcept;
    ~StatementLease() { release(); }

    sqlite3_stmt* get() const { return stmt_; }
    void release();

private:
    SqliteConnection* owner_ = nullptr;
    const std::string* cache_key_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
    bool owned_ = false;
};

class SqliteConnection {
public:
    // Opens (creating if `create`) the file and applies litegres's settings.
    // Throws PgError on failure.
    SqliteConnection(const std::string& path, bool create);
    ~SqliteConnection();
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;

    sqlite3* handle() const { return db_; }

    // A prepared statement for `sql`, ready to bind. With `cache`, it is
    // kept for the next lease of the same text.
    StatementLease lease(const std::string& sql, bool cache);
    // Runs statements that return no rows; throws PgError on failure.
    void exec(const char* sql);

private:
    friend class StatementLease;
    struct CachedStatement {
        SqliteStatement statement;
        bool in_use = false;
    };
    sqlite3_stmt* prepare_raw(const std::string& sql, bool persistent);
    void give_back(const std::string& key);

    sqlite3* db_ = nullptr;
    std::unordered_map<std::string, CachedStatement> statements_;
};

}  // namespace litegres
