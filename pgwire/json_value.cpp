// json_value.cpp — PostgreSQL's JSON lexer/parser rules (json.c, jsonapi.c)
// and jsonb's canonical output.
#include "pgwire/json_value.h"

#include <algorithm>
#include <cctype>

#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"

namespace litegres::pgwire {

namespace {

class Parser {
public:
    Parser(std::string_view text, bool for_jsonb) : s_(text), for_jsonb_(for_jsonb) {}

    JsonValue document() {
        skip_space();
        JsonValue v = value();
        skip_space();
        if (i_ < s_.size()) unexpected("Expected end of input");
        return v;
    }

private:
    [[noreturn]] void fail(const std::string& detail, const char* sqlstate = sqlstate::kInvalidTextRepresentation) {
        const char* message = std::string_view(sqlstate) == sqlstate::kInvalidTextRepresentation
                                  ? "invalid input syntax for type json"
                                  : "unsupported Unicode escape sequence";
        throw PgError(sqlstate, message).with_detail(detail);
    }
    [[noreturn]] void ended() { fail("The input string ended unexpectedly."); }

    // The token PostgreSQL's lexer would report at `at`: a run of word
    // characters, or the single character there.
    std::string token_at(size_t at) const {
        if (at >= s_.size()) return "";
        size_t end = at;
        while (end < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[end])) || s_[end] == '_' ||
                                   s_[end] == '.' || s_[end] == '-' || s_[end] == '+' ||
                                   static_cast<unsigned char>(s_[end]) >= 0x80)) {
            ++end;
        }
        if (end == at) end = at + 1;
        return std::string(s_.substr(at, end - at));
    }

    // A token where another was expected: PostgreSQL's lexer first rejects
    // words that are no JSON token at all.
    [[noreturn]] void unexpected(const std::string& expected) {
        std::string word = token_at(i_);
        bool keyword = word == "true" || word == "false" || word == "null";
        if (!keyword && (std::isalpha(static_cast<unsigned char>(s_[i_])) || static_cast<unsigned char>(s_[i_]) >= 0x80)) {
            fail("Token \"" + word + "\" is invalid.");
        }
        fail(expected + ", but found \"" + word + "\".");
    }

    void skip_space() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
    }

    JsonValue value() {
        if (i_ >= s_.size()) ended();
        JsonValue v;
        v.begin = i_;
        char c = s_[i_];
        if (c == '{') {
            object(v);
        } else if (c == '[') {
            array(v);
        } else if (c == '"') {
            v.kind = JsonValue::Kind::kString;
            v.text = string();
        } else if (c == '-' || std::isdigit(static_cast<unsigned char>(c))) {
            v.kind = JsonValue::Kind::kNumber;
            v.text = number();
        } else {
            std::string word = token_at(i_);
            if (word == "true" || word == "false") {
                v.kind = JsonValue::Kind::kBool;
                v.boolean = word == "true";
            } else if (word == "null") {
                v.kind = JsonValue::Kind::kNull;
            } else if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
                fail("Token \"" + word + "\" is invalid.");
            } else {
                fail("Expected JSON value, but found \"" + word + "\".");
            }
            i_ += word.size();
        }
        v.end = i_;
        return v;
    }

    void object(JsonValue& v) {
        v.kind = JsonValue::Kind::kObject;
        ++i_;
        skip_space();
        if (i_ >= s_.size()) ended();
        if (s_[i_] == '}') {
            ++i_;
            return;
        }
        for (;;) {
            skip_space();
            if (i_ >= s_.size()) ended();
            if (s_[i_] != '"') unexpected("Expected string");
            std::string key = string();
            skip_space();
            if (i_ >= s_.size()) ended();
            if (s_[i_] != ':') unexpected("Expected \":\"");
            ++i_;
            skip_space();
            JsonValue member = value();
            v.members.emplace_back(std::move(key), std::move(member));
            skip_space();
            if (i_ >= s_.size()) ended();
            if (s_[i_] == ',') {
                ++i_;
                continue;
            }
            if (s_[i_] == '}') {
                ++i_;
                return;
            }
            unexpected("Expected \",\" or \"}\"");
        }
    }

    void array(JsonValue& v) {
        v.kind = JsonValue::Kind::kArray;
        ++i_;
        skip_space();
        if (i_ >= s_.size()) ended();
        if (s_[i_] == ']') {
            ++i_;
            return;
        }
        for (;;) {
            skip_space();
            v.items.push_back(value());
            skip_space();
            if (i_ >= s_.size()) ended();
            if (s_[i_] == ',') {
                ++i_;
                continue;
            }
            if (s_[i_] == ']') {
                ++i_;
                return;
            }
            unexpected("Expected \",\" or \"]\"");
        }
    }

    static void append_utf8(std::string& out, uint32_t cp) {
        if (cp < 0x80) {
            out.push_back(char(cp));
        } else if (cp < 0x800) {
            out.push_back(char(0xC0 | (cp >> 6)));
            out.push_back(char(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            out.push_back(char(0xE0 | (cp >> 12)));
            out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(char(0x80 | (cp & 0x3F)));
        } else {
            out.push_back(char(0xF0 | (cp >> 18)));
            out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
            out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(char(0x80 | (cp & 0x3F)));
        }
    }

    uint32_t hex4() {
        if (i_ + 4 > s_.size()) fail("\"\\u\" must be followed by four hexadecimal digits.");
        uint32_t cp = 0;
        for (int k = 0; k < 4; ++k) {
            char h = s_[i_ + size_t(k)];
            int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
            if (d < 0) fail("\"\\u\" must be followed by four hexadecimal digits.");
            cp = cp * 16 + uint32_t(d);
        }
        i_ += 4;
        return cp;
    }

    std::string string() {
        ++i_;  // opening quote
        std::string out;
        for (;;) {
            if (i_ >= s_.size()) ended();
            unsigned char c = static_cast<unsigned char>(s_[i_]);
            if (c == '"') {
                ++i_;
                return out;
            }
            if (c < 0x20) {
                char hex[8];
                std::snprintf(hex, sizeof hex, "0x%02x", c);
                fail(std::string("Character with value ") + hex + " must be escaped.");
            }
            if (c != '\\') {
                out.push_back(char(c));
                ++i_;
                continue;
            }
            ++i_;
            if (i_ >= s_.size()) ended();
            char e = s_[i_++];
            switch (e) {
                case '"': out.push_back('"'); break;
                case '\\': out.push_back('\\'); break;
                case '/': out.push_back('/'); break;
                case 'b': out.push_back('\b'); break;
                case 'f': out.push_back('\f'); break;
                case 'n': out.push_back('\n'); break;
                case 'r': out.push_back('\r'); break;
                case 't': out.push_back('\t'); break;
                case 'u': {
                    uint32_t cp = hex4();
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        if (i_ + 2 > s_.size() || s_[i_] != '\\' || s_[i_ + 1] != 'u') {
                            fail("Unicode high surrogate must not follow a high surrogate.");
                        }
                        i_ += 2;
                        uint32_t low = hex4();
                        if (low < 0xDC00 || low > 0xDFFF) fail("Unicode low surrogate must follow a high surrogate.");
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                        fail("Unicode low surrogate must follow a high surrogate.");
                    }
                    if (cp == 0) {
                        if (for_jsonb_) fail("\\u0000 cannot be converted to text.", sqlstate::kUntranslatableCharacter);
                        out += "\\u0000";
                        break;
                    }
                    append_utf8(out, cp);
                    break;
                }
                default:
                    fail("Escape sequence \"\\" + std::string(1, e) + "\" is invalid.");
            }
        }
    }

    std::string number() {
        size_t start = i_;
        auto digits = [&] {
            size_t n = 0;
            while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) ++i_, ++n;
            return n;
        };
        auto bad = [&]() { fail("Token \"" + token_at(start) + "\" is invalid."); };
        if (s_[i_] == '-') ++i_;
        if (i_ >= s_.size() || !std::isdigit(static_cast<unsigned char>(s_[i_]))) bad();
        if (s_[i_] == '0') {
            ++i_;
        } else {
            digits();
        }
        if (i_ < s_.size() && s_[i_] == '.') {
            ++i_;
            if (digits() == 0) bad();
        }
        if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
            ++i_;
            if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
            if (digits() == 0) bad();
        }
        // A number running into letters ("1x", "01") is one bad token.
        if (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '.')) bad();
        return std::string(s_.substr(start, i_ - start));
    }

    std::string_view s_;
    bool for_jsonb_;
    size_t i_ = 0;
};

