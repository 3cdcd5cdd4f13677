// database.h — one PostgreSQL database: one SQLite file, its single writer
// connection (guarded by a WriteLock), a pool of reader connections, the
// schema generation and the translation cache bound to that schema.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "src/advisory_locks.h"
#include "src/sqlite_connection.h"
#include "src/write_lock.h"
#include "translate/translation_cache.h"

namespace litegres {

class Database;

// A reader connection on loan; returns to the pool when destroyed.
class ReaderLease {
  public:
    ReaderLease() = default;
    ReaderLease(Database* owner, std::unique_ptr<SqliteConnection> connection)
        : owner_(owner), connection_(std::move(connection)) {}
    ReaderLease(ReaderLease&&) noexcept = default;
    ReaderLease& operator=(ReaderLease&& other) noexcept;
    ~ReaderLease();

    SqliteConnection* get() const { return connection_.get(); }
    explicit operator bool() const { return connection_ != nullptr; }

  private:
    void give_back();
    Database* owner_ = nullptr;
    std::unique_ptr<SqliteConnection> connection_;
};

class Database {
  public:
    Database(std::string name, std::string path, bool create);
    ~Database();

    const std::string& name() const { return name_; }
    const std::string& path() const { return path_; }

    WriteLock& write_lock() { return write_lock_; }
    AdvisoryLocks& advisory_locks() { return advisory_locks_; }
    // The writer connection; only its WriteLock holder may use it.
    SqliteConnection& writer() { return *writer_; }
    ReaderLease lease_reader();

    uint64_t schema_generation() const {
        return schema_generation_.load(std::memory_order_acquire);
    }
    void bump_schema_generation() { schema_generation_.fetch_add(1, std::memory_order_acq_rel); }
    translate::TranslationCache& translation_cache() { return cache_; }

    // Folds the WAL back into the main file (at shutdown).
    void checkpoint();

    // A session with temporary relations ended: the next holder of the
    // writer drops its temp schema (drop_ended_temp_schemas).
    void temp_schema_ended(std::string schema);
    // Drops the temp schemas of ended sessions. Only the writer's holder
    // calls it, outside a transaction.
    void drop_ended_temp_schemas();

  private:
    friend class ReaderLease;
    void return_reader(std::unique_ptr<SqliteConnection> connection);

    std::string name_;
    std::string path_;
    std::unique_ptr<SqliteConnection> writer_;
    WriteLock write_lock_;
    AdvisoryLocks advisory_locks_;
    std::mutex readers_mutex_;
    std::vector<std::unique_ptr<SqliteConnection>> idle_readers_;
    std::atomic<uint64_t> schema_generation_{1};
    std::mutex ended_temp_schemas_mutex_;
    std::vector<std::string> ended_temp_schemas_;
    translate::TranslationCache cache_;
};

}  // namespace litegres
