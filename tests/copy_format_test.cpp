// copy_format_test.cpp — COPY's text and CSV row formats: rows split across
// chunks, escapes, NULLs, quoting, the end marker, and output escaping.
#include "pgwire/copy_format.h"

#include <doctest/doctest.h>

#include "pgwire/pg_error.h"

using litegres::pgwire::CopyOptions;
using litegres::pgwire::CopyRow;
using litegres::pgwire::CopyRowReader;
using litegres::pgwire::PgError;

namespace {

std::vector<CopyRow> read_all(CopyOptions options, std::vector<std::string> chunks) {
    CopyRowReader reader(std::move(options));
    std::vector<CopyRow> rows;
    for (const auto& chunk : chunks) {
        reader.feed(chunk);
        while (auto row = reader.next_row(false)) rows.push_back(*row);
    }
    while (auto row = reader.next_row(true)) rows.push_back(*row);
    return rows;
}

}  // namespace

TEST_CASE("text format: fields, \\N, escapes, rows split across chunks") {
    auto rows = read_all({}, {"1\ta\\tb\t\\N\n2\t", "x\\\\y\\n\\101\\x41\t\n", "3\tlast"});
    REQUIRE(rows.size() == 3);
    CHECK(*rows[0][1] == "a\tb");
    CHECK_FALSE(rows[0][2].has_value());
    CHECK(*rows[1][1] == "x\\y\nAA");
    CHECK(*rows[1][2] == "");
    CHECK(*rows[2][1] == "last");
}

TEST_CASE("text format: the end marker stops the stream; CRLF lines are accepted") {
    auto rows = read_all({}, {"1\r\n\\.\n2\n"});
    REQUIRE(rows.size() == 1);
    CHECK(*rows[0][0] == "1");
}

TEST_CASE("CSV: quotes, doubled quotes, embedded newlines, empty vs NULL, header") {
    CopyOptions csv;
    csv.csv = true;
    csv.delimiter = ',';
    csv.null_string = "";
    csv.header = true;
    auto rows = read_all(csv, {"id,t\n1,\"a, \"\"b\"\"\"\n2,\n3,\"\"\n4,\"x\n", "y\"\n"});
    REQUIRE(rows.size() == 4);
    CHECK(*rows[0][1] == "a, \"b\"");
    CHECK_FALSE(rows[1][1].has_value());
    CHECK(*rows[2][1] == "");
    CHECK(*rows[3][1] == "x\ny");
    CopyRowReader unterminated(csv);
    unterminated.feed("id\n\"open");
    CHECK_THROWS_AS(unterminated.next_row(true), PgError);
}

TEST_CASE("output escapes what the reader unescapes") {
    std::string out;
    litegres::pgwire::append_copy_row(out, {std::string_view("a\tb\\c\nd"), std::nullopt}, {});
    CHECK(out == "a\\tb\\\\c\\nd\t\\N\n");
    CopyOptions csv;
    csv.csv = true;
    csv.delimiter = ',';
    csv.null_string = "";
    out.clear();
    litegres::pgwire::append_copy_row(
        out, {std::string_view("x,\"y\""), std::string_view(""), std::nullopt}, csv);
    CHECK(out == "\"x,\"\"y\"\"\",\"\",\n");
}
