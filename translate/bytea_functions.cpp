// bytea_functions.cpp — see bytea_functions.h. Formats as PostgreSQL's
// encode.c writes and reads them: base64 in lines of 76 characters,
// whitespace ignored on input; escape writes non-printable bytes as \ooo.
#include "translate/bytea_functions.h"

#include <openssl/evp.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>

#include "pgwire/pg_error.h"
#include "translate/function_error.h"
#include "translate/sqlite_value.h"

namespace litegres::translate {

using pgwire::PgError;

namespace {

constexpr const char* kInvalidParameterValue = "22023";
constexpr const char* kInvalidTextRepresentation = "22P02";

void result_blob(sqlite3_context* ctx, std::string_view bytes) {
    sqlite3_result_blob64(ctx, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
}

// A bytea argument's bytes (a text argument's UTF-8 bytes).
std::string_view bytes_of(sqlite3_value* v) {
    if (sqlite3_value_type(v) != SQLITE_BLOB) return value_text(v);
    const auto* p = static_cast<const char*>(sqlite3_value_blob(v));
    return {p != nullptr ? p : "", size_t(sqlite3_value_bytes(v))};
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string encode_base64(std::string_view in) {
    std::string out;
    size_t line = 0;
    for (size_t i = 0; i < in.size(); i += 3) {
        uint32_t chunk = uint32_t(static_cast<unsigned char>(in[i])) << 16;
        if (i + 1 < in.size()) chunk |= uint32_t(static_cast<unsigned char>(in[i + 1])) << 8;
        if (i + 2 < in.size()) chunk |= static_cast<unsigned char>(in[i + 2]);
        if (line >= 76) {
            out.push_back('\n');
            line = 0;
        }
        out.push_back(kBase64[(chunk >> 18) & 63]);
        out.push_back(kBase64[(chunk >> 12) & 63]);
        out.push_back(i + 1 < in.size() ? kBase64[(chunk >> 6) & 63] : '=');
        out.push_back(i + 2 < in.size() ? kBase64[chunk & 63] : '=');
        line += 4;
    }
    return out;
}

// The character starting at in[i] (a whole UTF-8 sequence), for messages.
std::string character_at(std::string_view in, size_t i) {
    auto c = static_cast<unsigned char>(in[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    return std::string(in.substr(i, n));
}

// PostgreSQL's pg_base64_decode, error for error.
std::string decode_base64(std::string_view in) {
    std::string out;
    uint32_t bits = 0;
    int pos = 0, end = 0;
    for (size_t i = 0; i < in.size(); ++i) {
        char c = in[i];
        if (is_space(c)) continue;
        int b = 0;
        if (c == '=') {
            if (end == 0) {
                if (pos == 2) {
                    end = 1;
                } else if (pos == 3) {
                    end = 2;
                } else {
                    throw PgError(kInvalidParameterValue, "unexpected \"=\" while decoding base64 sequence");
                }
            }
        } else {
            const char* p = c > 0 ? std::char_traits<char>::find(kBase64, 64, c) : nullptr;
            if (p == nullptr) {
                throw PgError(kInvalidParameterValue,
                              "invalid symbol \"" + character_at(in, i) + "\" found while decoding base64 sequence");
            }
            b = int(p - kBase64);
        }
        bits = (bits << 6) + uint32_t(b);
        if (++pos == 4) {
            out.push_back(char((bits >> 16) & 0xff));
            if (end == 0 || end > 1) out.push_back(char((bits >> 8) & 0xff));
            if (end == 0 || end > 2) out.push_back(char(bits & 0xff));
            bits = 0;
            pos = 0;
        }
    }
    if (pos != 0) {
        throw PgError(kInvalidParameterValue, "invalid base64 end sequence")
            .with_hint("Input data is missing padding, is truncated, or is otherwise corrupted.");
    }
    return out;
}

std::string encode_escape(std::string_view in) {
    std::string out;
    for (char ch : in) {
        auto c = static_cast<unsigned char>(ch);
        if (c == '\\') {
            out += "\\\\";
        } else if (c == 0 || c >= 0x80) {
            out.push_back('\\');
            out.push_back(char('0' + (c >> 6)));
            out.push_back(char('0' + ((c >> 3) & 7)));
            out.push_back(char('0' + (c & 7)));
        } else {
            out.push_back(ch);
        }
    }
    return out;
}

// litegres_encode(bytes, format)
void encode(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    std::string_view in = bytes_of(argv[0]);
    std::string_view format = value_text(argv[1]);
    if (format == "hex") {
        static const char* kDigits = "0123456789abcdef";
        std::string out;
        out.reserve(in.size() * 2);
        for (char ch : in) {
            auto c = static_cast<unsigned char>(ch);
            out.push_back(kDigits[c >> 4]);
            out.push_back(kDigits[c & 15]);
        }
        return result_text(ctx, out);
    }
    if (format == "base64") return result_text(ctx, encode_base64(in));
    if (format == "escape") return result_text(ctx, encode_escape(in));
    report_error(ctx, kInvalidParameterValue, "unrecognized encoding: \"" + std::string(format) + "\"");
}

// litegres_decode(text, format)
void decode(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    std::string_view in = value_text(argv[0]);
    std::string_view format = value_text(argv[1]);
    try {
        if (format == "hex") return result_blob(ctx, decode_hex_bytes(in));
        if (format == "base64") return result_blob(ctx, decode_base64(in));
        if (format == "escape") return result_blob(ctx, decode_escape_bytes(in));
        throw PgError(kInvalidParameterValue, "unrecognized encoding: \"" + std::string(format) + "\"");
    } catch (const PgError& e) {
        report_error(ctx, e);
    }
}

template <const EVP_MD* (*kDigest)()>
void sha(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    std::string_view in = bytes_of(argv[0]);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(in.data(), in.size(), digest, &length, kDigest(), nullptr) != 1) {
        return report_error(ctx, "XX000", "could not compute hash");
    }
    result_blob(ctx, std::string_view(reinterpret_cast<const char*>(digest), length));
}

// litegres_get_byte(bytes, n): 0-based, 2202E when out of range.
void get_byte(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    std::string_view in = bytes_of(argv[0]);
    sqlite3_int64 n = sqlite3_value_int64(argv[1]);
    if (n < 0 || n >= sqlite3_int64(in.size())) {
        return report_error(ctx, "2202E",
                            "index " + std::to_string(n) + " out of valid range, 0.." + std::to_string(sqlite3_int64(in.size()) - 1));
    }
    sqlite3_result_int(ctx, static_cast<unsigned char>(in[size_t(n)]));
}

// litegres_set_byte(bytes, n, value)
void set_byte(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    std::string out(bytes_of(argv[0]));
    sqlite3_int64 n = sqlite3_value_int64(argv[1]);
    if (n < 0 || n >= sqlite3_int64(out.size())) {
        return report_error(ctx, "2202E",
                            "index " + std::to_string(n) + " out of valid range, 0.." + std::to_string(sqlite3_int64(out.size()) - 1));
    }
    out[size_t(n)] = char(sqlite3_value_int(argv[2]) & 0xff);
    result_blob(ctx, out);
}

// Only UTF8 is a server encoding litegres has; its text is UTF-8.
bool is_utf8_name(std::string_view name) {
    std::string lower;
    for (char c : name) {
        if (c != '-' && c != '_') lower.push_back(char(std::tolower(static_cast<unsigned char>(c))));
    }
    return lower == "utf8" || lower == "unicode";
}

// litegres_convert_to(text, encoding) / litegres_convert_from(bytes, encoding)
template <bool kToBytes>
void convert(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    std::string_view encoding = value_text(argv[1]);
    if (!is_utf8_name(encoding)) {
        return report_error(ctx, "0A000", "conversion to or from encoding \"" + std::string(encoding) +
                                              "\" is not supported yet (litegres stores UTF8 only)");
    }
    std::string_view in = bytes_of(argv[0]);
    if (kToBytes) return result_blob(ctx, in);
    // Text must be valid UTF-8, as PostgreSQL verifies (22021).
    for (size_t i = 0; i < in.size();) {
        auto c = static_cast<unsigned char>(in[i]);
        size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        bool ok = n > 0 && i + n <= in.size();
        for (size_t k = 1; ok && k < n; ++k) ok = (static_cast<unsigned char>(in[i + k]) & 0xC0) == 0x80;
        if (!ok || c == 0) {
            // PostgreSQL shows the bytes of the offending character.
            size_t length = std::min(std::max<size_t>(n, 1), in.size() - i);
            std::string shown;
            for (size_t k = 0; k < length; ++k) {
                char hex[8];
                std::snprintf(hex, sizeof hex, "%s0x%02x", k > 0 ? " " : "", static_cast<unsigned char>(in[i + k]));
                shown += hex;
            }
            return report_error(ctx, "22021", "invalid byte sequence for encoding \"UTF8\": " + shown);
        }
        i += n;
    }
    result_text(ctx, in);
}

}  // namespace

std::string decode_hex_bytes(std::string_view in) {
    std::string out;
    out.reserve(in.size() / 2);
    for (size_t i = 0; i < in.size();) {
        if (is_space(in[i])) {
            ++i;
            continue;
        }
        int hi = hex_value(in[i]);
        if (hi < 0) throw PgError(kInvalidParameterValue, "invalid hexadecimal digit: \"" + character_at(in, i) + "\"");
        if (++i >= in.size()) throw PgError(kInvalidParameterValue, "invalid hexadecimal data: odd number of digits");
        int lo = hex_value(in[i]);
        if (lo < 0) throw PgError(kInvalidParameterValue, "invalid hexadecimal digit: \"" + character_at(in, i) + "\"");
        ++i;
        out.push_back(char((hi << 4) | lo));
    }
    return out;
}

std::string decode_escape_bytes(std::string_view in) {
    std::string out;
    for (size_t i = 0; i < in.size(); ++i) {
        if (in[i] != '\\') {
            out.push_back(in[i]);
        } else if (i + 1 < in.size() && in[i + 1] == '\\') {
            out.push_back('\\');
            ++i;
        } else if (i + 3 < in.size() && in[i + 1] >= '0' && in[i + 1] <= '3' && in[i + 2] >= '0' && in[i + 2] <= '7' &&
                   in[i + 3] >= '0' && in[i + 3] <= '7') {
            out.push_back(char(((in[i + 1] - '0') << 6) | ((in[i + 2] - '0') << 3) | (in[i + 3] - '0')));
            i += 3;
        } else {
            throw PgError(kInvalidTextRepresentation, "invalid input syntax for type bytea");
        }
    }
    return out;
}

int register_bytea_functions(sqlite3* db) {
    static const ScalarFunction kEntries[] = {
        {"litegres_encode", 2, encode},          {"litegres_decode", 2, decode},
        {"litegres_sha224", 1, sha<EVP_sha224>}, {"litegres_sha256", 1, sha<EVP_sha256>},
        {"litegres_sha384", 1, sha<EVP_sha384>}, {"litegres_sha512", 1, sha<EVP_sha512>},
        {"litegres_get_byte", 2, get_byte},      {"litegres_set_byte", 3, set_byte},
        {"litegres_convert_to", 2, convert<true>}, {"litegres_convert_from", 2, convert<false>},
    };
    return register_scalar_functions(db, kEntries);
}

}  // namespace litegres::translate
