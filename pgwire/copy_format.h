// copy_format.h — the row formats of COPY ... FROM STDIN / TO STDOUT, sans
// I/O: PostgreSQL's text format (delimited fields, \N for NULL, backslash
// escapes) and CSV (quoted fields that may span lines, HEADER). Rows arrive
// in CopyData chunks that split them anywhere, so the reader buffers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace litegres::pgwire {

struct CopyOptions {
    bool csv = false;
    char delimiter = '\t';
    std::string null_string = "\\N";
    bool header = false;  // CSV: the first line names the columns
    char quote = '"';
    char escape = '"';
    bool binary = false;  // COPY TO's binary file format (PGCOPY header, typed fields)
};

using CopyRow = std::vector<std::optional<std::string>>;  // nullopt: NULL

class CopyRowReader {
  public:
    explicit CopyRowReader(CopyOptions options) : options_(std::move(options)) {}

    void feed(std::string_view data) { buffer_.append(data); }
    // The next complete row, or nullopt until more data arrives. After the
    // client's end marker (\.) every call returns nullopt. `at_end`: no more
    // data will come (CopyDone), so a last line without newline counts.
    // Throws PgError 22P04 for input that is not in the format.
    std::optional<CopyRow> next_row(bool at_end);

  private:
    std::optional<CopyRow> text_row(bool at_end);
    std::optional<CopyRow> csv_row(bool at_end);
    void compact();

    CopyOptions options_;
    std::string buffer_;
    size_t consumed_ = 0;
    bool header_skipped_ = false;
    bool ended_ = false;
};

// Appends one row and its newline.
void append_copy_row(std::string& out, const std::vector<std::optional<std::string_view>>& fields,
                     const CopyOptions& options);

}  // namespace litegres::pgwire
