// row_comparison.cpp — the part of QueryTranslator that binds row
// constructors where PostgreSQL compares them: (a, b) op (c, d), (a, b) IN
// ((...), (...)), (a, b) IN (SELECT ...), ROW(...) IS [NOT] NULL. Each pair
// compares with the binder's own typed operator, and the comparison
// combines them as PostgreSQL's row comparison does: = is all pairs equal,
// <> any pair different, < <= > >= decided by the first unequal pair. Where
// every pair compares plainly in SQLite, SQLite's own row values are
// emitted instead, which its planner can answer from an index (keyset
// pagination: WHERE (created_at, id) > ($1, $2)).
#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"
#include "translate/ast_text.h"
#include "translate/query_translator.h"

namespace litegres::translate {

namespace oid = pgwire::oid;
using pgwire::PgError;
namespace sqlstate = pgwire::sqlstate;

namespace {

// Types whose stored SQLite values order and compare as PostgreSQL's do
// under SQLite's own rules (no collation, no conversion).
bool compares_plainly(PgType left, PgType right) {
    if (is_integer_type(left) && is_integer_type(right)) return true;
    if (left.oid != right.oid) return false;
    switch (left.oid) {
        case oid::kText:
        case oid::kVarchar:
        case oid::kDate:
        case oid::kTimestamp:
        case oid::kTimestamptz:
        case oid::kBool:
        case oid::kUuid: return true;
        default: return false;
    }
}

}  // namespace

const PgQuery__RowExpr* QueryTranslator::row_constructor(const PgQuery__Node* node) {
    return node != nullptr && node->node_case == PG_QUERY__NODE__NODE_ROW_EXPR ? node->row_expr : nullptr;
}

std::vector<TypedSql> QueryTranslator::row_items(const PgQuery__RowExpr& row, const Scope& scope) {
    std::vector<TypedSql> items;
    for (size_t i = 0; i < row.n_args; ++i) items.push_back(expression(row.args[i], scope));
    return items;
}

TypedSql QueryTranslator::row_comparison(const std::string& op, std::vector<TypedSql> left,
                                         std::vector<TypedSql> right, int location) {
    if (left.size() != right.size()) {
        throw PgError(sqlstate::kSyntaxError, "unequal number of entries in row expressions", error_position(location));
    }
    if (left.empty()) throw_unsupported("comparison of empty rows", location);
    std::string sqlite_op = op == "!=" ? "<>" : op;
    bool ordering = op == "<" || op == "<=" || op == ">" || op == ">=";
    if (!ordering && sqlite_op != "=" && sqlite_op != "<>") {
        throw PgError(sqlstate::kUndefinedFunction,
                      "could not determine interpretation of row comparison operator " + op, error_position(location));
    }
    bool plain = true;
    for (size_t i = 0; i < left.size(); ++i) {
        if (left[i].untyped()) resolve_unknown(left[i], right[i].untyped() ? kText : right[i].type, location);
        if (right[i].untyped()) resolve_unknown(right[i], left[i].type, location);
        plain = plain && compares_plainly(left[i].type, right[i].type);
    }
    if (plain) {
        std::vector<std::string> l, r;
        for (size_t i = 0; i < left.size(); ++i) {
            l.push_back(left[i].sql);
            r.push_back(right[i].sql);
        }
        return {"((" + join_strings(l, ", ") + ") " + sqlite_op + " (" + join_strings(r, ", ") + "))", kBool};
    }
    auto compare = [&](const std::string& pair_op, size_t i) {
        TypedSql cmp = binary_operator(pair_op, left[i], right[i], location);
        if (cmp.type != kBool) {
            throw PgError(sqlstate::kDatatypeMismatch, "row comparison operator must yield type boolean",
                          error_position(location));
        }
        return cmp.sql;
    };
    std::vector<std::string> parts;
    if (!ordering) {
        for (size_t i = 0; i < left.size(); ++i) parts.push_back(compare(sqlite_op, i));
        return {"(" + join_strings(parts, sqlite_op == "=" ? " AND " : " OR ") + ")", kBool};
    }
    // a < c OR (a = c AND (b < d ...)): the first unequal pair decides; a
    // NULL pair before it makes the result NULL, as in PostgreSQL.
    std::string strict = op.substr(0, 1);
    std::string result = compare(op, left.size() - 1);
    for (size_t i = left.size() - 1; i-- > 0;) {
        result = "(" + compare(strict, i) + " OR (" + compare("=", i) + " AND " + result + "))";
    }
    return {result, kBool};
}

TypedSql QueryTranslator::row_in_list(const std::vector<TypedSql>& left, const PgQuery__List& list, bool negated,
                                      const Scope& scope, int location) {
    std::vector<std::string> alternatives;
    for (size_t i = 0; i < list.n_items; ++i) {
        const PgQuery__RowExpr* row = row_constructor(list.items[i]);
        if (row == nullptr) {
            throw PgError(sqlstate::kSyntaxError, "unequal number of entries in row expressions",
                          error_position(location));
        }
        alternatives.push_back(row_comparison(negated ? "<>" : "=", left, row_items(*row, scope), location).sql);
    }
    return {"(" + join_strings(alternatives, negated ? " AND " : " OR ") + ")", kBool};
}

TypedSql QueryTranslator::row_null_test(const PgQuery__RowExpr& row, bool is_null, const Scope& scope) {
    // A row IS NULL when every field is; IS NOT NULL when none is.
    std::vector<std::string> parts;
    for (const auto& item : row_items(row, scope)) parts.push_back(item.sql + (is_null ? " IS NULL" : " IS NOT NULL"));
    return {"(" + join_strings(parts, " AND ") + ")", kBool};
}

}  // namespace litegres::translate
