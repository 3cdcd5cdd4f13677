// database_registry_test.cpp — DatabaseRegistry: database files, open/create/drop and errors.
#include "src/database_registry.h"

#include <doctest/doctest.h>

#include <unistd.h>
#include "temp_dir.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "pgwire/pg_error.h"

using litegres::DatabaseRegistry;
using litegres::pgwire::PgError;
using litegres::pgwire::Severity;
namespace fs = std::filesystem;

namespace {

using litegres::test::TempDir;

template <typename F>
PgError error_of(F&& f) {
    try {
        f();
    } catch (const PgError& e) {
        return e;
    }
    FAIL("expected PgError");
    return PgError("", "");
}

}  // namespace

TEST_CASE("a new data directory gets the postgres database") {
    TempDir dir;
    DatabaseRegistry registry((dir.path / "data").string());
    CHECK(fs::exists(dir.path / "data" / "postgres.db"));
    auto db = registry.open("postgres");
    REQUIRE(db != nullptr);
    CHECK(db->name() == "postgres");
    CHECK(db->path() == (dir.path / "data" / "postgres.db").string());
}

TEST_CASE("database names map to safe, distinct file names") {
    TempDir dir;
    DatabaseRegistry registry(dir.path.string());
    CHECK(registry.file_for("shop_2-a") == (dir.path / "shop_2-a.db").string());
    CHECK(registry.file_for("my db") == (dir.path / "my%20db.db").string());
    CHECK(registry.file_for("../etc") == (dir.path / "%2E%2E%2Fetc.db").string());
    CHECK(registry.file_for("a.b") != registry.file_for("a_b"));
}

TEST_CASE("opening a missing database is FATAL 3D000") {
    TempDir dir;
    DatabaseRegistry registry(dir.path.string());
    PgError e = error_of([&] { registry.open("nope"); });
    CHECK(e.sqlstate() == "3D000");
    CHECK(std::string(e.what()) == "database \"nope\" does not exist");
    CHECK(e.severity() == Severity::kFatal);
}

TEST_CASE("create makes the file once; a second create is 42P04") {
    TempDir dir;
    DatabaseRegistry registry(dir.path.string());
    registry.create("shop");
    CHECK(fs::exists(registry.file_for("shop")));
    PgError e = error_of([&] { registry.create("shop"); });
    CHECK(e.sqlstate() == "42P04");
    CHECK(std::string(e.what()) == "database \"shop\" already exists");
    CHECK(error_of([&] { registry.create(""); }).sqlstate() == "22023");
    CHECK(error_of([&] { registry.create(std::string(64, 'x')); }).sqlstate() == "22023");
    CHECK(registry.open("shop")->name() == "shop");
}

TEST_CASE("sessions of one database share one open Database") {
    TempDir dir;
    DatabaseRegistry registry(dir.path.string());
    auto a = registry.open("postgres");
    auto b = registry.open("postgres");
    CHECK(a == b);
}

TEST_CASE("a database stays open after its last session leaves") {
    // Closing it then raced with the next session's open of the same file.
    TempDir dir;
    DatabaseRegistry registry(dir.path.string());
    registry.create("shop");
    auto first = registry.open("shop");
    litegres::Database* opened = first.get();
    first.reset();
    CHECK(registry.open("shop").get() == opened);
}

TEST_CASE("drop refuses a database in use, then removes its files") {
    TempDir dir;
    DatabaseRegistry registry(dir.path.string());
    registry.create("shop");
    {
        auto open = registry.open("shop");
        PgError e = error_of([&] { registry.drop("shop", false); });
        CHECK(e.sqlstate() == "55006");
        CHECK(std::string(e.what()) == "database \"shop\" is being accessed by other users");
        CHECK(e.detail() == "There is 1 other session using the database.");
    }
    CHECK(registry.drop("shop", false));
    CHECK_FALSE(fs::exists(registry.file_for("shop")));
    CHECK_FALSE(fs::exists(registry.file_for("shop") + "-wal"));
    CHECK(error_of([&] { registry.open("shop"); }).sqlstate() == "3D000");
}

TEST_CASE("drop waits for a session that is still leaving") {
    TempDir dir;
    DatabaseRegistry registry(dir.path.string());
    registry.create("shop");
    auto leaving = registry.open("shop");
    std::thread session([&leaving] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        leaving.reset();
    });
    CHECK(registry.drop("shop", false));
    session.join();
    CHECK_FALSE(fs::exists(registry.file_for("shop")));
}

TEST_CASE("dropping a missing database is 3D000, or false with IF EXISTS") {
    TempDir dir;
    DatabaseRegistry registry(dir.path.string());
    CHECK_FALSE(registry.drop("nope", true));
    PgError e = error_of([&] { registry.drop("nope", false); });
    CHECK(e.sqlstate() == "3D000");
    CHECK(e.severity() == Severity::kError);
}
