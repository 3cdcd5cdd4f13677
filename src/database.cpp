// database.cpp — connections of one database file.
#include "src/database.h"

#include "src/sqlite_error.h"
#include "translate/statement_translator.h"
#include "translate/information_schema.h"
#include "translate/system_catalog.h"

namespace litegres {

namespace {
void install_catalog(SqliteConnection& connection) {
    int rc = translate::install_system_catalog(connection.handle());
    if (rc == SQLITE_OK) rc = translate::install_information_schema(connection.handle());
    if (rc != SQLITE_OK) throw sqlite_error(connection.handle(), rc);
}
}  // namespace

ReaderLease& ReaderLease::operator=(ReaderLease&& other) noexcept {
    if (this != &other) {
        give_back();
        owner_ = other.owner_;
        connection_ = std::move(other.connection_);
    }
    return *this;
}

ReaderLease::~ReaderLease() { give_back(); }

void ReaderLease::give_back() {
    if (owner_ != nullptr && connection_ != nullptr) owner_->return_reader(std::move(connection_));
}

Database::Database(std::string name, std::string path, bool create)
    : name_(std::move(name)), path_(std::move(path)) {
    writer_ = std::make_unique<SqliteConnection>(path_, create);
    for (const char* const* upgrade = translate::kBookkeepingUpgradeSql; *upgrade != nullptr; ++upgrade) {
        sqlite3_exec(writer_->handle(), *upgrade, nullptr, nullptr, nullptr);
    }
    writer_->exec(translate::kBookkeepingSchemaSql);
    install_catalog(*writer_);
}

Database::~Database() {
    idle_readers_.clear();
    checkpoint();
}

ReaderLease Database::lease_reader() {
    {
        std::lock_guard lock(readers_mutex_);
        if (!idle_readers_.empty()) {
            auto connection = std::move(idle_readers_.back());
            idle_readers_.pop_back();
            return ReaderLease(this, std::move(connection));
        }
    }
    auto reader = std::make_unique<SqliteConnection>(path_, false);
    install_catalog(*reader);
    return ReaderLease(this, std::move(reader));
}

void Database::return_reader(std::unique_ptr<SqliteConnection> connection) {
    // A lease returned mid-transaction (a vanished client) is rolled back first.
    if (!sqlite3_get_autocommit(connection->handle())) sqlite3_exec(connection->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    std::lock_guard lock(readers_mutex_);
    idle_readers_.push_back(std::move(connection));
}

void Database::checkpoint() {
    if (writer_ != nullptr) {
        sqlite3_wal_checkpoint_v2(writer_->handle(), nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
    }
}

}  // namespace litegres
