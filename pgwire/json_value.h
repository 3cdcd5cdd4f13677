// json_value.h — a parsed JSON document as PostgreSQL's json and jsonb types
// see it. json keeps its input text verbatim, so every node remembers the span
// of the source it came from; jsonb is written back in PostgreSQL's canonical
// text (object keys sorted by length then bytes, the last duplicate key wins,
// ", " and ": " separators, numbers in numeric's output form).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace litegres::pgwire {

class JsonValue {
public:
    enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject };

    Kind kind = Kind::kNull;
    bool boolean = false;
    // kNumber: the number as written; kString: the decoded string.
    std::string text;
    std::vector<JsonValue> items;                               // kArray
    std::vector<std::pair<std::string, JsonValue>> members;    // kObject, in input order
    // Where the value stands in the text it was parsed from.
    size_t begin = 0;
    size_t end = 0;

    // PostgreSQL's json input: throws PgError 22P02 "invalid input syntax for
    // type json" with PostgreSQL's DETAIL. `for_jsonb` also rejects \u0000.
    static JsonValue parse(std::string_view text, bool for_jsonb = false);

    static JsonValue null_value() { return JsonValue{}; }
    static JsonValue string_value(std::string s);
    static JsonValue number_value(std::string digits);
    static JsonValue bool_value(bool b);

    // jsonb's canonical form of this value (sorts and de-duplicates keys in place).
    void canonicalize();
    // Canonical jsonb text; call canonicalize() first for objects from input.
    std::string jsonb_text() const;
    void append_jsonb_text(std::string& out) const;
    // The member of an object (last one wins), or nullptr.
    const JsonValue* find_member(std::string_view key) const;
    // jsonb @> : whether `contained` is contained in this value.
    bool contains(const JsonValue& contained, bool top_level = true) const;
    bool equals(const JsonValue& other) const;
    const char* type_name() const;
};

// A JSON string literal with PostgreSQL's escaping (escape_json).
void append_json_string(std::string& out, std::string_view s);
// `s` as a JSON string literal, quotes included.
inline std::string json_string(std::string_view s) {
    std::string out;
    append_json_string(out, s);
    return out;
}
// numeric's output form of a JSON number: exponents expanded, "-0" is "0".
std::string normalize_json_number(std::string_view number);

}  // namespace litegres::pgwire
