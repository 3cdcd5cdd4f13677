// pg_expression_text_test.cpp — SQLite-schema expressions printed as
// PostgreSQL 15's pg_get_constraintdef / pg_get_indexdef print them (the
// expected texts are PostgreSQL's own output for the same expressions).
#include "translate/pg_expression_text.h"

#include <doctest/doctest.h>

#include <string>

#include "translate/parsed_query.h"

using litegres::translate::kInt4;
using litegres::translate::kNumeric;
using litegres::translate::kText;
using litegres::translate::ParsedQuery;
using litegres::translate::PgExpressionText;
using litegres::translate::PgType;

namespace {

std::string printed(const std::string& sqlite_expression, bool pretty = true) {
    ParsedQuery parsed("SELECT " + sqlite_expression);
    const auto* target = parsed.statement(0).stmt->select_stmt->target_list[0]->res_target->val;
    PgExpressionText printer({{"a", kInt4}, {"b", kText}, {"c", kNumeric}, {"v", PgType{1043, 24}}},
                             pretty);
    return printer.print(target).text;
}

}  // namespace

TEST_CASE("litegres's numeric spelling reads back as a numeric comparison") {
    CHECK(printed("(\"c\" COLLATE litegres_numeric > CAST(0 AS TEXT))") == "c > 0::numeric");
    CHECK(printed("(\"c\" COLLATE litegres_numeric > CAST(0 AS TEXT))", false) ==
          "(c > (0)::numeric)");
    CHECK(printed("\"c\" >= 1.5") == "c >= 1.5");
}

TEST_CASE("constants take the other side's type as PostgreSQL shows it") {
    CHECK(printed("\"b\" = 'x'") == "b = 'x'::text");
    CHECK(printed("\"v\" <> 'q'") == "v::text <> 'q'::text");
    CHECK(printed("\"v\" <> 'q'", false) == "((v)::text <> 'q'::text)");
    CHECK(printed("\"a\" > -1") == "a > '-1'::integer");
}

TEST_CASE("pretty mode parenthesises by operator priority, plain mode everything") {
    CHECK(printed("litegres_to_integer(\"a\" + 1, 23, 0) > 2") == "(a + 1) > 2");
    CHECK(printed("litegres_to_integer(litegres_to_integer(\"a\" * 2, 23, 0) + 1, 23, 0) > "
                  "litegres_to_integer(\"a\" - litegres_to_integer(\"a\" - 1, 23, 0), 23, 0)") ==
          "(a * 2 + 1) > (a - (a - 1))");
    CHECK(printed("\"a\" > 0 AND (\"b\" = 'x' OR \"b\" = 'y')") ==
          "a > 0 AND (b = 'x'::text OR b = 'y'::text)");
    CHECK(printed("NOT (\"a\" = 3) OR \"a\" IN (1, 2) OR \"b\" IS NULL") ==
          "NOT a = 3 OR (a = ANY (ARRAY[1, 2])) OR b IS NULL");
    CHECK(printed("NOT (\"a\" = 3) OR \"a\" IN (1, 2) OR \"b\" IS NULL", false) ==
          "((NOT (a = 3)) OR (a = ANY (ARRAY[1, 2])) OR (b IS NULL))");
}

TEST_CASE("function calls print with their arguments and result type") {
    ParsedQuery parsed("SELECT lower(\"b\")");
    const auto* target = parsed.statement(0).stmt->select_stmt->target_list[0]->res_target->val;
    PgExpressionText::Printed out = PgExpressionText({{"b", kText}}).print(target);
    CHECK(out.text == "lower(b)");
    CHECK(out.function);
    CHECK(out.type == kText);
}

TEST_CASE("identifiers are quoted as quote_ident quotes them") {
    CHECK(PgExpressionText::identifier("abc_1") == "abc_1");
    CHECK(PgExpressionText::identifier("Mixed") == "\"Mixed\"");
    CHECK(PgExpressionText::identifier("select") == "\"select\"");
    CHECK(PgExpressionText::identifier("a\"b") == "\"a\"\"b\"");
}

TEST_CASE("referenced columns are listed in order of appearance") {
    ParsedQuery parsed("SELECT \"a\" + \"b\" > 1 AND \"a\" IS NOT NULL");
    std::vector<std::string> columns;
    PgExpressionText::referenced_columns(
        parsed.statement(0).stmt->select_stmt->target_list[0]->res_target->val, columns);
    CHECK(columns == std::vector<std::string>{"a", "b", "a"});
}
