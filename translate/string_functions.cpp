// string_functions.cpp — see string_functions.h. Every function returns NULL
// for a NULL argument (PostgreSQL's STRICT) unless noted.
#include "translate/function_error.h"
#include "translate/string_functions.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <cstdint>
#include <string>
#include <vector>

#include "translate/token_scan.h"
#include "translate/sqlite_value.h"

namespace litegres::translate {

namespace {

// The UTF-8 characters of `s`, each as a view of its bytes.
std::vector<std::string_view> characters(std::string_view s) {
    std::vector<std::string_view> out;
    for (size_t i = 0; i < s.size();) {
        size_t n = 1;
        while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) ++n;
        out.push_back(s.substr(i, n));
        i += n;
    }
    return out;
}

// PostgreSQL refuses results over 1 GB (54000); so does litegres, before
// allocating them.
constexpr int64_t kMaxResultBytes = (int64_t(1) << 30) - 1;

void split_part(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    std::string_view s = value_text(argv[0]), delim = value_text(argv[1]);
    int64_t n = sqlite3_value_int64(argv[2]);
    if (n == 0) return report_error(ctx, "22023", "field position must not be zero");
    std::vector<std::string_view> fields;
    if (delim.empty()) {
        fields.push_back(s);
    } else {
        size_t start = 0;
        for (;;) {
            size_t at = s.find(delim, start);
            fields.push_back(s.substr(
                start, at == std::string_view::npos ? std::string_view::npos : at - start));
            if (at == std::string_view::npos) break;
            start = at + delim.size();
        }
    }
    if (s.empty()) fields.clear();
    int64_t index = n > 0 ? n - 1 : int64_t(fields.size()) + n;
    if (index < 0 || index >= int64_t(fields.size())) return result_text(ctx, "");
    result_text(ctx, std::string(fields[size_t(index)]));
}

template <bool kLeft>
void pad(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    auto chars = characters(value_text(argv[0]));
    int64_t length = sqlite3_value_int64(argv[1]);
    auto fill = characters(argc > 2 ? value_text(argv[2]) : std::string_view(" "));
    if (length <= 0) return result_text(ctx, "");
    if (length * 4 > kMaxResultBytes) return report_error(ctx, "54000", "requested length too large");
    if (size_t(length) <= chars.size() || fill.empty()) {
        std::string out;
        for (size_t i = 0; i < chars.size() && i < size_t(length); ++i) out.append(chars[i]);
        return result_text(ctx, out);
    }
    std::string padding;
    for (size_t i = 0; i < size_t(length) - chars.size(); ++i)
        padding.append(fill[i % fill.size()]);
    std::string body(value_text(argv[0]));
    result_text(ctx, kLeft ? padding + body : body + padding);
}

void repeat(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    std::string_view s = value_text(argv[0]);
    int64_t n = sqlite3_value_int64(argv[1]);
    if (n <= 0 || s.empty()) return result_text(ctx, "");
    if (n > kMaxResultBytes / int64_t(s.size()))
        return report_error(ctx, "54000", "requested length too large");
    std::string out;
    out.reserve(size_t(n) * s.size());
    for (int64_t i = 0; i < n; ++i) out.append(s);
    result_text(ctx, out);
}

bool is_word_char(std::string_view c) {
    unsigned char b = static_cast<unsigned char>(c[0]);
    return b >= 0x80 || (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
}

// Upper-cases the first letter of each run of letters and digits and
// lower-cases the rest (ASCII letters; other characters are kept).
void initcap(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    std::string out;
    bool in_word = false;
    for (auto c : characters(value_text(argv[0]))) {
        std::string ch(c);
        if (ch.size() == 1) {
            char b = ch[0];
            if (!in_word && b >= 'a' && b <= 'z') ch[0] = char(b - 'a' + 'A');
            if (in_word && b >= 'A' && b <= 'Z') ch[0] = char(b - 'A' + 'a');
        }
        in_word = is_word_char(c);
        out += ch;
    }
    result_text(ctx, out);
}

void reverse(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    auto chars = characters(value_text(argv[0]));
    std::string out;
    for (auto it = chars.rbegin(); it != chars.rend(); ++it) out.append(*it);
    result_text(ctx, out);
}

// translate(s, from, to): each character of `from` becomes the one at the
// same place in `to`, or is deleted when `to` is shorter.
void translate_chars(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    auto from = characters(value_text(argv[1]));
    auto to = characters(value_text(argv[2]));
    std::string out;
    for (auto c : characters(value_text(argv[0]))) {
        size_t i = 0;
        while (i < from.size() && from[i] != c) ++i;
        if (i == from.size())
            out.append(c);
        else if (i < to.size())
            out.append(to[i]);
    }
    result_text(ctx, out);
}

std::string hex(const unsigned char* bytes, size_t n) {
    static const char* kDigits = "0123456789abcdef";
    std::string out;
    for (size_t i = 0; i < n; ++i) {
        out.push_back(kDigits[bytes[i] >> 4]);
        out.push_back(kDigits[bytes[i] & 0xf]);
    }
    return out;
}

// overlay(s PLACING r FROM start [FOR count]): characters, as substr counts.
void overlay(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    std::vector<std::string_view> s = characters(value_text(argv[0]));
    std::string_view replacement = value_text(argv[1]);
    int64_t start = sqlite3_value_int64(argv[2]);
    int64_t count = argc > 3 ? sqlite3_value_int64(argv[3]) : int64_t(characters(replacement).size());
    if (start < 1) return report_error(ctx, "22011", "negative substring length not allowed");
    if (count < 0) return report_error(ctx, "22011", "negative substring length not allowed");
    std::string out;
    for (int64_t i = 0; i < int64_t(s.size()) && i < start - 1; ++i) out += s[size_t(i)];
    out += replacement;
    for (int64_t i = start - 1 + count; i < int64_t(s.size()); ++i) {
        if (i >= 0) out += s[size_t(i)];
    }
    result_text(ctx, out);
}

void md5(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    const void* data = sqlite3_value_type(argv[0]) == SQLITE_BLOB
                           ? sqlite3_value_blob(argv[0])
                           : static_cast<const void*>(sqlite3_value_text(argv[0]));
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(data, size_t(sqlite3_value_bytes(argv[0])), digest, &length, EVP_md5(),
                   nullptr) != 1) {
        return report_error(ctx, "XX000", "could not compute MD5 hash");
    }
    result_text(ctx, hex(digest, length));
}

// litegres_to_hex(value, bits): two's complement in 32 or 64 bits.
void to_hex(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    uint64_t v = uint64_t(sqlite3_value_int64(argv[0]));
    if (sqlite3_value_int(argv[1]) == 32) v &= 0xffffffffu;
    static const char* kDigits = "0123456789abcdef";
    std::string out;
    do {
        out.insert(out.begin(), kDigits[v & 0xf]);
        v >>= 4;
    } while (v != 0);
    result_text(ctx, out);
}

// concat_ws(sep, ...): NULL arguments are skipped; a NULL separator gives NULL.
void concat_ws(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (argc < 1 || sqlite3_value_type(argv[0]) == SQLITE_NULL) return sqlite3_result_null(ctx);
    std::string_view sep = value_text(argv[0]);
    std::string out;
    bool first = true;
    for (int i = 1; i < argc; ++i) {
        if (sqlite3_value_type(argv[i]) == SQLITE_NULL) continue;
        if (!first) out.append(sep);
        out.append(value_text(argv[i]));
        first = false;
    }
    result_text(ctx, out);
}

std::string quote_literal_text(std::string_view s) {
    bool backslash = s.find('\\') != std::string_view::npos;
    std::string out = backslash ? "E'" : "'";
    for (char c : s) {
        if (c == '\'' || c == '\\') out.push_back(c);
        out.push_back(c);
    }
    return out + "'";
}

void quote_ident_fn(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    result_text(ctx, quote_ident(value_text(argv[0])));
}

void quote_literal(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    result_text(ctx, quote_literal_text(value_text(argv[0])));
}

// Not strict: NULL becomes the word NULL.
void quote_nullable(sqlite3_context* ctx, int, sqlite3_value** argv) {
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return result_text(ctx, "NULL");
    result_text(ctx, quote_literal_text(value_text(argv[0])));
}

// format(fmt, ...): %s, %I, %L and %% with optional argument positions
// (%2$s); NULL fmt gives NULL.
void format(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return sqlite3_result_null(ctx);
    std::string_view fmt = value_text(argv[0]);
    std::string out;
    int next = 1;
    for (size_t i = 0; i < fmt.size(); ++i) {
        if (fmt[i] != '%') {
            out.push_back(fmt[i]);
            continue;
        }
        if (++i >= fmt.size()) return report_error(ctx, "22023", "unterminated format() type specifier");
        if (fmt[i] == '%') {
            out.push_back('%');
            continue;
        }
        int arg = next;
        size_t digits = i;
        while (digits < fmt.size() && fmt[digits] >= '0' && fmt[digits] <= '9') ++digits;
        if (digits > i && digits < fmt.size() && fmt[digits] == '$') {
            arg = std::stoi(std::string(fmt.substr(i, digits - i)));
            if (arg == 0)
                return report_error(ctx, "22023",
                             "format specifies argument 0, but arguments are numbered from 1");
            i = digits + 1;
            if (i >= fmt.size()) return report_error(ctx, "22023", "unterminated format() type specifier");
        }
        next = arg + 1;
        char type = fmt[i];
        if (type != 's' && type != 'I' && type != 'L') {
            return report_error(ctx, "22023",
                         std::string("unrecognized format() type specifier \"") + type + "\"");
        }
        if (arg >= argc) return report_error(ctx, "22023", "too few arguments for format()");
        sqlite3_value* v = argv[arg];
        bool null = sqlite3_value_type(v) == SQLITE_NULL;
        if (type == 's') {
            if (!null) out.append(value_text(v));
        } else if (type == 'I') {
            if (null)
                return report_error(ctx, "22004", "null values cannot be formatted as an SQL identifier");
            out += quote_ident(value_text(v));
        } else {
            out += null ? "NULL" : quote_literal_text(value_text(v));
        }
    }
    result_text(ctx, out);
}

void starts_with(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (any_null(argc, argv)) return sqlite3_result_null(ctx);
    std::string_view s = value_text(argv[0]), prefix = value_text(argv[1]);
    sqlite3_result_int(ctx, s.substr(0, prefix.size()) == prefix ? 1 : 0);
}

// A version 4 (random) UUID in PostgreSQL's text form.
void gen_random_uuid(sqlite3_context* ctx, int, sqlite3_value**) {
    unsigned char b[16];
    if (RAND_bytes(b, sizeof b) != 1)
        return report_error(ctx, "XX000", "could not generate random values");
    b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);
    b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);
    std::string h = hex(b, sizeof b);
    result_text(ctx, h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" +
                         h.substr(16, 4) + "-" + h.substr(20));
}

}  // namespace

