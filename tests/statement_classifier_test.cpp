// statement_classifier_test.cpp — statement_needs_writer: which statements need the writer.
#include "translate/statement_classifier.h"

#include <doctest/doctest.h>

#include <string>

#include "translate/parsed_query.h"

using litegres::translate::ParsedQuery;
using litegres::translate::statement_needs_writer;

namespace {

bool needs_writer(const std::string& sql) {
    ParsedQuery parsed(sql);
    REQUIRE(parsed.statement_count() == 1);
    return statement_needs_writer(parsed.statement(0));
}

}  // namespace

TEST_CASE("plain SELECTs are read-only") {
    CHECK_FALSE(needs_writer("SELECT 1"));
    CHECK_FALSE(needs_writer("SELECT * FROM t WHERE a IN (SELECT b FROM u) ORDER BY 1"));
    CHECK_FALSE(needs_writer("SELECT count(*) FROM t UNION SELECT 2"));
    CHECK_FALSE(needs_writer("VALUES (1), (2)"));
    // The name of a writing function in a string is not a call.
    CHECK_FALSE(needs_writer("SELECT 'nextval', lower('setval')"));
    CHECK_FALSE(needs_writer("SELECT currval('s')"));
}

TEST_CASE("a SELECT calling nextval or setval anywhere needs the writer") {
    CHECK(needs_writer("SELECT nextval('s')"));
    CHECK(needs_writer("SELECT setval('s', 10)"));
    CHECK(needs_writer("SELECT pg_catalog.nextval('s')"));
    CHECK(needs_writer("SELECT 1 WHERE 5 < nextval('s')"));
    CHECK(needs_writer("SELECT (SELECT setval('s', 1, false))"));
    CHECK(needs_writer("SELECT * FROM t WHERE a IN (SELECT nextval('s'))"));
    CHECK(needs_writer("SELECT 1 UNION ALL SELECT nextval('s')"));
    CHECK(needs_writer("SELECT CASE WHEN true THEN lower(nextval('s')::text) END"));
}

TEST_CASE("SELECT INTO creates a table, so it needs the writer") {
    CHECK(needs_writer("SELECT 1 AS a INTO t2"));
}

TEST_CASE("DML and DDL need the writer") {
    CHECK(needs_writer("INSERT INTO t VALUES (1)"));
    CHECK(needs_writer("UPDATE t SET a = 1"));
    CHECK(needs_writer("DELETE FROM t"));
    CHECK(needs_writer("CREATE TABLE t (a int)"));
    CHECK(needs_writer("DROP TABLE t"));
    CHECK(needs_writer("CREATE INDEX ON t (a)"));
    CHECK(needs_writer("ALTER TABLE t ADD COLUMN b int"));
}

TEST_CASE("BEGIN takes the writer up front, BEGIN READ ONLY does not") {
    CHECK(needs_writer("BEGIN"));
    CHECK(needs_writer("START TRANSACTION"));
    CHECK(needs_writer("BEGIN READ WRITE"));
    CHECK(needs_writer("BEGIN ISOLATION LEVEL SERIALIZABLE"));
    CHECK_FALSE(needs_writer("BEGIN READ ONLY"));
    CHECK_FALSE(needs_writer("START TRANSACTION READ ONLY"));
    CHECK_FALSE(needs_writer("BEGIN ISOLATION LEVEL SERIALIZABLE, READ ONLY"));
}

TEST_CASE("ending a transaction, settings and database commands do not need the writer") {
    CHECK_FALSE(needs_writer("COMMIT"));
    CHECK_FALSE(needs_writer("ROLLBACK"));
    CHECK_FALSE(needs_writer("SET TimeZone = 'UTC'"));
    CHECK_FALSE(needs_writer("RESET ALL"));
    CHECK_FALSE(needs_writer("SHOW server_version"));
    CHECK_FALSE(needs_writer("CREATE DATABASE shop"));
    CHECK_FALSE(needs_writer("DROP DATABASE shop"));
}
