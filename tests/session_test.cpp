// session_test.cpp — Session end to end without sockets: startup, queries, transactions, errors.
#include "src/session.h"

#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "temp_dir.h"
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "protocol_bytes.h"
#include "src/database_registry.h"

using litegres::DatabaseRegistry;
using litegres::Session;
using namespace litegres::test;
namespace pgwire = litegres::pgwire;
namespace fs = std::filesystem;

namespace {

using litegres::test::TempDir;

// One client: a Session driven with decoded messages, the replies split into messages.
struct Client {
    Session session;
    Session::Step last_step = Session::Step::kContinue;

    Client(DatabaseRegistry& registry, int32_t pid = 4242, int32_t key = 77)
        : session(registry, pid, key) {}

    // Handles one message; a query that needs the writer acquires it (granted
    // inline when free) and resumes, as the connection would.
    std::vector<Reply> send(pgwire::FrontendMessage message) {
        std::string out;
        last_step = session.handle(message, out);
        if (last_step == Session::Step::kNeedsWriter) {
            bool granted = false;
            session.database()->write_lock().acquire([&] {
                granted = true;
                session.resume(out);
            });
            REQUIRE_MESSAGE(granted, "the write lock was not free");
        }
        return split_replies(out);
    }

    std::vector<Reply> startup(const std::string& user, const std::string& database = "") {
        pgwire::StartupMessage startup;
        startup.parameters.emplace_back("user", user);
        if (!database.empty()) startup.parameters.emplace_back("database", database);
        startup.parameters.emplace_back("application_name", "unit");
        return send(startup);
    }

    std::vector<Reply> query(const std::string& sql) { return send(pgwire::Query{sql}); }

    // The ReadyForQuery status after `sql`.
    char status_after(const std::string& sql) {
        auto replies = query(sql);
        REQUIRE(!replies.empty());
        REQUIRE(replies.back().type == 'Z');
        return replies.back().body.at(0);
    }
};

// A started client on the `postgres` database.
struct Fixture {
    TempDir dir;
    DatabaseRegistry registry{dir.path.string()};
    Client client{registry};
    Fixture() { REQUIRE(reply_types(client.startup("alice", "postgres")).back() == 'Z'); }
};

const Reply& first_of(const std::vector<Reply>& replies, char type) {
    for (const auto& r : replies) {
        if (r.type == type) return r;
    }
    FAIL("no message of type " << type << " in " << reply_types(replies));
    return replies.front();
}

std::string tag_of(const std::vector<Reply>& replies) {
    return cstrings(first_of(replies, 'C').body).at(0);
}

std::string sqlstate_of(const std::vector<Reply>& replies) {
    return error_fields(first_of(replies, 'E').body).at('C');
}

// The DataRows of a reply as text (cells '|', rows ','; NULL as "NULL").
std::string rows_of(const std::vector<Reply>& replies) {
    std::string out;
    for (const auto& r : replies) {
        if (r.type != 'D') continue;
        if (!out.empty()) out += ",";
        std::string row;
        for (const auto& v : data_row(r.body)) row += (row.empty() ? "" : "|") + v.value_or("NULL");
        out += row;
    }
    return out;
}

}  // namespace

TEST_CASE("startup answers AuthenticationOk, ParameterStatus, BackendKeyData, ReadyForQuery") {
    TempDir dir;
    DatabaseRegistry registry(dir.path.string());
    Client client(registry, 0x01020304, -5);
    auto replies = client.startup("alice", "postgres");
    CHECK(client.last_step == Session::Step::kContinue);
    CHECK(reply_types(replies) == "RSSSSSSSSSSSSSKZ");
    CHECK(replies[0].body == std::string("\0\0\0\0", 4));

    std::map<std::string, std::string> params;
    for (const auto& r : replies) {
        if (r.type != 'S') continue;
        auto strings = cstrings(r.body);
        REQUIRE(strings.size() == 2);
        params[strings[0]] = strings[1];
    }
    CHECK(params["server_version"] == "15.4");
    CHECK(params["TimeZone"] == "UTC");
    CHECK(params["DateStyle"] == "ISO, MDY");
    CHECK(params["client_encoding"] == "UTF8");
    CHECK(params["integer_datetimes"] == "on");
    CHECK(params["standard_conforming_strings"] == "on");
    CHECK(params["session_authorization"] == "alice");
    CHECK(params["application_name"] == "unit");  // from the startup packet

    const Reply& key = replies[replies.size() - 2];
    CHECK(key.body == be32(0x01020304) + be32(-5));
    CHECK(replies.back().body == "I");
    REQUIRE(client.session.database() != nullptr);
    CHECK(client.session.database()->name() == "postgres");
}

