// row_encoder_test.cpp — RowEncoder: DataRow text per PostgreSQL type, RowDescription fields.
#include "src/row_encoder.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "printers.h"
#include "protocol_bytes.h"
#include "src/sqlite_connection.h"

using litegres::RowEncoder;
using litegres::SqliteConnection;
using litegres::pgwire::BackendEncoder;
using litegres::translate::PgType;
using litegres::translate::ResultColumn;
using namespace litegres::test;
namespace oid = litegres::pgwire::oid;
namespace tr = litegres::translate;

namespace {

// Encodes the single row `select` returns with the given column types.
std::vector<std::optional<std::string>> encode(const std::string& select,
                                               const std::vector<PgType>& types) {
    SqliteConnection connection(":memory:", true);
    litegres::StatementLease lease = connection.lease(select, false);
    sqlite3_stmt* stmt = lease.get();
    REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
    std::vector<ResultColumn> columns;
    for (size_t i = 0; i < types.size(); ++i)
        columns.push_back({"c" + std::to_string(i), types[i]});
    std::string out;
    BackendEncoder encoder(out);
    std::string scratch;
    std::vector<int16_t> text_formats;
    RowEncoder(columns, text_formats).write_row(stmt, encoder, scratch);
    auto replies = split_replies(out);
    REQUIRE(replies.size() == 1);
    REQUIRE(replies[0].type == 'D');
    return data_row(replies[0].body);
}

std::string joined(const std::vector<std::optional<std::string>>& values) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : "|") + v.value_or("NULL");
    return out;
}

}  // namespace

TEST_CASE("booleans stored as 1/0 are sent as t/f") {
    CHECK(joined(encode("SELECT 1, 0, NULL", {tr::kBool, tr::kBool, tr::kBool})) == "t|f|NULL");
}

TEST_CASE("integers are sent as integers, even when SQLite holds a REAL") {
    CHECK(joined(encode("SELECT 42, -7, 2.0, 9223372036854775807",
                        {tr::kInt4, tr::kInt2, tr::kInt4, tr::kInt8})) ==
          "42|-7|2|9223372036854775807");
}

TEST_CASE("floats are sent as float8out and float4out print them") {
    CHECK(joined(encode("SELECT 0.1 + 0.2, 1e15, 3, 0.1, 1234567.0, 9e999, -9e999",
                        {tr::kFloat8, tr::kFloat8, tr::kFloat8, tr::kFloat4, tr::kFloat4,
                         tr::kFloat8, tr::kFloat8})) ==
          "0.30000000000000004|1e+15|3|0.1|1.234567e+06|Infinity|-Infinity");
}

TEST_CASE("numeric text is sent as stored; numbers from other tools at the declared scale") {
    const PgType numeric10_2{oid::kNumeric, tr::numeric_typmod(10, 2)};
    const PgType numeric5_0{oid::kNumeric, tr::numeric_typmod(5, 0)};
    CHECK(joined(encode("SELECT 5, 1.5, '2.250', 7, 2.5, 'NaN'",
                        {numeric10_2, numeric10_2, numeric10_2, numeric5_0, tr::kNumeric, tr::kNumeric})) ==
          "5.00|1.50|2.250|7|2.5|NaN");
}

TEST_CASE("bytea is sent in hex format and text verbatim") {
    const PgType bytea{oid::kBytea};
    CHECK(joined(encode("SELECT x'00ff10', x'', 'h\xc3\xa9llo', '2024-01-15 10:00:00+00'",
                        {bytea, bytea, tr::kText, tr::kTimestamptz})) ==
          "\\x00ff10|\\x|h\xc3\xa9llo|2024-01-15 10:00:00+00");
}

TEST_CASE("describe gives each field its type OID, length and modifier") {
    std::vector<ResultColumn> columns = {{"id", tr::kInt4},
                                         {"name", PgType{oid::kVarchar, 24}},
                                         {"at", tr::kTimestamptz},
                                         {"ok", tr::kBool}};
    auto fields = RowEncoder::describe(columns);
    REQUIRE(fields.size() == 4);
    CHECK(fields[0].name == "id");
    CHECK(fields[0].type_oid == oid::kInt4);
    CHECK(fields[0].type_length == 4);
    CHECK(fields[0].type_modifier == -1);
    CHECK(fields[1].type_oid == oid::kVarchar);
    CHECK(fields[1].type_length == -1);
    CHECK(fields[1].type_modifier == 24);
    CHECK(fields[2].type_length == 8);
    CHECK(fields[3].type_length == 1);
    for (const auto& f : fields) {
        CHECK(f.table_oid == 0);
        CHECK(f.column_number == 0);
        CHECK(f.format == 0);
    }
}