bool key_less(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return a.size() < b.size();
    return a < b;
}

// Numbers compare as numeric: "1.0" equals "1".
std::string comparable_number(const std::string& n) {
    std::string v = normalize_json_number(n);
    if (v.find('.') != std::string::npos) {
        while (v.back() == '0') v.pop_back();
        if (v.back() == '.') v.pop_back();
    }
    return v == "-0" ? "0" : v;
}

}  // namespace

JsonValue JsonValue::parse(std::string_view text, bool for_jsonb) { return Parser(text, for_jsonb).document(); }

JsonValue JsonValue::string_value(std::string s) {
    JsonValue v;
    v.kind = Kind::kString;
    v.text = std::move(s);
    return v;
}

JsonValue JsonValue::number_value(std::string digits) {
    JsonValue v;
    v.kind = Kind::kNumber;
    v.text = std::move(digits);
    return v;
}

JsonValue JsonValue::bool_value(bool b) {
    JsonValue v;
    v.kind = Kind::kBool;
    v.boolean = b;
    return v;
}

void JsonValue::canonicalize() {
    if (kind == Kind::kNumber) text = normalize_json_number(text);
    for (auto& item : items) item.canonicalize();
    if (kind != Kind::kObject) return;
    // The last of duplicate keys wins: keep each key's final occurrence.
    std::vector<std::pair<std::string, JsonValue>> unique;
    for (auto it = members.rbegin(); it != members.rend(); ++it) {
        bool seen = std::any_of(unique.begin(), unique.end(), [&](auto& m) { return m.first == it->first; });
        if (!seen) unique.push_back(std::move(*it));
    }
    std::stable_sort(unique.begin(), unique.end(), [](auto& a, auto& b) { return key_less(a.first, b.first); });
    for (auto& m : unique) m.second.canonicalize();
    members = std::move(unique);
}

