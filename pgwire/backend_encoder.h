// backend_encoder.h — appends backend messages to an output buffer.
//
// Sans I/O: the session collects every reply of a batch in one std::string and
// the connection writes it in one go. DataRow is written field by field
// straight into the buffer (begin_data_row / add_* / end_message) so the hot
// path copies each value once and allocates nothing per row.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pgwire/pg_error.h"
#include "pgwire/type_oid.h"

namespace litegres::pgwire {

// One column of a RowDescription.
struct FieldDescription {
    std::string name;
    Oid table_oid = 0;
    int16_t column_number = 0;
    Oid type_oid = oid::kText;
    int16_t type_length = -1;
    int32_t type_modifier = -1;
    int16_t format = 0;  // 0 text, 1 binary
};

// Transaction status reported by ReadyForQuery.
enum class TransactionStatus : char { kIdle = 'I', kInBlock = 'T', kFailed = 'E' };

class BackendEncoder {
public:
    explicit BackendEncoder(std::string& out) : out_(out) {}

    void authentication_ok();
    void parameter_status(std::string_view name, std::string_view value);
    void backend_key_data(int32_t process_id, int32_t secret_key);
    void ready_for_query(TransactionStatus status);
    void row_description(const std::vector<FieldDescription>& fields);
    void command_complete(std::string_view tag);
    void empty_query_response();
    void parse_complete();
    void bind_complete();
    void close_complete();
    void no_data();
    void portal_suspended();
    // CopyInResponse ('G') / CopyOutResponse ('H') in text format.
    void copy_in_response(int16_t column_count);
    void copy_out_response(int16_t column_count, bool binary = false);
    void copy_data(std::string_view data);
    void copy_done();
    void parameter_description(const std::vector<Oid>& types);
    void error_response(const PgError& error);
    void notice_response(std::string_view sqlstate, std::string_view message,
                         std::string_view severity = "NOTICE");

    // DataRow, streamed: begin, then one add_* per column, then end_message.
    size_t begin_data_row(int16_t column_count);
    void add_null();
    void add_value(std::string_view text);
    void end_message(size_t start);
    // Drops a message begun at `start` (a row whose value could not be
    // encoded), so that the error sent next is not read as part of it.
    void abandon_message(size_t start) { out_.resize(start); }

    // A raw single byte reply ('N' to SSLRequest / GSSENCRequest).
    void single_byte(char c) { out_.push_back(c); }

private:
    size_t begin_message(char type);
    void put_int16(int16_t v);
    void put_int32(int32_t v);
    void put_cstring(std::string_view s);
    void error_or_notice(char type, std::string_view severity, std::string_view sqlstate,
                         std::string_view message, const PgError* details);

    std::string& out_;
};

}  // namespace litegres::pgwire