TEST_CASE("the database defaults to the user name") {
    TempDir dir;
    DatabaseRegistry registry(dir.path.string());
    Client client(registry);
    auto replies = client.startup("postgres");
    CHECK(reply_types(replies).back() == 'Z');
    CHECK(client.session.database()->name() == "postgres");
}

TEST_CASE("a missing database is FATAL 3D000 and closes the session") {
    TempDir dir;
    DatabaseRegistry registry(dir.path.string());
    Client client(registry);
    auto replies = client.startup("alice", "nope");
    CHECK(client.last_step == Session::Step::kClose);
    REQUIRE(reply_types(replies) == "E");
    auto fields = error_fields(replies[0].body);
    CHECK(fields['S'] == "FATAL");
    CHECK(fields['C'] == "3D000");
    CHECK(fields['M'] == "database \"nope\" does not exist");
}

TEST_CASE("a startup packet without a user is FATAL 28000") {
    TempDir dir;
    DatabaseRegistry registry(dir.path.string());
    Client client(registry);
    auto replies = client.send(pgwire::StartupMessage{});
    CHECK(client.last_step == Session::Step::kClose);
    CHECK(sqlstate_of(replies) == "28000");
    CHECK(error_fields(replies[0].body)['S'] == "FATAL");
}

TEST_CASE("SSLRequest is refused with a single N byte, and the client goes on") {
    TempDir dir;
    DatabaseRegistry registry(dir.path.string());
    Session session(registry, 1, 2);
    std::string out;
    pgwire::FrontendMessage ssl = pgwire::SslRequest{};
    CHECK(session.handle(ssl, out) == Session::Step::kContinue);
    CHECK(out == "N");
}

TEST_CASE("a query before startup is a FATAL protocol violation") {
    TempDir dir;
    DatabaseRegistry registry(dir.path.string());
    Client client(registry);
    auto replies = client.query("SELECT 1");
    CHECK(client.last_step == Session::Step::kClose);
    CHECK(sqlstate_of(replies) == "08P01");
}

TEST_CASE("SELECT 1 answers RowDescription, DataRow, CommandComplete, ReadyForQuery") {
    Fixture f;
    auto replies = f.client.query("SELECT 1");
    REQUIRE(reply_types(replies) == "TDCZ");
    auto fields = row_description(replies[0].body);
    REQUIRE(fields.size() == 1);
    CHECK(fields[0].name == "?column?");
    CHECK(fields[0].type_oid == 23);
    CHECK(fields[0].type_length == 4);
    CHECK(fields[0].type_modifier == -1);
    CHECK(fields[0].format == 0);
    CHECK(rows_of(replies) == "1");
    CHECK(tag_of(replies) == "SELECT 1");
    CHECK(replies[3].body == "I");
}

TEST_CASE("an empty query answers EmptyQueryResponse") {
    Fixture f;
    CHECK(reply_types(f.client.query("")) == "IZ");
    CHECK(reply_types(f.client.query("  ")) == "IZ");
}

TEST_CASE("values are sent in PostgreSQL's text format") {
    Fixture f;
    f.client.query("CREATE TABLE v (b boolean, n int, f float8, r real, t timestamptz, c char(3))");
    f.client.query("INSERT INTO v VALUES (true, NULL, 0.1, 1e6, '2024-01-15T10:00:00+02', 'x')");
    auto replies = f.client.query("SELECT b, n, f, r, t, c, NOT b, 1e15::float8 FROM v");
    CHECK(rows_of(replies) == "t|NULL|0.1|1e+06|2024-01-15 08:00:00+00|x  |f|1e+15");
    auto fields = row_description(first_of(replies, 'T').body);
    REQUIRE(fields.size() == 8);
    CHECK(fields[0].type_oid == 16);
    CHECK(fields[3].type_oid == 700);
    CHECK(fields[4].type_oid == 1184);
    CHECK(fields[5].type_oid == 1042);
    CHECK(fields[5].type_modifier == 7);
}

