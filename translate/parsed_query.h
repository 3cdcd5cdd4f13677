// parsed_query.h — owns one libpg_query parse: the protobuf bytes and the
// unpacked protobuf-c tree, both freed on destruction (RAII). A syntax error
// becomes PgError 42601 with PostgreSQL's message and cursor position.
#pragma once

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include <string>

namespace litegres::translate {

class ParsedQuery {
public:
    explicit ParsedQuery(const std::string& sql);
    ~ParsedQuery();
    ParsedQuery(const ParsedQuery&) = delete;
    ParsedQuery& operator=(const ParsedQuery&) = delete;

    size_t statement_count() const { return tree_->n_stmts; }
    const PgQuery__RawStmt& statement(size_t i) const { return *tree_->stmts[i]; }

private:
    PgQueryProtobufParseResult result_{};
    PgQuery__ParseResult* tree_ = nullptr;
};

}  // namespace litegres::translate
