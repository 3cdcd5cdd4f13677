// pg_expression_text.h — an expression of litegres's SQLite schema (a CHECK,
// an index column or predicate, a view's SELECT), parsed back with
// libpg_query and printed the way PostgreSQL's ruleutils prints it for
// pg_get_constraintdef / pg_get_indexdef / pg_get_viewdef: "c > 0::numeric",
// "lower(b)". The SQLite spellings litegres writes for PostgreSQL semantics
// (numeric collation, constants cast to TEXT) are read back as what they
// stand for.
#pragma once

#include <pg_query/pg_query.pb-c.h>

#include <map>
#include <string>
#include <vector>

#include "translate/pg_type.h"

namespace litegres::translate {

class PgExpressionText {
  public:
    // `column_types`: the declared types of the columns the expression names.
    // `pretty`: ruleutils' pretty mode (pg_get_*def(..., true)); otherwise
    // every operator expression is parenthesised and casts read (0)::numeric.
    explicit PgExpressionText(std::map<std::string, PgType> column_types, bool pretty = true)
        : column_types_(std::move(column_types)), pretty_(pretty) {}

    struct Printed {
        std::string text;
        PgType type = kUnknown;
        bool constant = false;          // a literal whose type PostgreSQL would coerce
        bool operation = false;         // an operator expression (parenthesised as an operand)
        bool function = false;          // a function call (an index element without parentheses)
        bool array_comparison = false;  // x = ANY (ARRAY[...]), parenthesised under AND/OR
    };

    // Throws PgError 0A000 for an expression it cannot print (callers give
    // NULL then, as for a definition they cannot read).
    Printed print(const PgQuery__Node* node) const;
    // The names of the columns an expression reads, in order of appearance.
    static void referenced_columns(const PgQuery__Node* node, std::vector<std::string>& out);
    // A name as quote_ident() spells it.
    static std::string identifier(const std::string& name);

  private:
    Printed operator_expression(const PgQuery__AExpr& e) const;
    Printed bool_expression(const PgQuery__BoolExpr& e) const;
    Printed function_call(const PgQuery__FuncCall& call) const;
    Printed constant(const PgQuery__AConst& c) const;
    Printed type_cast(const PgQuery__TypeCast& cast) const;
    Printed case_expression(const PgQuery__CaseExpr& e) const;

    // The finished text of an operator expression in the current mode.
    Printed operation(std::string text, PgType type) const;

    std::map<std::string, PgType> column_types_;
    bool pretty_;
};

}  // namespace litegres::translate
