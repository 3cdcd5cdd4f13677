// array_value_test.cpp — arrays in PostgreSQL's text form (array_in /
// array_out quoting rules), in litegres's JSON storage form, and in the
// binary wire layout.
#include "pgwire/array_value.h"

#include <doctest/doctest.h>

#include <string>

#include "pgwire/pg_error.h"

using litegres::pgwire::ArrayValue;
using litegres::pgwire::PgError;
namespace oid = litegres::pgwire::oid;

TEST_CASE("array text round-trips with PostgreSQL's quoting") {
    CHECK(ArrayValue::parse_text("{1,2,3}").to_text() == "{1,2,3}");
    CHECK(ArrayValue::parse_text(R"({"a b",NULL,"x\"y","","null", "NULL", " s", a\,b, ab c })").to_text() ==
          R"({"a b",NULL,"x\"y","","null","NULL"," s","a,b","ab c"})");
    CHECK(ArrayValue::parse_text("{}").to_text() == "{}");
    CHECK(ArrayValue::parse_text("{{1,2},{3,4}}").to_text() == "{{1,2},{3,4}}");
    CHECK(ArrayValue::parse_text(R"({"x\\y"})").to_text() == R"({"x\\y"})");
}

TEST_CASE("malformed array literals are 22P02") {
    for (const char* bad : {"{1,2", "1,2}", "{{1},{2,3}}", "{1,{2}}", "{1}x"}) {
        CAPTURE(bad);
        try {
            ArrayValue::parse_text(bad);
            FAIL("accepted");
        } catch (const PgError& e) {
            CHECK(e.sqlstate() == "22P02");
        }
    }
}

TEST_CASE("storage JSON reads back as elements of the element type") {
    CHECK(ArrayValue::from_storage("[1,null,3]", oid::kInt4).to_text() == "{1,NULL,3}");
    CHECK(ArrayValue::from_storage("[1,0]", oid::kBool).to_text() == "{t,f}");
    CHECK(ArrayValue::from_storage("[0.10000000000000001]", oid::kFloat8).to_text() == "{0.1}");
    CHECK(ArrayValue::from_storage(R"(["a b","c"])", oid::kText).to_text() == R"({"a b",c})");
    CHECK(ArrayValue::from_storage("[[1,2],[3,4]]", oid::kInt4).to_text() == "{{1,2},{3,4}}");
    CHECK(ArrayValue::from_storage("[]", oid::kInt4).to_text() == "{}");
}

TEST_CASE("binary arrays use array_send's layout and decode back") {
    std::string out;
    ArrayValue::parse_text("{1,NULL}").append_binary(out, 1007);
    const std::string expected("\0\0\0\1" "\0\0\0\1" "\0\0\0\x17" "\0\0\0\2" "\0\0\0\1" "\0\0\0\4" "\0\0\0\1"
                               "\xff\xff\xff\xff", 32);
    CHECK(out == expected);
    CHECK(ArrayValue::decode_binary(out, 1007).to_text() == "{1,NULL}");

    std::string text_array;
    ArrayValue::parse_text(R"({"a b",c})").append_binary(text_array, 1009);
    CHECK(ArrayValue::decode_binary(text_array, 1009).to_text() == R"({"a b",c})");

    std::string empty;
    ArrayValue::parse_text("{}").append_binary(empty, 1007);
    CHECK(empty == std::string("\0\0\0\0" "\0\0\0\0" "\0\0\0\x17", 12));
    CHECK(ArrayValue::decode_binary(empty, 1007).to_text() == "{}");
}
