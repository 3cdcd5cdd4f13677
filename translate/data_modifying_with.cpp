// data_modifying_with.cpp — WITH queries that are INSERT / UPDATE / DELETE
// (... RETURNING), which SQLite has no form for. Each runs first, as its own
// statement, and the executor keeps the rows it returns in a TEMP table
// (TranslatedStatement::row_captures); the main statement then reads that
// table where it names the WITH query.
//
// PostgreSQL runs them all against one snapshot: the main query still sees
// the rows a WITH query deletes. Run in order, litegres could not give that
// answer, so a statement that reads a table one of its WITH queries modifies
// is refused (0A000) instead of answered differently.
#include <string>
#include <vector>

#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"
#include "translate/ast_text.h"
#include "translate/ast_walk.h"
#include "translate/query_translator.h"
#include "translate/sql_text.h"
#include "translate/statement_translator.h"

namespace litegres::translate {

using pgwire::PgError;
namespace sqlstate = pgwire::sqlstate;

namespace {

const PgQuery__WithClause* with_clause_of(const PgQuery__Node* node) {
    if (node == nullptr) return nullptr;
    switch (node->node_case) {
        case PG_QUERY__NODE__NODE_SELECT_STMT: return node->select_stmt->with_clause;
        case PG_QUERY__NODE__NODE_INSERT_STMT: return node->insert_stmt->with_clause;
        case PG_QUERY__NODE__NODE_UPDATE_STMT: return node->update_stmt->with_clause;
        case PG_QUERY__NODE__NODE_DELETE_STMT: return node->delete_stmt->with_clause;
        default: return nullptr;
    }
}

const PgQuery__RangeVar* target_of(const PgQuery__Node& node) {
    switch (node.node_case) {
        case PG_QUERY__NODE__NODE_INSERT_STMT: return node.insert_stmt->relation;
        case PG_QUERY__NODE__NODE_UPDATE_STMT: return node.update_stmt->relation;
        case PG_QUERY__NODE__NODE_DELETE_STMT: return node.delete_stmt->relation;
        default: return nullptr;
    }
}

bool is_data_modifying(const PgQuery__CommonTableExpr& cte) {
    return cte.ctequery != nullptr && cte.ctequery->node_case != PG_QUERY__NODE__NODE_SELECT_STMT;
}

// Every relation named anywhere under `message`, except under `skip`.
void collect_relations(const ProtobufCMessage* message, const std::vector<const void*>& skip,
                       std::vector<std::string>& out) {
    walk_messages(message, [&](const ProtobufCMessage& m) {
        for (const void* s : skip) {
            if (s == &m) return WalkStep::kSkip;
        }
        if (m.descriptor != &pg_query__range_var__descriptor) return WalkStep::kDescend;
        out.push_back(reinterpret_cast<const PgQuery__RangeVar&>(m).relname);
        return WalkStep::kSkip;
    });
}

}  // namespace

std::string QueryTranslator::captured_common_table(const PgQuery__CommonTableExpr& cte) {
    auto found = captured_ != nullptr ? captured_->find(&cte) : CapturedCommonTables::const_iterator{};
    if (captured_ == nullptr || found == captured_->end()) {
        throw PgError(sqlstate::kFeatureNotSupported,
                      "WITH clause containing a data-modifying statement must be at the top level",
                      error_position(cte.location));
    }
    const CapturedCommonTable& captured = found->second;
    CommonTable table{cte.ctename, {}, !captured.returning};
    if (!captured.returning) {
        common_tables_.push_back(std::move(table));
        return "";
    }
    if (cte.n_aliascolnames > captured.columns.size()) {
        throw PgError(sqlstate::kInvalidColumnReference,
                      "WITH query \"" + std::string(cte.ctename) + "\" has " + std::to_string(captured.columns.size()) +
                          " columns available but " + std::to_string(cte.n_aliascolnames) + " columns specified",
                      error_position(cte.location));
    }
    std::vector<std::string> names;
    std::vector<std::string> reads;
    for (size_t i = 0; i < captured.columns.size(); ++i) {
        std::string name = i < cte.n_aliascolnames ? string_value(cte.aliascolnames[i]) : captured.columns[i].name;
        table.columns.push_back(ColumnInfo{name, captured.columns[i].type, false, "", 0, 0});
        names.push_back(quote_identifier(name));
        reads.push_back("c" + std::to_string(i));
    }
    common_tables_.push_back(std::move(table));
    return quote_identifier(cte.ctename) + "(" + join_strings(names, ", ") + ") AS (SELECT " + join_strings(reads, ", ") +
           " FROM " + captured.sqlite_table + ")";
}

bool StatementTranslator::has_data_modifying_with(const PgQuery__Node* node) const {
    if (!captured_ctes_.empty()) return false;  // already being translated
    const PgQuery__WithClause* with = with_clause_of(node);
    if (with == nullptr) return false;
    for (size_t i = 0; i < with->n_ctes; ++i) {
        if (is_data_modifying(*with->ctes[i]->common_table_expr)) return true;
    }
    return false;
}

TranslatedStatement StatementTranslator::data_modifying_with(const PgQuery__RawStmt& raw) {
    const PgQuery__Node& main = *raw.stmt;
    const PgQuery__WithClause& with = *with_clause_of(&main);

    // What the statement reads besides each data-modifying query's own target.
    std::vector<const void*> skip;
    if (main.node_case == PG_QUERY__NODE__NODE_INSERT_STMT) skip.push_back(main.insert_stmt->relation);
    for (size_t i = 0; i < with.n_ctes; ++i) {
        const auto& cte = *with.ctes[i]->common_table_expr;
        if (is_data_modifying(cte)) skip.push_back(&cte);
    }
    std::vector<std::string> main_reads;
    collect_relations(&main.base, skip, main_reads);
    for (size_t i = 0; i < with.n_ctes; ++i) {
        const auto& cte = *with.ctes[i]->common_table_expr;
        if (!is_data_modifying(cte)) continue;
        const PgQuery__RangeVar* target = target_of(*cte.ctequery);
        if (target == nullptr) throw_unsupported("this statement in WITH", cte.location);
        std::vector<std::string> reads = main_reads;
        for (size_t j = 0; j < with.n_ctes; ++j) {
            const auto& other = *with.ctes[j]->common_table_expr;
            if (j != i && is_data_modifying(other)) {
                collect_relations(&other.ctequery->base, {target_of(*other.ctequery)}, reads);
            }
        }
        for (const auto& name : reads) {
            if (name == target->relname) {
                throw_unsupported("reading table \"" + name +
                                      "\" in a statement whose data-modifying WITH query changes it (PostgreSQL "
                                      "would read the rows as they were before the statement)",
                                  cte.location);
            }
        }
    }

    struct ClearCaptured {
        CapturedCommonTables& captured;
        ~ClearCaptured() { captured.clear(); }
    } clear_captured{captured_ctes_};
    std::vector<std::string> prelude;
    std::vector<RowCapture> captures;
    for (size_t i = 0; i < with.n_ctes; ++i) {
        const auto& cte = *with.ctes[i]->common_table_expr;
        if (!is_data_modifying(cte)) continue;
        // The WITH queries before it are visible to it, as in PostgreSQL.
        PgQuery__WithClause earlier = with;
        earlier.n_ctes = i;
        const PgQuery__WithClause* visible = i > 0 ? &earlier : nullptr;
        TranslatedStatement part;
        const PgQuery__Node& query = *cte.ctequery;
        if (with_clause_of(&query) != nullptr) throw_unsupported("WITH inside a data-modifying WITH query", cte.location);
        if (query.node_case == PG_QUERY__NODE__NODE_INSERT_STMT) {
            PgQuery__InsertStmt copy = *query.insert_stmt;
            copy.with_clause = const_cast<PgQuery__WithClause*>(visible);
            part = insert(copy);
        } else if (query.node_case == PG_QUERY__NODE__NODE_UPDATE_STMT) {
            PgQuery__UpdateStmt copy = *query.update_stmt;
            copy.with_clause = const_cast<PgQuery__WithClause*>(visible);
            part = update(copy);
        } else {
            PgQuery__DeleteStmt copy = *query.delete_stmt;
            copy.with_clause = const_cast<PgQuery__WithClause*>(visible);
            part = remove(copy);
        }
        CapturedCommonTable captured;
        captured.returning = part.returns_rows;
        captured.columns = part.columns;
        if (captured.returning) {
            std::string table = "_litegres_with_" + std::to_string(i) + "_" + std::to_string(part.columns.size());
            std::vector<std::string> columns;
            for (size_t c = 0; c < part.columns.size(); ++c) columns.push_back("c" + std::to_string(c));
            captured.sqlite_table = "temp." + quote_identifier(table);
            prelude.push_back("CREATE TEMP TABLE IF NOT EXISTS " + quote_identifier(table) + "(" +
                              join_strings(columns, ", ") + ")");
            prelude.push_back("DELETE FROM " + captured.sqlite_table);
            captures.push_back({prelude.size() + part.sqlite_sql.size() - 1, captured.sqlite_table});
        }
        for (auto& sql : part.sqlite_sql) prelude.push_back(std::move(sql));
        captured_ctes_[&cte] = std::move(captured);
    }

    TranslatedStatement t = translate_node(raw);
    t.sqlite_sql.insert(t.sqlite_sql.begin(), prelude.begin(), prelude.end());
    t.row_captures = std::move(captures);
    t.writes = true;
    return t;
}

}  // namespace litegres::translate
