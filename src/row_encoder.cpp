// row_encoder.cpp — per-type text output of SQLite values.
#include "src/row_encoder.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "pgwire/array_value.h"
#include "pgwire/binary_format.h"
#include "pgwire/text_format.h"
#include "translate/datetime_output.h"
#include "translate/numeric_value.h"

namespace litegres {

namespace oid = pgwire::oid;

namespace {

void append_integer(std::string& out, int64_t v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, size_t(r.ptr - buf));
}

std::string at_declared_scale(const translate::NumericValue& value, int32_t typmod) {
    int scale = translate::numeric_scale(typmod);
    return (scale >= 0 ? value.round(scale) : value).to_string();
}

// numeric is stored as its own text. Integers and reals come from tables
// made outside litegres: printed as float8 ► numeric would, at the column's
// declared scale.
void append_numeric(std::string& out, sqlite3_stmt* stmt, int col, int32_t typmod) {
    switch (sqlite3_column_type(stmt, col)) {
        case SQLITE_INTEGER:
            out += at_declared_scale(
                translate::NumericValue::from_int64(sqlite3_column_int64(stmt, col)), typmod);
            return;
        case SQLITE_FLOAT:
            out += at_declared_scale(
                translate::NumericValue::from_double(sqlite3_column_double(stmt, col)), typmod);
            return;
        default:
            out.append(reinterpret_cast<const char*>(sqlite3_column_text(stmt, col)),
                       size_t(sqlite3_column_bytes(stmt, col)));
    }
}

void append_bytea(std::string& out, sqlite3_stmt* stmt, int col) {
    static const char* kHex = "0123456789abcdef";
    const auto* p = static_cast<const unsigned char*>(sqlite3_column_blob(stmt, col));
    int n = sqlite3_column_bytes(stmt, col);
    out += "\\x";
    for (int i = 0; i < n; ++i) {
        out.push_back(kHex[p[i] >> 4]);
        out.push_back(kHex[p[i] & 15]);
    }
}

}  // namespace

std::vector<pgwire::FieldDescription> RowEncoder::describe(
    const std::vector<translate::ResultColumn>& columns, const std::vector<int16_t>& formats) {
    std::vector<pgwire::FieldDescription> fields;
    fields.reserve(columns.size());
    for (size_t i = 0; i < columns.size(); ++i) {
        const auto& c = columns[i];
        pgwire::FieldDescription f;
        f.name = c.name;
        f.type_oid = c.type.oid;
        f.type_length = pgwire::type_length(c.type.oid);
        f.type_modifier = c.type.typmod;
        f.table_oid = c.table_oid;
        f.column_number = c.column_number;
        f.format = i < formats.size() ? formats[i] : 0;
        fields.push_back(std::move(f));
    }
    return fields;
}

void RowEncoder::write_binary(sqlite3_stmt* stmt, int col, const translate::ResultColumn& column,
                              pgwire::BackendEncoder& encoder, std::string& scratch) const {
    append_binary(stmt, col, column, scratch);
    encoder.add_value(scratch);
}

void RowEncoder::append_binary(sqlite3_stmt* stmt, int col, const translate::ResultColumn& column,
                               std::string& scratch) {
    const translate::PgType& type = column.type;
    int storage = sqlite3_column_type(stmt, col);
    switch (type.oid) {
        case oid::kBool:
        case oid::kInt2:
        case oid::kInt4:
        case oid::kInt8:
        case oid::kOid:
            pgwire::append_binary_int(scratch, type.oid,
                                      storage == SQLITE_FLOAT
                                          ? std::llround(sqlite3_column_double(stmt, col))
                                          : sqlite3_column_int64(stmt, col));
            break;
        case oid::kFloat4:
        case oid::kFloat8:
            pgwire::append_binary_float(scratch, type.oid, sqlite3_column_double(stmt, col));
            break;
        case oid::kBytea:
            scratch.append(static_cast<const char*>(sqlite3_column_blob(stmt, col)),
                           size_t(sqlite3_column_bytes(stmt, col)));
            break;
        default: {
            // Types stored as their text form: encode from the text.
            std::string text;
            append_text(stmt, col, column, text, false);
            pgwire::append_binary_from_text(scratch, type.oid, text);
            break;
        }
    }
}

