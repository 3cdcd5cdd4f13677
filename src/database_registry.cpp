// database_registry.cpp — database names ► files. Names are percent-encoded
// where a character is not safe in a file name, so any PostgreSQL database
// name maps to exactly one file.
#include "src/database_registry.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"

namespace litegres {

namespace fs = std::filesystem;
using pgwire::PgError;
namespace sqlstate = pgwire::sqlstate;

DatabaseRegistry::DatabaseRegistry(std::string data_dir) : data_dir_(std::move(data_dir)) {
    fs::create_directories(data_dir_);
    if (!exists("postgres")) create("postgres");
}

std::string DatabaseRegistry::file_for(const std::string& name) const {
    std::string file;
    for (unsigned char c : name) {
        if (std::isalnum(c) || c == '_' || c == '-') {
            file.push_back(char(c));
        } else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            file += buf;
        }
    }
    return (fs::path(data_dir_) / (file + ".db")).string();
}

std::vector<std::string> DatabaseRegistry::names() const {
    std::vector<std::string> names;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(data_dir_, error)) {
        if (entry.path().extension() != ".db") continue;
        std::string file = entry.path().stem().string(), name;
        for (size_t i = 0; i < file.size(); ++i) {
            if (file[i] == '%' && i + 2 < file.size() &&
                std::isxdigit(static_cast<unsigned char>(file[i + 1])) &&
                std::isxdigit(static_cast<unsigned char>(file[i + 2]))) {
                name.push_back(char(std::strtol(file.substr(i + 1, 2).c_str(), nullptr, 16)));
                i += 2;
            } else {
                name.push_back(file[i]);
            }
        }
        names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

bool DatabaseRegistry::exists(const std::string& name) const {
    return fs::exists(file_for(name));
}

std::shared_ptr<Database> DatabaseRegistry::open(const std::string& name) {
    std::lock_guard lock(mutex_);
    if (auto it = open_.find(name); it != open_.end()) return it->second;
    if (!exists(name)) {
        throw PgError(sqlstate::kInvalidCatalogName, "database \"" + name + "\" does not exist", 0,
                      pgwire::Severity::kFatal);
    }
    auto db = std::make_shared<Database>(name, file_for(name), false);
    open_[name] = db;
    return db;
}

void DatabaseRegistry::create(const std::string& name) {
    if (name.empty() || name.size() > 63) {
        throw PgError(sqlstate::kInvalidParameterValue, "invalid database name \"" + name + "\"");
    }
    std::lock_guard lock(mutex_);
    if (exists(name))
        throw PgError(sqlstate::kDuplicateDatabase, "database \"" + name + "\" already exists");
    // Opening with create makes the file and its bookkeeping tables.
    open_[name] = std::make_shared<Database>(name, file_for(name), true);
}

bool DatabaseRegistry::drop(const std::string& name, bool missing_ok) {
    // A client that just disconnected may still have its session ending on
    // the server: as PostgreSQL does, wait up to 5 s for other users to leave.
    constexpr int kWaitSteps = 50;
    constexpr auto kWaitStep = std::chrono::milliseconds(100);
    for (int step = 0;; ++step) {
        std::unique_lock lock(mutex_);
        if (!exists(name)) {
            if (missing_ok) return false;
            throw PgError(sqlstate::kInvalidCatalogName,
                          "database \"" + name + "\" does not exist");
        }
        auto it = open_.find(name);
        // Sessions take references only under mutex_: a count of 1 stays 1.
        long users = it == open_.end() ? 0 : it->second.use_count() - 1;
        if (users > 0 && step < kWaitSteps) {
            lock.unlock();
            std::this_thread::sleep_for(kWaitStep);
            continue;
        }
        if (users > 0) {
            throw PgError(sqlstate::kObjectInUse,
                          "database \"" + name + "\" is being accessed by other users")
                .with_detail(users == 1 ? "There is 1 other session using the database."
                                        : "There are " + std::to_string(users) +
                                              " other sessions using the database.");
        }
        if (it != open_.end()) open_.erase(it);  // closes its connections before the files go
        std::string file = file_for(name);
        fs::remove(file);
        fs::remove(file + "-wal");
        fs::remove(file + "-shm");
        return true;
    }
}

void DatabaseRegistry::checkpoint_all() {
    std::lock_guard lock(mutex_);
    for (auto& [name, db] : open_) db->checkpoint();
}

}  // namespace litegres
