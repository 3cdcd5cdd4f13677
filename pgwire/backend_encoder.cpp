// backend_encoder.cpp — byte layouts of the backend messages (protocol 3.0).
#include "pgwire/backend_encoder.h"

namespace litegres::pgwire {

size_t BackendEncoder::begin_message(char type) {
    out_.push_back(type);
    size_t start = out_.size();
    out_.append(4, '\0');  // length, patched by end_message
    return start;
}

void BackendEncoder::end_message(size_t start) {
    uint32_t len = static_cast<uint32_t>(out_.size() - start);
    out_[start] = char(len >> 24);
    out_[start + 1] = char(len >> 16);
    out_[start + 2] = char(len >> 8);
    out_[start + 3] = char(len);
}

void BackendEncoder::put_int16(int16_t v) {
    out_.push_back(char(uint16_t(v) >> 8));
    out_.push_back(char(v));
}

void BackendEncoder::put_int32(int32_t v) {
    uint32_t u = uint32_t(v);
    char b[4] = {char(u >> 24), char(u >> 16), char(u >> 8), char(u)};
    out_.append(b, 4);
}

void BackendEncoder::put_cstring(std::string_view s) {
    out_.append(s);
    out_.push_back('\0');
}

void BackendEncoder::authentication_ok() {
    size_t m = begin_message('R');
    put_int32(0);
    end_message(m);
}

void BackendEncoder::parameter_status(std::string_view name, std::string_view value) {
    size_t m = begin_message('S');
    put_cstring(name);
    put_cstring(value);
    end_message(m);
}

void BackendEncoder::backend_key_data(int32_t process_id, int32_t secret_key) {
    size_t m = begin_message('K');
    put_int32(process_id);
    put_int32(secret_key);
    end_message(m);
}

void BackendEncoder::ready_for_query(TransactionStatus status) {
    size_t m = begin_message('Z');
    out_.push_back(static_cast<char>(status));
    end_message(m);
}

void BackendEncoder::row_description(const std::vector<FieldDescription>& fields) {
    size_t m = begin_message('T');
    put_int16(static_cast<int16_t>(fields.size()));
    for (const auto& f : fields) {
        put_cstring(f.name);
        put_int32(static_cast<int32_t>(f.table_oid));
        put_int16(f.column_number);
        put_int32(static_cast<int32_t>(f.type_oid));
        put_int16(f.type_length);
        put_int32(f.type_modifier);
        put_int16(f.format);
    }
    end_message(m);
}

void BackendEncoder::command_complete(std::string_view tag) {
    size_t m = begin_message('C');
    put_cstring(tag);
    end_message(m);
}

void BackendEncoder::empty_query_response() {
    size_t m = begin_message('I');
    end_message(m);
}

void BackendEncoder::parse_complete() { end_message(begin_message('1')); }
void BackendEncoder::bind_complete() { end_message(begin_message('2')); }
void BackendEncoder::close_complete() { end_message(begin_message('3')); }
void BackendEncoder::no_data() { end_message(begin_message('n')); }
void BackendEncoder::portal_suspended() { end_message(begin_message('s')); }

void BackendEncoder::copy_in_response(int16_t column_count) {
    size_t start = begin_message('G');
    out_.push_back(0);  // text format, so every column is text too
    put_int16(column_count);
    for (int16_t i = 0; i < column_count; ++i) put_int16(0);
    end_message(start);
}

void BackendEncoder::copy_out_response(int16_t column_count, bool binary) {
    size_t start = begin_message('H');
    out_.push_back(binary ? 1 : 0);
    put_int16(column_count);
    for (int16_t i = 0; i < column_count; ++i) put_int16(binary ? 1 : 0);
    end_message(start);
}

void BackendEncoder::copy_data(std::string_view data) {
    size_t start = begin_message('d');
    out_.append(data);
    end_message(start);
}

void BackendEncoder::copy_done() { end_message(begin_message('c')); }

void BackendEncoder::parameter_description(const std::vector<Oid>& types) {
    size_t m = begin_message('t');
    put_int16(static_cast<int16_t>(types.size()));
    for (Oid t : types) put_int32(static_cast<int32_t>(t));
    end_message(m);
}

size_t BackendEncoder::begin_data_row(int16_t column_count) {
    size_t m = begin_message('D');
    put_int16(column_count);
    return m;
}

void BackendEncoder::add_null() { put_int32(-1); }

void BackendEncoder::add_value(std::string_view text) {
    put_int32(static_cast<int32_t>(text.size()));
    out_.append(text);
}

void BackendEncoder::error_or_notice(char type, std::string_view severity,
                                     std::string_view sqlstate, std::string_view message,
                                     const PgError* details) {
    size_t m = begin_message(type);
    out_.push_back('S');
    put_cstring(severity);
    out_.push_back('V');
    put_cstring(severity);
    out_.push_back('C');
    put_cstring(sqlstate);
    out_.push_back('M');
    put_cstring(message);
    if (details != nullptr) {
        if (!details->detail().empty()) {
            out_.push_back('D');
            put_cstring(details->detail());
        }
        if (!details->hint().empty()) {
            out_.push_back('H');
            put_cstring(details->hint());
        }
        if (details->position() > 0) {
            out_.push_back('P');
            put_cstring(std::to_string(details->position()));
        }
        const std::pair<char, const std::string*> objects[] = {{'s', &details->schema_name()},
                                                               {'t', &details->table_name()},
                                                               {'c', &details->column_name()},
                                                               {'n', &details->constraint_name()}};
        for (const auto& [code, value] : objects) {
            if (value->empty()) continue;
            out_.push_back(code);
            put_cstring(*value);
        }
    }
    out_.push_back('\0');
    end_message(m);
}

void BackendEncoder::error_response(const PgError& error) {
    std::string_view severity = "ERROR";
    if (error.severity() == Severity::kFatal) severity = "FATAL";
    if (error.severity() == Severity::kPanic) severity = "PANIC";
    error_or_notice('E', severity, error.sqlstate(), error.what(), &error);
}

void BackendEncoder::notice_response(std::string_view sqlstate, std::string_view message,
                                     std::string_view severity) {
    error_or_notice('N', severity, sqlstate, message, nullptr);
}

}  // namespace litegres::pgwire