void RowEncoder::write_row(sqlite3_stmt* stmt, pgwire::BackendEncoder& encoder,
                           std::string& scratch) const {
    size_t row = encoder.begin_data_row(int16_t(columns_.size()));
    try {
        for (size_t i = 0; i < columns_.size(); ++i) {
            int col = int(i);
            if (sqlite3_column_type(stmt, col) == SQLITE_NULL) {
                encoder.add_null();
                continue;
            }
            scratch.clear();
            if (i < formats_.size() && formats_[i] == 1) {
                write_binary(stmt, col, columns_[i], encoder, scratch);
                continue;
            }
            append_text(stmt, col, columns_[i], scratch);
            encoder.add_value(scratch);
        }
    } catch (...) {
        encoder.abandon_message(row);
        throw;
    }
    encoder.end_message(row);
}

void RowEncoder::append_text(sqlite3_stmt* stmt, int col, const translate::ResultColumn& column,
                             std::string& out, bool session_style) {
    const translate::PgType& type = column.type;
    int storage = sqlite3_column_type(stmt, col);
    switch (type.oid) {
        case oid::kBool:
            if (storage == SQLITE_INTEGER || storage == SQLITE_FLOAT) {
                out += sqlite3_column_double(stmt, col) != 0 ? "t" : "f";
                return;
            }
            break;
        case oid::kInt2:
        case oid::kInt4:
        case oid::kInt8:
        case oid::kOid:
            if (storage == SQLITE_INTEGER) {
                append_integer(out, sqlite3_column_int64(stmt, col));
                return;
            }
            if (storage == SQLITE_FLOAT) {
                append_integer(out, int64_t(std::llround(sqlite3_column_double(stmt, col))));
                return;
            }
            break;
        case oid::kFloat4:
        case oid::kFloat8:
            if (storage == SQLITE_INTEGER || storage == SQLITE_FLOAT) {
                if (type.oid == oid::kFloat4) {
                    pgwire::append_float4_text(out, float(sqlite3_column_double(stmt, col)));
                } else {
                    pgwire::append_float8_text(out, sqlite3_column_double(stmt, col));
                }
                return;
            }
            break;
        case oid::kNumeric:
            append_numeric(out, stmt, col, type.typmod);
            return;
        case oid::kBytea:
            if (storage == SQLITE_BLOB) {
                append_bytea(out, stmt, col);
                return;
            }
            break;
        case oid::kDate:
        case oid::kTimestamp:
        case oid::kTimestamptz:
        case oid::kInterval:
            // Stored as ISO text (timestamptz in UTC); printed in the session's
            // DateStyle, IntervalStyle and TimeZone.
            if (storage == SQLITE_TEXT && session_style) {
                std::string_view stored(
                    reinterpret_cast<const char*>(sqlite3_column_text(stmt, col)),
                    size_t(sqlite3_column_bytes(stmt, col)));
                if (std::optional<std::string> styled =
                        translate::styled_datetime_output(stored, type.oid)) {
                    out += *styled;
                    return;
                }
            }
            break;
        default:
            if (pgwire::Oid element = pgwire::array_element_type(type.oid);
                element != 0 && storage == SQLITE_TEXT) {
                const char* stored = reinterpret_cast<const char*>(sqlite3_column_text(stmt, col));
                pgwire::ArrayValue array = pgwire::ArrayValue::from_storage(
                    {stored, size_t(sqlite3_column_bytes(stmt, col))}, element);
                if (session_style) {
                    for (std::optional<std::string>& e : array.elements) {
                        if (!e) continue;
                        if (std::optional<std::string> styled =
                                translate::styled_datetime_output(*e, element))
                            *e = *styled;
                    }
                }
                out += array.to_text();
                return;
            }
            break;
    }
    const char* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, col));
    out.append(text, size_t(sqlite3_column_bytes(stmt, col)));
}

}  // namespace litegres
