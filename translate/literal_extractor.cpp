// literal_extractor.cpp — scanner tokens ► normalized text and values.
#include "translate/literal_extractor.h"

#include <cerrno>
#include <cstdlib>
#include <memory>

#include "translate/token_scan.h"

namespace litegres::translate {

namespace {

// The value of a plain '...' string (doubled quotes undone); nullopt for
// E'', U&'', $$ or bit strings, whose rules are not worth repeating here.
std::optional<std::string> plain_string(std::string_view token) {
    if (token.size() < 2 || token.front() != '\'' || token.back() != '\'') return std::nullopt;
    std::string value;
    for (size_t i = 1; i + 1 < token.size(); ++i) {
        value.push_back(token[i]);
        if (token[i] == '\'') ++i;  // '' ► '
    }
    return value;
}

PgType integer_type(const std::string& digits) {
    errno = 0;
    long long v = std::strtoll(digits.c_str(), nullptr, 10);
    if (errno == ERANGE) return kNumeric;
    return v >= INT32_MIN && v <= INT32_MAX ? kInt4 : kInt8;
}

}  // namespace

std::optional<NormalizedQuery> extract_literals(const std::string& sql) {
    TokenScan scan(sql);
    const PgQuery__ScanResult* result = scan.tokens();
    if (result == nullptr || result->n_tokens == 0) return std::nullopt;
    switch (result->tokens[0]->token) {
        case PG_QUERY__TOKEN__SELECT:
        case PG_QUERY__TOKEN__INSERT:
        case PG_QUERY__TOKEN__UPDATE:
        case PG_QUERY__TOKEN__DELETE_P: break;
        default: return std::nullopt;
    }
    NormalizedQuery out;
    size_t copied = 0;
    for (size_t i = 0; i < result->n_tokens; ++i) {
        const PgQuery__ScanToken& t = *result->tokens[i];
        if (t.token == PG_QUERY__TOKEN__PARAM) return std::nullopt;
        // Only one statement: a ';' may only end the text.
        if (t.token == PG_QUERY__TOKEN__ASCII_59 && i + 1 < result->n_tokens) return std::nullopt;
        if (t.token == PG_QUERY__TOKEN__USCONST || t.token == PG_QUERY__TOKEN__BCONST ||
            t.token == PG_QUERY__TOKEN__XCONST) {
            return std::nullopt;
        }
        bool is_literal = t.token == PG_QUERY__TOKEN__ICONST || t.token == PG_QUERY__TOKEN__FCONST ||
                          t.token == PG_QUERY__TOKEN__SCONST;
        if (!is_literal) continue;
        std::string raw = sql.substr(size_t(t.start), size_t(t.end - t.start));
        if (t.token == PG_QUERY__TOKEN__SCONST) {
            auto value = plain_string(raw);
            if (!value) return std::nullopt;
            out.literals.push_back(std::move(*value));
            out.types.push_back(kUnknown);
        } else {
            // A decimal literal is numeric; its text keeps its display scale.
            bool decimal = raw.find_first_of(".eE") != std::string::npos;
            // The parser folds a minus into the constant, and -2147483648 is
            // int4 (-9223372036854775808 int8) where the bare digits are not:
            // such a literal's type depends on its sign, so no shared plan.
            bool after_minus = i > 0 && result->tokens[i - 1]->token == PG_QUERY__TOKEN__ASCII_45;
            if (after_minus && (raw == "2147483648" || raw == "9223372036854775808")) return std::nullopt;
            out.types.push_back(decimal ? kNumeric : integer_type(raw));
            out.literals.push_back(std::move(raw));
        }
        out.text.append(sql, copied, size_t(t.start) - copied);
        out.text += "$" + std::to_string(out.literals.size());
        copied = size_t(t.end);
    }
    if (out.literals.empty()) return std::nullopt;
    out.text.append(sql, copied, std::string::npos);
    return out;
}

}  // namespace litegres::translate