TEST_CASE("command tags carry the row counts as PostgreSQL forms them") {
    Fixture f;
    CHECK(tag_of(f.client.query("CREATE TABLE t (id serial, v int)")) == "CREATE TABLE");
    CHECK(tag_of(f.client.query("INSERT INTO t (v) VALUES (1), (2), (3)")) == "INSERT 0 3");
    CHECK(tag_of(f.client.query("UPDATE t SET v = v + 10 WHERE v >= 2")) == "UPDATE 2");
    CHECK(tag_of(f.client.query("DELETE FROM t WHERE v = 1")) == "DELETE 1");
    CHECK(tag_of(f.client.query("SELECT * FROM t")) == "SELECT 2");
    CHECK(tag_of(f.client.query("UPDATE t SET v = 0 WHERE false")) == "UPDATE 0");
    auto returning = f.client.query("INSERT INTO t (v) VALUES (5) RETURNING id");
    CHECK(reply_types(returning) == "TDCZ");
    CHECK(rows_of(returning) == "4");
    CHECK(tag_of(returning) == "INSERT 0 1");
    CHECK(tag_of(f.client.query("DROP TABLE t")) == "DROP TABLE");
}

TEST_CASE("a failing statement in a multi-statement query rolls back the earlier ones") {
    Fixture f;
    f.client.query("CREATE TABLE t (id int4 PRIMARY KEY)");
    auto replies = f.client.query("INSERT INTO t VALUES (1); INSERT INTO t VALUES (1)");
    CHECK(reply_types(replies) == "CEZ");
    CHECK(tag_of(replies) == "INSERT 0 1");
    CHECK(sqlstate_of(replies) == "23505");
    CHECK(replies.back().body == "I");
    CHECK(rows_of(f.client.query("SELECT count(*) FROM t")) == "0");

    // Statements after the failing one do not run at all.
    replies = f.client.query("SELECT 1/0; INSERT INTO t VALUES (7)");
    CHECK(reply_types(replies).find('C') == std::string::npos);
    CHECK(reply_types(replies).back() == 'Z');
    CHECK(sqlstate_of(replies) == "22012");
    CHECK(rows_of(f.client.query("SELECT count(*) FROM t")) == "0");

    // Without a failure the statements commit together.
    replies = f.client.query("INSERT INTO t VALUES (2); INSERT INTO t VALUES (3)");
    CHECK(reply_types(replies) == "CCZ");
    CHECK(rows_of(f.client.query("SELECT id FROM t ORDER BY id")) == "2,3");
}

TEST_CASE("a syntax error anywhere fails the whole query string before any of it runs") {
    Fixture f;
    f.client.query("CREATE TABLE t (id int4)");
    auto replies = f.client.query("INSERT INTO t VALUES (1); SELEC 2");
    CHECK(reply_types(replies) == "EZ");
    auto fields = error_fields(replies[0].body);
    CHECK(fields['C'] == "42601");
    CHECK(fields['M'] == "syntax error at or near \"SELEC\"");
    CHECK(fields['P'] == "27");
    CHECK(rows_of(f.client.query("SELECT count(*) FROM t")) == "0");
}

TEST_CASE("a transaction block goes I, T, E on error, 25P02 until ROLLBACK, then I") {
    Fixture f;
    f.client.query("CREATE TABLE t (id int4)");
    auto begin = f.client.query("BEGIN");
    CHECK(reply_types(begin) == "CZ");
    CHECK(tag_of(begin) == "BEGIN");
    CHECK(begin.back().body == "T");
    CHECK(f.client.status_after("INSERT INTO t VALUES (1)") == 'T');

    auto failed = f.client.query("SELECT 1/0");
    CHECK(sqlstate_of(failed) == "22012");
    CHECK(failed.back().body == "E");

    auto ignored = f.client.query("SELECT 1");
    CHECK(reply_types(ignored) == "EZ");
    auto fields = error_fields(ignored[0].body);
    CHECK(fields['C'] == "25P02");
    CHECK(fields['M'] ==
          "current transaction is aborted, commands ignored until end of transaction block");
    CHECK(ignored.back().body == "E");

    auto rollback = f.client.query("ROLLBACK");
    CHECK(reply_types(rollback) == "CZ");
    CHECK(tag_of(rollback) == "ROLLBACK");
    CHECK(rollback.back().body == "I");
    CHECK(rows_of(f.client.query("SELECT count(*) FROM t")) == "0");
}

