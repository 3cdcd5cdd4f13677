// array_value.cpp — array_in / array_out / array_send / array_recv for
// litegres's arrays (lower bound always 1), and the storage JSON reader.
#include "pgwire/array_value.h"

#include <cctype>
#include <cmath>
#include <cstring>
#include <functional>

#include "pgwire/binary_format.h"
#include "pgwire/json_value.h"
#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"
#include "pgwire/text_format.h"

namespace litegres::pgwire {

namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

class TextParser {
public:
    explicit TextParser(std::string_view text) : s_(text) {}

    ArrayValue parse() {
        skip_space();
        if (i_ < s_.size() && s_[i_] == '[') {
            throw PgError(sqlstate::kFeatureNotSupported, "array lower bounds other than 1 are not supported yet");
        }
        if (i_ >= s_.size() || s_[i_] != '{') fail("Array value must start with \"{\" or dimension information.");
        ArrayValue out;
        std::vector<int> dims;
        level(out, 0, dims);
        skip_space();
        if (i_ < s_.size()) fail("Junk after closing right brace.");
        out.dims = out.elements.empty() ? std::vector<int>{} : dims;
        return out;
    }

private:
    [[noreturn]] void fail(const std::string& detail) {
        throw PgError(sqlstate::kInvalidTextRepresentation, "malformed array literal: \"" + std::string(s_) + "\"")
            .with_detail(detail);
    }
    void skip_space() {
        while (i_ < s_.size() && is_space(s_[i_])) ++i_;
    }

    // One {...} at nesting `depth`; records or checks its length in dims.
    void level(ArrayValue& out, size_t depth, std::vector<int>& dims) {
        ++i_;  // '{'
        skip_space();
        int count = 0;
        bool nested = false;
        if (i_ < s_.size() && s_[i_] == '}') {
            ++i_;
            if (depth > 0) fail("Unexpected \"}\" character.");
            return;
        }
        for (;;) {
            skip_space();
            if (i_ >= s_.size()) fail("Unexpected end of input.");
            if (s_[i_] == '{') {
                if (count > 0 && !nested) fail("Unexpected \"{\" character.");
                nested = true;
                level(out, depth + 1, dims);
            } else {
                if (nested) fail("Unexpected array element.");
                if (dims.size() > depth + 1) fail("Multidimensional arrays must have sub-arrays with matching dimensions.");
                out.elements.push_back(element());
            }
            ++count;
            skip_space();
            if (i_ >= s_.size()) fail("Unexpected end of input.");
            if (s_[i_] == ',') {
                ++i_;
                continue;
            }
            if (s_[i_] == '}') {
                ++i_;
                break;
            }
            fail("Unexpected array element.");
        }
        if (dims.size() <= depth) dims.resize(depth + 1, -1);
        if (dims[depth] == -1) {
            dims[depth] = count;
        } else if (dims[depth] != count || (!nested && dims.size() != depth + 1)) {
            fail("Multidimensional arrays must have sub-arrays with matching dimensions.");
        }
    }

    std::optional<std::string> element() {
        std::string out;
        if (s_[i_] == '"') {
            ++i_;
            for (;;) {
                if (i_ >= s_.size()) fail("Unexpected end of input.");
                char c = s_[i_++];
                if (c == '"') return out;
                if (c == '\\') {
                    if (i_ >= s_.size()) fail("Unexpected end of input.");
                    c = s_[i_++];
                }
                out.push_back(c);
            }
        }
        bool escaped = false;
        size_t last_significant = 0;
        while (i_ < s_.size() && s_[i_] != ',' && s_[i_] != '}') {
            char c = s_[i_++];
            if (c == '{' || c == '"') fail("Unexpected \"" + std::string(1, c) + "\" character.");
            if (c == '\\') {
                if (i_ >= s_.size()) fail("Unexpected end of input.");
                out.push_back(s_[i_++]);
                escaped = true;
                last_significant = out.size();
                continue;
            }
            out.push_back(c);
            if (!is_space(c)) last_significant = out.size();
        }
        out.resize(last_significant);
        if (out.empty() && !escaped) fail("Unexpected \"" + std::string(1, i_ < s_.size() ? s_[i_] : ' ') + "\" character.");
        if (!escaped && out.size() == 4 && strncasecmp(out.c_str(), "null", 4) == 0) return std::nullopt;
        return out;
    }