std::string JsonValue::jsonb_text() const {
    std::string out;
    append_jsonb_text(out);
    return out;
}

void JsonValue::append_jsonb_text(std::string& out) const {
    switch (kind) {
        case Kind::kNull: out += "null"; return;
        case Kind::kBool: out += boolean ? "true" : "false"; return;
        case Kind::kNumber: out += text; return;
        case Kind::kString: append_json_string(out, text); return;
        case Kind::kArray:
            out.push_back('[');
            for (size_t i = 0; i < items.size(); ++i) {
                if (i > 0) out += ", ";
                items[i].append_jsonb_text(out);
            }
            out.push_back(']');
            return;
        case Kind::kObject:
            out.push_back('{');
            for (size_t i = 0; i < members.size(); ++i) {
                if (i > 0) out += ", ";
                append_json_string(out, members[i].first);
                out += ": ";
                members[i].second.append_jsonb_text(out);
            }
            out.push_back('}');
            return;
    }
}

const JsonValue* JsonValue::find_member(std::string_view key) const {
    const JsonValue* found = nullptr;
    for (const auto& m : members) {
        if (m.first == key) found = &m.second;
    }
    return found;
}

bool JsonValue::equals(const JsonValue& o) const {
    if (kind != o.kind) return false;
    switch (kind) {
        case Kind::kNull: return true;
        case Kind::kBool: return boolean == o.boolean;
        case Kind::kNumber: return comparable_number(text) == comparable_number(o.text);
        case Kind::kString: return text == o.text;
        case Kind::kArray:
            if (items.size() != o.items.size()) return false;
            for (size_t i = 0; i < items.size(); ++i) {
                if (!items[i].equals(o.items[i])) return false;
            }
            return true;
        case Kind::kObject:
            if (members.size() != o.members.size()) return false;
            for (const auto& m : members) {
                const JsonValue* other = o.find_member(m.first);
                if (other == nullptr || !m.second.equals(*other)) return false;
            }
            return true;
    }
    return false;
}

