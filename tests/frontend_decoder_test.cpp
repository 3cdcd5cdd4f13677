// frontend_decoder_test.cpp — FrontendDecoder: message framing, decoding and 08P01 errors.
#include "pgwire/frontend_decoder.h"

#include <doctest/doctest.h>

#include <string>

#include "pgwire/pg_error.h"
#include "protocol_bytes.h"

using litegres::pgwire::Bind;
using litegres::pgwire::CancelRequest;
using litegres::pgwire::Close;
using litegres::pgwire::Describe;
using litegres::pgwire::Execute;
using litegres::pgwire::Flush;
using litegres::pgwire::FrontendDecoder;
using litegres::pgwire::FrontendMessage;
using litegres::pgwire::GssEncRequest;
using litegres::pgwire::ObjectKind;
using litegres::pgwire::Parse;
using litegres::pgwire::PgError;
using litegres::pgwire::Query;
using litegres::pgwire::SslRequest;
using litegres::pgwire::StartupMessage;
using litegres::pgwire::Sync;
using litegres::pgwire::Terminate;
using litegres::pgwire::UnsupportedMessage;
using namespace litegres::test;

namespace {

// Feeds `bytes` to a decoder that is past the startup phase.
void start(FrontendDecoder& decoder) {
    decoder.feed(startup_packet({{"user", "alice"}}));
    REQUIRE(decoder.next().has_value());
    REQUIRE_FALSE(decoder.in_startup_phase());
}

// The SQLSTATE of the PgError thrown while decoding everything buffered.
std::string decode_error(FrontendDecoder& decoder) {
    try {
        while (decoder.next()) {
        }
    } catch (const PgError& e) {
        return e.sqlstate();
    }
    return "no error";
}

}  // namespace

TEST_CASE("a StartupMessage yields its protocol version and parameters in order") {
    FrontendDecoder decoder;
    CHECK(decoder.in_startup_phase());
    decoder.feed(
        startup_packet({{"user", "alice"}, {"database", "shop"}, {"application_name", "psql"}}));
    auto msg = decoder.next();
    REQUIRE(msg.has_value());
    auto* startup = std::get_if<StartupMessage>(&*msg);
    REQUIRE(startup != nullptr);
    CHECK(startup->protocol_version == 196608);
    REQUIRE(startup->parameters.size() == 3);
    CHECK(startup->parameters[0].first == "user");
    CHECK(startup->parameters[0].second == "alice");
    CHECK(startup->parameters[1].first == "database");
    CHECK(startup->parameters[1].second == "shop");
    CHECK(startup->parameters[2].first == "application_name");
    CHECK(startup->parameters[2].second == "psql");
    CHECK(startup->parameter("database") == "shop");
    CHECK(startup->parameter("missing").empty());
    CHECK_FALSE(decoder.in_startup_phase());
    CHECK(decoder.buffered() == 0);
    CHECK_FALSE(decoder.next().has_value());
}

TEST_CASE("a StartupMessage with no parameters is accepted") {
    FrontendDecoder decoder;
    decoder.feed(startup_packet({}));
    auto msg = decoder.next();
    REQUIRE(msg.has_value());
    auto* startup = std::get_if<StartupMessage>(&*msg);
    REQUIRE(startup != nullptr);
    CHECK(startup->parameters.empty());
}

TEST_CASE("SSLRequest and GSSENCRequest keep the decoder in the startup phase") {
    FrontendDecoder decoder;
    decoder.feed(startup_phase_packet(80877103, ""));
    auto ssl = decoder.next();
    REQUIRE(ssl.has_value());
    CHECK(std::holds_alternative<SslRequest>(*ssl));
    CHECK(decoder.in_startup_phase());

    decoder.feed(startup_phase_packet(80877104, ""));
    auto gss = decoder.next();
    REQUIRE(gss.has_value());
    CHECK(std::holds_alternative<GssEncRequest>(*gss));
    CHECK(decoder.in_startup_phase());

    // After refusing encryption the client sends its StartupMessage on the same stream.
    decoder.feed(startup_packet({{"user", "bob"}}));
    auto startup = decoder.next();
    REQUIRE(startup.has_value());
    REQUIRE(std::holds_alternative<StartupMessage>(*startup));
    CHECK(std::get<StartupMessage>(*startup).parameter("user") == "bob");
}

