// parameter_binder.cpp — per-parameter conversion and sqlite3_bind_*.
#include "src/parameter_binder.h"

#include "pgwire/binary_format.h"
#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"

namespace litegres {

using pgwire::PgError;
using translate::SqlValue;
namespace sqlstate = pgwire::sqlstate;

std::vector<int16_t> expand_formats(const std::vector<int16_t>& formats, size_t count) {
    for (int16_t f : formats) {
        if (f != 0 && f != 1) {
            throw PgError(sqlstate::kProtocolViolation, "unsupported format code: " + std::to_string(f));
        }
    }
    if (formats.empty()) return std::vector<int16_t>(count, 0);
    if (formats.size() == 1) return std::vector<int16_t>(count, formats[0]);
    if (formats.size() != count) {
        throw PgError(sqlstate::kProtocolViolation, "bind message has " + std::to_string(formats.size()) +
                                                        " result formats but query has " + std::to_string(count) +
                                                        " columns");
    }
    return formats;
}

std::vector<SqlValue> convert_parameters(const std::vector<translate::PgType>& types, const pgwire::Bind& bind) {
    if (bind.parameters.size() != types.size()) {
        throw PgError(sqlstate::kProtocolViolation,
                      "bind message supplies " + std::to_string(bind.parameters.size()) +
                          " parameters, but prepared statement \"" + bind.statement + "\" requires " +
                          std::to_string(types.size()));
    }
    if (bind.parameter_formats.size() > 1 && bind.parameter_formats.size() != types.size()) {
        throw PgError(sqlstate::kProtocolViolation,
                      "bind message has " + std::to_string(bind.parameter_formats.size()) +
                          " parameter formats but " + std::to_string(types.size()) + " parameters");
    }
    std::vector<int16_t> formats = expand_formats(bind.parameter_formats, types.size());
    std::vector<SqlValue> values;
    values.reserve(types.size());
    for (size_t i = 0; i < types.size(); ++i) {
        const pgwire::BindValue& in = bind.parameters[i];
        if (in.is_null) {
            values.emplace_back();
            continue;
        }
        if (formats[i] == 0) {
            values.push_back(translate::coerce_value(in.bytes, types[i], -1));
            continue;
        }
        pgwire::WireValue wire = pgwire::decode_binary(types[i].oid, in.bytes);
        SqlValue v;
        switch (wire.kind) {
            case pgwire::WireValue::Kind::kInteger:
                v.kind = SqlValue::Kind::kInteger;
                v.integer = wire.integer;
                break;
            case pgwire::WireValue::Kind::kReal:
                v.kind = SqlValue::Kind::kReal;
                v.real = wire.real;
                break;
            case pgwire::WireValue::Kind::kBlob:
                v.kind = SqlValue::Kind::kBlob;
                v.text = std::move(wire.bytes);
                break;
            case pgwire::WireValue::Kind::kText:
                // Through the input function too: lengths, normal forms.
                v = translate::coerce_value(wire.bytes, types[i], -1);
                break;
        }
        values.push_back(std::move(v));
    }
    return values;
}

void bind_parameters(sqlite3_stmt* stmt, const std::vector<SqlValue>& values) {
    int count = sqlite3_bind_parameter_count(stmt);
    for (int i = 1; i <= count && size_t(i) <= values.size(); ++i) {
        const SqlValue& v = values[size_t(i - 1)];
        switch (v.kind) {
            case SqlValue::Kind::kNull: sqlite3_bind_null(stmt, i); break;
            case SqlValue::Kind::kInteger: sqlite3_bind_int64(stmt, i, v.integer); break;
            case SqlValue::Kind::kReal: sqlite3_bind_double(stmt, i, v.real); break;
            case SqlValue::Kind::kText:
                sqlite3_bind_text(stmt, i, v.text.data(), int(v.text.size()), SQLITE_TRANSIENT);
                break;
            case SqlValue::Kind::kBlob:
                sqlite3_bind_blob(stmt, i, v.text.data(), int(v.text.size()), SQLITE_TRANSIENT);
                break;
        }
    }
}

}  // namespace litegres
