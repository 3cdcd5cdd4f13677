// transactional_settings_test.cpp — settings as part of the transaction:
// ROLLBACK undoes SET, SET LOCAL ends with the block, ROLLBACK TO SAVEPOINT
// undoes what came after the savepoint.
#include <doctest/doctest.h>

#include "src/transactional_settings.h"

using litegres::SessionSettings;
using litegres::TransactionalSettings;

TEST_CASE("ROLLBACK undoes a SET made in the block and reports the parameter that changed back") {
    SessionSettings settings("alice");
    TransactionalSettings block;
    block.set_in_block(settings, "application_name", "inside", false);
    CHECK(settings.get("application_name") == "inside");
    auto changed = block.rollback(settings);
    CHECK(settings.get("application_name") == "");
    REQUIRE(changed.size() == 1);
    CHECK(changed[0] == "application_name");
}

TEST_CASE("COMMIT keeps a SET and ends a SET LOCAL") {
    SessionSettings settings("alice");
    TransactionalSettings block;
    block.set_in_block(settings, "application_name", "kept", false);
    block.set_in_block(settings, "statement_timeout", "5s", true);
    CHECK(settings.statement_timeout_ms() == 5000);
    block.commit(settings);
    CHECK(settings.get("application_name") == "kept");
    CHECK(settings.statement_timeout_ms() == 0);
}

TEST_CASE("a SET after SET LOCAL of the same parameter is what the session keeps") {
    SessionSettings settings("alice");
    TransactionalSettings block;
    block.set_in_block(settings, "application_name", "a", true);
    block.set_in_block(settings, "application_name", "b", false);
    block.commit(settings);
    CHECK(settings.get("application_name") == "b");

    block.set_in_block(settings, "application_name", "c", false);
    block.set_in_block(settings, "application_name", "d", true);
    block.commit(settings);
    CHECK(settings.get("application_name") == "c");
}

TEST_CASE("ROLLBACK TO SAVEPOINT undoes the settings made after it, and keeps the savepoint") {
    SessionSettings settings("alice");
    TransactionalSettings block;
    block.set_in_block(settings, "extra_float_digits", "1", false);
    block.savepoint(settings);
    block.set_in_block(settings, "extra_float_digits", "2", false);
    block.savepoint(settings);
    block.set_in_block(settings, "extra_float_digits", "3", false);
    block.rollback_to(settings, 0);
    CHECK(settings.get("extra_float_digits") == "1");
    block.set_in_block(settings, "extra_float_digits", "2", false);
    block.rollback_to(settings, 0);
    CHECK(settings.get("extra_float_digits") == "1");
    block.rollback(settings);
    CHECK(settings.get("extra_float_digits") == SessionSettings("alice").get("extra_float_digits"));
}

TEST_CASE("a rejected value changes nothing, in the block or after it") {
    SessionSettings settings("alice");
    TransactionalSettings block;
    CHECK_THROWS(block.set_in_block(settings, "TimeZone", "Nowhere/Special", false));
    CHECK_THROWS(block.set_in_block(settings, "no_such_setting", "1", true));
    block.commit(settings);
    CHECK(settings.get("TimeZone") == SessionSettings("alice").get("TimeZone"));
}