TEST_CASE("a CancelRequest carries the process id and secret key") {
    FrontendDecoder decoder;
    decoder.feed(startup_phase_packet(80877102, be32(4242) + be32(-17)));
    auto msg = decoder.next();
    REQUIRE(msg.has_value());
    auto* cancel = std::get_if<CancelRequest>(&*msg);
    REQUIRE(cancel != nullptr);
    CHECK(cancel->process_id == 4242);
    CHECK(cancel->secret_key == -17);
}

TEST_CASE("a message split byte by byte across feeds is decoded once complete") {
    std::string bytes = startup_packet({{"user", "alice"}, {"database", "db"}}) +
                        query_message("SELECT 1") + frontend_message('X', "");
    FrontendDecoder decoder;
    std::vector<FrontendMessage> decoded;
    std::vector<size_t> completed_at;
    for (size_t i = 0; i < bytes.size(); ++i) {
        decoder.feed(std::string_view(&bytes[i], 1));
        while (auto msg = decoder.next()) {
            decoded.push_back(std::move(*msg));
            completed_at.push_back(i + 1);
        }
    }
    REQUIRE(decoded.size() == 3);
    size_t startup_len = startup_packet({{"user", "alice"}, {"database", "db"}}).size();
    size_t query_len = query_message("SELECT 1").size();
    // Each message appears exactly when its last byte arrives, not before.
    CHECK(completed_at[0] == startup_len);
    CHECK(completed_at[1] == startup_len + query_len);
    CHECK(completed_at[2] == bytes.size());
    CHECK(std::get<StartupMessage>(decoded[0]).parameter("database") == "db");
    CHECK(std::get<Query>(decoded[1]).sql == "SELECT 1");
    CHECK(std::holds_alternative<Terminate>(decoded[2]));
    CHECK(decoder.buffered() == 0);
}

TEST_CASE("a complete header with a partial body waits for the rest") {
    FrontendDecoder decoder;
    start(decoder);
    std::string q = query_message("SELECT 42");
    decoder.feed(q.substr(0, 7));
    CHECK_FALSE(decoder.next().has_value());
    CHECK(decoder.buffered() == 7);
    decoder.feed(q.substr(7));
    auto msg = decoder.next();
    REQUIRE(msg.has_value());
    CHECK(std::get<Query>(*msg).sql == "SELECT 42");
}

TEST_CASE("many messages in one feed are yielded in order") {
    FrontendDecoder decoder;
    decoder.feed(startup_packet({{"user", "alice"}}) + query_message("SELECT 1") +
                 query_message("") + query_message("BEGIN; COMMIT") + frontend_message('X', ""));
    auto m1 = decoder.next();
    auto m2 = decoder.next();
    auto m3 = decoder.next();
    auto m4 = decoder.next();
    auto m5 = decoder.next();
    REQUIRE(m1);
    REQUIRE(m2);
    REQUIRE(m3);
    REQUIRE(m4);
    REQUIRE(m5);
    CHECK(std::holds_alternative<StartupMessage>(*m1));
    CHECK(std::get<Query>(*m2).sql == "SELECT 1");
    CHECK(std::get<Query>(*m3).sql.empty());
    CHECK(std::get<Query>(*m4).sql == "BEGIN; COMMIT");
    CHECK(std::holds_alternative<Terminate>(*m5));
    CHECK_FALSE(decoder.next().has_value());
    CHECK(decoder.buffered() == 0);
}

TEST_CASE("unsupported message types come back as UnsupportedMessage without losing framing") {
    FrontendDecoder decoder;
    start(decoder);
    // FunctionCall ('F') is well framed but not decoded.
    decoder.feed(frontend_message('F', be32(1234) + be16(0) + be16(0) + be16(0)) + query_message("SELECT 2"));
    auto call = decoder.next();
    REQUIRE(call);
    REQUIRE(std::holds_alternative<UnsupportedMessage>(*call));
    CHECK(std::get<UnsupportedMessage>(*call).type == 'F');
    auto query = decoder.next();
    REQUIRE(query);
    CHECK(std::get<Query>(*query).sql == "SELECT 2");
}

TEST_CASE("CopyData, CopyDone and CopyFail carry the data and the client's reason") {
    FrontendDecoder decoder;
    start(decoder);
    decoder.feed(frontend_message('d', std::string("1\tx\n\0", 5)) + frontend_message('c', "") +
                 frontend_message('f', std::string("gave up\0", 8)));
    auto data = decoder.next();
    REQUIRE(data);
    CHECK(std::get<litegres::pgwire::CopyData>(*data).data == std::string("1\tx\n\0", 5));
    auto done = decoder.next();
    REQUIRE(done);
    CHECK(std::holds_alternative<litegres::pgwire::CopyDone>(*done));
    auto fail = decoder.next();
    REQUIRE(fail);
    CHECK(std::get<litegres::pgwire::CopyFail>(*fail).message == "gave up");
}