TEST_CASE("COMMIT of a failed transaction rolls it back and says ROLLBACK") {
    Fixture f;
    f.client.query("CREATE TABLE t (id int4)");
    f.client.query("BEGIN");
    f.client.query("INSERT INTO t VALUES (1)");
    CHECK(f.client.status_after("SELECT * FROM nope") == 'E');
    auto commit = f.client.query("COMMIT");
    CHECK(tag_of(commit) == "ROLLBACK");
    CHECK(commit.back().body == "I");
    CHECK(rows_of(f.client.query("SELECT count(*) FROM t")) == "0");
}

TEST_CASE("a committed transaction is visible to another session") {
    Fixture f;
    f.client.query("CREATE TABLE t (id int4)");
    f.client.query("BEGIN");
    f.client.query("INSERT INTO t VALUES (1)");
    f.client.query("INSERT INTO t VALUES (2)");
    CHECK(f.client.status_after("COMMIT") == 'I');
    Client other(f.registry, 2, 3);
    other.startup("bob", "postgres");
    CHECK(rows_of(other.query("SELECT sum(id) FROM t")) == "3");
}

TEST_CASE("BEGIN inside a query string turns the rest into a transaction block") {
    Fixture f;
    f.client.query("CREATE TABLE t (id int4)");
    auto replies = f.client.query("BEGIN; INSERT INTO t VALUES (1)");
    CHECK(reply_types(replies) == "CCZ");
    CHECK(replies.back().body == "T");
    replies = f.client.query("INSERT INTO t VALUES (2); COMMIT; INSERT INTO t VALUES (3)");
    CHECK(reply_types(replies) == "CCCZ");
    CHECK(replies.back().body == "I");
    CHECK(rows_of(f.client.query("SELECT count(*) FROM t")) == "3");
}

TEST_CASE("COMMIT and BEGIN out of place are warnings, not errors") {
    Fixture f;
    auto commit = f.client.query("COMMIT");
    CHECK(reply_types(commit) == "NCZ");
    auto notice = error_fields(commit[0].body);
    CHECK(notice['S'] == "WARNING");
    CHECK(notice['C'] == "25P01");
    CHECK(notice['M'] == "there is no transaction in progress");
    CHECK(commit.back().body == "I");

    f.client.query("BEGIN");
    auto again = f.client.query("BEGIN");
    CHECK(reply_types(again) == "NCZ");
    CHECK(error_fields(again[0].body)['C'] == "25001");
    CHECK(again.back().body == "T");
    f.client.query("ROLLBACK");
}

TEST_CASE("a READ ONLY transaction refuses writes with 25006") {
    Fixture f;
    f.client.query("CREATE TABLE t (id int4)");
    CHECK(f.client.status_after("BEGIN READ ONLY") == 'T');
    auto insert = f.client.query("INSERT INTO t VALUES (1)");
    CHECK(sqlstate_of(insert) == "25006");
    CHECK(error_fields(first_of(insert, 'E').body)['M'] ==
          "cannot execute INSERT in a read-only transaction");
    CHECK(insert.back().body == "E");
    CHECK(f.client.status_after("ROLLBACK") == 'I');
}

TEST_CASE("LOCK TABLE needs a transaction block, and a read-only one takes only the weak modes") {
    Fixture f;
    f.client.query("CREATE TABLE t (id int4)");
    CHECK(sqlstate_of(f.client.query("LOCK TABLE t IN ACCESS SHARE MODE")) == "25P01");
    CHECK(f.client.status_after("BEGIN") == 'T');
    auto locked = f.client.query("LOCK TABLE t IN ACCESS EXCLUSIVE MODE");
    CHECK(reply_types(locked) == "CZ");
    CHECK(f.client.status_after("ROLLBACK") == 'I');
    CHECK(f.client.status_after("BEGIN READ ONLY") == 'T');
    CHECK(reply_types(f.client.query("LOCK TABLE t IN ACCESS SHARE MODE")) == "CZ");
    CHECK(sqlstate_of(f.client.query("LOCK TABLE t IN SHARE MODE")) == "25006");
    CHECK(f.client.status_after("ROLLBACK") == 'I');
}

