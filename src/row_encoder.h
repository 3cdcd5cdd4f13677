// row_encoder.h — writes the current row of a SQLite statement as a DataRow
// in PostgreSQL's text format, choosing the format by each column's
// PostgreSQL type (booleans t/f, floats as float8out prints them, numeric
// with its scale, bytea as \x hex). Values go straight from sqlite3_column_*
// into the output buffer.
#pragma once

#include <sqlite3.h>

#include <vector>

#include "pgwire/backend_encoder.h"
#include "translate/translated_statement.h"

namespace litegres {

class RowEncoder {
  public:
    // `formats`: 0 (text) or 1 (binary) per column; empty means all text.
    RowEncoder(const std::vector<translate::ResultColumn>& columns,
               const std::vector<int16_t>& formats)
        : columns_(columns), formats_(formats) {}

    void write_row(sqlite3_stmt* stmt, pgwire::BackendEncoder& encoder, std::string& scratch) const;

    static std::vector<pgwire::FieldDescription> describe(
        const std::vector<translate::ResultColumn>& columns,
        const std::vector<int16_t>& formats = {});

    // Appends the value's PostgreSQL text form to `out` (also COPY TO's field
    // text). Without `session_style`, dates, timestamps and intervals keep
    // their stored ISO form (what the binary encoders read).
    static void append_text(sqlite3_stmt* stmt, int col, const translate::ResultColumn& column,
                            std::string& out, bool session_style = true);

    // Appends the value's PostgreSQL binary form (what its send function
    // writes) to `out` (also binary COPY TO's field bytes).
    static void append_binary(sqlite3_stmt* stmt, int col, const translate::ResultColumn& column,
                              std::string& out);

  private:
    void write_binary(sqlite3_stmt* stmt, int col, const translate::ResultColumn& column,
                      pgwire::BackendEncoder& encoder, std::string& scratch) const;

    const std::vector<translate::ResultColumn>& columns_;
    const std::vector<int16_t>& formats_;
};

}  // namespace litegres