TEST_CASE("Parse carries the statement name, SQL and parameter type OIDs") {
    FrontendDecoder decoder;
    start(decoder);
    decoder.feed(frontend_message(
        'P', std::string("s1\0SELECT $1, $2\0", 17) + be16(2) + be32(23) + be32(0)));
    auto msg = decoder.next();
    REQUIRE(msg);
    auto* parse = std::get_if<Parse>(&*msg);
    REQUIRE(parse != nullptr);
    CHECK(parse->name == "s1");
    CHECK(parse->sql == "SELECT $1, $2");
    REQUIRE(parse->parameter_types.size() == 2);
    CHECK(parse->parameter_types[0] == 23);
    CHECK(parse->parameter_types[1] == 0);
}

TEST_CASE("Bind carries formats, NULL and non-NULL parameter values and result formats") {
    FrontendDecoder decoder;
    start(decoder);
    std::string body = std::string("p1\0s1\0", 6) + be16(1) + be16(0) +  // one format: text
                       be16(3) + be32(2) + "42" + be32(-1) + be32(0) +   // "42", NULL, ""
                       be16(1) + be16(1);                                // results binary
    decoder.feed(frontend_message('B', body));
    auto msg = decoder.next();
    REQUIRE(msg);
    auto* bind = std::get_if<Bind>(&*msg);
    REQUIRE(bind != nullptr);
    CHECK(bind->portal == "p1");
    CHECK(bind->statement == "s1");
    REQUIRE(bind->parameter_formats.size() == 1);
    CHECK(bind->parameter_formats[0] == 0);
    REQUIRE(bind->parameters.size() == 3);
    CHECK_FALSE(bind->parameters[0].is_null);
    CHECK(bind->parameters[0].bytes == "42");
    CHECK(bind->parameters[1].is_null);
    CHECK_FALSE(bind->parameters[2].is_null);
    CHECK(bind->parameters[2].bytes.empty());
    REQUIRE(bind->result_formats.size() == 1);
    CHECK(bind->result_formats[0] == 1);
}

TEST_CASE("Describe, Execute, Close, Sync and Flush are decoded") {
    FrontendDecoder decoder;
    start(decoder);
    decoder.feed(frontend_message('D', std::string("Ss1\0", 4)) +
                 frontend_message('E', std::string("p1\0", 3) + be32(100)) +
                 frontend_message('C', std::string("P\0", 2)) + frontend_message('H', "") +
                 frontend_message('S', ""));
    auto describe = decoder.next();
    auto execute = decoder.next();
    auto close = decoder.next();
    auto flush = decoder.next();
    auto sync = decoder.next();
    REQUIRE(describe);
    REQUIRE(execute);
    REQUIRE(close);
    REQUIRE(flush);
    REQUIRE(sync);
    REQUIRE(std::holds_alternative<Describe>(*describe));
    CHECK(std::get<Describe>(*describe).kind == ObjectKind::kStatement);
    CHECK(std::get<Describe>(*describe).name == "s1");
    REQUIRE(std::holds_alternative<Execute>(*execute));
    CHECK(std::get<Execute>(*execute).portal == "p1");
    CHECK(std::get<Execute>(*execute).max_rows == 100);
    REQUIRE(std::holds_alternative<Close>(*close));
    CHECK(std::get<Close>(*close).kind == ObjectKind::kPortal);
    CHECK(std::get<Close>(*close).name.empty());
    CHECK(std::holds_alternative<Flush>(*flush));
    CHECK(std::holds_alternative<Sync>(*sync));
}