    std::string_view s_;
    size_t i_ = 0;
};

void append_element_text(std::string& out, const std::optional<std::string>& e) {
    if (!e) {
        out += "NULL";
        return;
    }
    const std::string& v = *e;
    bool quote = v.empty() || strcasecmp(v.c_str(), "null") == 0;
    for (char c : v) {
        if (c == '"' || c == '\\' || c == '{' || c == '}' || c == ',' || is_space(c)) quote = true;
    }
    if (!quote) {
        out += v;
        return;
    }
    out.push_back('"');
    for (char c : v) {
        if (c == '"' || c == '\\') out.push_back('\\');
        out.push_back(c);
    }
    out.push_back('"');
}

void put_be32(std::string& out, uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(char((v >> shift) & 0xff));
}

uint32_t get_be32(std::string_view b, size_t& at) {
    if (at + 4 > b.size()) {
        throw PgError(sqlstate::kInvalidBinaryRepresentation, "insufficient data left in message");
    }
    uint32_t v = 0;
    for (int k = 0; k < 4; ++k) v = (v << 8) | uint8_t(b[at + size_t(k)]);
    at += 4;
    return v;
}

std::string storage_element_text(const JsonValue& v, Oid element) {
    switch (v.kind) {
        case JsonValue::Kind::kBool: return v.boolean ? "t" : "f";
        case JsonValue::Kind::kNumber: {
            if (element == oid::kBool) return v.text == "0" ? "f" : "t";
            if (element == oid::kFloat8 || element == oid::kFloat4) {
                std::string out;
                double d = std::strtod(v.text.c_str(), nullptr);
                if (element == oid::kFloat4) {
                    append_float4_text(out, float(d));
                } else {
                    append_float8_text(out, d);
                }
                return out;
            }
            if ((element == oid::kInt2 || element == oid::kInt4 || element == oid::kInt8) &&
                v.text.find_first_of(".eE") != std::string::npos) {
                return std::to_string(std::llround(std::strtod(v.text.c_str(), nullptr)));
            }
            return v.text;
        }
        case JsonValue::Kind::kString: return v.text;
        default: return v.jsonb_text();
    }
}

}  // namespace

std::string storage_number(double value) {
    if (std::isnan(value)) return "\"NaN\"";
    if (std::isinf(value)) return value > 0 ? "\"Infinity\"" : "\"-Infinity\"";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", value);
    return buf;
}

ArrayValue ArrayValue::parse_text(std::string_view text) { return TextParser(text).parse(); }

std::string ArrayValue::to_text() const {
    if (elements.empty()) return "{}";
    std::string out;
    size_t next = 0;
    std::function<void(size_t)> emit = [&](size_t depth) {
        out.push_back('{');
        for (int k = 0; k < dims[depth]; ++k) {
            if (k > 0) out.push_back(',');
            if (depth + 1 < dims.size()) {
                emit(depth + 1);
            } else {
                append_element_text(out, elements[next++]);
            }
        }
        out.push_back('}');
    };
    emit(0);
    return out;
}

ArrayValue ArrayValue::from_storage(std::string_view json, Oid element) {
    JsonValue root = JsonValue::parse(json);
    ArrayValue out;
    if (root.kind != JsonValue::Kind::kArray) {
        throw PgError(sqlstate::kDataException, "stored array value is not a JSON array");
    }
    // Dimensions follow the first element at each depth.
    for (const JsonValue* v = &root; v->kind == JsonValue::Kind::kArray && !v->items.empty(); v = &v->items[0]) {
        out.dims.push_back(int(v->items.size()));
    }
    std::function<void(const JsonValue&, size_t)> walk = [&](const JsonValue& v, size_t depth) {
        if (v.kind == JsonValue::Kind::kArray) {
            for (const auto& item : v.items) walk(item, depth + 1);
            return;
        }
        if (v.kind == JsonValue::Kind::kNull) {
            out.elements.emplace_back(std::nullopt);
        } else {
            out.elements.emplace_back(storage_element_text(v, element));
        }
    };
    walk(root, 0);
    return out;
}

