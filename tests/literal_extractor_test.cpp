// literal_extractor_test.cpp — simple-protocol statements reduced to their
// shape and literals, and the cases left to the ordinary path.
#include "translate/literal_extractor.h"

#include <doctest/doctest.h>

using litegres::translate::extract_literals;
namespace tr = litegres::translate;

TEST_CASE("literals become numbered parameters, typed by their form") {
    auto n = extract_literals("SELECT abalance FROM accounts WHERE aid = 4711 AND name = 'it''s'");
    REQUIRE(n);
    CHECK(n->text == "SELECT abalance FROM accounts WHERE aid = $1 AND name = $2");
    CHECK(n->literals == std::vector<std::string>{"4711", "it's"});
    CHECK(n->types == std::vector<tr::PgType>{tr::kInt4, tr::kUnknown});
    // A decimal is a numeric parameter; its text keeps the scale of 1.50.
    auto d = extract_literals("SELECT 1.50");
    REQUIRE(d);
    CHECK(d->literals == std::vector<std::string>{"1.50"});
    CHECK(d->types == std::vector<tr::PgType>{tr::kNumeric});
}

TEST_CASE("integers beyond int4 are int8, beyond int8 numeric") {
    auto n = extract_literals("INSERT INTO t VALUES (3000000000, 99999999999999999999)");
    REQUIRE(n);
    CHECK(n->text == "INSERT INTO t VALUES ($1, $2)");
    CHECK(n->types == std::vector<tr::PgType>{tr::kInt8, tr::kNumeric});
}

TEST_CASE("statements that are not plain DML, or carry unusual literals, are left alone") {
    CHECK_FALSE(extract_literals("CREATE TABLE t (a varchar(20))"));
    CHECK_FALSE(extract_literals("SELECT 1; SELECT 2"));
    CHECK_FALSE(extract_literals("SELECT E'a\\nb'"));
    CHECK_FALSE(extract_literals("SELECT $1"));
    CHECK_FALSE(extract_literals("SELECT B'101'"));
    CHECK_FALSE(extract_literals("SELECT a FROM t"));  // nothing to lift
}

TEST_CASE("a trailing semicolon and comments do not stop extraction") {
    auto n = extract_literals("UPDATE t SET a = 5 /* note */ WHERE id = 7;");
    REQUIRE(n);
    CHECK(n->text == "UPDATE t SET a = $1 /* note */ WHERE id = $2;");
}
