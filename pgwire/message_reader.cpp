// message_reader.cpp — bounds-checked big-endian reads.
#include "pgwire/message_reader.h"

#include <cstring>

#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"

namespace litegres::pgwire {

namespace {
[[noreturn]] void throw_malformed(const char* what) {
    throw PgError(sqlstate::kProtocolViolation, std::string("invalid message format: ") + what);
}
}  // namespace

int16_t MessageReader::int16() {
    auto b = bytes(2);
    return static_cast<int16_t>((static_cast<uint8_t>(b[0]) << 8) | static_cast<uint8_t>(b[1]));
}

int32_t MessageReader::int32() {
    auto b = bytes(4);
    uint32_t v = (uint32_t(uint8_t(b[0])) << 24) | (uint32_t(uint8_t(b[1])) << 16) |
                 (uint32_t(uint8_t(b[2])) << 8) | uint32_t(uint8_t(b[3]));
    return static_cast<int32_t>(v);
}

std::string_view MessageReader::cstring() {
    const void* nul = std::memchr(body_.data() + pos_, '\0', remaining());
    if (nul == nullptr) throw_malformed("unterminated string");
    size_t len = static_cast<const char*>(nul) - (body_.data() + pos_);
    std::string_view s = body_.substr(pos_, len);
    pos_ += len + 1;
    return s;
}

std::string_view MessageReader::bytes(size_t n) {
    if (n > remaining()) throw_malformed("message too short");
    std::string_view s = body_.substr(pos_, n);
    pos_ += n;
    return s;
}

void MessageReader::expect_end() const {
    if (remaining() != 0) throw_malformed("unexpected trailing bytes");
}

}  // namespace litegres::pgwire
