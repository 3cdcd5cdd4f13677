// protocol_bytes.h — test helpers for wire bytes: building frontend messages
// and splitting backend replies into (type, body) pairs with field readers.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace litegres::test {

inline std::string be16(int16_t v) {
    uint16_t u = uint16_t(v);
    return std::string{char(u >> 8), char(u & 0xff)};
}

inline std::string be32(int32_t v) {
    uint32_t u = uint32_t(v);
    return std::string{char(u >> 24), char((u >> 16) & 0xff), char((u >> 8) & 0xff),
                       char(u & 0xff)};
}

inline int32_t read_be32(std::string_view s, size_t at) {
    return int32_t((uint32_t(uint8_t(s[at])) << 24) | (uint32_t(uint8_t(s[at + 1])) << 16) |
                   (uint32_t(uint8_t(s[at + 2])) << 8) | uint32_t(uint8_t(s[at + 3])));
}

inline int16_t read_be16(std::string_view s, size_t at) {
    return int16_t((uint16_t(uint8_t(s[at])) << 8) | uint16_t(uint8_t(s[at + 1])));
}

// A startup-phase packet: int32 length (self-inclusive), int32 code, then `payload`.
inline std::string startup_phase_packet(int32_t code, std::string_view payload) {
    std::string body = be32(code) + std::string(payload);
    return be32(int32_t(body.size() + 4)) + body;
}

// A StartupMessage with name/value pairs and the terminating empty name.
inline std::string startup_packet(const std::vector<std::pair<std::string, std::string>>& params,
                                  int32_t version = 196608) {
    std::string payload;
    for (const auto& [name, value] : params) {
        payload += name;
        payload.push_back('\0');
        payload += value;
        payload.push_back('\0');
    }
    payload.push_back('\0');
    return startup_phase_packet(version, payload);
}

// A regular-phase message: type byte, int32 length (self-inclusive), body.
inline std::string frontend_message(char type, std::string_view body) {
    return std::string(1, type) + be32(int32_t(body.size() + 4)) + std::string(body);
}

inline std::string query_message(std::string_view sql) {
    std::string body(sql);
    body.push_back('\0');
    return frontend_message('Q', body);
}

// One backend message as it appeared on the wire.
struct Reply {
    char type;
    std::string body;
};

// Splits a buffer of backend messages; throws if the framing is broken.
inline std::vector<Reply> split_replies(std::string_view bytes) {
    std::vector<Reply> out;
    size_t at = 0;
    while (at < bytes.size()) {
        if (bytes.size() - at < 5) throw std::runtime_error("truncated message header");
        int32_t length = read_be32(bytes, at + 1);
        if (length < 4 || size_t(length) + 1 > bytes.size() - at) {
            throw std::runtime_error("bad message length");
        }
        out.push_back({bytes[at], std::string(bytes.substr(at + 5, size_t(length) - 4))});
        at += size_t(length) + 1;
    }
    return out;
}

// The message types in order, e.g. "RSSSKZ".
inline std::string reply_types(const std::vector<Reply>& replies) {
    std::string types;
    for (const auto& r : replies) types.push_back(r.type);
    return types;
}

// The NUL-terminated strings of a body, in order.
inline std::vector<std::string> cstrings(std::string_view body) {
    std::vector<std::string> out;
    size_t at = 0;
    while (at < body.size()) {
        size_t nul = body.find('\0', at);
        if (nul == std::string_view::npos) throw std::runtime_error("unterminated string");
        out.emplace_back(body.substr(at, nul - at));
        at = nul + 1;
    }
    return out;
}

// ErrorResponse / NoticeResponse fields by their code byte ('S', 'C', 'M', ...).
inline std::map<char, std::string> error_fields(std::string_view body) {
    std::map<char, std::string> fields;
    size_t at = 0;
    while (at < body.size() && body[at] != '\0') {
        char code = body[at++];
        size_t nul = body.find('\0', at);
        if (nul == std::string_view::npos) throw std::runtime_error("unterminated error field");
        fields[code] = std::string(body.substr(at, nul - at));
        at = nul + 1;
    }
    if (at + 1 != body.size())
        throw std::runtime_error("error fields not terminated by a single NUL");
    return fields;
}

// DataRow values as text; nullopt for SQL NULL.
inline std::vector<std::optional<std::string>> data_row(std::string_view body) {
    std::vector<std::optional<std::string>> values;
    int16_t count = read_be16(body, 0);
    size_t at = 2;
    for (int16_t i = 0; i < count; ++i) {
        int32_t len = read_be32(body, at);
        at += 4;
        if (len < 0) {
            values.emplace_back(std::nullopt);
        } else {
            values.emplace_back(std::string(body.substr(at, size_t(len))));
            at += size_t(len);
        }
    }
    if (at != body.size()) throw std::runtime_error("trailing bytes in DataRow");
    return values;
}

struct Field {
    std::string name;
    int32_t table_oid;
    int16_t column_number;
    uint32_t type_oid;
    int16_t type_length;
    int32_t type_modifier;
    int16_t format;
};

inline std::vector<Field> row_description(std::string_view body) {
    std::vector<Field> fields;
    int16_t count = read_be16(body, 0);
    size_t at = 2;
    for (int16_t i = 0; i < count; ++i) {
        size_t nul = body.find('\0', at);
        Field f;
        f.name = std::string(body.substr(at, nul - at));
        at = nul + 1;
        f.table_oid = read_be32(body, at);
        f.column_number = read_be16(body, at + 4);
        f.type_oid = uint32_t(read_be32(body, at + 6));
        f.type_length = read_be16(body, at + 10);
        f.type_modifier = read_be32(body, at + 12);
        f.format = read_be16(body, at + 16);
        at += 18;
        fields.push_back(f);
    }
    if (at != body.size()) throw std::runtime_error("trailing bytes in RowDescription");
    return fields;
}

}  // namespace litegres::test
