// pg_expression_text.cpp — printing SQLite-schema expressions as PostgreSQL
// prints them (ruleutils' pretty mode).
#include "translate/pg_expression_text.h"

#include <cctype>
#include <cstring>
#include <vector>

#include "translate/function_catalog.h"
#include "translate/query_translator.h"
#include "translate/typed_sql.h"

namespace litegres::translate {

namespace oid = pgwire::oid;

namespace {

const char* node_string(const PgQuery__Node* node) {
    return node != nullptr && node->node_case == PG_QUERY__NODE__NODE_STRING ? node->string->sval
                                                                             : "";
}

bool arithmetic(const std::string& op) {
    return op == "+" || op == "-" || op == "*" || op == "/" || op == "%";
}
bool high_priority(const std::string& op) {
    return op == "*" || op == "/" || op == "%";
}

// The operator of an operand that is itself a binary operator expression.
std::string operator_of(const PgQuery__Node* node) {
    // litegres_to_integer(expr, ...) stands for expr.
    if (node != nullptr && node->node_case == PG_QUERY__NODE__NODE_FUNC_CALL &&
        node->func_call->n_args > 0 &&
        std::string(node_string(node->func_call->funcname[node->func_call->n_funcname - 1])) ==
            "litegres_to_integer") {
        node = node->func_call->args[0];
    }
    if (node == nullptr || node->node_case != PG_QUERY__NODE__NODE_A_EXPR) return "";
    const auto& e = *node->a_expr;
    if (e.kind != PG_QUERY__A__EXPR__KIND__AEXPR_OP || e.n_name == 0 || e.lexpr == nullptr)
        return "";
    return node_string(e.name[e.n_name - 1]);
}

// ruleutils' isSimpleNode for an operator under an operator: a higher
// priority operator, or the same priority on the left, needs no parentheses.
bool needs_parentheses(const std::string& child, const std::string& parent, bool left) {
    if (child.empty()) return true;
    if (!arithmetic(child) || !arithmetic(parent)) return true;
    if (high_priority(child) && !high_priority(parent)) return false;
    return !(high_priority(child) == high_priority(parent) && left);
}

bool is_string_like(PgType t) {
    return t.oid == oid::kText || t.oid == oid::kVarchar || t.oid == oid::kBpchar;
}

}  // namespace

void PgExpressionText::referenced_columns(const PgQuery__Node* node,
                                          std::vector<std::string>& out) {
    if (node == nullptr) return;
    auto all = [&out](PgQuery__Node** nodes, size_t n) {
        for (size_t i = 0; i < n; ++i) referenced_columns(nodes[i], out);
    };
    switch (node->node_case) {
        case PG_QUERY__NODE__NODE_COLUMN_REF: {
            const auto& ref = *node->column_ref;
            if (ref.n_fields > 0) out.push_back(node_string(ref.fields[ref.n_fields - 1]));
            return;
        }
        case PG_QUERY__NODE__NODE_A_EXPR:
            referenced_columns(node->a_expr->lexpr, out);
            referenced_columns(node->a_expr->rexpr, out);
            return;
        case PG_QUERY__NODE__NODE_BOOL_EXPR:
            return all(node->bool_expr->args, node->bool_expr->n_args);
        case PG_QUERY__NODE__NODE_FUNC_CALL:
            return all(node->func_call->args, node->func_call->n_args);
        case PG_QUERY__NODE__NODE_LIST:
            return all(node->list->items, node->list->n_items);
        case PG_QUERY__NODE__NODE_TYPE_CAST:
            return referenced_columns(node->type_cast->arg, out);
        case PG_QUERY__NODE__NODE_COLLATE_CLAUSE:
            return referenced_columns(node->collate_clause->arg, out);
        case PG_QUERY__NODE__NODE_NULL_TEST:
            return referenced_columns(node->null_test->arg, out);
        default:
            return;
    }
}

std::string PgExpressionText::identifier(const std::string& name) {
    bool plain =
        !name.empty() && (std::islower(static_cast<unsigned char>(name[0])) || name[0] == '_');
    for (char c : name) {
        plain = plain && (std::islower(static_cast<unsigned char>(c)) ||
                          std::isdigit(static_cast<unsigned char>(c)) || c == '_' || c == '$');
    }
    static const char* kReserved[] = {
        "all",     "and",    "any",        "array",      "as",      "asc",   "case",     "check",
        "collate", "column", "constraint", "create",     "default", "desc",  "distinct", "do",
        "else",    "end",    "false",      "for",        "foreign", "from",  "grant",    "group",
        "having",  "in",     "into",       "limit",      "not",     "null",  "offset",   "on",
        "or",      "order",  "primary",    "references", "select",  "table", "then",     "to",
        "true",    "union",  "unique",     "user",       "using",   "when",  "where",    "with"};
    for (const char* word : kReserved) plain = plain && name != word;
    if (plain) return name;
    std::string out = "\"";
    for (char c : name) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

PgExpressionText::Printed PgExpressionText::print(const PgQuery__Node* node) const {
    if (node == nullptr) return {};
    switch (node->node_case) {
        case PG_QUERY__NODE__NODE_COLUMN_REF: {
            const auto& ref = *node->column_ref;
            std::string text;
            std::string last;
            for (size_t i = 0; i < ref.n_fields; ++i) {
                if (ref.fields[i]->node_case == PG_QUERY__NODE__NODE_A_STAR) {
                    text += (i > 0 ? ".*" : "*");
                    continue;
                }
                last = node_string(ref.fields[i]);
                text += (i > 0 ? "." : "") + identifier(last);
            }
            auto it = column_types_.find(last);
            return {text, it != column_types_.end() ? it->second : kUnknown};
        }
        case PG_QUERY__NODE__NODE_A_CONST:
            return constant(*node->a_const);
        case PG_QUERY__NODE__NODE_A_EXPR:
            return operator_expression(*node->a_expr);
        case PG_QUERY__NODE__NODE_BOOL_EXPR:
            return bool_expression(*node->bool_expr);
        case PG_QUERY__NODE__NODE_FUNC_CALL:
            return function_call(*node->func_call);
        case PG_QUERY__NODE__NODE_TYPE_CAST:
            return type_cast(*node->type_cast);
        case PG_QUERY__NODE__NODE_CASE_EXPR:
            return case_expression(*node->case_expr);
        case PG_QUERY__NODE__NODE_COLLATE_CLAUSE: {
            const auto& collate = *node->collate_clause;
            Printed inner = print(collate.arg);
            std::string name =
                collate.n_collname > 0 ? node_string(collate.collname[collate.n_collname - 1]) : "";
            // litegres's numeric collation marks a numeric operand.
            if (name == "litegres_numeric") return inner;
            inner.text += " COLLATE " + identifier(name);
            return inner;
        }
        case PG_QUERY__NODE__NODE_NULL_TEST: {
            const auto& test = *node->null_test;
            Printed arg = print(test.arg);
            bool is_null = test.nulltesttype == PG_QUERY__NULL_TEST_TYPE__IS_NULL;
            std::string text = (arg.operation ? "(" + arg.text + ")" : arg.text) +
                               (is_null ? " IS NULL" : " IS NOT NULL");
            return operation(text, kBool);
        }
        default:
            throw_unsupported("printing this expression");
    }
}

PgExpressionText::Printed PgExpressionText::operation(std::string text, PgType type) const {
    // Outside pretty mode the expression carries its own parentheses.
    if (!pretty_) return {"(" + text + ")", type, false, false};
    return {std::move(text), type, false, true};
}

PgExpressionText::Printed PgExpressionText::constant(const PgQuery__AConst& c) const {
    if (c.isnull) return {"NULL", kUnknown, true};
    switch (c.val_case) {
        case PG_QUERY__A__CONST__VAL_IVAL: {
            int64_t v = c.ival->ival;
            // A negative constant is a cast string ('-1'::integer).
            if (v < 0) return {"'" + std::to_string(v) + "'::integer", kInt4};
            return {std::to_string(v), kInt4, true};
        }
        case PG_QUERY__A__CONST__VAL_FVAL: {
            std::string v = c.fval->fval;
            bool integral = v.find_first_of(".eE") == std::string::npos;
            PgType type = integral ? kInt8 : kNumeric;
            if (!v.empty() && v[0] == '-') return {"'" + v + "'::" + format_type(type), type};
            return {v, type, true};
        }
        case PG_QUERY__A__CONST__VAL_BOOLVAL:
            return {c.boolval->boolval ? "true" : "false", kBool};
        case PG_QUERY__A__CONST__VAL_SVAL: {
            std::string out = "'";
            for (const char* p = c.sval->sval; *p != '\0'; ++p) {
                if (*p == '\'') out += '\'';
                out += *p;
            }
            return {out + "'", kUnknown, true};
        }
        default:
            throw_unsupported("printing this constant");
    }
}

PgExpressionText::Printed PgExpressionText::type_cast(const PgQuery__TypeCast& cast) const {
    Printed inner = print(cast.arg);
    std::string name;
    for (size_t i = 0; i < cast.type_name->n_names; ++i) {
        std::string part = node_string(cast.type_name->names[i]);
        if (part != "pg_catalog") name = part;
    }
    for (auto& ch : name) ch = char(std::tolower(static_cast<unsigned char>(ch)));
    // CAST(0 AS TEXT) is how litegres stores a numeric constant.
    if (name == "text" && inner.constant && !inner.type.is_unknown()) return inner;
    PgType target = type_from_declared(name);
    std::string type_text = target.is_unknown() ? name : format_type(target);
    std::string arg = inner.operation ? "(" + inner.text + ")" : inner.text;
    return {arg + "::" + type_text, target, false, false};
}

// ruleutils lays CASE out on lines of its own, indented as in a view's
// select list (the place views put it).
PgExpressionText::Printed PgExpressionText::case_expression(const PgQuery__CaseExpr& e) const {
    std::vector<Printed> results;
    PgType type = kUnknown;
    auto add_result = [&](const PgQuery__Node* node) {
        results.push_back(print(node));
        if (type.is_unknown() && !results.back().type.is_unknown()) type = results.back().type;
    };
    for (size_t i = 0; i < e.n_args; ++i) add_result(e.args[i]->case_when->result);
    if (e.defresult != nullptr) add_result(e.defresult);
    if (type.is_unknown()) type = kText;
    for (auto& r : results) {
        if (r.constant && r.type.is_unknown()) r.text += "::" + format_type(PgType{type.oid, -1});
    }
    std::string text = "\n        CASE";
    if (e.arg != nullptr) text += " " + print(e.arg).text;
    for (size_t i = 0; i < e.n_args; ++i) {
        text += "\n            WHEN " + print(e.args[i]->case_when->expr).text + " THEN " +
                results[i].text;
    }
    if (e.defresult != nullptr) text += "\n            ELSE " + results.back().text;
    text += "\n        END";
    return {text, type};
}

PgExpressionText::Printed PgExpressionText::operator_expression(const PgQuery__AExpr& e) const {
    std::string op = e.n_name > 0 ? node_string(e.name[e.n_name - 1]) : "";
    // x LIKE p ESCAPE '\' is PostgreSQL's ~~ with the default escape.
    const PgQuery__Node* rexpr = e.rexpr;
    if ((e.kind == PG_QUERY__A__EXPR__KIND__AEXPR_LIKE ||
         e.kind == PG_QUERY__A__EXPR__KIND__AEXPR_ILIKE) &&
        rexpr != nullptr && rexpr->node_case == PG_QUERY__NODE__NODE_FUNC_CALL &&
        rexpr->func_call->n_args == 2 &&
        std::string(node_string(rexpr->func_call->funcname[rexpr->func_call->n_funcname - 1])) ==
            "like_escape") {
        const auto* escape = rexpr->func_call->args[1];
        if (escape->node_case == PG_QUERY__NODE__NODE_A_CONST &&
            escape->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL &&
            std::string(escape->a_const->sval->sval) == "\\") {
            PgQuery__AExpr plain = e;
            plain.rexpr = rexpr->func_call->args[0];
            return operator_expression(plain);
        }
    }
    if (e.kind == PG_QUERY__A__EXPR__KIND__AEXPR_IN && e.rexpr != nullptr &&
        e.rexpr->node_case == PG_QUERY__NODE__NODE_LIST) {
        Printed left = print(e.lexpr);
        std::string items;
        for (size_t i = 0; i < e.rexpr->list->n_items; ++i) {
            Printed item = print(e.rexpr->list->items[i]);
            items += (i > 0 ? ", " : "") + item.text;
        }
        bool any = op == "=";
        Printed out = operation(
            left.text + (any ? " = ANY (ARRAY[" : " <> ALL (ARRAY[") + items + "])", kBool);
        out.array_comparison = pretty_;
        return out;
    }
    if (e.lexpr == nullptr) {
        Printed right = print(e.rexpr);
        return operation(op + (right.operation ? "(" + right.text + ")" : right.text), right.type);
    }
    Printed left = print(e.lexpr);
    Printed right = print(e.rexpr);
    // A constant takes the other side's type, shown as PostgreSQL's cast.
    bool pretty = pretty_;
    auto coerce = [pretty](Printed& constant, const Printed& other) {
        if (!constant.constant || other.type.is_unknown() || other.constant) return;
        PgType target = is_string_like(other.type) && constant.type.is_unknown()
                            ? PgType{oid::kText, -1}
                            : other.type;
        bool integer_constant = constant.type.oid == oid::kInt4 || constant.type.oid == oid::kInt8;
        if (constant.type.is_unknown() ||
            (integer_constant && (target.oid == oid::kNumeric || target.oid == oid::kFloat8 ||
                                  target.oid == oid::kFloat4)) ||
            (constant.type.oid == oid::kNumeric &&
             (target.oid == oid::kFloat8 || target.oid == oid::kFloat4))) {
            bool number = !constant.type.is_unknown();
            constant.text = (number && !pretty ? "(" + constant.text + ")" : constant.text) +
                            "::" + format_type(PgType{target.oid, -1});
            constant.type = PgType{target.oid, -1};
            constant.constant = false;
        }
    };
    coerce(left, right);
    coerce(right, left);
    // varchar compares as text: v::text <> 'q'::text.
    auto as_text = [this](Printed& p) {
        p.text = (pretty_ ? p.text : "(" + p.text + ")") + "::text";
    };
    if (left.type.oid == oid::kVarchar && right.type.oid == oid::kText) as_text(left);
    if (right.type.oid == oid::kVarchar && left.type.oid == oid::kText) as_text(right);
    if (left.operation && needs_parentheses(operator_of(e.lexpr), op, true))
        left.text = "(" + left.text + ")";
    if (right.operation && needs_parentheses(operator_of(e.rexpr), op, false))
        right.text = "(" + right.text + ")";
    static const char* kComparisons[] = {
        "=", "<>", "!=", "<", ">", "<=", ">=", "~", "!~", "~~", "!~~", "~~*", "!~~*"};
    bool comparison = false;
    for (const char* c : kComparisons) comparison = comparison || op == c;
    PgType type = comparison ? kBool : (left.type.is_unknown() ? right.type : left.type);
    return operation(left.text + " " + op + " " + right.text, type);
}

PgExpressionText::Printed PgExpressionText::bool_expression(const PgQuery__BoolExpr& e) const {
    if (e.boolop == PG_QUERY__BOOL_EXPR_TYPE__NOT_EXPR) {
        Printed arg = print(e.args[0]);
        bool nested_bool = pretty_ && e.args[0]->node_case == PG_QUERY__NODE__NODE_BOOL_EXPR;
        return operation("NOT " + (nested_bool ? "(" + arg.text + ")" : arg.text), kBool);
    }
    const char* word = e.boolop == PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR ? " AND " : " OR ";
    std::string text;
    for (size_t i = 0; i < e.n_args; ++i) {
        Printed arg = print(e.args[i]);
        // ruleutils: NOT and AND read without parentheses under AND/OR, OR
        // only under OR.
        bool parenthesised = (pretty_ && arg.array_comparison) ||
                             (e.args[i]->node_case == PG_QUERY__NODE__NODE_BOOL_EXPR &&
                              e.args[i]->bool_expr->boolop == PG_QUERY__BOOL_EXPR_TYPE__OR_EXPR &&
                              e.boolop != PG_QUERY__BOOL_EXPR_TYPE__OR_EXPR);
        text += (i > 0 ? word : "") + (parenthesised && pretty_ ? "(" + arg.text + ")" : arg.text);
    }
    return operation(text, kBool);
}

PgExpressionText::Printed PgExpressionText::function_call(const PgQuery__FuncCall& call) const {
    std::string name = node_string(call.funcname[call.n_funcname - 1]);
    // Integer arithmetic checked for overflow: litegres_to_integer(expr, type OID, ...).
    if (name == "litegres_to_integer" && call.n_args >= 2 &&
        call.args[1]->node_case == PG_QUERY__NODE__NODE_A_CONST &&
        call.args[1]->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL) {
        Printed inner = print(call.args[0]);
        inner.type = PgType{Oid(call.args[1]->a_const->ival->ival), -1};
        return inner;
    }
    std::vector<TypedSql> args;
    std::string text = identifier(name) + "(";
    if (call.agg_star) text += "*";
    for (size_t i = 0; i < call.n_args; ++i) {
        Printed arg = print(call.args[i]);
        // A varchar argument reaches the text function through a cast.
        if (arg.type.oid == oid::kVarchar) {
            arg.text = (pretty_ ? arg.text : "(" + arg.text + ")") + "::text";
            arg.type = kText;
        }
        text += (i > 0 ? ", " : "") + arg.text;
        args.push_back(TypedSql{arg.text, arg.type.is_unknown() ? kText : arg.type});
    }
    PgType type = kUnknown;
    if (const FunctionSignature* f = find_function(name, call.n_args, call.agg_star)) {
        if (f->result) type = f->result(args);
    }
    Printed out{text + ")", type};
    out.function = true;
    return out;
}

}  // namespace litegres::translate
