// database.cpp — connections of one database file.
#include "src/database.h"

#include "src/log.h"
#include "src/sqlite_catalog.h"
#include "src/sqlite_error.h"
#include "translate/information_schema.h"
#include "translate/parsed_query.h"
#include "translate/sql_text.h"
#include "translate/statement_translator.h"
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

ReaderLease::~ReaderLease() {
    give_back();
}

void ReaderLease::give_back() {
    if (owner_ != nullptr && connection_ != nullptr) owner_->return_reader(std::move(connection_));
}

Database::Database(std::string name, std::string path, bool create)
    : name_(std::move(name)), path_(std::move(path)) {
    writer_ = std::make_unique<SqliteConnection>(path_, create);
    for (const char* const* upgrade = translate::kBookkeepingUpgradeSql; *upgrade != nullptr;
         ++upgrade) {
        sqlite3_exec(writer_->handle(), *upgrade, nullptr, nullptr, nullptr);
    }
    writer_->exec(translate::kBookkeepingSchemaSql);
    install_catalog(*writer_);
    // Temp schemas of sessions a crash ended go now.
    {
        sqlite3_stmt* raw = nullptr;
        if (sqlite3_prepare_v2(
                writer_->handle(),
                "SELECT name FROM _litegres_namespace WHERE name LIKE 'pg\\_temp\\_%' ESCAPE '\\'",
                -1, &raw, nullptr) == SQLITE_OK) {
            while (sqlite3_step(raw) == SQLITE_ROW) {
                ended_temp_schemas_.emplace_back(
                    reinterpret_cast<const char*>(sqlite3_column_text(raw, 0)));
            }
        }
        sqlite3_finalize(raw);
    }
    drop_ended_temp_schemas();
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
    if (!sqlite3_get_autocommit(connection->handle()))
        sqlite3_exec(connection->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    std::lock_guard lock(readers_mutex_);
    idle_readers_.push_back(std::move(connection));
}

void Database::temp_schema_ended(std::string schema) {
    std::lock_guard lock(ended_temp_schemas_mutex_);
    ended_temp_schemas_.push_back(std::move(schema));
}

void Database::drop_ended_temp_schemas() {
    std::vector<std::string> schemas;
    {
        std::lock_guard lock(ended_temp_schemas_mutex_);
        schemas.swap(ended_temp_schemas_);
    }
    if (schemas.empty()) return;
    for (const auto& schema : schemas) {
        // DROP SCHEMA ... CASCADE as a user would run it, in its own transaction.
        try {
            translate::ParsedQuery parsed("DROP SCHEMA IF EXISTS " +
                                          translate::quote_identifier(schema) + " CASCADE");
            SqliteCatalog catalog(*writer_);
            translate::StatementTranslator translator(catalog, {});
            translate::TranslatedStatement drop = translator.translate(parsed.statement(0));
            writer_->exec("BEGIN IMMEDIATE");
            for (const auto& sql : drop.sqlite_sql) writer_->exec(sql.c_str());
            writer_->exec("COMMIT");
        } catch (const pgwire::PgError& e) {
            if (!sqlite3_get_autocommit(writer_->handle())) {
                sqlite3_exec(writer_->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
            }
            log_line(LogLevel::kWarning,
                     "could not drop temporary schema " + schema + ": " + e.what());
        }
    }
    bump_schema_generation();
}

void Database::checkpoint() {
    if (writer_ != nullptr) {
        sqlite3_wal_checkpoint_v2(writer_->handle(), nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr,
                                  nullptr);
    }
}

}  // namespace litegres
