// binary_format.cpp — the binary send/receive layouts.
#include "pgwire/binary_format.h"

#include <cstring>
#include <vector>

#include "pgwire/array_value.h"
#include "pgwire/datetime_text.h"
#include "pgwire/interval_text.h"
#include "pgwire/time_text.h"
#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"

namespace litegres::pgwire {

namespace {

[[noreturn]] void bad_format(const char* type_name) {
    throw PgError(sqlstate::kInvalidBinaryRepresentation,
                  std::string("incorrect binary data format in bind parameter for type ") + type_name);
}

uint64_t read_be(std::string_view b, size_t n) {
    uint64_t v = 0;
    for (size_t i = 0; i < n; ++i) v = (v << 8) | uint8_t(b[i]);
    return v;
}

void put_be(std::string& out, uint64_t v, size_t n) {
    for (size_t i = n; i-- > 0;) out.push_back(char(v >> (i * 8)));
}

int16_t read_int16(std::string_view b, size_t at) { return int16_t(read_be(b.substr(at), 2)); }

// numeric's binary form: ndigits, weight, sign, dscale, then base-10000 digits.
std::string numeric_text(std::string_view b) {
    if (b.size() < 8) bad_format("numeric");
    int ndigits = read_int16(b, 0), weight = read_int16(b, 2), dscale = read_int16(b, 6);
    uint16_t sign = uint16_t(read_int16(b, 4));
    if (ndigits < 0 || dscale < 0 || b.size() != size_t(8 + 2 * ndigits)) bad_format("numeric");
    if (sign == 0xC000) return "NaN";
    if (sign == 0xD000) return "Infinity";
    if (sign == 0xF000) return "-Infinity";
    std::vector<int> digits;
    for (int i = 0; i < ndigits; ++i) {
        int d = read_int16(b, size_t(8 + 2 * i));
        if (d < 0 || d > 9999) bad_format("numeric");
        digits.push_back(d);
    }
    std::string out = sign == 0x4000 ? "-" : "";
    // Integer part: groups 0..weight.
    if (weight < 0) {
        out += "0";
    } else {
        for (int g = 0; g <= weight; ++g) {
            int d = g < ndigits ? digits[size_t(g)] : 0;
            char buf[8];
            std::snprintf(buf, sizeof buf, g == 0 ? "%d" : "%04d", d);
            out += buf;
        }
    }
    if (dscale > 0) {
        std::string frac;
        for (int g = weight + 1; int(frac.size()) < dscale; ++g) {
            int d = g >= 0 && g < ndigits ? digits[size_t(g)] : 0;
            char buf[8];
            std::snprintf(buf, sizeof buf, "%04d", d);
            frac += buf;
        }
        out += "." + frac.substr(0, size_t(dscale));
    }
    return out;
}

void append_numeric(std::string& out, std::string_view text) {
    uint16_t special = text == "NaN" ? 0xC000 : text == "Infinity" ? 0xD000 : text == "-Infinity" ? 0xF000 : 0;
    if (special != 0) {
        put_be(out, 0, 2), put_be(out, 0, 2), put_be(out, special, 2), put_be(out, 0, 2);
        return;
    }
    bool negative = !text.empty() && text[0] == '-';
    if (negative || (!text.empty() && text[0] == '+')) text.remove_prefix(1);
    size_t dot = text.find('.');
    std::string int_part(text.substr(0, dot));
    std::string frac_part = dot == std::string_view::npos ? "" : std::string(text.substr(dot + 1));
    for (char c : int_part + frac_part) {
        if (c < '0' || c > '9') throw PgError(sqlstate::kInvalidTextRepresentation, "invalid numeric value");
    }
    int dscale = int(frac_part.size());
    while (int_part.size() % 4 != 0) int_part.insert(0, 1, '0');
    while (frac_part.size() % 4 != 0) frac_part.push_back('0');
    std::vector<int> digits;
    for (size_t i = 0; i < int_part.size(); i += 4) digits.push_back(std::stoi(int_part.substr(i, 4)));
    int weight = int(digits.size()) - 1;
    for (size_t i = 0; i < frac_part.size(); i += 4) digits.push_back(std::stoi(frac_part.substr(i, 4)));
    size_t first = 0;
    while (first < digits.size() && digits[first] == 0) ++first, --weight;
    size_t last = digits.size();
    while (last > first && digits[last - 1] == 0) --last;
    if (first == last) weight = 0;
    put_be(out, last - first, 2);
    put_be(out, uint16_t(int16_t(weight)), 2);
    put_be(out, negative && first != last ? 0x4000 : 0, 2);
    put_be(out, uint16_t(dscale), 2);
    for (size_t i = first; i < last; ++i) put_be(out, uint16_t(digits[i]), 2);
}

DateTimeValue parse_or_throw(std::string_view text) {
    DateTimeValue v;
    if (parse_datetime(text, v) != DateTimeParse::kOk) {
        throw PgError(sqlstate::kInvalidDatetimeFormat, "invalid stored date/time value \"" + std::string(text) + "\"");
    }
    return v;
}

}  // namespace

bool binary_format_supported(Oid type) {
    if (type >= oid::kFirstUserOid) return true;
    switch (type) {
        case oid::kBool: case oid::kInt2: case oid::kInt4: case oid::kInt8: case oid::kOid:
        case oid::kFloat4: case oid::kFloat8: case oid::kNumeric: case oid::kText: case oid::kVarchar:
        case oid::kBpchar: case oid::kName: case oid::kChar: case oid::kBytea: case oid::kUuid: case oid::kDate:
        case oid::kTimestamp: case oid::kTimestamptz: case oid::kJson: case oid::kJsonb:
        case oid::kTime: case oid::kTimetz: case oid::kInterval: case oid::kUnknownType:
            return true;
        default:
            return is_array_type(type) && array_element_type(type) != oid::kBytea &&
                   binary_format_supported(array_element_type(type));
    }
}

WireValue decode_binary(Oid type, std::string_view b) {
    WireValue v;
    auto integer = [&](size_t n, const char* name) {
        if (b.size() != n) bad_format(name);
        uint64_t raw = read_be(b, n);
        v.kind = WireValue::Kind::kInteger;
        if (n == 2) v.integer = int16_t(raw);
        else if (n == 4) v.integer = int32_t(raw);
        else v.integer = int64_t(raw);
    };
    switch (type) {
        case oid::kBool:
            if (b.size() != 1) bad_format("boolean");
            v.kind = WireValue::Kind::kInteger;
            v.integer = b[0] != 0;
            return v;
        case oid::kInt2: integer(2, "smallint"); return v;
        case oid::kInt4: integer(4, "integer"); return v;
        case oid::kInt8: integer(8, "bigint"); return v;
        case oid::kOid:
            if (b.size() != 4) bad_format("oid");
            v.kind = WireValue::Kind::kInteger;
            v.integer = int64_t(read_be(b, 4));
            return v;
        case oid::kFloat4: {
            if (b.size() != 4) bad_format("real");
            uint32_t raw = uint32_t(read_be(b, 4));
            float f;
            std::memcpy(&f, &raw, 4);
            v.kind = WireValue::Kind::kReal;
            v.real = f;
            return v;
        }
        case oid::kFloat8: {
            if (b.size() != 8) bad_format("double precision");
            uint64_t raw = read_be(b, 8);
            std::memcpy(&v.real, &raw, 8);
            v.kind = WireValue::Kind::kReal;
            return v;
        }
        case oid::kNumeric: v.bytes = numeric_text(b); return v;
        case oid::kBytea:
            v.kind = WireValue::Kind::kBlob;
            v.bytes = std::string(b);
            return v;
        case oid::kUuid: {
            if (b.size() != 16) bad_format("uuid");
            static const char* kHex = "0123456789abcdef";
            for (size_t i = 0; i < 16; ++i) {
                if (i == 4 || i == 6 || i == 8 || i == 10) v.bytes.push_back('-');
                v.bytes.push_back(kHex[uint8_t(b[i]) >> 4]);
                v.bytes.push_back(kHex[uint8_t(b[i]) & 15]);
            }
            return v;
        }
        case oid::kDate: {
            if (b.size() != 4) bad_format("date");
            auto days = int32_t(read_be(b, 4));
            v.bytes = days == INT32_MAX   ? "infinity"
                      : days == INT32_MIN ? "-infinity"
                                          : format_date(from_days_since_2000(days));
            return v;
        }
        case oid::kTimestamp:
        case oid::kTimestamptz: {
            if (b.size() != 8) bad_format("timestamp");
            auto micros = int64_t(read_be(b, 8));
            if (micros == INT64_MAX || micros == INT64_MIN) {
                v.bytes = micros == INT64_MAX ? "infinity" : "-infinity";
                return v;
            }
            DateTimeValue t = from_micros_since_2000(micros);
            v.bytes = type == oid::kTimestamp ? format_timestamp(t) : format_timestamptz(t);
            return v;
        }
        case oid::kTime:
            if (b.size() != 8) bad_format("time");
            v.bytes = format_time(int64_t(read_be(b, 8)));
            return v;
        case oid::kTimetz:
            // int64 microseconds, int32 zone in seconds west of UTC.
            if (b.size() != 12) bad_format("time with time zone");
            v.bytes = format_timetz(int64_t(read_be(b.substr(0, 8), 8)), -int32_t(uint32_t(read_be(b.substr(8), 4))));
            return v;
        case oid::kInterval: {
            std::optional<Interval> span = read_interval_binary(b);
            if (!span) bad_format("interval");
            v.bytes = format_interval(*span);
            return v;
        }
        case oid::kJsonb:
            if (b.empty() || b[0] != 1) bad_format("jsonb");
            v.bytes = std::string(b.substr(1));
            return v;
        case oid::kText: case oid::kVarchar: case oid::kBpchar: case oid::kName: case oid::kChar:
        case oid::kJson: case oid::kUnknownType:
            v.bytes = std::string(b);
            return v;
        default:
            if (is_array_type(type)) {
                v.bytes = ArrayValue::decode_binary(b, type).to_text();
                return v;
            }
            if (type >= oid::kFirstUserOid) {
                v.bytes = std::string(b);
                return v;
            }
            throw PgError(sqlstate::kFeatureNotSupported,
                          "binary format for type " + std::to_string(type) + " is not supported yet");
    }
}

void append_binary_int(std::string& out, Oid type, int64_t value) {
    switch (type) {
        case oid::kBool: out.push_back(value != 0 ? 1 : 0); break;
        case oid::kInt2: put_be(out, uint16_t(int16_t(value)), 2); break;
        case oid::kInt4: case oid::kOid: put_be(out, uint32_t(int32_t(value)), 4); break;
        default: put_be(out, uint64_t(value), 8); break;
    }
}

void append_binary_float(std::string& out, Oid type, double value) {
    if (type == oid::kFloat4) {
        float f = float(value);
        uint32_t raw;
        std::memcpy(&raw, &f, 4);
        put_be(out, raw, 4);
    } else {
        uint64_t raw;
        std::memcpy(&raw, &value, 8);
        put_be(out, raw, 8);
    }
}

void append_binary_from_text(std::string& out, Oid type, std::string_view text) {
    switch (type) {
        case oid::kNumeric: append_numeric(out, text); return;
        case oid::kUuid: {
            std::string hex;
            for (char c : text) {
                if (c != '-') hex.push_back(c);
            }
            if (hex.size() != 32) throw PgError(sqlstate::kInvalidTextRepresentation, "invalid stored uuid");
            for (size_t i = 0; i < 32; i += 2) out.push_back(char(std::stoi(hex.substr(i, 2), nullptr, 16)));
            return;
        }
        case oid::kDate:
            if (text == "infinity" || text == "-infinity") {
                put_be(out, uint32_t(text[0] == '-' ? INT32_MIN : INT32_MAX), 4);
                return;
            }
            put_be(out, uint32_t(days_since_2000(parse_or_throw(text))), 4);
            return;
        case oid::kTimestamp:
        case oid::kTimestamptz:
            if (text == "infinity" || text == "-infinity") {
                put_be(out, uint64_t(text[0] == '-' ? INT64_MIN : INT64_MAX), 8);
                return;
            }
            put_be(out, uint64_t(micros_since_2000(parse_or_throw(text))), 8);
            return;
        case oid::kTime: {
            int64_t micros;
            if (parse_time(text, micros) != TimeParse::kOk) {
                throw PgError(sqlstate::kInvalidDatetimeFormat, "invalid stored time value \"" + std::string(text) + "\"");
            }
            put_be(out, uint64_t(micros), 8);
            return;
        }
        case oid::kTimetz: {
            int64_t micros;
            std::optional<int> offset;
            if (parse_timetz(text, micros, offset) != TimeParse::kOk || !offset) {
                throw PgError(sqlstate::kInvalidDatetimeFormat, "invalid stored timetz value \"" + std::string(text) + "\"");
            }
            put_be(out, uint64_t(micros), 8);
            put_be(out, uint32_t(-*offset), 4);
            return;
        }
        case oid::kInterval: {
            Interval span;
            if (parse_interval(text, span) != IntervalParse::kOk) {
                throw PgError(sqlstate::kInvalidDatetimeFormat, "invalid stored interval value \"" + std::string(text) + "\"");
            }
            append_interval_binary(out, span);
            return;
        }
        case oid::kJsonb:
            out.push_back(1);
            out.append(text);
            return;
        default:
            if (is_array_type(type)) {
                ArrayValue::parse_text(text).append_binary(out, type);
                return;
            }
            out.append(text);
            return;
    }
}

}  // namespace litegres::pgwire
