// database_registry.h — the data directory: which PostgreSQL databases
// exist (one SQLite file each), opening them for sessions, CREATE DATABASE
// and DROP DATABASE. An open Database is shared by all its sessions and
// stays open until DROP DATABASE or shutdown, as a PostgreSQL server keeps
// its databases: closing it when the last session left raced with the next
// session's open (the closing writer checkpoints and deletes the WAL while
// the new one opens the file), and reopening cost every new connection its
// catalog setup.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "src/database.h"

namespace litegres {

class DatabaseRegistry {
  public:
    // Creates the directory and the `postgres` database if missing.
    explicit DatabaseRegistry(std::string data_dir);

    // Throws PgError 3D000 when the database does not exist.
    std::shared_ptr<Database> open(const std::string& name);
    // Throws 42P04 when it exists already.
    void create(const std::string& name);
    // Throws 3D000 (unless missing_ok, then returns false), 55006 when in use.
    bool drop(const std::string& name, bool missing_ok);

    // Checkpoints every open database (shutdown).
    void checkpoint_all();

    std::string file_for(const std::string& name) const;
    // Every database of the data directory (pg_database), sorted.
    std::vector<std::string> names() const;

  private:
    bool exists(const std::string& name) const;

    std::string data_dir_;
    std::mutex mutex_;
    // Every Database opened or created since start. A use_count of 1 means
    // no session holds it: only then may DROP DATABASE close it.
    std::map<std::string, std::shared_ptr<Database>> open_;
};

}  // namespace litegres