TEST_CASE("a writer waits in the write lock's queue until the holder's transaction ends") {
    Fixture f;
    f.client.query("CREATE TABLE t (id int4)");
    Client second(f.registry, 2, 3);
    second.startup("bob", "postgres");

    CHECK(f.client.status_after("BEGIN") == 'T');  // holds the writer
    std::string waiting_out;
    pgwire::FrontendMessage insert = pgwire::Query{"INSERT INTO t VALUES (2)"};
    REQUIRE(second.session.handle(insert, waiting_out) == Session::Step::kNeedsWriter);
    CHECK(waiting_out.empty());
    bool granted = false;
    second.session.database()->write_lock().acquire([&] {
        granted = true;
        second.session.resume(waiting_out);
    });
    CHECK_FALSE(granted);  // queued behind the open transaction

    // Readers are not blocked meanwhile.
    Client reader(f.registry, 3, 4);
    reader.startup("carol", "postgres");
    CHECK(rows_of(reader.query("SELECT count(*) FROM t")) == "0");

    f.client.query("INSERT INTO t VALUES (1)");
    CHECK_FALSE(granted);
    CHECK(f.client.status_after("COMMIT") == 'I');  // hands the lock over
    CHECK(granted);
    auto replies = split_replies(waiting_out);
    CHECK(reply_types(replies) == "CZ");
    CHECK(tag_of(replies) == "INSERT 0 1");
    CHECK(rows_of(reader.query("SELECT id FROM t ORDER BY id")) == "1,2");
    // Both released it: a new writer gets it at once.
    CHECK(tag_of(reader.query("INSERT INTO t VALUES (3)")) == "INSERT 0 1");
}

TEST_CASE("SET reports changed parameters and SHOW answers a one-row result") {
    Fixture f;
    auto set = f.client.query("SET application_name = 'reports'");
    CHECK(reply_types(set) == "SCZ");
    CHECK(set[0].body == std::string("application_name\0reports\0", 25));
    CHECK(tag_of(set) == "SET");

    auto show = f.client.query("SHOW application_name");
    CHECK(reply_types(show) == "TDCZ");
    CHECK(row_description(show[0].body).at(0).name == "application_name");
    CHECK(rows_of(show) == "reports");
    CHECK(tag_of(show) == "SHOW");

    CHECK(rows_of(f.client.query("SHOW timezone")) == "UTC");
    CHECK(row_description(f.client.query("SHOW timezone")[0].body).at(0).name == "TimeZone");

    auto zone = f.client.query("SET TimeZone TO 'america/new_york'");
    CHECK(reply_types(zone) == "SCZ");
    CHECK(zone[0].body == std::string("TimeZone\0America/New_York\0", 26));
    CHECK(sqlstate_of(f.client.query("SET TimeZone TO 'Foo/Bar'")) == "22023");
    CHECK(sqlstate_of(f.client.query("SHOW no_such_thing")) == "42704");

    auto reset = f.client.query("RESET ALL");
    CHECK(reply_types(reset) == "SSCZ");
    CHECK(reset[0].body == std::string("TimeZone\0UTC\0", 13));
    CHECK(reset[1].body == std::string("application_name\0\0", 18));
    CHECK(tag_of(reset) == "RESET");
}

TEST_CASE("CREATE DATABASE makes a database another session can connect to") {
    Fixture f;
    CHECK(tag_of(f.client.query("CREATE DATABASE shop")) == "CREATE DATABASE");
    CHECK(sqlstate_of(f.client.query("CREATE DATABASE shop")) == "42P04");
    Client shopper(f.registry, 2, 3);
    CHECK(reply_types(shopper.startup("alice", "shop")).back() == 'Z');
    CHECK(shopper.session.database()->name() == "shop");
    // Not inside a transaction block.
    f.client.query("BEGIN");
    CHECK(sqlstate_of(f.client.query("CREATE DATABASE other")) == "25001");
    f.client.query("ROLLBACK");
}

