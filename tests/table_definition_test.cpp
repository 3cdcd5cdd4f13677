// table_definition_test.cpp — TableDefinition: taking litegres's CREATE TABLE
// text apart and finding a key constraint's columns by the constraint's name.
#include "translate/table_definition.h"

#include <doctest/doctest.h>

using litegres::translate::TableDefinition;

TEST_CASE("key_columns finds PRIMARY KEY and UNIQUE constraints by name, column or table level") {
    TableDefinition table = TableDefinition::parse(
        R"(CREATE TABLE "t" ("id" int4 NOT NULL CONSTRAINT "t_pkey" PRIMARY KEY, "a" text CONSTRAINT "t_a_key" UNIQUE, )"
        R"("b" int4, CONSTRAINT "t_a_b_key" UNIQUE ("a", "b"), CONSTRAINT "t_b_check" CHECK ("b" > 0)))");
    CHECK(table.key_columns("t_pkey") == std::optional<std::string>(R"("id")"));
    CHECK(table.key_columns("t_a_key") == std::optional<std::string>(R"("a")"));
    CHECK(table.key_columns("t_a_b_key") == std::optional<std::string>(R"("a", "b")"));
    CHECK_FALSE(table.key_columns("t_b_check").has_value());
    CHECK_FALSE(table.key_columns("missing").has_value());
}
