// literal_extractor.h — turns a simple-protocol statement into its shape
// plus its literals: "SELECT abalance FROM accounts WHERE aid = 4711" ►
// "SELECT abalance FROM accounts WHERE aid = $1" and ["4711"]. Queries that
// differ only in literals (pgbench, ORMs that inline values) then share one
// cached translation and one prepared SQLite statement.
//
// Works on libpg_query's scanner tokens, so a literal is found exactly where
// PostgreSQL's lexer finds one. Anything unusual (escape strings, typed
// literals like DATE '...', existing $n) yields nullopt and the caller takes
// the ordinary path; so does any shape whose translation depends on a
// literal's value (ORDER BY 1), which the translator reports.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "translate/pg_type.h"

namespace litegres::translate {

struct NormalizedQuery {
    std::string text;                   // with $1, $2, ... for the literals
    std::vector<std::string> literals;  // their values, unescaped
    std::vector<PgType> types;          // int4/int8/numeric by form; unknown for strings
};

std::optional<NormalizedQuery> extract_literals(const std::string& sql);

}  // namespace litegres::translate
