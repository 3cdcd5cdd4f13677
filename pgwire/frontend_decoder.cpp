// frontend_decoder.cpp — framing of the startup phase (length-prefixed packets
// with no type byte) and of the regular phase (type byte + length).
#include "pgwire/frontend_decoder.h"

#include <cstring>

#include "pgwire/message_reader.h"
#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"

namespace litegres::pgwire {

namespace {

uint32_t read_be32(const char* p) {
    return (uint32_t(uint8_t(p[0])) << 24) | (uint32_t(uint8_t(p[1])) << 16) |
           (uint32_t(uint8_t(p[2])) << 8) | uint32_t(uint8_t(p[3]));
}

StartupMessage decode_startup(int32_t version, MessageReader& reader) {
    StartupMessage msg;
    msg.protocol_version = version;
    // Name/value pairs end with an empty name.
    for (;;) {
        std::string_view name = reader.cstring();
        if (name.empty()) break;
        std::string_view value = reader.cstring();
        msg.parameters.emplace_back(std::string(name), std::string(value));
    }
    reader.expect_end();
    return msg;
}

ObjectKind object_kind(MessageReader& reader) {
    char kind = reader.bytes(1)[0];
    if (kind != 'S' && kind != 'P') {
        throw PgError(sqlstate::kProtocolViolation, std::string("invalid DESCRIBE/CLOSE message subtype ") +
                                                        std::to_string(int(kind)));
    }
    return static_cast<ObjectKind>(kind);
}

int16_t count(MessageReader& reader) {
    int16_t n = reader.int16();
    if (n < 0) throw PgError(sqlstate::kProtocolViolation, "invalid message format: negative count");
    return n;
}

Parse decode_parse(MessageReader& reader) {
    Parse p;
    p.name = std::string(reader.cstring());
    p.sql = std::string(reader.cstring());
    int16_t n = count(reader);
    p.parameter_types.reserve(size_t(n));
    for (int16_t i = 0; i < n; ++i) p.parameter_types.push_back(uint32_t(reader.int32()));
    reader.expect_end();
    return p;
}

Bind decode_bind(MessageReader& reader) {
    Bind b;
    b.portal = std::string(reader.cstring());
    b.statement = std::string(reader.cstring());
    int16_t formats = count(reader);
    for (int16_t i = 0; i < formats; ++i) b.parameter_formats.push_back(reader.int16());
    int16_t params = count(reader);
    b.parameters.reserve(size_t(params));
    for (int16_t i = 0; i < params; ++i) {
        int32_t len = reader.int32();
        BindValue v;
        if (len == -1) {
            v.is_null = true;
        } else if (len < 0) {
            throw PgError(sqlstate::kProtocolViolation, "invalid message format: negative parameter length");
        } else {
            v.bytes = std::string(reader.bytes(size_t(len)));
        }
        b.parameters.push_back(std::move(v));
    }
    int16_t results = count(reader);
    for (int16_t i = 0; i < results; ++i) b.result_formats.push_back(reader.int16());
    reader.expect_end();
    return b;
}

}  // namespace

const std::string& StartupMessage::parameter(const std::string& name) const {
    static const std::string kEmpty;
    for (const auto& [key, value] : parameters) {
        if (key == name) return value;
    }
    return kEmpty;
}

void FrontendDecoder::feed(std::string_view bytes) {
    compact();
    buffer_.append(bytes);
}

void FrontendDecoder::compact() {
    // Drop consumed bytes only when they dominate, so bursts of small messages
    // do not memmove the buffer once per message.
    if (consumed_ > 0 && (consumed_ == buffer_.size() || consumed_ > 64 * 1024)) {
        buffer_.erase(0, consumed_);
        consumed_ = 0;
    }
}

std::optional<FrontendMessage> FrontendDecoder::next() {
    return startup_phase_ ? next_startup_packet() : next_regular_message();
}

std::optional<FrontendMessage> FrontendDecoder::next_startup_packet() {
    if (buffered() < 4) return std::nullopt;
    uint32_t length = read_be32(buffer_.data() + consumed_);
    if (length < 8 || length > kMaxStartupPacket) {
        throw PgError(sqlstate::kProtocolViolation, "invalid length of startup packet");
    }
    if (buffered() < length) return std::nullopt;
    MessageReader reader(std::string_view(buffer_).substr(consumed_ + 4, length - 4));
    consumed_ += length;

    int32_t code = reader.int32();
    switch (code) {
        case kSslRequestCode:
            reader.expect_end();
            return SslRequest{};
        case kGssEncRequestCode:
            reader.expect_end();
            return GssEncRequest{};
        case kCancelRequestCode: {
            CancelRequest cancel;
            cancel.process_id = reader.int32();
            cancel.secret_key = reader.int32();
            reader.expect_end();
            return cancel;
        }
        default:
            break;
    }
    if ((code >> 16) != 3) {
        throw PgError(sqlstate::kFeatureNotSupported,
                      "unsupported frontend protocol " + std::to_string(code >> 16) + "." +
                          std::to_string(code & 0xffff) +
                          ": server supports 3.0 to 3.0");
    }
    startup_phase_ = false;
    return decode_startup(code, reader);
}

std::optional<FrontendMessage> FrontendDecoder::next_regular_message() {
    if (buffered() < 5) return std::nullopt;
    const char* head = buffer_.data() + consumed_;
    char type = head[0];
    uint32_t length = read_be32(head + 1);
    if (length < 4 || length > kMaxMessage) {
        throw PgError(sqlstate::kProtocolViolation,
                      "invalid message length " + std::to_string(length));
    }
    if (buffered() < size_t(length) + 1) return std::nullopt;
    std::string_view body = std::string_view(buffer_).substr(consumed_ + 5, length - 4);
    consumed_ += size_t(length) + 1;

    MessageReader reader(body);
    switch (type) {
        case 'Q': {
            Query q;
            q.sql = std::string(reader.cstring());
            reader.expect_end();
            return q;
        }
        case 'X':
            reader.expect_end();
            return Terminate{};
        case 'P': return decode_parse(reader);
        case 'B': return decode_bind(reader);
        case 'D': {
            Describe d;
            d.kind = object_kind(reader);
            d.name = std::string(reader.cstring());
            reader.expect_end();
            return d;
        }
        case 'E': {
            Execute e;
            e.portal = std::string(reader.cstring());
            e.max_rows = reader.int32();
            reader.expect_end();
            return e;
        }
        case 'C': {
            Close c;
            c.kind = object_kind(reader);
            c.name = std::string(reader.cstring());
            reader.expect_end();
            return c;
        }
        case 'S':
            reader.expect_end();
            return Sync{};
        case 'H':
            reader.expect_end();
            return Flush{};
        case 'd': return CopyData{std::string(body)};
        case 'c': return CopyDone{};
        case 'f': {
            CopyFail f;
            f.message = std::string(reader.cstring());
            return f;
        }
        default:
            return UnsupportedMessage{type};
    }
}

}  // namespace litegres::pgwire
