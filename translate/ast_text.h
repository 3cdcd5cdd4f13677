// ast_text.h — small readers of libpg_query's protobuf AST shared by the
// translators: the text of a String node, and the 1-based error position
// PostgreSQL reports for a 0-based token location.
#pragma once

#include <pg_query/pg_query.pb-c.h>

#include <string>
#include <vector>

namespace litegres::translate {

// A String node's text; "" for anything else (or nullptr).
inline const char* string_value(const PgQuery__Node* node) {
    return node != nullptr && node->node_case == PG_QUERY__NODE__NODE_STRING ? node->string->sval : "";
}

// ErrorResponse's position field: 1-based, 0 (absent) for an unknown location.
inline int error_position(int location) { return location >= 0 ? location + 1 : 0; }

inline std::string join_strings(const std::vector<std::string>& parts, const char* separator) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) out += separator;
        out += parts[i];
    }
    return out;
}

}  // namespace litegres::translate
