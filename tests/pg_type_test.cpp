// pg_type_test.cpp — type names: TypeName resolution, format_type() and declared types.
#include "translate/pg_type.h"

#include <doctest/doctest.h>

#include <string>

#include "pgwire/pg_error.h"
#include "printers.h"
#include "translate/parsed_query.h"

using litegres::pgwire::PgError;
using litegres::translate::format_type;
using litegres::translate::numeric_typmod;
using litegres::translate::ParsedQuery;
using litegres::translate::PgType;
using litegres::translate::resolve_type_name;
using litegres::translate::ResolvedTypeName;
using litegres::translate::type_from_declared;
namespace oid = litegres::pgwire::oid;
namespace tr = litegres::translate;

namespace {

// Resolves the type of column `c` in "CREATE TABLE t (c <type>)".
ResolvedTypeName resolve(const std::string& type) {
    ParsedQuery parsed("CREATE TABLE t (c " + type + ")");
    const auto* create = parsed.statement(0).stmt->create_stmt;
    return resolve_type_name(*create->table_elts[0]->column_def->type_name);
}

PgType resolved(const std::string& type) {
    return resolve(type).type;
}

}  // namespace

TEST_CASE("type names resolve to OIDs whatever spelling the user chose") {
    CHECK(resolved("integer") == tr::kInt4);
    CHECK(resolved("int") == tr::kInt4);
    CHECK(resolved("int4") == tr::kInt4);
    CHECK(resolved("smallint") == tr::kInt2);
    CHECK(resolved("bigint") == tr::kInt8);
    CHECK(resolved("boolean") == tr::kBool);
    CHECK(resolved("real") == tr::kFloat4);
    CHECK(resolved("double precision") == tr::kFloat8);
    CHECK(resolved("float8") == tr::kFloat8);
    CHECK(resolved("text") == tr::kText);
    CHECK(resolved("timestamp") == tr::kTimestamp);
    CHECK(resolved("timestamp with time zone") == tr::kTimestamptz);
    CHECK(resolved("timestamptz") == tr::kTimestamptz);
    CHECK(resolved("date") == tr::kDate);
    CHECK(resolved("uuid").oid == oid::kUuid);
    CHECK(resolved("jsonb").oid == oid::kJsonb);
    CHECK(resolved("bytea").oid == oid::kBytea);
}

TEST_CASE("type modifiers are kept as PostgreSQL encodes them") {
    const PgType varchar20{oid::kVarchar, 24};
    const PgType varchar_any{oid::kVarchar, -1};
    const PgType char1{oid::kBpchar, 5};
    const PgType char10{oid::kBpchar, 14};
    const PgType numeric10_2{oid::kNumeric, numeric_typmod(10, 2)};
    const PgType numeric5_0{oid::kNumeric, numeric_typmod(5, 0)};
    CHECK(resolved("varchar(20)") == varchar20);
    CHECK(resolved("character varying(20)") == varchar20);
    CHECK(resolved("varchar") == varchar_any);
    CHECK(resolved("char") == char1);  // char without a length is char(1)
    CHECK(resolved("character(10)") == char10);
    CHECK(resolved("numeric(10,2)") == numeric10_2);
    CHECK(resolved("decimal(5)") == numeric5_0);
    CHECK(resolved("numeric") == tr::kNumeric);
    CHECK(numeric_typmod(10, 2) == 655366);
    CHECK(tr::numeric_precision(655366) == 10);
    CHECK(tr::numeric_scale(655366) == 2);
    CHECK(tr::numeric_scale(-1) == -1);
}

TEST_CASE("serial types are integers marked serial") {
    CHECK(resolve("serial").serial);
    CHECK(resolve("serial").type == tr::kInt4);
    CHECK(resolve("bigserial").type == tr::kInt8);
    CHECK(resolve("smallserial").type == tr::kInt2);
    CHECK_FALSE(resolve("integer").serial);
}

TEST_CASE("unknown types and arrays of serials are refused with their position") {
    try {
        resolve("nosuch");
        FAIL("expected PgError");
    } catch (const PgError& e) {
        CHECK(e.sqlstate() == "42704");
        CHECK(std::string(e.what()) == "type \"nosuch\" does not exist");
        CHECK(e.position() == 19);
    }
    try {
        resolve("serial[]");
        FAIL("expected PgError");
    } catch (const PgError& e) {
        CHECK(e.sqlstate() == "0A000");
    }
}