namespace {
pgwire::Bind bind_text(const std::string& statement, std::vector<std::optional<std::string>> values,
                       std::vector<int16_t> result_formats = {}) {
    pgwire::Bind b;
    b.statement = statement;
    for (auto& v : values) {
        pgwire::BindValue bv;
        bv.is_null = !v.has_value();
        if (v) bv.bytes = *v;
        b.parameters.push_back(std::move(bv));
    }
    b.result_formats = std::move(result_formats);
    return b;
}
}  // namespace

TEST_CASE("extended protocol: Parse, Bind, Describe, Execute, Sync answer in order") {
    Fixture f;
    f.client.query("CREATE TABLE ext_t (id integer PRIMARY KEY, name text)");
    f.client.query("INSERT INTO ext_t VALUES (1, 'one'), (2, 'two')");
    CHECK(reply_types(f.client.send(pgwire::Parse{"q", "SELECT name FROM ext_t WHERE id = $1", {}})) == "1");
    auto described = f.client.send(pgwire::Describe{pgwire::ObjectKind::kStatement, "q"});
    REQUIRE(reply_types(described) == "tT");
    // $1 took the type of id (int4) from `id = $1`.
    CHECK(described[0].body == std::string("\0\1\0\0\0\x17", 6));
    CHECK(reply_types(f.client.send(bind_text("q", {"2"}))) == "2");
    auto executed = f.client.send(pgwire::Execute{"", 0});
    CHECK(reply_types(executed) == "DC");
    CHECK(rows_of(executed) == "two");
    CHECK(tag_of(executed) == "SELECT 1");
    auto synced = f.client.send(pgwire::Sync{});
    CHECK(reply_types(synced) == "Z");
    CHECK(synced[0].body == "I");
}

TEST_CASE("extended protocol: LIMIT $1 is int8 and a wrong parameter count is 08P01") {
    Fixture f;
    f.client.send(pgwire::Parse{"", "SELECT 1 LIMIT $1", {}});
    auto described = f.client.send(pgwire::Describe{pgwire::ObjectKind::kStatement, ""});
    CHECK(described[0].body == std::string("\0\1\0\0\0\x14", 6));
    auto bad = f.client.send(bind_text("", {"1", "2"}));
    CHECK(sqlstate_of(bad) == "08P01");
    f.client.send(pgwire::Sync{});
}

TEST_CASE("extended protocol: after an error every message is skipped until Sync") {
    Fixture f;
    auto parse = f.client.send(pgwire::Parse{"", "SELEC 1", {}});
    CHECK(sqlstate_of(parse) == "42601");
    CHECK(f.client.send(pgwire::Bind{}).empty());
    CHECK(f.client.send(pgwire::Execute{}).empty());
    auto sync = f.client.send(pgwire::Sync{});
    CHECK(reply_types(sync) == "Z");
    CHECK(sync[0].body == "I");
    CHECK(rows_of(f.client.query("SELECT 2")) == "2");
}

TEST_CASE("extended protocol: a row limit suspends the portal and the next Execute resumes it") {
    Fixture f;
    f.client.query("CREATE TABLE ext_rows (n integer)");
    f.client.query("INSERT INTO ext_rows VALUES (1), (2), (3), (4), (5)");
    f.client.send(pgwire::Parse{"", "SELECT n FROM ext_rows ORDER BY n", {}});
    f.client.send(bind_text("", {}));
    auto first = f.client.send(pgwire::Execute{"", 2});
    CHECK(reply_types(first) == "DDs");
    CHECK(rows_of(first) == "1,2");
    auto second = f.client.send(pgwire::Execute{"", 2});
    CHECK(reply_types(second) == "DDs");
    CHECK(rows_of(second) == "3,4");
    auto last = f.client.send(pgwire::Execute{"", 2});
    CHECK(reply_types(last) == "DC");
    CHECK(rows_of(last) == "5");
    CHECK(tag_of(last) == "SELECT 1");
    f.client.send(pgwire::Sync{});
}

