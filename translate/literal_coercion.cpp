// literal_coercion.cpp — input functions of the PostgreSQL types, applied to
// literals at translation time.
#include "translate/literal_coercion.h"

#include "translate/bytea_functions.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "pgwire/array_value.h"
#include "pgwire/json_value.h"
#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"
#include "pgwire/datetime_text.h"
#include "translate/bytea_functions.h"
#include "translate/numeric_value.h"
#include "translate/datetime_input.h"
#include "translate/sql_text.h"

namespace litegres::translate {


namespace oid = pgwire::oid;
using pgwire::PgError;
namespace sqlstate = pgwire::sqlstate;

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

[[noreturn]] void invalid_syntax(std::string_view type_name, std::string_view text, int location) {
    throw PgError(sqlstate::kInvalidTextRepresentation,
                  "invalid input syntax for type " + std::string(type_name) + ": \"" +
                      std::string(text) + "\"",
                  location);
}

SqlValue integer_value(int64_t v) {
    SqlValue out;
    out.kind = SqlValue::Kind::kInteger;
    out.integer = v;
    return out;
}

SqlValue text_value(std::string v, SqlValue::Kind kind = SqlValue::Kind::kText) {
    SqlValue out;
    out.kind = kind;
    out.text = std::move(v);
    return out;
}

SqlValue coerce_bool(std::string_view text, int location) {
    std::string v(trim(text));
    std::transform(v.begin(), v.end(), v.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    auto prefix_of = [&](const char* word) {
        return !v.empty() && std::string_view(word).substr(0, v.size()) == v;
    };
    // As parse_bool_with_len: any prefix of the words, but "o" alone is ambiguous.
    if (v == "1" || prefix_of("true") || prefix_of("yes") || (v.size() >= 2 && prefix_of("on"))) {
        return integer_value(1);
    }
    if (v == "0" || prefix_of("false") || prefix_of("no") || (v.size() >= 2 && prefix_of("off"))) {
        return integer_value(0);
    }
    invalid_syntax("boolean", text, location);
}

SqlValue coerce_integer(std::string_view text, PgType target, int location) {
    const char* type_name = target.oid == oid::kInt2 ? "smallint"
                            : target.oid == oid::kInt4 ? "integer"
                                                       : "bigint";
    std::string_view v = trim(text);
    std::string digits(v);
    size_t i = 0;
    if (i < digits.size() && (digits[i] == '+' || digits[i] == '-')) ++i;
    if (i == digits.size()) invalid_syntax(type_name, text, location);
    for (size_t j = i; j < digits.size(); ++j) {
        if (!std::isdigit(static_cast<unsigned char>(digits[j]))) invalid_syntax(type_name, text, location);
    }
    errno = 0;
    long long value = std::strtoll(digits.c_str(), nullptr, 10);
    long long lo = target.oid == oid::kInt2 ? -32768 : target.oid == oid::kInt4 ? -2147483648LL : INT64_MIN;
    long long hi = target.oid == oid::kInt2 ? 32767 : target.oid == oid::kInt4 ? 2147483647LL : INT64_MAX;
    if (errno == ERANGE || value < lo || value > hi) {
        throw PgError(sqlstate::kNumericValueOutOfRange,
                      "value \"" + std::string(text) + "\" is out of range for type " + type_name,
                      location);
    }
    return integer_value(value);
}

bool is_decimal_number(std::string_view v) {
    size_t i = 0, digits = 0;
    if (i < v.size() && (v[i] == '+' || v[i] == '-')) ++i;
    while (i < v.size() && std::isdigit(static_cast<unsigned char>(v[i]))) ++i, ++digits;
    if (i < v.size() && v[i] == '.') {
        ++i;
        while (i < v.size() && std::isdigit(static_cast<unsigned char>(v[i]))) ++i, ++digits;
    }
    if (digits == 0) return false;
    if (i < v.size() && (v[i] == 'e' || v[i] == 'E')) {
        ++i;
        if (i < v.size() && (v[i] == '+' || v[i] == '-')) ++i;
        size_t exp_digits = 0;
        while (i < v.size() && std::isdigit(static_cast<unsigned char>(v[i]))) ++i, ++exp_digits;
        if (exp_digits == 0) return false;
    }
    return i == v.size();
}

SqlValue coerce_float(std::string_view text, PgType target, int location) {
    const char* type_name = target.oid == oid::kFloat4 ? "real" : "double precision";
    std::string v(trim(text));
    std::string lowered = v;
    std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    SqlValue out;
    out.kind = SqlValue::Kind::kReal;
    if (lowered == "infinity" || lowered == "+infinity" || lowered == "inf") {
        out.real = HUGE_VAL;
        return out;
    }
    if (lowered == "-infinity" || lowered == "-inf") {
        out.real = -HUGE_VAL;
        return out;
    }
    if (!is_decimal_number(v)) invalid_syntax(type_name, text, location);
    double d = std::strtod(v.c_str(), nullptr);
    if (std::isinf(d)) {
        throw PgError(sqlstate::kNumericValueOutOfRange,
                      "\"" + v + "\" is out of range for type " + type_name, location);
    }
    out.real = d;
    return out;
}

// numeric is stored as its canonical text, rounded to a declared numeric(p,s).
SqlValue coerce_numeric(std::string_view text, PgType target, int location) {
    try {
        return text_value(NumericValue::parse(text).with_typmod(target.typmod).to_string(), SqlValue::Kind::kText);
    } catch (PgError& e) {
        if (e.sqlstate() == sqlstate::kInvalidTextRepresentation) e.with_position(location);
        throw;
    }
}

size_t utf8_length(std::string_view s) {
    return size_t(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

SqlValue coerce_character(std::string_view text, PgType target, int location) {
    std::string value(text);
    if (target.typmod >= 4) {
        size_t max_len = size_t(target.typmod - 4);
        if (utf8_length(value) > max_len) {
            // PostgreSQL drops trailing spaces to make a value fit, and only then errors.
            std::string_view trimmed(value);
            while (!trimmed.empty() && trimmed.back() == ' ' && utf8_length(trimmed) > max_len) {
                trimmed.remove_suffix(1);
            }
            if (utf8_length(trimmed) > max_len) {
                throw PgError(sqlstate::kStringDataRightTruncation,
                              "value too long for type " + format_type(target), location);
            }
            value = std::string(trimmed);
        }
        if (target.oid == oid::kBpchar) {
            size_t len = utf8_length(value);
            if (len < max_len) value.append(max_len - len, ' ');
        }
    }
    return text_value(std::move(value));
}

SqlValue coerce_uuid(std::string_view text, int location) {
    std::string hex;
    std::string_view v = trim(text);
    bool braces = !v.empty() && v.front() == '{';
    if (braces) {
        if (v.back() != '}') invalid_syntax("uuid", text, location);
        v = v.substr(1, v.size() - 2);
    }
    for (char c : v) {
        if (std::isxdigit(static_cast<unsigned char>(c))) {
            hex.push_back(char(std::tolower(static_cast<unsigned char>(c))));
        } else if (c != '-') {
            invalid_syntax("uuid", text, location);
        }
    }
    if (hex.size() != 32) invalid_syntax("uuid", text, location);
    return text_value(hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
                      hex.substr(16, 4) + "-" + hex.substr(20));
}

SqlValue coerce_bytea(std::string_view text, int location) {
    try {
        bool hex = text.size() >= 2 && text[0] == '\\' && (text[1] == 'x' || text[1] == 'X');
        return text_value(hex ? decode_hex_bytes(text.substr(2)) : decode_escape_bytes(text), SqlValue::Kind::kBlob);
    } catch (PgError& e) {
        e.with_position(location);
        throw;
    }
}

SqlValue coerce_json(std::string_view text, PgType target, int location) {
    try {
        if (target.oid == oid::kJson) {
            pgwire::JsonValue::parse(text);
            return text_value(std::string(text));
        }
        pgwire::JsonValue value = pgwire::JsonValue::parse(text, true);
        value.canonicalize();
        return text_value(value.jsonb_text());
    } catch (PgError& e) {
        e.with_position(location);
        throw;
    }
}

// An element's token in an array's storage JSON (see pgwire/array_value.h):
// the token of the SQLite value the element would be stored as.
std::string storage_token(const SqlValue& v) {
    switch (v.kind) {
        case SqlValue::Kind::kNull: return "null";
        case SqlValue::Kind::kInteger: return std::to_string(v.integer);
        case SqlValue::Kind::kReal: return pgwire::storage_number(v.real);
        case SqlValue::Kind::kText:
        case SqlValue::Kind::kBlob: {
            std::string out;
            pgwire::append_json_string(out, v.text);
            return out;
        }
    }
    return "null";
}

SqlValue coerce_array(std::string_view text, PgType target, int location) {
    pgwire::ArrayValue array;
    try {
        array = pgwire::ArrayValue::parse_text(text);
    } catch (PgError& e) {
        e.with_position(location);
        throw;
    }
    PgType element{pgwire::array_element_type(target.oid), target.typmod};
    std::vector<std::string> tokens;
    for (const auto& e : array.elements) {
        tokens.push_back(e ? storage_token(coerce_value(*e, element, location)) : "null");
    }
    return text_value(array_storage(array.dims, tokens));
}

}  // namespace

std::string array_storage(const std::vector<int>& dims, const std::vector<std::string>& tokens) {
    if (tokens.empty()) return "[]";
    std::string out;
    size_t next = 0;
    auto emit = [&](auto& self, size_t depth) -> void {
        out.push_back('[');
        for (int k = 0; k < dims[depth]; ++k) {
            if (k > 0) out.push_back(',');
            if (depth + 1 < dims.size()) {
                self(self, depth + 1);
            } else {
                out += tokens[next++];
            }
        }
        out.push_back(']');
    };
    emit(emit, 0);
    return out;
}

std::string normalize_datetime_input(std::string_view text, Oid target) { return datetime_input(text, target); }

SqlValue coerce_value(std::string_view text, PgType target, int location) {
    switch (target.oid) {
        case oid::kBool: return coerce_bool(text, location);
        case oid::kInt2:
        case oid::kInt4:
        case oid::kInt8:
        case oid::kOid: return coerce_integer(text, target, location);
        case oid::kFloat4:
        case oid::kFloat8: return coerce_float(text, target, location);
        case oid::kNumeric: return coerce_numeric(text, target, location);
        case oid::kVarchar:
        case oid::kBpchar: return coerce_character(text, target, location);
        case oid::kUuid: return coerce_uuid(text, location);
        case oid::kBytea: return coerce_bytea(text, location);
        case oid::kDate:
        case oid::kTimestamp:
        case oid::kTimestamptz:
        case oid::kTime:
        case oid::kTimetz:
        case oid::kInterval:
            try {
                if (target.oid == oid::kInterval) return text_value(datetime_input(text, target.oid, target.typmod));
                return text_value(round_datetime_text(normalize_datetime_input(text, target.oid), target.oid, target.typmod));
            } catch (PgError& e) {
                e.with_position(location);
                throw;
            }
        case oid::kJson:
        case oid::kJsonb: return coerce_json(text, target, location);
        default:
            if (pgwire::is_array_type(target.oid)) return coerce_array(text, target, location);
            return text_value(std::string(text));
    }
}

std::string sql_literal(const SqlValue& value) {
    switch (value.kind) {
        case SqlValue::Kind::kNull: return "NULL";
        case SqlValue::Kind::kInteger: return std::to_string(value.integer);
        case SqlValue::Kind::kReal: {
            if (std::isinf(value.real)) return value.real > 0 ? "9e999" : "-9e999";
            char buf[64];
            std::snprintf(buf, sizeof buf, "%.17g", value.real);
            std::string s = buf;
            // Keep it a REAL literal even when integral.
            if (s.find_first_of(".eEn") == std::string::npos) s += ".0";
            return s;
        }
        case SqlValue::Kind::kText: return quote_string(value.text);
        case SqlValue::Kind::kBlob: {
            static const char* kHex = "0123456789abcdef";
            std::string out = "X'";
            for (unsigned char c : value.text) {
                out.push_back(kHex[c >> 4]);
                out.push_back(kHex[c & 15]);
            }
            return out + "'";
        }
    }
    return "NULL";
}

}  // namespace litegres::translate