ArrayValue ArrayValue::decode_binary(std::string_view b, Oid array_type) {
    size_t at = 0;
    uint32_t ndim = get_be32(b, at);
    get_be32(b, at);  // has-null flag
    Oid element = get_be32(b, at);
    if (ndim > 6) throw PgError(sqlstate::kInvalidBinaryRepresentation, "invalid number of dimensions: " + std::to_string(ndim));
    if (element != array_element_type(array_type)) {
        throw PgError(sqlstate::kDatatypeMismatch, "binary data has array element type " + std::to_string(element) +
                                                       " instead of expected " + std::to_string(array_element_type(array_type)));
    }
    ArrayValue out;
    size_t total = ndim > 0 ? 1 : 0;
    for (uint32_t d = 0; d < ndim; ++d) {
        int length = int32_t(get_be32(b, at));
        int lower = int32_t(get_be32(b, at));
        if (lower != 1) throw PgError(sqlstate::kFeatureNotSupported, "array lower bounds other than 1 are not supported yet");
        out.dims.push_back(length);
        total *= size_t(length);
    }
    for (size_t k = 0; k < total; ++k) {
        int32_t length = int32_t(get_be32(b, at));
        if (length < 0) {
            out.elements.emplace_back(std::nullopt);
            continue;
        }
        if (at + size_t(length) > b.size()) {
            throw PgError(sqlstate::kInvalidBinaryRepresentation, "insufficient data left in message");
        }
        WireValue v = pgwire::decode_binary(element, b.substr(at, size_t(length)));
        at += size_t(length);
        std::string text;
        switch (v.kind) {
            case WireValue::Kind::kInteger:
                text = element == oid::kBool ? (v.integer != 0 ? "t" : "f") : std::to_string(v.integer);
                break;
            case WireValue::Kind::kReal:
                if (element == oid::kFloat4) {
                    append_float4_text(text, float(v.real));
                } else {
                    append_float8_text(text, v.real);
                }
                break;
            case WireValue::Kind::kText: text = std::move(v.bytes); break;
            case WireValue::Kind::kBlob:
                throw PgError(sqlstate::kFeatureNotSupported, "binary bytea[] is not supported yet");
        }
        out.elements.emplace_back(std::move(text));
    }
    if (total == 0) out.dims.clear();
    return out;
}

void ArrayValue::append_binary(std::string& out, Oid array_type) const {
    Oid element = array_element_type(array_type);
    bool has_null = false;
    for (const auto& e : elements) has_null = has_null || !e;
    put_be32(out, uint32_t(dims.size()));
    put_be32(out, has_null ? 1 : 0);
    put_be32(out, element);
    for (int d : dims) {
        put_be32(out, uint32_t(d));
        put_be32(out, 1);
    }
    std::string scratch;
    for (const auto& e : elements) {
        if (!e) {
            put_be32(out, 0xffffffffu);
            continue;
        }
        scratch.clear();
        switch (element) {
            case oid::kBool: append_binary_int(scratch, element, *e == "t" ? 1 : 0); break;
            case oid::kInt2:
            case oid::kInt4:
            case oid::kInt8:
            case oid::kOid: append_binary_int(scratch, element, std::strtoll(e->c_str(), nullptr, 10)); break;
            case oid::kFloat4:
            case oid::kFloat8: append_binary_float(scratch, element, std::strtod(e->c_str(), nullptr)); break;
            default: append_binary_from_text(scratch, element, *e); break;
        }
        put_be32(out, uint32_t(scratch.size()));
        out += scratch;
    }
}

}  // namespace litegres::pgwire