TEST_CASE("extended protocol: a pipelined batch is one implicit transaction up to Sync") {
    Fixture f;
    f.client.query("CREATE TABLE ext_batch (n integer PRIMARY KEY)");
    f.client.send(pgwire::Parse{"ins", "INSERT INTO ext_batch VALUES ($1)", {}});
    f.client.send(bind_text("ins", {"1"}));
    CHECK(tag_of(f.client.send(pgwire::Execute{"", 0})) == "INSERT 0 1");
    f.client.send(bind_text("ins", {"1"}));
    CHECK(sqlstate_of(f.client.send(pgwire::Execute{"", 0})) == "23505");
    f.client.send(bind_text("ins", {"2"}));  // skipped: the batch failed
    CHECK(f.client.send(pgwire::Execute{"", 0}).empty());
    CHECK(f.client.send(pgwire::Sync{})[0].body == "I");
    // The failure rolled back the whole batch, the first insert included.
    CHECK(rows_of(f.client.query("SELECT count(*) FROM ext_batch")) == "0");
}

TEST_CASE("extended protocol: binary results and parameters") {
    Fixture f;
    f.client.send(pgwire::Parse{"", "SELECT $1::int4 + 1", {23}});
    pgwire::Bind b = bind_text("", {std::string("\0\0\0\x29", 4)}, {1});
    b.parameter_formats = {1};
    CHECK(reply_types(f.client.send(b)) == "2");
    auto executed = f.client.send(pgwire::Execute{"", 0});
    REQUIRE(reply_types(executed) == "DC");
    // One column, length 4, value 42 big-endian.
    CHECK(executed[0].body == std::string("\0\1\0\0\0\4\0\0\0\x2a", 10));
    f.client.send(pgwire::Sync{});
}

TEST_CASE("queries that differ only in literals share a shape and still answer exactly") {
    Fixture f;
    f.client.query("CREATE TABLE shape_t (id integer PRIMARY KEY, name text)");
    f.client.query("INSERT INTO shape_t VALUES (1, 'one')");
    f.client.query("INSERT INTO shape_t VALUES (2, 'two')");
    CHECK(rows_of(f.client.query("SELECT name FROM shape_t WHERE id = 1")) == "one");
    CHECK(rows_of(f.client.query("SELECT name FROM shape_t WHERE id = 2")) == "two");
    // ORDER BY 1 depends on the literal: the ordinary path runs it.
    CHECK(rows_of(f.client.query("SELECT name, id FROM shape_t ORDER BY 2 DESC")) == "two|2,one|1");
    CHECK(rows_of(f.client.query("SELECT name, id FROM shape_t ORDER BY 1")) == "one|1,two|2");
    // A bad literal is reported at its position, as without the shape cache.
    auto bad = f.client.query("SELECT name FROM shape_t WHERE id = 'x'");
    CHECK(sqlstate_of(bad) == "22P02");
    CHECK(error_fields(bad[0].body)['P'] == "37");
    CHECK(row_description(f.client.query("SELECT 7")[0].body).at(0).name == "?column?");
}

TEST_CASE("an unknown message type is FATAL, Terminate closes quietly") {
    Fixture f;
    auto unknown = f.client.send(pgwire::UnsupportedMessage{'F'});
    CHECK(f.client.last_step == Session::Step::kClose);
    CHECK(sqlstate_of(unknown) == "08P01");
    CHECK(error_fields(unknown[0].body)['S'] == "FATAL");

    Fixture g;
    CHECK(g.client.send(pgwire::Terminate{}).empty());
    CHECK(g.client.last_step == Session::Step::kClose);
}

TEST_CASE("a session that ends inside a transaction rolls it back and frees the writer") {
    TempDir dir;
    DatabaseRegistry registry(dir.path.string());
    Client keeper(registry, 9, 9);  // keeps the database open
    keeper.startup("alice", "postgres");
    keeper.query("CREATE TABLE t (id int4)");
    {
        Client leaving(registry, 1, 1);
        leaving.startup("bob", "postgres");
        leaving.query("BEGIN");
        leaving.query("INSERT INTO t VALUES (1)");
    }
    CHECK(rows_of(keeper.query("SELECT count(*) FROM t")) == "0");
    CHECK(tag_of(keeper.query("INSERT INTO t VALUES (2)")) == "INSERT 0 1");
}

