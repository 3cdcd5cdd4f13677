// message_reader_test.cpp — MessageReader: big-endian reads, C strings and bounds checks.
#include "pgwire/message_reader.h"

#include <doctest/doctest.h>

#include <string>

#include "pgwire/pg_error.h"

using litegres::pgwire::MessageReader;
using litegres::pgwire::PgError;
using namespace std::string_literals;

namespace {

template <typename F>
std::string error_message(F&& f) {
    try {
        f();
    } catch (const PgError& e) {
        CHECK(e.sqlstate() == "08P01");
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("integers are read big-endian and signed") {
    std::string body = "\x01\x02\xff\xfe\x80\x00\x00\x00\x00\x00\x00\x2a"s;
    MessageReader reader(body);
    CHECK(reader.int16() == 0x0102);
    CHECK(reader.int16() == -2);
    CHECK(reader.int32() == INT32_MIN);
    CHECK(reader.int32() == 42);
    CHECK(reader.remaining() == 0);
    reader.expect_end();
}

TEST_CASE("C strings are returned without their terminator, which is consumed") {
    std::string body = "user\0alice\0\0tail"s;
    MessageReader reader(body);
    CHECK(reader.cstring() == "user");
    CHECK(reader.cstring() == "alice");
    CHECK(reader.cstring().empty());
    CHECK(reader.remaining() == 4);
    CHECK(reader.bytes(4) == "tail");
    CHECK(reader.remaining() == 0);
}

TEST_CASE("reading past the end is a protocol violation, never an out-of-bounds read") {
    std::string body = "\x01\x02\x03"s;
    MessageReader reader(body);
    CHECK(error_message([&] { reader.int32(); }) == "invalid message format: message too short");
    CHECK(reader.remaining() == 3);  // a failed read consumes nothing
    CHECK(error_message([&] { reader.bytes(4); }) == "invalid message format: message too short");
    CHECK(error_message([&] { reader.cstring(); }) ==
          "invalid message format: unterminated string");
    reader.int16();
    CHECK(error_message([&] { reader.int16(); }) == "invalid message format: message too short");
}

TEST_CASE("expect_end refuses unread bytes") {
    std::string body = "ab"s;
    MessageReader reader(body);
    reader.bytes(1);
    CHECK(error_message([&] { reader.expect_end(); }) ==
          "invalid message format: unexpected trailing bytes");
}
