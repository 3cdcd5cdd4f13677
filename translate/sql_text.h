// sql_text.h — quoting for the SQLite SQL the emitter writes. Every
// identifier is double-quoted and every string single-quoted, so names that
// are keywords in SQLite but not in PostgreSQL (or the reverse) stay names.
#pragma once

#include <string>
#include <string_view>

namespace litegres::translate {

inline void append_identifier(std::string& out, std::string_view name) {
    out.push_back('"');
    for (char c : name) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

inline std::string quote_identifier(std::string_view name) {
    std::string out;
    append_identifier(out, name);
    return out;
}

inline void append_string_literal(std::string& out, std::string_view value) {
    out.push_back('\'');
    for (char c : value) {
        if (c == '\'') out.push_back('\'');
        out.push_back(c);
    }
    out.push_back('\'');
}

inline std::string quote_string(std::string_view value) {
    std::string out;
    append_string_literal(out, value);
    return out;
}

}  // namespace litegres::translate