TEST_CASE("malformed extended-protocol messages are protocol violations") {
    SUBCASE("Describe of an unknown object kind") {
        FrontendDecoder decoder;
        start(decoder);
        decoder.feed(frontend_message('D', std::string("Xs1\0", 4)));
        CHECK(decode_error(decoder) == "08P01");
    }
    SUBCASE("Parse with a negative parameter count") {
        FrontendDecoder decoder;
        start(decoder);
        decoder.feed(frontend_message('P', std::string("\0SELECT 1\0", 10) + be16(-1)));
        CHECK(decode_error(decoder) == "08P01");
    }
    SUBCASE("Parse announcing more parameter types than it holds") {
        FrontendDecoder decoder;
        start(decoder);
        decoder.feed(frontend_message('P', std::string("\0SELECT 1\0", 10) + be16(2) + be32(23)));
        CHECK(decode_error(decoder) == "08P01");
    }
    SUBCASE("Bind with a parameter length below -1") {
        FrontendDecoder decoder;
        start(decoder);
        decoder.feed(
            frontend_message('B', std::string("\0\0", 2) + be16(0) + be16(1) + be32(-2) + be16(0)));
        CHECK(decode_error(decoder) == "08P01");
    }
    SUBCASE("Bind with a parameter value longer than the message") {
        FrontendDecoder decoder;
        start(decoder);
        decoder.feed(frontend_message(
            'B', std::string("\0\0", 2) + be16(0) + be16(1) + be32(1000) + "ab" + be16(0)));
        CHECK(decode_error(decoder) == "08P01");
    }
    SUBCASE("Sync with a body") {
        FrontendDecoder decoder;
        start(decoder);
        decoder.feed(frontend_message('S', "x"));
        CHECK(decode_error(decoder) == "08P01");
    }
}

TEST_CASE("a regular message length below 4 is a protocol violation") {
    FrontendDecoder decoder;
    start(decoder);
    decoder.feed(std::string("Q") + be32(3));
    CHECK(decode_error(decoder) == "08P01");
}

TEST_CASE("a startup packet shorter than its own header is a protocol violation") {
    FrontendDecoder decoder;
    decoder.feed(be32(4));
    CHECK(decode_error(decoder) == "08P01");
}

TEST_CASE("a startup packet longer than 10000 bytes is refused before it arrives") {
    FrontendDecoder decoder;
    // Only the length is sent: the decoder must not wait for 10001 bytes.
    decoder.feed(be32(10001));
    CHECK(decode_error(decoder) == "08P01");

    FrontendDecoder at_limit;
    at_limit.feed(be32(10000));
    CHECK_FALSE(at_limit.next().has_value());  // legal length, still waiting
}

TEST_CASE("trailing bytes after a message's fields are a protocol violation") {
    SUBCASE("Terminate with a body") {
        FrontendDecoder decoder;
        start(decoder);
        decoder.feed(frontend_message('X', std::string(1, '\0')));
        CHECK(decode_error(decoder) == "08P01");
    }
    SUBCASE("Query with bytes after the NUL") {
        FrontendDecoder decoder;
        start(decoder);
        decoder.feed(frontend_message('Q', std::string("SELECT 1\0x", 10)));
        CHECK(decode_error(decoder) == "08P01");
    }
    SUBCASE("SSLRequest with extra bytes") {
        FrontendDecoder decoder;
        decoder.feed(startup_phase_packet(80877103, be32(0)));
        CHECK(decode_error(decoder) == "08P01");
    }
    SUBCASE("startup parameters after the terminating empty name") {
        FrontendDecoder decoder;
        decoder.feed(startup_phase_packet(196608, std::string("user\0a\0\0junk", 12)));
        CHECK(decode_error(decoder) == "08P01");
    }
}

TEST_CASE("an unterminated string is a protocol violation") {
    SUBCASE("Query without its NUL") {
        FrontendDecoder decoder;
        start(decoder);
        decoder.feed(frontend_message('Q', "SELECT 1"));
        try {
            decoder.next();
            FAIL("expected PgError");
        } catch (const PgError& e) {
            CHECK(e.sqlstate() == "08P01");
            CHECK(std::string(e.what()) == "invalid message format: unterminated string");
        }
    }
    SUBCASE("startup parameters without the final empty name") {
        FrontendDecoder decoder;
        decoder.feed(startup_phase_packet(196608, std::string("user\0alice\0", 11)));
        CHECK(decode_error(decoder) == "08P01");
    }
    SUBCASE("a CancelRequest that is too short") {
        FrontendDecoder decoder;
        decoder.feed(startup_phase_packet(80877102, be32(1)));
        CHECK(decode_error(decoder) == "08P01");
    }
}

TEST_CASE("protocol version 2 is refused as not supported") {
    FrontendDecoder decoder;
    decoder.feed(startup_packet({{"user", "alice"}}, 2 << 16));
    try {
        decoder.next();
        FAIL("expected PgError");
    } catch (const PgError& e) {
        CHECK(e.sqlstate() == "0A000");
        CHECK(std::string(e.what()) ==
              "unsupported frontend protocol 2.0: server supports 3.0 to 3.0");
    }
}
