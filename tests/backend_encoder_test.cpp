// backend_encoder_test.cpp — BackendEncoder: the exact bytes of every backend message.
#include "pgwire/backend_encoder.h"

#include <doctest/doctest.h>

#include <string>

#include "pgwire/pg_error.h"
#include "protocol_bytes.h"

using litegres::pgwire::BackendEncoder;
using litegres::pgwire::FieldDescription;
using litegres::pgwire::PgError;
using litegres::pgwire::Severity;
using litegres::pgwire::TransactionStatus;
using namespace litegres::test;
using namespace std::string_literals;

TEST_CASE("AuthenticationOk is R, length 8, code 0") {
    std::string out;
    BackendEncoder(out).authentication_ok();
    CHECK(out == "R\0\0\0\x08\0\0\0\0"s);
}

TEST_CASE("ParameterStatus holds the name and value as C strings") {
    std::string out;
    BackendEncoder(out).parameter_status("TimeZone", "UTC");
    CHECK(out == "S\0\0\0\x11TimeZone\0UTC\0"s);
}

TEST_CASE("BackendKeyData holds process id and secret key as big-endian int32") {
    std::string out;
    BackendEncoder(out).backend_key_data(0x01020304, -2);
    CHECK(out == "K\0\0\0\x0c\x01\x02\x03\x04\xff\xff\xff\xfe"s);
}

TEST_CASE("ReadyForQuery carries the transaction status byte") {
    std::string out;
    BackendEncoder encoder(out);
    encoder.ready_for_query(TransactionStatus::kIdle);
    encoder.ready_for_query(TransactionStatus::kInBlock);
    encoder.ready_for_query(TransactionStatus::kFailed);
    CHECK(out ==
          "Z\0\0\0\x05I"
          "Z\0\0\0\x05T"
          "Z\0\0\0\x05"
          "E"s);
}

TEST_CASE(
    "RowDescription lays out one field as name, table oid, column, type, typlen, typmod, "
    "format") {
    std::string out;
    FieldDescription f;
    f.name = "id";
    f.type_oid = 23;
    f.type_length = 4;
    f.type_modifier = -1;
    BackendEncoder(out).row_description({f});
    CHECK(out ==
          "T\0\0\0\x1b"
          "\0\x01"
          "id\0"
          "\0\0\0\0"
          "\0\0"
          "\0\0\0\x17"
          "\0\x04"
          "\xff\xff\xff\xff"
          "\0\0"s);
}

TEST_CASE("RowDescription with several fields keeps their order and typmods") {
    std::string out;
    FieldDescription a;
    a.name = "name";
    a.type_oid = 1043;
    a.type_length = -1;
    a.type_modifier = 24;  // varchar(20)
    FieldDescription b;
    b.name = "?column?";
    b.type_oid = 1700;
    BackendEncoder(out).row_description({a, b});
    auto replies = split_replies(out);
    REQUIRE(replies.size() == 1);
    CHECK(replies[0].type == 'T');
    auto fields = row_description(replies[0].body);
    REQUIRE(fields.size() == 2);
    CHECK(fields[0].name == "name");
    CHECK(fields[0].type_oid == 1043);
    CHECK(fields[0].type_modifier == 24);
    CHECK(fields[0].type_length == -1);
    CHECK(fields[1].name == "?column?");
    CHECK(fields[1].type_oid == 1700);
    CHECK(fields[1].table_oid == 0);
    CHECK(fields[1].column_number == 0);
    CHECK(fields[1].format == 0);
}

TEST_CASE("RowDescription with no fields is just a zero count") {
    std::string out;
    BackendEncoder(out).row_description({});
    CHECK(out == "T\0\0\0\x06\0\0"s);
}

TEST_CASE("DataRow writes NULL as length -1 and values with their length") {
    std::string out;
    BackendEncoder encoder(out);
    size_t row = encoder.begin_data_row(3);
    encoder.add_null();
    encoder.add_value("42");
    encoder.add_value("");
    encoder.end_message(row);
    CHECK(out ==
          "D\0\0\0\x14"
          "\0\x03"
          "\xff\xff\xff\xff"
          "\0\0\0\x02"
          "42"
          "\0\0\0\0"s);
}

TEST_CASE("DataRow values may contain NUL bytes and are copied verbatim") {
    std::string out;
    BackendEncoder encoder(out);
    size_t row = encoder.begin_data_row(1);
    encoder.add_value("a\0b"s);
    encoder.end_message(row);
    auto replies = split_replies(out);
    REQUIRE(replies.size() == 1);
    auto values = data_row(replies[0].body);
    REQUIRE(values.size() == 1);
    CHECK(values[0] == "a\0b"s);
}

