// copy_format.cpp — see copy_format.h. The text format's escapes are
// PostgreSQL's: \b \f \n \r \t \v \\, \ooo octal and \xhh hex; any other
// escaped character stands for itself (so \<delimiter> is a literal one).
#include "pgwire/copy_format.h"

#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"

namespace litegres::pgwire {

namespace {

[[noreturn]] void bad_format(const std::string& message) {
    throw PgError(sqlstate::kBadCopyFileFormat, message);
}

bool is_octal(char c) {
    return c >= '0' && c <= '7';
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string unescape_text(std::string_view raw) {
    std::string out;
    for (size_t i = 0; i < raw.size(); ++i) {
        char c = raw[i];
        if (c != '\\' || i + 1 >= raw.size()) {
            out.push_back(c);
            continue;
        }
        char n = raw[++i];
        switch (n) {
            case 'b':
                out.push_back('\b');
                break;
            case 'f':
                out.push_back('\f');
                break;
            case 'n':
                out.push_back('\n');
                break;
            case 'r':
                out.push_back('\r');
                break;
            case 't':
                out.push_back('\t');
                break;
            case 'v':
                out.push_back('\v');
                break;
            case 'x':
                if (i + 1 < raw.size() && hex_value(raw[i + 1]) >= 0) {
                    int v = hex_value(raw[++i]);
                    if (i + 1 < raw.size() && hex_value(raw[i + 1]) >= 0)
                        v = v * 16 + hex_value(raw[++i]);
                    out.push_back(char(v));
                } else {
                    out.push_back('x');
                }
                break;
            default:
                if (is_octal(n)) {
                    int v = n - '0';
                    for (int k = 0; k < 2 && i + 1 < raw.size() && is_octal(raw[i + 1]); ++k) {
                        v = v * 8 + (raw[++i] - '0');
                    }
                    out.push_back(char(v & 0xff));
                } else {
                    out.push_back(n);
                }
        }
    }
    return out;
}

}  // namespace

void CopyRowReader::compact() {
    if (consumed_ > 65536 && consumed_ * 2 > buffer_.size()) {
        buffer_.erase(0, consumed_);
        consumed_ = 0;
    }
}

std::optional<CopyRow> CopyRowReader::next_row(bool at_end) {
    if (ended_) return std::nullopt;
    for (;;) {
        auto row = options_.csv ? csv_row(at_end) : text_row(at_end);
        if (!row || !options_.csv || !options_.header || header_skipped_) return row;
        header_skipped_ = true;
    }
}

std::optional<CopyRow> CopyRowReader::text_row(bool at_end) {
    size_t newline = buffer_.find('\n', consumed_);
    if (newline == std::string::npos && (!at_end || consumed_ >= buffer_.size()))
        return std::nullopt;
    size_t end = newline == std::string::npos ? buffer_.size() : newline;
    std::string_view line(buffer_.data() + consumed_, end - consumed_);
    consumed_ = newline == std::string::npos ? buffer_.size() : newline + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line == "\\.") {
        ended_ = true;
        return std::nullopt;
    }
    CopyRow row;
    size_t start = 0;
    for (size_t i = 0; i <= line.size(); ++i) {
        if (i < line.size() && line[i] == '\\') {
            ++i;  // the escaped character is never a delimiter
            continue;
        }
        if (i == line.size() || line[i] == options_.delimiter) {
            std::string_view raw = line.substr(start, i - start);
            if (raw == options_.null_string) {
                row.emplace_back(std::nullopt);
            } else {
                row.emplace_back(unescape_text(raw));
            }
            start = i + 1;
        }
    }
    compact();
    return row;
}

std::optional<CopyRow> CopyRowReader::csv_row(bool at_end) {
    CopyRow row;
    std::string field;
    bool quoted = false, in_quotes = false;
    size_t i = consumed_;
    if (i >= buffer_.size()) return std::nullopt;
    auto finish_field = [&]() {
        if (!quoted && field == options_.null_string) {
            row.emplace_back(std::nullopt);
        } else {
            row.emplace_back(std::move(field));
        }
        field.clear();
        quoted = false;
    };
    for (; i < buffer_.size(); ++i) {
        char c = buffer_[i];
        if (in_quotes) {
            if (c == options_.escape && i + 1 < buffer_.size() &&
                buffer_[i + 1] == options_.quote) {
                field.push_back(options_.quote);
                ++i;
            } else if (c == options_.quote) {
                in_quotes = false;
            } else {
                field.push_back(c);
            }
            continue;
        }
        if (c == options_.quote) {
            in_quotes = true;
            quoted = true;
        } else if (c == options_.delimiter) {
            finish_field();
        } else if (c == '\n' || c == '\r') {
            break;
        } else {
            field.push_back(c);
        }
    }
    if (i >= buffer_.size()) {
        if (!at_end) return std::nullopt;
        if (in_quotes) bad_format("unterminated CSV quoted field");
    }
    if (row.empty() && !quoted && field == "\\.") {
        ended_ = true;
        consumed_ = buffer_.size();
        return std::nullopt;
    }
    finish_field();
    if (i < buffer_.size() && buffer_[i] == '\r' && i + 1 < buffer_.size() &&
        buffer_[i + 1] == '\n')
        ++i;
    consumed_ = i < buffer_.size() ? i + 1 : buffer_.size();
    compact();
    return row;
}

void append_copy_row(std::string& out, const std::vector<std::optional<std::string_view>>& fields,
                     const CopyOptions& options) {
    for (size_t f = 0; f < fields.size(); ++f) {
        if (f > 0) out.push_back(options.delimiter);
        if (!fields[f]) {
            out += options.null_string;
            continue;
        }
        std::string_view v = *fields[f];
        if (options.csv) {
            bool needs_quotes = v.empty() || v == options.null_string ||
                                v.find_first_of(std::string{options.delimiter, options.quote, '\n',
                                                            '\r'}) != std::string_view::npos;
            if (!needs_quotes) {
                out.append(v);
                continue;
            }
            out.push_back(options.quote);
            for (char c : v) {
                if (c == options.quote || c == options.escape) out.push_back(options.escape);
                out.push_back(c);
            }
            out.push_back(options.quote);
            continue;
        }
        for (char c : v) {
            switch (c) {
                case '\\':
                    out += "\\\\";
                    break;
                case '\n':
                    out += "\\n";
                    break;
                case '\r':
                    out += "\\r";
                    break;
                case '\t':
                    out += "\\t";
                    break;
                case '\b':
                    out += "\\b";
                    break;
                case '\f':
                    out += "\\f";
                    break;
                case '\v':
                    out += "\\v";
                    break;
                default:
                    if (c == options.delimiter) out.push_back('\\');
                    out.push_back(c);
            }
        }
    }
    out.push_back('\n');
}

}  // namespace litegres::pgwire