TEST_CASE("array types resolve to their array OID and round-trip through the declared text") {
    CHECK(resolve("int[]").type == PgType{1007});
    CHECK(resolve("text[]").type == PgType{1009});
    CHECK(resolve("varchar(10)[]").type == PgType{1015, 14});
    CHECK(format_type(PgType{1007}) == "integer[]");
    CHECK(format_type(PgType{1015, 14}) == "character varying(10)[]");
    CHECK(format_type(PgType{1185}) == "timestamp with time zone[]");
    for (PgType t : {PgType{1007}, PgType{1009}, PgType{1016}, PgType{1015, 14}, PgType{1231}, PgType{1022},
                     PgType{1000}, PgType{2951}, PgType{1182}, PgType{1115}, PgType{1185}, PgType{3807}}) {
        CAPTURE(t.oid);
        CHECK(type_from_declared(format_type(t)) == t);
    }
}

TEST_CASE("format_type spells types as PostgreSQL's format_type() does") {
    CHECK(format_type(tr::kInt4) == "integer");
    CHECK(format_type(tr::kInt8) == "bigint");
    CHECK(format_type(tr::kInt2) == "smallint");
    CHECK(format_type(tr::kBool) == "boolean");
    CHECK(format_type(tr::kFloat4) == "real");
    CHECK(format_type(tr::kFloat8) == "double precision");
    CHECK(format_type(PgType{oid::kVarchar, 24}) == "character varying(20)");
    CHECK(format_type(PgType{oid::kVarchar, -1}) == "character varying");
    CHECK(format_type(PgType{oid::kBpchar, 7}) == "character(3)");
    CHECK(format_type(PgType{oid::kNumeric, numeric_typmod(10, 2)}) == "numeric(10,2)");
    CHECK(format_type(tr::kNumeric) == "numeric");
    CHECK(format_type(tr::kTimestamp) == "timestamp without time zone");
    CHECK(format_type(tr::kTimestamptz) == "timestamp with time zone");
    CHECK(format_type(tr::kUnknown) == "unknown");
}

TEST_CASE("declared types read back from SQLite give the same type") {
    const PgType types[] = {tr::kBool,
                            tr::kInt2,
                            tr::kInt4,
                            tr::kInt8,
                            tr::kFloat4,
                            tr::kFloat8,
                            tr::kNumeric,
                            PgType{oid::kNumeric, numeric_typmod(12, 4)},
                            tr::kText,
                            PgType{oid::kVarchar, 24},
                            PgType{oid::kBpchar, 5},
                            tr::kDate,
                            tr::kTimestamp,
                            tr::kTimestamptz,
                            PgType{oid::kUuid},
                            PgType{oid::kJsonb},
                            PgType{oid::kJson},
                            PgType{oid::kBytea}};
    for (const PgType& type : types) {
        CAPTURE(format_type(type));
        CHECK(type_from_declared(format_type(type)) == type);
    }
}

TEST_CASE("SQLite-style declared types of tables made outside litegres are understood") {
    const PgType varchar10{oid::kVarchar, 14};
    const PgType decimal8_3{oid::kNumeric, numeric_typmod(8, 3)};
    CHECK(type_from_declared("INTEGER") == tr::kInt4);
    CHECK(type_from_declared("INT") == tr::kInt4);
    CHECK(type_from_declared("TEXT") == tr::kText);
    CHECK(type_from_declared("VARCHAR(10)") == varchar10);
    CHECK(type_from_declared("DECIMAL(8,3)") == decimal8_3);
    CHECK(type_from_declared("DOUBLE") == tr::kFloat8);
    CHECK(type_from_declared("int4") == tr::kInt4);  // how serial columns are declared
    CHECK(type_from_declared("").is_unknown());
    CHECK(type_from_declared("BLOBBY").is_unknown());
}

TEST_CASE("numeric columns are declared with TEXT affinity and the numeric collation") {
    const PgType numeric10_2{oid::kNumeric, numeric_typmod(10, 2)};
    CHECK(tr::column_declaration(numeric10_2) == "numeric text(10,2) COLLATE litegres_numeric");
    CHECK(tr::column_declaration(tr::kNumeric) == "numeric text COLLATE litegres_numeric");
    CHECK(tr::column_declaration(tr::kInt8) == "bigint");
    // What SQLite keeps as the declared type (the part before COLLATE) reads back.
    CHECK(type_from_declared("numeric text(10,2)") == numeric10_2);
    CHECK(type_from_declared("numeric text") == tr::kNumeric);
}