TEST_CASE("now() is constant within a transaction block and statement_timestamp() is not") {
    Fixture f;
    CHECK(tag_of(f.client.query("BEGIN")) == "BEGIN");
    std::string first = rows_of(f.client.query("SELECT now()"));
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    CHECK(rows_of(f.client.query("SELECT now()")) == first);
    CHECK(rows_of(f.client.query("SELECT now() < statement_timestamp(), now() = transaction_timestamp()")) == "t|t");
    CHECK(tag_of(f.client.query("COMMIT")) == "COMMIT");
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    CHECK(rows_of(f.client.query("SELECT now()")) != first);
}

TEST_CASE("the startup TimeZone is reported and timestamptz prints in it") {
    TempDir dir;
    DatabaseRegistry registry{dir.path.string()};
    Client client{registry};
    pgwire::StartupMessage startup;
    startup.parameters.emplace_back("user", "alice");
    startup.parameters.emplace_back("database", "postgres");
    startup.parameters.emplace_back("TimeZone", "America/New_York");
    auto replies = client.send(startup);
    bool reported = false;
    for (const auto& r : replies) {
        if (r.type == 'S' && r.body == std::string("TimeZone\0America/New_York\0", 26)) reported = true;
    }
    CHECK(reported);
    CHECK(rows_of(client.query("SELECT timestamptz '2024-01-15 10:00:00+00', '2024-07-01 12:00'::timestamptz")) ==
          "2024-01-15 05:00:00-05|2024-07-01 12:00:00-04");
    client.query("SET TIME ZONE 'UTC'");
    // The same statement text translated before now reads the new zone.
    CHECK(rows_of(client.query("SELECT timestamptz '2024-01-15 10:00:00+00', '2024-07-01 12:00'::timestamptz")) ==
          "2024-01-15 10:00:00+00|2024-07-01 12:00:00+00");
}

TEST_CASE("sessions share a cached translation only under the same search_path") {
    Fixture f;
    Client other(f.registry, 4243, 78);
    REQUIRE(reply_types(other.startup("bob", "postgres")).back() == 'Z');
    f.client.query("CREATE SCHEMA s");
    f.client.query("CREATE TABLE t (v text)");
    f.client.query("CREATE TABLE s.t (v text)");
    f.client.query("INSERT INTO t VALUES ('public')");
    f.client.query("INSERT INTO s.t VALUES ('s')");
    CHECK(rows_of(f.client.query("SELECT v FROM t WHERE v <> 'x'")) == "public");
    other.query("SET search_path TO s, public");
    CHECK(rows_of(other.query("SELECT v FROM t WHERE v <> 'x'")) == "s");
    CHECK(rows_of(f.client.query("SELECT v FROM t WHERE v <> 'x'")) == "public");
    CHECK(rows_of(other.query("SELECT current_schema(), current_schemas(true)")) == "s|{pg_catalog,s,public}");
    // A prepared statement is bound again when the search path changes.
    f.client.query("PREPARE p AS SELECT v FROM t");
    CHECK(rows_of(f.client.query("EXECUTE p")) == "public");
    f.client.query("SET search_path = s");
    CHECK(rows_of(f.client.query("EXECUTE p")) == "s");
}

TEST_CASE("\"$user\" in the same search_path text means each session's own schema") {
    Fixture f;  // alice
    Client bob(f.registry, 4243, 78);
    REQUIRE(reply_types(bob.startup("bob", "postgres")).back() == 'Z');
    f.client.query("CREATE SCHEMA alice");
    f.client.query("CREATE TABLE public.t (v text)");
    f.client.query("CREATE TABLE alice.t (v text)");
    f.client.query("INSERT INTO public.t VALUES ('public')");
    f.client.query("INSERT INTO alice.t VALUES ('alice')");
    CHECK(rows_of(f.client.query("SELECT v FROM t")) == "alice");
    CHECK(rows_of(bob.query("SELECT v FROM t")) == "public");
    CHECK(rows_of(f.client.query("SELECT current_schema()")) == "alice");
    CHECK(rows_of(bob.query("SELECT current_schema()")) == "public");
}