std::string quote_ident(std::string_view name) {
    bool plain = !name.empty() && ((name[0] >= 'a' && name[0] <= 'z') || name[0] == '_');
    for (char c : name) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) plain = false;
    }
    if (plain) {
        // Any keyword but an unreserved one needs quotes, as PostgreSQL's
        // scanner would otherwise read a keyword.
        TokenScan scan{std::string(name)};
        const auto* tokens = scan.tokens();
        if (tokens != nullptr && tokens->n_tokens == 1) {
            auto kind = tokens->tokens[0]->keyword_kind;
            plain = kind == PG_QUERY__KEYWORD_KIND__NO_KEYWORD ||
                    kind == PG_QUERY__KEYWORD_KIND__UNRESERVED_KEYWORD;
        }
    }
    if (plain) return std::string(name);
    std::string out = "\"";
    for (char c : name) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    return out + "\"";
}

int register_string_functions(sqlite3* db) {
    static const ScalarFunction kEntries[] = {
        {"litegres_split_part", 3, split_part, true},
        {"litegres_lpad", 2, pad<true>, true},
        {"litegres_lpad", 3, pad<true>, true},
        {"litegres_rpad", 2, pad<false>, true},
        {"litegres_rpad", 3, pad<false>, true},
        {"litegres_repeat", 2, repeat, true},
        {"litegres_initcap", 1, initcap, true},
        {"litegres_reverse", 1, reverse, true},
        {"litegres_translate", 3, translate_chars, true},
        {"litegres_md5", 1, md5, true},
        {"litegres_overlay", -1, overlay, true},
        {"litegres_to_hex", 2, to_hex, true},
        {"litegres_concat_ws", -1, concat_ws, true},
        {"litegres_quote_ident", 1, quote_ident_fn, true},
        {"litegres_quote_literal", 1, quote_literal, true},
        {"litegres_quote_nullable", 1, quote_nullable, true},
        {"litegres_format", -1, format, true},
        {"litegres_starts_with", 2, starts_with, true},
        {"litegres_gen_random_uuid", 0, gen_random_uuid, false},
    };
    return register_scalar_functions(db, kEntries);
}

}  // namespace litegres::translate
