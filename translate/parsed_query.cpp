// parsed_query.cpp — libpg_query parse ► protobuf-c tree, with cleanup.
#include "translate/parsed_query.h"

#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"

namespace litegres::translate {

ParsedQuery::ParsedQuery(const std::string& sql) {
    result_ = pg_query_parse_protobuf(sql.c_str());
    if (result_.error != nullptr) {
        std::string message = result_.error->message;
        int position = result_.error->cursorpos;
        pg_query_free_protobuf_parse_result(result_);
        throw pgwire::PgError(pgwire::sqlstate::kSyntaxError, message, position);
    }
    tree_ = pg_query__parse_result__unpack(nullptr, result_.parse_tree.len,
                                           reinterpret_cast<const uint8_t*>(result_.parse_tree.data));
    if (tree_ == nullptr) {
        pg_query_free_protobuf_parse_result(result_);
        throw pgwire::PgError(pgwire::sqlstate::kInternalError, "could not unpack parse tree");
    }
}

ParsedQuery::~ParsedQuery() {
    pg_query__parse_result__free_unpacked(tree_, nullptr);
    pg_query_free_protobuf_parse_result(result_);
}

}  // namespace litegres::translate