bool JsonValue::contains(const JsonValue& b, bool top_level) const {
    if (kind == Kind::kObject) {
        if (b.kind != Kind::kObject) return false;
        for (const auto& m : b.members) {
            const JsonValue* mine = find_member(m.first);
            if (mine == nullptr) return false;
            if (mine->kind == Kind::kObject || mine->kind == Kind::kArray) {
                if (!mine->contains(m.second, false)) return false;
            } else if (!mine->equals(m.second)) {
                return false;
            }
        }
        return true;
    }
    if (kind == Kind::kArray) {
        // Only a top-level array contains a bare scalar.
        if (b.kind != Kind::kArray) {
            if (!top_level || b.kind == Kind::kObject) return false;
            return std::any_of(items.begin(), items.end(), [&](auto& item) { return item.equals(b); });
        }
        for (const auto& want : b.items) {
            bool found = std::any_of(items.begin(), items.end(), [&](const JsonValue& item) {
                if (want.kind == Kind::kObject || want.kind == Kind::kArray) {
                    return item.kind == want.kind && item.contains(want, false);
                }
                return item.equals(want);
            });
            if (!found) return false;
        }
        return true;
    }
    return equals(b);
}

const char* JsonValue::type_name() const {
    switch (kind) {
        case Kind::kNull: return "null";
        case Kind::kBool: return "boolean";
        case Kind::kNumber: return "number";
        case Kind::kString: return "string";
        case Kind::kArray: return "array";
        case Kind::kObject: return "object";
    }
    return "null";
}

void append_json_string(std::string& out, std::string_view s) {
    out.push_back('"');
    for (char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned char>(c));
                    out += buf;
                } else {
                    out.push_back(c);
                }
        }
    }
    out.push_back('"');
}

std::string normalize_json_number(std::string_view n) {
    bool negative = !n.empty() && n[0] == '-';
    std::string digits;
    long fraction = 0, exponent = 0;
    size_t i = negative ? 1 : 0;
    bool after_dot = false;
    for (; i < n.size(); ++i) {
        char c = n[i];
        if (c == '.') {
            after_dot = true;
        } else if (c == 'e' || c == 'E') {
            exponent = std::strtol(std::string(n.substr(i + 1)).c_str(), nullptr, 10);
            break;
        } else {
            digits.push_back(c);
            if (after_dot) ++fraction;
        }
    }
    long shift = exponent - fraction;  // value = digits * 10^shift
    std::string integer_part, fraction_part;
    if (shift >= 0) {
        integer_part = digits + std::string(size_t(shift), '0');
    } else {
        size_t scale = size_t(-shift);
        if (digits.size() <= scale) digits = std::string(scale - digits.size() + 1, '0') + digits;
        integer_part = digits.substr(0, digits.size() - scale);
        fraction_part = digits.substr(digits.size() - scale);
    }
    size_t nz = integer_part.find_first_not_of('0');
    integer_part = nz == std::string::npos ? "0" : integer_part.substr(nz);
    bool zero = integer_part == "0" && fraction_part.find_first_not_of('0') == std::string::npos;
    std::string out = (negative && !zero) ? "-" : "";
    out += integer_part;
    if (!fraction_part.empty()) out += "." + fraction_part;
    return out;
}

}  // namespace litegres::pgwire