TEST_CASE("CommandComplete holds the tag") {
    std::string out;
    BackendEncoder(out).command_complete("INSERT 0 3");
    CHECK(out == "C\0\0\0\x0fINSERT 0 3\0"s);
}

TEST_CASE("EmptyQueryResponse is I with an empty body") {
    std::string out;
    BackendEncoder(out).empty_query_response();
    CHECK(out == "I\0\0\0\x04"s);
}

TEST_CASE("ErrorResponse has S, V, C, M fields and a terminating NUL") {
    std::string out;
    BackendEncoder(out).error_response(PgError("42601", "syntax error"));
    CHECK(out ==
          "E\0\0\0\x28"
          "SERROR\0"
          "VERROR\0"
          "C42601\0"
          "Msyntax error\0"
          "\0"s);
}

TEST_CASE("ErrorResponse includes the position only when it is known") {
    std::string out;
    BackendEncoder(out).error_response(PgError("42P01", "relation \"nope\" does not exist", 15));
    CHECK(out ==
          "E\0\0\0\x3e"
          "SERROR\0"
          "VERROR\0"
          "C42P01\0"
          "Mrelation \"nope\" does not exist\0"
          "P15\0"
          "\0"s);

    std::string without;
    BackendEncoder(without).error_response(PgError("42P01", "x", 0));
    auto fields = error_fields(split_replies(without).at(0).body);
    CHECK(fields.count('P') == 0);
}

TEST_CASE("ErrorResponse carries detail, hint and FATAL severity") {
    std::string out;
    PgError error("3D000", "database \"nope\" does not exist", 0, Severity::kFatal);
    error.with_detail("some detail").with_hint("some hint").with_position(3);
    BackendEncoder(out).error_response(error);
    auto replies = split_replies(out);
    REQUIRE(replies.size() == 1);
    CHECK(replies[0].type == 'E');
    auto fields = error_fields(replies[0].body);
    CHECK(fields.size() == 7);
    CHECK(fields['S'] == "FATAL");
    CHECK(fields['V'] == "FATAL");
    CHECK(fields['C'] == "3D000");
    CHECK(fields['M'] == "database \"nope\" does not exist");
    CHECK(fields['D'] == "some detail");
    CHECK(fields['H'] == "some hint");
    CHECK(fields['P'] == "3");
}

TEST_CASE("NoticeResponse is N with the given severity") {
    std::string out;
    BackendEncoder encoder(out);
    encoder.notice_response("00000", "hello");
    encoder.notice_response("25001", "there is already a transaction in progress", "WARNING");
    CHECK(split_replies(out).size() == 2);
    CHECK(out.substr(0, 36) ==
          "N\0\0\0\x23"
          "SNOTICE\0"
          "VNOTICE\0"
          "C00000\0"
          "Mhello\0"
          "\0"s);
    auto warning = split_replies(out)[1];
    CHECK(warning.type == 'N');
    auto fields = error_fields(warning.body);
    CHECK(fields['S'] == "WARNING");
    CHECK(fields['V'] == "WARNING");
    CHECK(fields['C'] == "25001");
}

TEST_CASE("replies append to the same buffer in order") {
    std::string out = "x";  // whatever the buffer held before is kept
    BackendEncoder encoder(out);
    encoder.command_complete("SELECT 1");
    encoder.ready_for_query(TransactionStatus::kIdle);
    encoder.single_byte('N');
    CHECK(out == "xC\0\0\0\x0dSELECT 1\0Z\0\0\0\x05IN"s);
}

TEST_CASE("extended-protocol completions are bodiless messages with their type byte") {
    std::string out;
    BackendEncoder encoder(out);
    encoder.parse_complete();
    encoder.bind_complete();
    encoder.close_complete();
    encoder.no_data();
    encoder.portal_suspended();
    CHECK(out ==
          "1\0\0\0\x04"
          "2\0\0\0\x04"
          "3\0\0\0\x04"
          "n\0\0\0\x04"
          "s\0\0\0\x04"s);
}

TEST_CASE("ParameterDescription lists the parameter type OIDs") {
    std::string out;
    BackendEncoder(out).parameter_description({23, 25});
    CHECK(out == "t\0\0\0\x0e\0\x02\0\0\0\x17\0\0\0\x19"s);
}
