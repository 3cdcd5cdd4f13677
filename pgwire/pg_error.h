// pg_error.h — the one error type that crosses layers. Everything that can
// fail for a client-visible reason throws PgError carrying the SQLSTATE and
// message PostgreSQL would send; the session catches it in one place and turns
// it into an ErrorResponse.
#pragma once

#include <stdexcept>
#include <string>

namespace litegres::pgwire {

enum class Severity { kError, kFatal, kPanic };

class PgError : public std::runtime_error {
public:
    PgError(std::string sqlstate, const std::string& message, int position = 0,
            Severity severity = Severity::kError)
        : std::runtime_error(message),
          sqlstate_(std::move(sqlstate)),
          position_(position),
          severity_(severity) {}

    const std::string& sqlstate() const { return sqlstate_; }
    // 1-based character offset into the statement text, 0 when not known.
    int position() const { return position_; }
    Severity severity() const { return severity_; }
    const std::string& detail() const { return detail_; }
    const std::string& hint() const { return hint_; }

    PgError& with_detail(std::string detail) {
        detail_ = std::move(detail);
        return *this;
    }
    PgError& with_hint(std::string hint) {
        hint_ = std::move(hint);
        return *this;
    }
    PgError& with_position(int position) {
        position_ = position;
        return *this;
    }
    // The object an integrity error is about (ErrorResponse s/t/c/n).
    PgError& with_object(std::string schema, std::string table, std::string column, std::string constraint) {
        schema_ = std::move(schema);
        table_ = std::move(table);
        column_ = std::move(column);
        constraint_ = std::move(constraint);
        return *this;
    }
    const std::string& schema_name() const { return schema_; }
    const std::string& table_name() const { return table_; }
    const std::string& column_name() const { return column_; }
    const std::string& constraint_name() const { return constraint_; }

private:
    std::string sqlstate_;
    int position_;
    Severity severity_;
    std::string detail_;
    std::string hint_;
    std::string schema_;
    std::string table_;
    std::string column_;
    std::string constraint_;
};

}  // namespace litegres::pgwire
