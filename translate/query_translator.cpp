// query_translator.cpp — SELECT, FROM items, target lists and the
// expression walker. Expressions are emitted fully parenthesised so that
// SQLite's operator precedence (which differs from PostgreSQL's) never
// changes their meaning.
#include "translate/query_translator.h"

#include <algorithm>
#include <cstdlib>

#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"
#include "translate/describe_catalog.h"
#include "translate/datetime_functions.h"
#include "translate/datetime_input.h"
#include "translate/datetime_operators.h"
#include "translate/function_catalog.h"
#include "translate/information_schema.h"
#include "translate/window_function.h"
#include "translate/literal_coercion.h"
#include "translate/name_resolver.h"
#include "translate/numeric_emitter.h"
#include "translate/numeric_value.h"
#include "translate/sql_text.h"
#include "translate/system_catalog.h"
#include "translate/ast_text.h"

namespace litegres::translate {

namespace oid = pgwire::oid;
using pgwire::PgError;
namespace sqlstate = pgwire::sqlstate;

namespace {


// The common type of two operands of arithmetic, as PostgreSQL's operator
// resolution picks it for the built-in numeric operators.
PgType arithmetic_type(PgType a, PgType b) {
    auto rank = [](PgType t) {
        switch (t.oid) {
            case oid::kInt2: return 1;
            case oid::kInt4: return 2;
            case oid::kInt8: return 3;
            case oid::kNumeric: return 4;
            case oid::kFloat4: return 5;
            case oid::kFloat8: return 6;
            default: return 0;
        }
    };
    PgType wider = rank(a) >= rank(b) ? a : b;
    if (wider.oid == oid::kInt2) return kInt2;
    if (wider.oid == oid::kNumeric) return kNumeric;
    if (wider.oid == oid::kFloat4 && rank(a) > 0 && rank(b) > 0 && a.oid != b.oid) return kFloat8;
    return PgType{wider.oid, -1};
}

// An integer conversion with PostgreSQL's rounding (numeric: half away from
// zero; float: half to even) and range check.
std::string integer_conversion(const std::string& sql, PgType source, PgType target) {
    if (source.oid == oid::kNumeric) {
        return "litegres_numeric_integer(" + sql + ", " + std::to_string(target.oid) + ")";
    }
    bool half_even = source.oid == oid::kFloat4 || source.oid == oid::kFloat8;
    return "litegres_to_integer(" + sql + ", " + std::to_string(target.oid) + ", " + (half_even ? "1" : "0") + ")";
}

// Whether PostgreSQL has a comparison operator between the two types
// (within a type category: numbers, strings, date/times), or a NULL/unknown
// side lets it pick one.
bool comparable(PgType a, PgType b) {
    if (a.is_unknown() || b.is_unknown() || a.oid == b.oid) return true;
    // oid compares with integers (an implicit cast in PostgreSQL).
    auto number = [](PgType t) {
        return is_numeric_category(t) || t.oid == oid::kOid || t.oid == oid::kRegproc || t.oid == oid::kRegclass ||
               t.oid == oid::kRegtype || t.oid == oid::kRegnamespace;
    };
    if (number(a) && number(b)) return true;
    if (is_string_type(a) && is_string_type(b)) return true;
    auto timestamp_like = [](PgType t) {
        return t.oid == oid::kDate || t.oid == oid::kTimestamp || t.oid == oid::kTimestamptz;
    };
    return timestamp_like(a) && timestamp_like(b);
}

std::string type_list(const std::vector<TypedSql>& args) {
    std::vector<std::string> names;
    for (const auto& a : args) names.push_back(format_type(PgType{a.type.oid, -1}));
    return join_strings(names, ", ");
}

}  // namespace

// " ASC NULLS LAST" and the like: PostgreSQL sorts NULL as larger than
// every value, SQLite as smaller, so the NULL order is always spelled out.
std::string sort_direction(const PgQuery__SortBy& sb) {
    if (sb.sortby_dir == PG_QUERY__SORT_BY_DIR__SORTBY_USING) throw_unsupported("ORDER BY USING", sb.location);
    bool desc = sb.sortby_dir == PG_QUERY__SORT_BY_DIR__SORTBY_DESC;
    bool nulls_first = desc;
    if (sb.sortby_nulls == PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_FIRST) nulls_first = true;
    if (sb.sortby_nulls == PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_LAST) nulls_first = false;
    return std::string(desc ? " DESC" : " ASC") + (nulls_first ? " NULLS FIRST" : " NULLS LAST");
}

void throw_unsupported(const std::string& construct, int location) {
    throw PgError(sqlstate::kFeatureNotSupported, construct + " is not supported yet",
                  error_position(location));
}

// ---------------------------------------------------------------- names

namespace {

// FigureColnameInternal's strength 2: names that beat a type cast's.
bool has_strong_column_name(const PgQuery__Node* node) {
    switch (node->node_case) {
        case PG_QUERY__NODE__NODE_COLUMN_REF:
            return node->column_ref->fields[node->column_ref->n_fields - 1]->node_case == PG_QUERY__NODE__NODE_STRING;
        case PG_QUERY__NODE__NODE_TYPE_CAST: return has_strong_column_name(node->type_cast->arg);
        case PG_QUERY__NODE__NODE_A_EXPR: return node->a_expr->kind == PG_QUERY__A__EXPR__KIND__AEXPR_NULLIF;
        case PG_QUERY__NODE__NODE_FUNC_CALL:
        case PG_QUERY__NODE__NODE_COALESCE_EXPR:
        case PG_QUERY__NODE__NODE_MIN_MAX_EXPR:
        case PG_QUERY__NODE__NODE_A_ARRAY_EXPR:
        case PG_QUERY__NODE__NODE_SUB_LINK:
        case PG_QUERY__NODE__NODE_SQLVALUE_FUNCTION: return true;
        default: return false;
    }
}

}  // namespace

std::string figure_column_name(const PgQuery__Node* node) {
    if (node == nullptr) return "?column?";
    switch (node->node_case) {
        case PG_QUERY__NODE__NODE_COLUMN_REF: {
            const auto* ref = node->column_ref;
            const PgQuery__Node* last = ref->fields[ref->n_fields - 1];
            if (last->node_case == PG_QUERY__NODE__NODE_STRING) return last->string->sval;
            return "?column?";
        }
        case PG_QUERY__NODE__NODE_FUNC_CALL:
            return string_value(node->func_call->funcname[node->func_call->n_funcname - 1]);
        case PG_QUERY__NODE__NODE_A_EXPR:
            if (node->a_expr->kind == PG_QUERY__A__EXPR__KIND__AEXPR_NULLIF) return "nullif";
            return "?column?";
        case PG_QUERY__NODE__NODE_TYPE_CAST: {
            // The argument's name wins only when it is a strong one (a
            // column or function name); 1.5::float8::numeric is "numeric".
            if (has_strong_column_name(node->type_cast->arg)) return figure_column_name(node->type_cast->arg);
            const auto* tn = node->type_cast->type_name;
            return string_value(tn->names[tn->n_names - 1]);
        }
        case PG_QUERY__NODE__NODE_A_INDIRECTION: return figure_column_name(node->a_indirection->arg);
        case PG_QUERY__NODE__NODE_CASE_EXPR: return "case";
        case PG_QUERY__NODE__NODE_COALESCE_EXPR: return "coalesce";
        case PG_QUERY__NODE__NODE_MIN_MAX_EXPR:
            return node->min_max_expr->op == PG_QUERY__MIN_MAX_OP__IS_GREATEST ? "greatest" : "least";
        case PG_QUERY__NODE__NODE_A_ARRAY_EXPR: return "array";
        case PG_QUERY__NODE__NODE_SUB_LINK: {
            const auto* link = node->sub_link;
            if (link->sub_link_type == PG_QUERY__SUB_LINK_TYPE__EXISTS_SUBLINK) return "exists";
            if (link->sub_link_type == PG_QUERY__SUB_LINK_TYPE__ARRAY_SUBLINK) return "array";
            if (link->sub_link_type == PG_QUERY__SUB_LINK_TYPE__EXPR_SUBLINK &&
                link->subselect->node_case == PG_QUERY__NODE__NODE_SELECT_STMT) {
                const auto* sel = link->subselect->select_stmt;
                if (sel->n_target_list > 0) {
                    const auto* rt = sel->target_list[0]->res_target;
                    if (rt->name != nullptr && rt->name[0] != '\0') return rt->name;
                    return figure_column_name(rt->val);
                }
            }
            return "?column?";
        }
        case PG_QUERY__NODE__NODE_SQLVALUE_FUNCTION:
            switch (node->sqlvalue_function->op) {
                case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_DATE: return "current_date";
                case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIME:
                case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIME_N: return "current_time";
                case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP:
                case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP_N:
                    return "current_timestamp";
                case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIME:
                case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIME_N: return "localtime";
                case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP:
                case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP_N: return "localtimestamp";
                case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_ROLE: return "current_role";
                case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_USER: return "current_user";
                case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_USER: return "user";
                case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_SESSION_USER: return "session_user";
                case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_CATALOG: return "current_catalog";
                case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_SCHEMA: return "current_schema";
                default: return "?column?";
            }
        default: return "?column?";
    }
}

// ---------------------------------------------------------------- FROM

RangeEntry QueryTranslator::table_entry(const PgQuery__RangeVar& rv) {
    RangeEntry entry = relation_entry(rv);
    if (rv.alias != nullptr) {
        entry.refname = rv.alias->aliasname;
        entry.schema.clear();
        for (size_t i = 0; i < rv.alias->n_colnames && i < entry.columns.size(); ++i) {
            entry.columns[i].name = string_value(rv.alias->colnames[i]);
        }
    }
    return entry;
}

RangeEntry QueryTranslator::relation_entry(const PgQuery__RangeVar& rv) {
    std::string schema = rv.schemaname != nullptr ? rv.schemaname : "";
    // pg_catalog comes first on PostgreSQL's search path, before public.
    std::optional<TableInfo> table;
    if (schema == "information_schema") {
        table = find_information_schema_relation(rv.relname);
        if (table) {
            RangeEntry entry;
            entry.refname = rv.relname;
            entry.relation_name = rv.relname;
            entry.sqlite_name = table->name;
            entry.columns = std::move(table->columns);
            return entry;
        }
    }
    if (schema.empty() || schema == "pg_catalog") table = find_system_relation(rv.relname);
    std::optional<Oid> catalog_oid = table ? system_relation_oid(rv.relname) : std::nullopt;
    std::optional<RelationName> user_relation;
    if (!table && schema != "pg_catalog") user_relation = NameResolver(catalog_).find(rv);
    if (user_relation) table = catalog_.find_table(user_relation->sqlite_name());
    if (!table && user_relation) {
        if (auto sequence = catalog_.find_sequence(user_relation->sqlite_name())) {
            // A sequence reads as its one row. Values are not cached ahead, so
            // log_cnt is always 0.
            RangeEntry entry;
            entry.refname = rv.relname;
            entry.relation_name = rv.relname;
            entry.schema = user_relation->schema;
            entry.source = "SELECT last_value, 0 AS log_cnt, is_called FROM main._litegres_sequence WHERE name = " +
                           quote_string(sequence->name);
            entry.columns = {ColumnInfo{"last_value", kInt8, true, ""}, ColumnInfo{"log_cnt", kInt8, true, ""},
                             ColumnInfo{"is_called", kBool, true, ""}};
            return entry;
        }
    }
    if (!table) {
        throw PgError(sqlstate::kUndefinedTable, "relation \"" + NameResolver::display(rv) + "\" does not exist",
                      error_position(rv.location));
    }
    RangeEntry entry;
    entry.refname = rv.relname;
    entry.relation_name = rv.relname;
    entry.columns = std::move(table->columns);
    if (catalog_oid) entry.system_columns.push_back(ColumnInfo{"tableoid", PgType{oid::kOid, -1}, true, "", 0, 0,
                                                               std::to_string(*catalog_oid)});
    if (user_relation) {
        entry.schema = user_relation->schema;
        entry.user_relation = true;
        if (user_relation->schema != "public") entry.sqlite_name = user_relation->sqlite_name();
    }
    return entry;
}

const QueryTranslator::CommonTable* QueryTranslator::find_common_table(std::string_view name) const {
    for (auto it = common_tables_.rbegin(); it != common_tables_.rend(); ++it) {
        if (it->name == name) return &*it;
    }
    return nullptr;
}

std::string QueryTranslator::with_clause(const PgQuery__WithClause& with, const Scope* outer) {
    std::vector<std::string> parts;
    size_t first = common_tables_.size();
    for (size_t i = 0; i < with.n_ctes; ++i) {
        const auto& cte = *with.ctes[i]->common_table_expr;
        if (cte.search_clause != nullptr || cte.cycle_clause != nullptr) {
            throw_unsupported("SEARCH or CYCLE in WITH", cte.location);
        }
        for (size_t k = first; k < common_tables_.size(); ++k) {
            if (common_tables_[k].name == cte.ctename) {
                throw PgError(sqlstate::kDuplicateAlias,
                              "WITH query name \"" + std::string(cte.ctename) + "\" specified more than once",
                              error_position(cte.location));
            }
        }
        if (cte.ctequery->node_case != PG_QUERY__NODE__NODE_SELECT_STMT) {
            std::string part = captured_common_table(cte);
            if (!part.empty()) parts.push_back(std::move(part));
            continue;
        }
        const auto& query = *cte.ctequery->select_stmt;
        auto named_columns = [&](const std::vector<ResultColumn>& result) {
            if (cte.n_aliascolnames > result.size()) {
                throw PgError(sqlstate::kInvalidColumnReference,
                              "WITH query \"" + std::string(cte.ctename) + "\" has " +
                                  std::to_string(result.size()) + " columns available but " +
                                  std::to_string(cte.n_aliascolnames) + " columns specified",
                              error_position(cte.location));
            }
            std::vector<ColumnInfo> columns;
            for (size_t c = 0; c < result.size(); ++c) {
                std::string name = c < cte.n_aliascolnames ? string_value(cte.aliascolnames[c]) : result[c].name;
                columns.push_back(ColumnInfo{name, result[c].type, false, "", 0, 0});
            }
            return columns;
        };
        SelectOutput body;
        if (with.recursive && query.op == PG_QUERY__SET_OPERATION__SETOP_UNION && query.larg != nullptr) {
            // A recursive query's columns take their types from its
            // non-recursive term, which must not refer to the query itself.
            SelectOutput seed = select(*query.larg, outer);
            common_tables_.push_back({cte.ctename, named_columns(seed.columns)});
            body = select(query, outer);
        } else {
            body = select(query, outer);
            common_tables_.push_back({cte.ctename, named_columns(body.columns)});
        }
        std::vector<std::string> names;
        for (const auto& c : common_tables_.back().columns) names.push_back(quote_identifier(c.name));
        parts.push_back(quote_identifier(cte.ctename) + "(" + join_strings(names, ", ") + ") AS (" + body.sql + ")");
    }
    if (parts.empty()) return "";
    return std::string("WITH ") + (with.recursive ? "RECURSIVE " : "") + join_strings(parts, ", ") + " ";
}

std::string QueryTranslator::from_item(const PgQuery__Node* node, Scope& scope) {
    switch (node->node_case) {
        case PG_QUERY__NODE__NODE_RANGE_VAR: {
            const auto& rv = *node->range_var;
            if (rv.schemaname == nullptr || rv.schemaname[0] == '\0') {
                if (const CommonTable* cte = find_common_table(rv.relname)) {
                    if (cte->without_returning) {
                        throw PgError(sqlstate::kFeatureNotSupported,
                                      "WITH query \"" + cte->name + "\" does not have a RETURNING clause",
                                      error_position(rv.location));
                    }
                    RangeEntry entry;
                    entry.refname = rv.relname;
                    entry.relation_name = rv.relname;
                    entry.columns = cte->columns;
                    return relation_item(rv, std::move(entry), scope);
                }
            }
            return relation_item(rv, relation_entry(rv), scope);
        }
        case PG_QUERY__NODE__NODE_RANGE_SUBSELECT: {
            const auto& sub = *node->range_subselect;
            if (sub.lateral) return lateral_subquery(sub, scope);
            if (sub.alias == nullptr) {
                throw PgError(sqlstate::kSyntaxError, "subquery in FROM must have an alias");
            }
            SelectOutput inner = select(*sub.subquery->select_stmt, scope.parent);
            RangeEntry entry;
            entry.refname = sub.alias->aliasname;
            for (size_t i = 0; i < inner.columns.size(); ++i) {
                std::string name = i < sub.alias->n_colnames ? string_value(sub.alias->colnames[i])
                                                             : inner.columns[i].name;
                entry.columns.push_back(ColumnInfo{name, inner.columns[i].type, false, "", inner.columns[i].table_oid,
                                                   inner.columns[i].column_number, ""});
            }
            std::string sql = "(" + inner.sql + ")";
            if (sub.alias->n_colnames > 0) {
                std::vector<std::string> cols;
                for (size_t i = 0; i < entry.columns.size(); ++i) {
                    cols.push_back(quote_identifier(inner.columns[i].name) + " AS " +
                                   quote_identifier(entry.columns[i].name));
                }
                sql = "(SELECT " + join_strings(cols, ", ") + " FROM " + sql + ")";
            }
            sql += " AS " + quote_identifier(entry.refname);
            scope.entries.push_back(std::move(entry));
            return sql;
        }
        case PG_QUERY__NODE__NODE_JOIN_EXPR: return join(*node->join_expr, scope);
        case PG_QUERY__NODE__NODE_RANGE_FUNCTION: return range_function(*node->range_function, scope);
        default: throw_unsupported("this FROM item");
    }
}

std::string QueryTranslator::relation_item(const PgQuery__RangeVar& rv, RangeEntry entry, Scope& scope) {
    std::string sql = !entry.source.empty() ? "(" + entry.source + ")"
                      : quote_identifier(entry.sqlite_name.empty() ? std::string(rv.relname) : entry.sqlite_name);
    if ((!entry.sqlite_name.empty() || !entry.source.empty()) && rv.alias == nullptr) {
        sql += " AS " + quote_identifier(entry.refname);
    }
    if (rv.alias != nullptr) {
        entry.refname = rv.alias->aliasname;
        entry.schema.clear();
        // Column aliases need a subquery: SQLite has no t(a, b) aliases.
        if (rv.alias->n_colnames > 0) {
            std::vector<std::string> cols;
            for (size_t i = 0; i < entry.columns.size(); ++i) {
                std::string alias = i < rv.alias->n_colnames ? string_value(rv.alias->colnames[i]) : entry.columns[i].name;
                cols.push_back(quote_identifier(entry.columns[i].name) + " AS " + quote_identifier(alias));
                entry.columns[i].name = alias;
            }
            sql = "(SELECT " + join_strings(cols, ", ") + " FROM " + sql + ")";
        }
        sql += " AS " + quote_identifier(entry.refname);
    }
    for (const auto& e : scope.entries) {
        if (e.refname == entry.refname) {
            throw PgError(sqlstate::kDuplicateAlias,
                          "table name \"" + entry.refname + "\" specified more than once", error_position(rv.location));
        }
    }
    scope.entries.push_back(std::move(entry));
    return sql;
}

std::string QueryTranslator::series_function(const PgQuery__RangeFunction& rf, Scope& scope) {
    if (rf.is_rowsfrom || rf.n_functions != 1) throw_unsupported("ROWS FROM");
    if (rf.n_coldeflist > 0) throw_unsupported("a column definition list");
    const auto& call = *rf.functions[0]->list->items[0]->func_call;
    std::string name = string_value(call.funcname[call.n_funcname - 1]);
    // Functions in FROM may refer to the FROM items before them (LATERAL).
    Scope siblings = lateral_scope(scope);
    auto enclosing = std::exchange(lateral_reference_, std::nullopt);
    std::vector<TypedSql> args;
    for (size_t i = 0; i < call.n_args; ++i) args.push_back(expression(call.args[i], siblings));
    bool correlated = lateral_reference_.has_value();
    if (!correlated) lateral_reference_ = enclosing;

    RangeEntry entry;
    entry.refname = rf.alias != nullptr ? rf.alias->aliasname : name;
    entry.relation_name = name;
    std::string column = rf.alias == nullptr ? name
                         : rf.alias->n_colnames > 0 ? string_value(rf.alias->colnames[0])
                                                    : rf.alias->aliasname;
    std::string body;
    if (name == "generate_series" && (args.size() == 2 || args.size() == 3)) {
        // PostgreSQL's signatures: (int, int[, int]), (bigint ...),
        // (numeric ...), (timestamp, timestamp, interval) and the same with
        // timestamptz; a date or an unknown literal with an interval step is
        // timestamptz, its preferred type.
        bool datetime = args.size() == 3 && (args[2].type.oid == oid::kInterval ||
                                             args[0].type.oid == oid::kTimestamp ||
                                             args[0].type.oid == oid::kTimestamptz || args[0].type.oid == oid::kDate);
        PgType type = kInt4;
        PgType step_type = kInt4;
        if (datetime) {
            type = args[0].type.oid == oid::kTimestamp || args[1].type.oid == oid::kTimestamp ? kTimestamp : kTimestamptz;
            if (args[0].type.oid == oid::kTimestamptz || args[1].type.oid == oid::kTimestamptz) type = kTimestamptz;
            step_type = PgType{oid::kInterval, -1};
        } else {
            for (auto& a : args) {
                if (a.type.oid == oid::kNumeric || a.type.oid == oid::kFloat4 || a.type.oid == oid::kFloat8) {
                    type = kNumeric;
                } else if (a.type.oid == oid::kInt8 && type.oid != oid::kNumeric) {
                    type = kInt8;
                } else if (!a.untyped() && !a.is_null_literal && !is_integer_type(a.type)) {
                    throw PgError(sqlstate::kUndefinedFunction,
                                  "function generate_series(" + format_type(a.type) + ") does not exist",
                                  error_position(call.location));
                }
            }
            step_type = type;
        }
        for (size_t i = 0; i < args.size(); ++i) {
            PgType want = i == 2 ? step_type : type;
            if (args[i].untyped() || args[i].is_null_literal) {
                resolve_unknown(args[i], want, call.location);
            } else if (args[i].type != want) {
                args[i] = cast_to(std::move(args[i]), want, call.location);
            }
        }
        if (args.size() == 2) args.push_back(cast_to(TypedSql{"1", kInt4}, step_type, call.location));
        // The walk is written with the binder's own operators, so each type
        // adds and compares as PostgreSQL does (numeric exactly, timestamps
        // with calendar intervals).
        TypedSql zero = TypedSql{"", kUnknown};
        zero.unknown_literal = "0";
        resolve_unknown(zero, step_type, call.location);
        std::string step = is_integer_type(step_type)
                               ? "litegres_series_step(" + args[2].sql + ")"
                               : "(CASE WHEN " + binary_operator("=", args[2], zero, call.location).sql +
                                     " THEN litegres_raise('22023', 'step size cannot equal zero') ELSE " + args[2].sql +
                                     " END)";
        TypedSql a{"a", type}, b{"b", type}, c{"c", step_type}, v{"v", type};
        std::string up = binary_operator(">", c, zero, call.location).sql;
        std::string down = binary_operator("<", c, zero, call.location).sql;
        auto within = [&](const TypedSql& x) {
            return "((" + up + " AND " + binary_operator("<=", x, b, call.location).sql + ") OR (" + down + " AND " +
                   binary_operator(">=", x, b, call.location).sql + "))";
        };
        TypedSql next = binary_operator("+", v, c, call.location);
        if (next.type != type) next = cast_to(std::move(next), type, call.location);
        // One row of arguments, then a recursive walk from start towards
        // stop; o counts the rows, for WITH ORDINALITY.
        body = "WITH RECURSIVE \"series_args\"(a, b, c) AS (SELECT " + args[0].sql + ", " + args[1].sql + ", " + step +
               "), \"series\"(v, o) AS (SELECT a, 1 FROM \"series_args\" WHERE " + within(a) +
               " UNION ALL SELECT " + next.sql + ", o + 1 FROM \"series\", \"series_args\" WHERE " + within(next) +
               ") SELECT v AS " + quote_identifier(column);
        entry.columns.push_back(ColumnInfo{column, type, false, "", 0, 0});
        entry.scalar_function = !rf.ordinality;
        if (rf.ordinality) {
            std::string name = rf.alias != nullptr && rf.alias->n_colnames > 1 ? string_value(rf.alias->colnames[1]) : "ordinality";
            body += ", o AS " + quote_identifier(name);
            entry.columns.push_back(ColumnInfo{name, kInt8, false, "", 0, 0});
        }
        body += " FROM \"series\"";
    } else {
        throw_unsupported("function " + name + " in FROM", call.location);
    }
    for (const auto& e : scope.entries) {
        if (e.refname == entry.refname) {
            throw PgError(sqlstate::kDuplicateAlias,
                          "table name \"" + entry.refname + "\" specified more than once", error_position(call.location));
        }
    }
    std::string sql = correlated ? lateral_rows_item(body, entry, call.location)
                                 : "(" + body + ") AS " + quote_identifier(entry.refname);
    scope.entries.push_back(std::move(entry));
    return sql;
}

std::string QueryTranslator::join(const PgQuery__JoinExpr& j, Scope& scope) {
    if (j.alias != nullptr) throw_unsupported("alias on a JOIN");
    size_t left_begin = scope.entries.size();
    std::string left = from_item(j.larg, scope);
    size_t right_begin = scope.entries.size();
    auto enclosing = std::exchange(lateral_reference_, std::nullopt);
    std::string right = from_item(j.rarg, scope);
    if (lateral_reference_ && (j.jointype == PG_QUERY__JOIN_TYPE__JOIN_RIGHT || j.jointype == PG_QUERY__JOIN_TYPE__JOIN_FULL)) {
        throw PgError(sqlstate::kInvalidColumnReference,
                      "invalid reference to FROM-clause entry for table \"" + lateral_reference_->table + "\"",
                      error_position(lateral_reference_->location))
            .with_detail("The combining JOIN type must be INNER or LEFT for a LATERAL reference.");
    }
    if (!lateral_reference_) lateral_reference_ = enclosing;
    if (j.rarg->node_case == PG_QUERY__NODE__NODE_JOIN_EXPR) right = "(" + right + ")";

    const char* kind = "JOIN";
    switch (j.jointype) {
        case PG_QUERY__JOIN_TYPE__JOIN_INNER: kind = "JOIN"; break;
        case PG_QUERY__JOIN_TYPE__JOIN_LEFT: kind = "LEFT JOIN"; break;
        case PG_QUERY__JOIN_TYPE__JOIN_RIGHT: kind = "RIGHT JOIN"; break;
        case PG_QUERY__JOIN_TYPE__JOIN_FULL: kind = "FULL JOIN"; break;
        default: throw_unsupported("this join type");
    }
    bool left_nullable = j.jointype == PG_QUERY__JOIN_TYPE__JOIN_RIGHT || j.jointype == PG_QUERY__JOIN_TYPE__JOIN_FULL;
    bool right_nullable = j.jointype == PG_QUERY__JOIN_TYPE__JOIN_LEFT || j.jointype == PG_QUERY__JOIN_TYPE__JOIN_FULL;
    for (size_t i = left_begin; i < scope.entries.size(); ++i) {
        if (i < right_begin ? left_nullable : right_nullable) scope.entries[i].nullable = true;
    }

    auto columns_of = [&](size_t begin, size_t end) {
        std::vector<ColumnInfo> cols;
        for (size_t i = begin; i < end; ++i) {
            for (const auto& c : scope.entries[i].columns) cols.push_back(c);
        }
        return cols;
    };
    std::vector<std::string> using_names;
    if (j.is_natural) {
        auto lcols = columns_of(left_begin, right_begin);
        auto rcols = columns_of(right_begin, scope.entries.size());
        for (const auto& l : lcols) {
            for (const auto& r : rcols) {
                if (l.name == r.name) using_names.push_back(l.name);
            }
        }
    }
    for (size_t i = 0; i < j.n_using_clause; ++i) using_names.push_back(string_value(j.using_clause[i]));
    auto lcols = columns_of(left_begin, right_begin);
    for (const auto& name : using_names) {
        auto it = std::find_if(lcols.begin(), lcols.end(), [&](auto& c) { return c.name == name; });
        if (it == lcols.end()) {
            throw PgError(sqlstate::kUndefinedColumn,
                          "column \"" + name + "\" specified in USING clause does not exist in left table");
        }
        scope.merged_columns.push_back(*it);
    }

    std::string sql = left + " " + kind + " " + right;
    if (!using_names.empty()) {
        std::vector<std::string> quoted;
        for (const auto& n : using_names) quoted.push_back(quote_identifier(n));
        sql += " USING (" + join_strings(quoted, ", ") + ")";
    } else if (j.quals != nullptr) {
        TypedSql cond = expression(j.quals, scope);
        resolve_unknown(cond, kBool, -1);
        sql += " ON " + cond.sql;
    } else if (j.jointype != PG_QUERY__JOIN_TYPE__JOIN_INNER) {
        throw PgError(sqlstate::kSyntaxError, "syntax error: join requires ON or USING");
    } else {
        sql = left + " CROSS JOIN " + right;
    }
    return sql;
}

// ---------------------------------------------------------------- SELECT

std::string QueryTranslator::target_list(PgQuery__Node** items, size_t count, const Scope& scope,
                                         std::vector<ResultColumn>& columns, std::vector<std::string>* expressions) {
    // SELECT with no columns (EXISTS (SELECT FROM ...)): SQLite needs one;
    // rows are encoded from `columns`, so it is never sent.
    if (count == 0) return "NULL";
    std::vector<std::string> parts;
    for (size_t i = 0; i < count; ++i) {
        const auto* rt = items[i]->res_target;
        const PgQuery__Node* val = rt->val;
        if (val->node_case == PG_QUERY__NODE__NODE_COLUMN_REF &&
            val->column_ref->fields[val->column_ref->n_fields - 1]->node_case ==
                PG_QUERY__NODE__NODE_A_STAR) {
            const auto* ref = val->column_ref;
            // `*` lists every FROM item's columns (USING columns once, first);
            // `t.*` only t's. Expanding here gives each column its type.
            if (ref->n_fields == 1) {
                if (scope.entries.empty()) {
                    throw PgError(sqlstate::kSyntaxError,
                                  "SELECT * with no tables specified is not valid", error_position(ref->location));
                }
                for (const auto& m : scope.merged_columns) {
                    parts.push_back(quote_identifier(m.name));
                    if (expressions != nullptr) expressions->push_back(parts.back());
                    columns.push_back({m.name, m.type, m.table_oid, m.column_number});
                }
                for (const auto& e : scope.entries) {
                    for (const auto& c : e.columns) {
                        bool merged = std::any_of(scope.merged_columns.begin(), scope.merged_columns.end(),
                                                  [&](auto& m) { return m.name == c.name; });
                        if (merged) continue;
                        parts.push_back(!c.sql.empty() ? c.sql + " AS " + quote_identifier(c.name)
                                        : e.unqualified ? quote_identifier(c.name)
                                                        : quote_identifier(e.refname) + "." + quote_identifier(c.name));
                        if (expressions != nullptr) expressions->push_back(!c.sql.empty() ? c.sql : parts.back());
                        columns.push_back({c.name, c.type, c.table_oid, c.column_number});
                    }
                }
            } else {
                std::string table = string_value(ref->fields[ref->n_fields - 2]);
                auto it = std::find_if(scope.entries.begin(), scope.entries.end(),
                                       [&](auto& e) { return e.refname == table; });
                if (it == scope.entries.end()) {
                    throw PgError(sqlstate::kUndefinedTable,
                                  "missing FROM-clause entry for table \"" + table + "\"",
                                  error_position(ref->location));
                }
                for (const auto& c : it->columns) {
                    parts.push_back(!c.sql.empty() ? c.sql + " AS " + quote_identifier(c.name)
                                    : it->unqualified ? quote_identifier(c.name)
                                                      : quote_identifier(it->refname) + "." + quote_identifier(c.name));
                    if (expressions != nullptr) expressions->push_back(!c.sql.empty() ? c.sql : parts.back());
                    columns.push_back({c.name, c.type, c.table_oid, c.column_number});
                }
            }
            continue;
        }
        size_t mark = group_check_ != nullptr ? group_check_->pending.size() : 0;
        TypedSql value = expression(val, scope);
        if (group_check_ != nullptr && group_check_->grouped_targets.count(i) > 0) group_check_->pending.resize(mark);
        if (value.type.is_unknown()) value.type = kText;
        std::string name = rt->name != nullptr && rt->name[0] != '\0' ? rt->name : figure_column_name(val);
        // A computed numeric carries the numeric collation, as a numeric
        // column does: DISTINCT, UNION and outer queries compare it by value.
        if (value.type.oid == oid::kNumeric && val->node_case != PG_QUERY__NODE__NODE_COLUMN_REF &&
            !value.is_null_literal) {
            value.sql = with_numeric_collation(value.sql);
        }
        parts.push_back(value.sql + " AS " + quote_identifier(name));
        if (expressions != nullptr) expressions->push_back(value.sql);
        columns.push_back({name, value.type, value.table_oid, value.column_number});
    }
    return join_strings(parts, ", ");
}

std::string QueryTranslator::order_by(PgQuery__Node** items, size_t count, const Scope& scope,
                                      const std::vector<ResultColumn>& outputs) {
    std::vector<std::string> parts;
    for (size_t i = 0; i < count; ++i) {
        const auto* sb = items[i]->sort_by;
        std::string term;
        PgType term_type;
        const PgQuery__Node* node = sb->node;
        if (node->node_case == PG_QUERY__NODE__NODE_PARAM_REF && parameter_types_.from_literals()) throw NeedsLiterals();
        // A bare name that is an output column sorts by it (PostgreSQL's
        // SQL92 rule); SQLite resolves an alias the same way.
        if (node->node_case == PG_QUERY__NODE__NODE_COLUMN_REF && node->column_ref->n_fields == 1 &&
            node->column_ref->fields[0]->node_case == PG_QUERY__NODE__NODE_STRING) {
            std::string name = string_value(node->column_ref->fields[0]);
            auto output = std::find_if(outputs.begin(), outputs.end(), [&](auto& c) { return c.name == name; });
            if (output != outputs.end()) {
                term = quote_identifier(name);
                term_type = output->type;
            }
        }
        if (term.empty() && node->node_case == PG_QUERY__NODE__NODE_A_CONST &&
            node->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL) {
            int n = node->a_const->ival->ival;
            if (n < 1 || size_t(n) > outputs.size()) {
                throw PgError(sqlstate::kInvalidColumnReference,
                              "ORDER BY position " + std::to_string(n) + " is not in select list",
                              error_position(node->a_const->location));
            }
            term = std::to_string(n);
            term_type = outputs[size_t(n - 1)].type;
        }
        if (term.empty()) {
            TypedSql value = expression(node, scope);
            term = value.sql;
            term_type = value.type;
        }
        // numeric text sorts by value (1.5 before 10); intervals, timetz,
        // arrays and jsonb by their own collations.
        if (term_type.oid == oid::kNumeric) {
            term = with_numeric_collation(term);
        } else {
            term = datetime_ordering(term, term_type) + sort_collation(term_type) + enum_sort_collation(term_type);
        }
        parts.push_back(term + sort_direction(*sb));
    }
    return parts.empty() ? "" : " ORDER BY " + join_strings(parts, ", ");
}

std::string QueryTranslator::window_spec(const PgQuery__WindowDef& w, const Scope& scope) {
    std::vector<std::string> parts;
    if (w.refname != nullptr && w.refname[0] != '\0') parts.push_back(quote_identifier(w.refname));
    if (w.n_partition_clause > 0) {
        std::vector<std::string> keys;
        for (size_t i = 0; i < w.n_partition_clause; ++i) keys.push_back(expression(w.partition_clause[i], scope).sql);
        parts.push_back("PARTITION BY " + join_strings(keys, ", "));
    }
    if (w.n_order_clause > 0) {
        std::vector<std::string> keys;
        for (size_t i = 0; i < w.n_order_clause; ++i) {
            const auto& sb = *w.order_clause[i]->sort_by;
            TypedSql key = expression(sb.node, scope);
            keys.push_back((key.type.oid == oid::kNumeric ? with_numeric_collation(key.sql) : key.sql) +
                           enum_sort_collation(key.type) + sort_direction(sb));
        }
        parts.push_back("ORDER BY " + join_strings(keys, ", "));
    }
    // frame_options carries PostgreSQL's FRAMEOPTION_* bits (parsenodes.h).
    const int32_t o = w.frame_options;
    if (o & 0x1) {
        auto offset = [&](const PgQuery__Node* node) {
            TypedSql v = expression(node, scope);
            resolve_unknown(v, kInt8, w.location);
            return v.sql;
        };
        auto bound = [&](bool start) -> std::string {
            int shift = start ? 0 : 1;
            if (o & (0x20 << shift)) return "UNBOUNDED PRECEDING";
            if (o & (0x80 << shift)) return "UNBOUNDED FOLLOWING";
            if (o & (0x200 << shift)) return "CURRENT ROW";
            const PgQuery__Node* node = start ? w.start_offset : w.end_offset;
            if (o & (0x800 << shift)) return offset(node) + " PRECEDING";
            return offset(node) + " FOLLOWING";
        };
        std::string frame = (o & 0x2) ? "RANGE " : (o & 0x4) ? "ROWS " : "GROUPS ";
        frame += (o & 0x10) ? "BETWEEN " + bound(true) + " AND " + bound(false) : bound(true);
        if (o & 0x8000) frame += " EXCLUDE CURRENT ROW";
        if (o & 0x10000) frame += " EXCLUDE GROUP";
        if (o & 0x20000) frame += " EXCLUDE TIES";
        parts.push_back(frame);
    }
    return "(" + join_strings(parts, " ") + ")";
}

std::string QueryTranslator::limit_offset(const PgQuery__SelectStmt& stmt, const Scope& scope) {
    if (stmt.limit_option == PG_QUERY__LIMIT_OPTION__LIMIT_OPTION_WITH_TIES) {
        throw_unsupported("FETCH ... WITH TIES");
    }
    auto bound = [&](const PgQuery__Node* node) -> std::string {
        if (node == nullptr) return "";
        if (node->node_case == PG_QUERY__NODE__NODE_A_CONST && node->a_const->isnull) return "";
        TypedSql v = expression(node, scope);
        resolve_unknown(v, kInt8, -1);
        return v.sql;
    };
    std::string limit = bound(stmt.limit_count);
    std::string offset = bound(stmt.limit_offset);
    if (limit.empty() && offset.empty()) return "";
    // SQLite needs a LIMIT before OFFSET; -1 means no limit.
    std::string sql = " LIMIT " + (limit.empty() ? std::string("-1") : limit);
    if (!offset.empty()) sql += " OFFSET " + offset;
    return sql;
}

SelectOutput QueryTranslator::set_operation(const PgQuery__SelectStmt& stmt, const Scope* outer) {
    auto member = [&](const PgQuery__SelectStmt& s, bool right) {
        SelectOutput out = select(s, outer);
        bool needs_wrap = s.n_sort_clause > 0 || s.limit_count != nullptr ||
                          s.limit_offset != nullptr ||
                          (right && s.op != PG_QUERY__SET_OPERATION__SETOP_NONE);
        if (needs_wrap) out.sql = "SELECT * FROM (" + out.sql + ")";
        return out;
    };
    SelectOutput left = member(*stmt.larg, false);
    SelectOutput right = member(*stmt.rarg, true);
    if (left.columns.size() != right.columns.size()) {
        const char* op = stmt.op == PG_QUERY__SET_OPERATION__SETOP_UNION       ? "UNION"
                         : stmt.op == PG_QUERY__SET_OPERATION__SETOP_INTERSECT ? "INTERSECT"
                                                                                : "EXCEPT";
        throw PgError(sqlstate::kSyntaxError,
                      std::string("each ") + op + " query must have the same number of columns");
    }
    const char* op = "UNION";
    if (stmt.op == PG_QUERY__SET_OPERATION__SETOP_INTERSECT) op = "INTERSECT";
    if (stmt.op == PG_QUERY__SET_OPERATION__SETOP_EXCEPT) op = "EXCEPT";
    if (stmt.all && stmt.op != PG_QUERY__SET_OPERATION__SETOP_UNION) {
        throw_unsupported(std::string(op) + " ALL");
    }
    SelectOutput out;
    out.columns = left.columns;
    for (size_t i = 0; i < out.columns.size(); ++i) {
        if (out.columns[i].type == kText && right.columns[i].type != kText) {
            out.columns[i].type = right.columns[i].type;
        }
        // Integers widen (integer UNION bigint is bigint); their values need no conversion.
        if (is_integer_type(out.columns[i].type) && is_integer_type(right.columns[i].type)) {
            out.columns[i].type = arithmetic_type(out.columns[i].type, right.columns[i].type);
        }
    }
    out.sql = left.sql + " " + op + (stmt.all ? " ALL " : " ") + right.sql;
    Scope empty;
    empty.parent = outer;
    out.sql += order_by(stmt.sort_clause, stmt.n_sort_clause, empty, out.columns);
    out.sql += limit_offset(stmt, empty);
    return out;
}

SelectOutput QueryTranslator::values(const PgQuery__SelectStmt& stmt, const Scope& scope) {
    SelectOutput out;
    std::vector<std::vector<TypedSql>> cells;
    std::vector<PgType> types;  // each column's common type, as PostgreSQL resolves a VALUES column
    for (size_t r = 0; r < stmt.n_values_lists; ++r) {
        const auto* list = stmt.values_lists[r]->list;
        if (r > 0 && list->n_items != types.size()) {
            throw PgError(sqlstate::kSyntaxError, "VALUES lists must all be the same length");
        }
        cells.emplace_back();
        for (size_t c = 0; c < list->n_items; ++c) {
            TypedSql v = expression(list->items[c], scope);
            if (r == 0) types.push_back(v.type);
            PgType& type = types[c];
            if (type.is_unknown()) {
                type = v.type;
            } else if (is_numeric_category(type) && is_numeric_category(v.type) && type != v.type) {
                type = arithmetic_type(type, v.type);
            }
            cells.back().push_back(std::move(v));
        }
    }
    std::vector<std::string> rows;
    for (auto& row : cells) {
        std::vector<std::string> sqls;
        for (size_t c = 0; c < row.size(); ++c) {
            if (types[c].is_unknown()) types[c] = kText;
            resolve_unknown(row[c], types[c], -1);
            // Each value in the column's type (integers as numeric text...), to compare as one type.
            sqls.push_back(common_type_operand_sql(row[c], types[c]));
        }
        rows.push_back("(" + join_strings(sqls, ", ") + ")");
    }
    for (size_t c = 0; c < types.size(); ++c) out.columns.push_back({"column" + std::to_string(c + 1), types[c]});
    // SQLite names VALUES columns column1, column2, ... as PostgreSQL does.
    out.sql = "SELECT * FROM (VALUES " + join_strings(rows, ", ") + ")";
    out.sql += order_by(stmt.sort_clause, stmt.n_sort_clause, scope, out.columns);
    out.sql += limit_offset(stmt, scope);
    return out;
}

SelectOutput QueryTranslator::select(const PgQuery__SelectStmt& stmt, const Scope* outer) {
    if (stmt.with_clause != nullptr) {
        size_t mark = common_table_mark();
        SelectOutput out;
        try {
            std::string with = with_clause(*stmt.with_clause, outer);
            PgQuery__SelectStmt body = stmt;
            body.with_clause = nullptr;
            out = select(body, outer);
            out.sql = with + out.sql;
        } catch (...) {
            pop_common_tables(mark);
            throw;
        }
        pop_common_tables(mark);
        return out;
    }
    if (stmt.into_clause != nullptr) throw_unsupported("SELECT INTO");
    if (stmt.op != PG_QUERY__SET_OPERATION__SETOP_NONE) return set_operation(stmt, outer);

    Scope scope;
    scope.parent = outer;
    if (stmt.n_values_lists > 0) return values(stmt, scope);
    // A subquery's own clauses are not its parent's WHERE.
    struct RestoreWhere {
        bool& flag;
        bool saved;
        ~RestoreWhere() { flag = saved; }
    } restore_where{in_where_, in_where_};
    in_where_ = false;

    std::vector<std::string> from;
    for (size_t i = 0; i < stmt.n_from_clause; ++i) from.push_back(from_item(stmt.from_clause[i], scope));
    select_list_functions(stmt.target_list, stmt.n_target_list, stmt.n_group_clause > 0, scope, from);

    std::string where;
    if (stmt.where_clause != nullptr) where = " WHERE " + condition(stmt.where_clause, scope, "WHERE");

    // This level's grouping check; a subquery has its own.
    GroupCheck check;
    struct RestoreCheck {
        GroupCheck*& slot;
        GroupCheck* saved;
        ~RestoreCheck() { slot = saved; }
    } restore_check{group_check_, group_check_};
    group_check_ = nullptr;
    std::string group = group_by(stmt, scope, check);
    group_check_ = &check;

    SelectOutput out;
    bool is_distinct_on = stmt.n_distinct_clause > 0 && stmt.distinct_clause[0] != nullptr &&
                          stmt.distinct_clause[0]->node_case != 0;
    std::string sql = "SELECT ";
    if (stmt.n_distinct_clause > 0 && !is_distinct_on) sql += "DISTINCT ";
    check.active = true;
    std::vector<std::string> expressions;
    std::string targets = target_list(stmt.target_list, stmt.n_target_list, scope, out.columns, &expressions);
    check.active = false;
    // Everything after the select list, up to ORDER BY.
    std::string body;
    if (!from.empty()) body += " FROM " + join_strings(from, ", ");
    body += where + group;
    check.active = true;
    if (stmt.having_clause != nullptr) body += " HAVING " + expression(stmt.having_clause, scope).sql;
    check.active = false;
    for (size_t i = 0; i < stmt.n_window_clause; ++i) {
        const auto& w = *stmt.window_clause[i]->window_def;
        body += (i == 0 ? " WINDOW " : ", ") + quote_identifier(w.name) + " AS " + window_spec(w, scope);
    }
    check.active = true;
    if (is_distinct_on) {
        sql = distinct_on(stmt, scope, out.columns, expressions, body);
    } else {
        sql += targets + body + order_by(stmt.sort_clause, stmt.n_sort_clause, scope, out.columns);
    }
    check.active = false;
    bool grouped = stmt.n_group_clause > 0 || stmt.having_clause != nullptr || check.saw_aggregate;
    if (grouped && !check.pending.empty()) {
        // Lifted literals make equal expressions look different ($1 vs $2).
        if (parameter_types_.from_literals()) throw NeedsLiterals();
        const auto& v = check.pending.front();
        throw PgError(sqlstate::kGroupingError,
                      "column \"" + v.column + "\" must appear in the GROUP BY clause or be used in an aggregate function",
                      error_position(v.location));
    }
    sql += limit_offset(stmt, scope);
    out.sql = std::move(sql);
    return out;
}

std::string QueryTranslator::distinct_on(const PgQuery__SelectStmt& stmt, const Scope& scope,
                                         const std::vector<ResultColumn>& columns,
                                         const std::vector<std::string>& expressions, const std::string& body) {
    // A key is an output column (by position or name, as ORDER BY reads
    // them) or an expression over the FROM items.
    auto key = [&](const PgQuery__Node* node) -> std::string {
        if (node->node_case == PG_QUERY__NODE__NODE_PARAM_REF && parameter_types_.from_literals()) throw NeedsLiterals();
        if (node->node_case == PG_QUERY__NODE__NODE_A_CONST && node->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL) {
            int n = node->a_const->ival->ival;
            if (n < 1 || size_t(n) > expressions.size()) {
                throw PgError(sqlstate::kInvalidColumnReference,
                              "DISTINCT ON position " + std::to_string(n) + " is not in select list",
                              error_position(node->a_const->location));
            }
            return expressions[size_t(n - 1)];
        }
        if (node->node_case == PG_QUERY__NODE__NODE_COLUMN_REF && node->column_ref->n_fields == 1 &&
            node->column_ref->fields[0]->node_case == PG_QUERY__NODE__NODE_STRING) {
            std::string name = string_value(node->column_ref->fields[0]);
            for (size_t i = 0; i < columns.size(); ++i) {
                if (columns[i].name == name) return expressions[i];
            }
        }
        return expression(node, scope).sql;
    };
    std::vector<std::string> partition, window_order, outer_order, inner_list;
    for (size_t i = 0; i < expressions.size(); ++i) {
        inner_list.push_back(expressions[i] + " AS \"?column" + std::to_string(i + 1) + "\"");
    }
    for (size_t i = 0; i < stmt.n_distinct_clause; ++i) partition.push_back(key(stmt.distinct_clause[i]));
    // Without ORDER BY the rows come out sorted by the keys, as PostgreSQL's
    // sort-based DISTINCT ON gives them.
    std::vector<std::pair<std::string, std::string>> order;
    for (size_t i = 0; i < stmt.n_sort_clause; ++i) {
        const auto& sb = *stmt.sort_clause[i]->sort_by;
        order.emplace_back(key(sb.node), sort_direction(sb));
    }
    if (order.empty()) {
        for (const auto& p : partition) order.emplace_back(p, " ASC NULLS LAST");
    }
    for (size_t i = 0; i < order.size(); ++i) {
        std::string alias = "\"?order" + std::to_string(i + 1) + "\"";
        inner_list.push_back(order[i].first + " AS " + alias);
        window_order.push_back(order[i].first + order[i].second);
        outer_order.push_back(alias + order[i].second);
    }
    inner_list.push_back("row_number() OVER (PARTITION BY " + join_strings(partition, ", ") + " ORDER BY " +
                         join_strings(window_order, ", ") + ") AS \"?rank\"");
    std::vector<std::string> outputs;
    for (size_t i = 0; i < columns.size(); ++i) {
        outputs.push_back("\"?column" + std::to_string(i + 1) + "\" AS " + quote_identifier(columns[i].name));
    }
    return "SELECT " + join_strings(outputs, ", ") + " FROM (SELECT " + join_strings(inner_list, ", ") + body +
           ") WHERE \"?rank\" = 1 ORDER BY " + join_strings(outer_order, ", ");
}

std::string QueryTranslator::group_by(const PgQuery__SelectStmt& stmt, const Scope& scope, GroupCheck& check) {
    if (stmt.n_group_clause == 0) return "";
    std::vector<std::string> groups;
    for (size_t i = 0; i < stmt.n_group_clause; ++i) {
        const PgQuery__Node* g = stmt.group_clause[i];
        if (g->node_case == PG_QUERY__NODE__NODE_PARAM_REF && parameter_types_.from_literals()) throw NeedsLiterals();
        if (g->node_case == PG_QUERY__NODE__NODE_A_CONST && g->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL) {
            int n = g->a_const->ival->ival;
            if (n < 1 || size_t(n) > stmt.n_target_list) {
                throw PgError(sqlstate::kInvalidColumnReference,
                              "GROUP BY position " + std::to_string(n) + " is not in select list",
                              error_position(g->a_const->location));
            }
            check.grouped_targets.insert(size_t(n - 1));
            groups.push_back(std::to_string(n));
            continue;
        }
        if (g->node_case == PG_QUERY__NODE__NODE_GROUPING_SET) throw_unsupported("GROUPING SETS");
        try {
            TypedSql key = expression(g, scope);
            check.grouped.insert(key.sql);
            // Groups of numerics by value: 1.0 and 1.00 are one group.
            groups.push_back(key.type.oid == oid::kNumeric ? with_numeric_collation(key.sql) : key.sql);
        } catch (const PgError& e) {
            // GROUP BY may name an output column, as in PostgreSQL, when no
            // input column has that name.
            std::string name = g->node_case == PG_QUERY__NODE__NODE_COLUMN_REF ? figure_column_name(g) : "";
            if (e.sqlstate() != sqlstate::kUndefinedColumn || name.empty()) throw;
            bool found = false;
            for (size_t t = 0; t < stmt.n_target_list; ++t) {
                const auto* rt = stmt.target_list[t]->res_target;
                std::string output = rt->name != nullptr && rt->name[0] != '\0' ? rt->name : figure_column_name(rt->val);
                if (output == name) {
                    check.grouped_targets.insert(t);
                    found = true;
                }
            }
            if (!found) throw;
            groups.push_back(quote_identifier(name));
        }
    }
    return " GROUP BY " + join_strings(groups, ", ");
}

std::string QueryTranslator::condition(const PgQuery__Node* node, const Scope& scope, const char* clause) {
    bool saved = in_where_;
    in_where_ = true;
    TypedSql where;
    try {
        where = expression(node, scope);
    } catch (...) {
        in_where_ = saved;
        throw;
    }
    in_where_ = saved;
    resolve_unknown(where, kBool, -1);
    if (where.type != kBool && !where.is_null_literal) {
        throw PgError(sqlstate::kDatatypeMismatch,
                      std::string("argument of ") + clause + " must be type boolean, not type " +
                          format_type(where.type));
    }
    return where.sql;
}

// ---------------------------------------------------------------- expressions

// A literal as SQL: converted now, or, when its value depends on the
// session's TimeZone or clock ('now', a timestamptz without offset),
// checked now and converted when the statement runs (translations are shared).
static std::string literal_sql(const std::string& text, PgType target, int position) {
    std::string sql = coerce_literal(text, target, position);
    if (is_datetime_type(target) && depends_on_session(text, target.oid)) {
        return datetime_precision("litegres_datetime_in(" + quote_string(text) + ", " + std::to_string(target.oid) + ")",
                                  target);
    }
    return sql;
}

void QueryTranslator::resolve_unknown(TypedSql& value, PgType context, int location) {
    if (!value.untyped() || context.is_unknown()) return;
    if (auto type = enum_type_of(context)) {
        value = enum_value(value, *type, location);
        return;
    }
    // Beside a numeric(p,s) value, a literal is plain numeric: comparing
    // with '19.991' must not round it to the column's scale.
    if (context.oid == oid::kNumeric) context.typmod = -1;
    if (value.parameter > 0) {
        parameter_types_.set(value.parameter, context);
        value.type = context;
        return;
    }
    // An input error points at the literal itself, as in PostgreSQL.
    value.sql = literal_sql(*value.unknown_literal, context, error_position(value.location >= 0 ? value.location : location));
    value.type = context;
    value.unknown_literal.reset();
}

std::string QueryTranslator::assignment(const TypedSql& value, PgType target, int location) {
    if (value.is_null_literal) return "NULL";
    if (auto type = enum_type_of(target)) return enum_assignment(value, *type, location);
    if (value.unknown_literal) {
        return literal_sql(*value.unknown_literal, target, error_position(value.location >= 0 ? value.location : location));
    }
    if (value.untyped()) {
        parameter_types_.set(value.parameter, target);
        return value.sql;
    }
    if (value.type == target || value.type.is_unknown()) return value.sql;
    if (is_integer_type(target) && is_numeric_category(value.type)) {
        // Narrowing or rounding, with PostgreSQL's range check (22003).
        bool widening = (target.oid == oid::kInt8 && is_integer_type(value.type)) ||
                        (target.oid == oid::kInt4 && value.type.oid == oid::kInt2);
        return widening ? value.sql : integer_conversion(value.sql, value.type, target);
    }
    if ((target.oid == oid::kFloat8 || target.oid == oid::kFloat4) && is_integer_type(value.type)) {
        return "CAST(" + value.sql + " AS REAL)";
    }
    if (target.oid == oid::kNumeric && is_numeric_category(value.type)) return numeric_coercion_sql(value, target);
    if ((target.oid == oid::kFloat8 || target.oid == oid::kFloat4) && value.type.oid == oid::kNumeric) {
        return float_operand_sql(value);
    }
    if (is_string_type(target) && !is_string_type(value.type)) {
        return cast_to(value, target, location).sql;
    }
    if (is_numeric_category(target) && is_numeric_category(value.type)) return value.sql;
    if (is_string_type(target) && is_string_type(value.type)) {
        // Assignment to varchar(n)/char(n) checks the length (22001) and pads char(n).
        if ((target.oid == oid::kVarchar || target.oid == oid::kBpchar) && target.typmod >= 4) {
            return "litegres_char_length_check(" + value.sql + ", " + std::to_string(target.oid) + ", " +
                   std::to_string(target.typmod) + ", 0)";
        }
        return value.sql;
    }
    if (is_datetime_type(target) && is_datetime_type(value.type)) {
        if (std::optional<std::string> sql = datetime_cast(value.sql, value.type, target)) {
            return datetime_precision(*sql, target);
        }
    }
    bool both_json = (target.oid == oid::kJson || target.oid == oid::kJsonb) &&
                     (value.type.oid == oid::kJson || value.type.oid == oid::kJsonb);
    if (both_json || (pgwire::is_array_type(target.oid) && pgwire::is_array_type(value.type.oid))) {
        return cast_to(value, target, location).sql;
    }
    throw PgError(sqlstate::kDatatypeMismatch,
                  "column is of type " + format_type(target, &catalog_) + " but expression is of type " +
                      format_type(value.type, &catalog_),
                  error_position(location))
        .with_hint("You will need to rewrite or cast the expression.");
}

TypedSql QueryTranslator::expression(const PgQuery__Node* node, const Scope& scope) {
    if (group_check_ == nullptr || !group_check_->active) return expression_node(node, scope);
    size_t mark = group_check_->pending.size();
    TypedSql t = expression_node(node, scope);
    // A subexpression that is itself a GROUP BY item is grouped as a whole.
    if (group_check_->pending.size() > mark && group_check_->grouped.count(t.sql) > 0) {
        group_check_->pending.resize(mark);
    }
    return t;
}

void QueryTranslator::note_column_use(const RangeEntry& entry, const std::string& column, const std::string& sql,
                                      int location) {
    GroupCheck* check = group_check_;
    if (check == nullptr || !check->active || check->aggregate_depth > 0 || check->grouped.count(sql) > 0) return;
    bool has_key = false, key_grouped = true;
    for (const auto& c : entry.columns) {
        if (!c.primary_key) continue;
        has_key = true;
        std::string key = entry.unqualified ? quote_identifier(c.name)
                                            : quote_identifier(entry.refname) + "." + quote_identifier(c.name);
        if (check->grouped.count(key) == 0) key_grouped = false;
    }
    if (has_key && key_grouped) return;
    check->pending.push_back({entry.refname + "." + column, location});
}

TypedSql QueryTranslator::expression_node(const PgQuery__Node* node, const Scope& scope) {
    switch (node->node_case) {
        case PG_QUERY__NODE__NODE_A_CONST: return constant(*node->a_const);
        case PG_QUERY__NODE__NODE_COLUMN_REF: return column_ref(*node->column_ref, scope);
        case PG_QUERY__NODE__NODE_A_EXPR: return operator_expr(*node->a_expr, scope);
        case PG_QUERY__NODE__NODE_BOOL_EXPR: {
            const auto& b = *node->bool_expr;
            std::vector<std::string> args;
            for (size_t i = 0; i < b.n_args; ++i) {
                TypedSql a = expression(b.args[i], scope);
                resolve_unknown(a, kBool, b.location);
                if (a.type != kBool && !a.is_null_literal) {
                    const char* op = b.boolop == PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR  ? "AND"
                                     : b.boolop == PG_QUERY__BOOL_EXPR_TYPE__OR_EXPR ? "OR"
                                                                                      : "NOT";
                    throw PgError(sqlstate::kDatatypeMismatch,
                                  std::string("argument of ") + op + " must be type boolean, not type " +
                                      format_type(a.type),
                                  error_position(b.location));
                }
                args.push_back(a.sql);
            }
            if (b.boolop == PG_QUERY__BOOL_EXPR_TYPE__NOT_EXPR) return {"(NOT " + args[0] + ")", kBool};
            const char* op = b.boolop == PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR ? " AND " : " OR ";
            return {"(" + join_strings(args, op) + ")", kBool};
        }
        case PG_QUERY__NODE__NODE_NULL_TEST: {
            const auto& t = *node->null_test;
            bool is_null = t.nulltesttype == PG_QUERY__NULL_TEST_TYPE__IS_NULL;
            if (const PgQuery__RowExpr* row = row_constructor(t.arg)) return row_null_test(*row, is_null, scope);
            TypedSql a = expression(t.arg, scope);
            return {"(" + a.sql + (is_null ? " IS NULL)" : " IS NOT NULL)"), kBool};
        }
        case PG_QUERY__NODE__NODE_BOOLEAN_TEST: {
            const auto& t = *node->boolean_test;
            TypedSql a = expression(t.arg, scope);
            resolve_unknown(a, kBool, t.location);
            const char* test = "";
            switch (t.booltesttype) {
                case PG_QUERY__BOOL_TEST_TYPE__IS_TRUE: test = " IS TRUE"; break;
                case PG_QUERY__BOOL_TEST_TYPE__IS_NOT_TRUE: test = " IS NOT TRUE"; break;
                case PG_QUERY__BOOL_TEST_TYPE__IS_FALSE: test = " IS FALSE"; break;
                case PG_QUERY__BOOL_TEST_TYPE__IS_NOT_FALSE: test = " IS NOT FALSE"; break;
                case PG_QUERY__BOOL_TEST_TYPE__IS_UNKNOWN: test = " IS NULL"; break;
                case PG_QUERY__BOOL_TEST_TYPE__IS_NOT_UNKNOWN: test = " IS NOT NULL"; break;
                default: throw_unsupported("this boolean test", t.location);
            }
            return {"(" + a.sql + test + ")", kBool};
        }
        case PG_QUERY__NODE__NODE_FUNC_CALL: return function_call(*node->func_call, scope);
        case PG_QUERY__NODE__NODE_TYPE_CAST: return type_cast(*node->type_cast, scope);
        case PG_QUERY__NODE__NODE_CASE_EXPR: return case_expr(*node->case_expr, scope);
        case PG_QUERY__NODE__NODE_COALESCE_EXPR: {
            const auto& c = *node->coalesce_expr;
            std::vector<TypedSql> args;
            PgType type = kUnknown;
            for (size_t i = 0; i < c.n_args; ++i) {
                args.push_back(expression(c.args[i], scope));
                const PgType& t = args.back().type;
                if (type.is_unknown()) type = t;
                else if (is_numeric_category(type) && is_numeric_category(t) && type != t) type = arithmetic_type(type, t);
            }
            std::vector<std::string> sqls;
            for (auto& a : args) {
                resolve_unknown(a, type, c.location);
                sqls.push_back(common_type_operand_sql(a, type));
            }
            if (sqls.size() == 1) sqls.push_back("NULL");  // SQLite wants two or more
            return {"coalesce(" + join_strings(sqls, ", ") + ")", type};
        }
        case PG_QUERY__NODE__NODE_MIN_MAX_EXPR: {
            const auto& m = *node->min_max_expr;
            std::vector<TypedSql> args;
            PgType type = kUnknown;
            for (size_t i = 0; i < m.n_args; ++i) {
                args.push_back(expression(m.args[i], scope));
                const PgType& t = args.back().type;
                if (type.is_unknown()) type = t;
                else if (is_numeric_category(type) && is_numeric_category(t)) type = arithmetic_type(type, t);
            }
            std::vector<std::string> sqls;
            for (auto& a : args) {
                resolve_unknown(a, type, m.location);
                sqls.push_back(a.sql);
            }
            // PostgreSQL's GREATEST/LEAST skip NULLs; SQLite's max()/min() do not.
            bool greatest = m.op == PG_QUERY__MIN_MAX_OP__IS_GREATEST;
            if (enum_type_of(type)) return enum_extremum(sqls, type, greatest);
            const char* fn = type.oid == oid::kNumeric ? (greatest ? "litegres_numeric_greatest" : "litegres_numeric_least")
                                                       : (greatest ? "litegres_greatest" : "litegres_least");
            return {std::string(fn) + "(" + join_strings(sqls, ", ") + ")", type};
        }
        case PG_QUERY__NODE__NODE_SUB_LINK: return sub_link(*node->sub_link, scope);
        case PG_QUERY__NODE__NODE_SQLVALUE_FUNCTION: return value_function(*node->sqlvalue_function);
        case PG_QUERY__NODE__NODE_PARAM_REF: {
            const auto& p = *node->param_ref;
            if (p.number < 1 || p.number > 65535) {
                throw PgError(sqlstate::kUndefinedParameter, "there is no parameter $" + std::to_string(p.number),
                              error_position(p.location));
            }
            parameter_types_.note(p.number);
            TypedSql t{"?" + std::to_string(p.number), parameter_types_.get(p.number)};
            t.parameter = p.number;
            return t;
        }
        case PG_QUERY__NODE__NODE_A_ARRAY_EXPR: return array_constructor(*node->a_array_expr, scope);
        case PG_QUERY__NODE__NODE_COLLATE_CLAUSE: {
            // litegres compares text bytewise, which is PostgreSQL's "C"
            // collation; the collations that mean the same are accepted.
            const auto& c = *node->collate_clause;
            std::string name = string_value(c.collname[c.n_collname - 1]);
            static const char* kBytewise[] = {"default", "C", "POSIX", "ucs_basic", "C.utf8", "C.UTF-8"};
            bool bytewise = std::any_of(std::begin(kBytewise), std::end(kBytewise),
                                        [&](const char* n) { return name == n; });
            if (!bytewise) throw_unsupported("COLLATE \"" + name + "\"", c.location);
            TypedSql arg = expression(c.arg, scope);
            resolve_unknown(arg, kText, c.location);
            return arg;
        }
        case PG_QUERY__NODE__NODE_A_INDIRECTION: return indirection(*node->a_indirection, scope);
        case PG_QUERY__NODE__NODE_ROW_EXPR: throw_unsupported("ROW(...)");
        default: throw_unsupported("this expression");
    }
}

TypedSql QueryTranslator::constant(const PgQuery__AConst& c) {
    if (c.isnull) {
        TypedSql t{"NULL", kUnknown};
        t.is_null_literal = true;
        return t;
    }
    switch (c.val_case) {
        case PG_QUERY__A__CONST__VAL_IVAL: return {std::to_string(c.ival->ival), kInt4};
        case PG_QUERY__A__CONST__VAL_FVAL: {
            std::string text = c.fval->fval;
            bool integral = text.find_first_of(".eE") == std::string::npos;
            if (integral) {
                // An integer too big for int4 is int8 if it fits, else
                // numeric (-2147483648 arrives here and is int4).
                errno = 0;
                long long value = std::strtoll(text.c_str(), nullptr, 10);
                if (errno != ERANGE) return {text, value >= INT32_MIN && value <= INT32_MAX ? kInt4 : kInt8};
            }
            // numeric literals are numeric text, with their own display scale.
            return {quote_string(NumericValue::parse(text).to_string()), kNumeric};
        }
        case PG_QUERY__A__CONST__VAL_BOOLVAL: return {c.boolval->boolval ? "1" : "0", kBool};
        case PG_QUERY__A__CONST__VAL_SVAL: {
            TypedSql t{quote_string(c.sval->sval), kUnknown};
            t.unknown_literal = c.sval->sval;
            t.location = c.location;
            return t;
        }
        default: throw_unsupported("bit-string constants", c.location);
    }
}

std::optional<TypedSql> QueryTranslator::whole_row_reference(const PgQuery__Node* node, const Scope& scope) {
    if (node->node_case != PG_QUERY__NODE__NODE_COLUMN_REF) return std::nullopt;
    const auto& ref = *node->column_ref;
    // t, or t.* (a column named t wins over the relation, as in PostgreSQL).
    bool star = ref.n_fields == 2 && ref.fields[1]->node_case == PG_QUERY__NODE__NODE_A_STAR;
    if ((ref.n_fields != 1 && !star) || ref.fields[0]->node_case != PG_QUERY__NODE__NODE_STRING) return std::nullopt;
    std::string name = string_value(ref.fields[0]);
    for (const Scope* s = &scope; s != nullptr; s = s->parent) {
        if (!star) {
            for (const auto& e : s->entries) {
                if (e.find_column(name) != nullptr) return std::nullopt;
            }
            for (const auto& m : s->merged_columns) {
                if (m.name == name) return std::nullopt;
            }
        }
        for (const auto& e : s->entries) {
            if (e.refname != name || (e.scalar_function && !star)) continue;
            if (s->lateral) lateral_reference_ = LateralReference{e.refname, ref.location};
            // The row as a JSON object (composite_to_json's compact form).
            std::vector<std::string> parts{"0"};
            for (const auto& c : e.columns) {
                std::string sql = !c.sql.empty()   ? c.sql
                                  : e.unqualified ? quote_identifier(c.name)
                                                  : quote_identifier(e.refname) + "." + quote_identifier(c.name);
                if (s == &scope) note_column_use(e, c.name, sql, ref.location);
                parts.push_back(quote_string(c.name));
                parts.push_back(json_fragment(TypedSql{sql, c.type}, ref.location));
            }
            std::string row = "litegres_json_row(" + join_strings(parts, ", ") + ")";
            if (e.nullable) {
                // The NULL-extended row of an outer join is NULL, not a row of NULLs.
                auto object = e.user_relation ? catalog_.find_object(e.sqlite_name.empty() ? e.relation_name
                                                                                           : e.sqlite_name)
                                              : std::nullopt;
                if (!object || object->kind != "table") {
                    throw_unsupported("a whole-row reference to this outer-joined relation", ref.location);
                }
                row = "(CASE WHEN " + quote_identifier(e.refname) + ".rowid IS NULL THEN NULL ELSE " + row + " END)";
            }
            return TypedSql{row, PgType{pgwire::oid::kRecord, -1}};
        }
    }
    return std::nullopt;
}

TypedSql QueryTranslator::column_ref(const PgQuery__ColumnRef& ref, const Scope& scope) {
    std::vector<std::string> names;
    for (size_t i = 0; i < ref.n_fields; ++i) {
        if (ref.fields[i]->node_case == PG_QUERY__NODE__NODE_A_STAR) {
            throw PgError(sqlstate::kSyntaxError, "row expansion via \"*\" is not supported here",
                          error_position(ref.location));
        }
        names.push_back(string_value(ref.fields[i]));
    }
    std::string column = names.back();
    if (names.size() == 1) {
        for (const Scope* s = &scope; s != nullptr; s = s->parent) {
            for (const auto& m : s->merged_columns) {
                if (m.name != column) continue;
                if (s->lateral) lateral_reference_ = LateralReference{"", ref.location};
                return {quote_identifier(column), m.type};
            }
            const RangeEntry* found = nullptr;
            const ColumnInfo* info = nullptr;
            for (const auto& e : s->entries) {
                for (const auto* list : {&e.columns, &e.system_columns}) {
                    for (const auto& c : *list) {
                        if (c.name != column) continue;
                        if (found != nullptr) {
                            throw PgError(sqlstate::kAmbiguousColumn, "column reference \"" + column + "\" is ambiguous",
                                          error_position(ref.location));
                        }
                        found = &e;
                        info = &c;
                    }
                }
            }
            if (found != nullptr) {
                TypedSql t{!info->sql.empty()      ? info->sql
                           : found->unqualified ? quote_identifier(column)
                                                : quote_identifier(found->refname) + "." + quote_identifier(column),
                           info->type};
                if (s == &scope) note_column_use(*found, column, t.sql, ref.location);
                if (s->lateral) lateral_reference_ = LateralReference{found->refname, ref.location};
                t.table_oid = info->table_oid;
                t.column_number = info->column_number;
                return t;
            }
        }
        // PostgreSQL's whole-row reference, for a function of a base type.
        for (const Scope* s = &scope; s != nullptr; s = s->parent) {
            for (const auto& e : s->entries) {
                if (e.refname != column || !e.scalar_function || e.columns.size() != 1) continue;
                const ColumnInfo& c = e.columns[0];
                if (s->lateral) lateral_reference_ = LateralReference{e.refname, ref.location};
                return {!c.sql.empty() ? c.sql : quote_identifier(e.refname) + "." + quote_identifier(c.name), c.type};
            }
        }
        throw PgError(sqlstate::kUndefinedColumn, "column \"" + column + "\" does not exist",
                      error_position(ref.location));
    }
    if (names.size() > 3) throw_unsupported("column references with more than three parts", ref.location);
    std::string table = names[names.size() - 2];
    for (const Scope* s = &scope; s != nullptr; s = s->parent) {
        for (const auto& e : s->entries) {
            if (e.refname != table || (names.size() == 3 && e.schema != names[0])) continue;
            if (const ColumnInfo* c = e.find_column(column)) {
                TypedSql t{!c->sql.empty()   ? c->sql
                           : e.unqualified ? quote_identifier(column)
                                           : quote_identifier(e.refname) + "." + quote_identifier(column),
                           c->type};
                if (s == &scope) note_column_use(e, column, t.sql, ref.location);
                if (s->lateral) lateral_reference_ = LateralReference{e.refname, ref.location};
                t.table_oid = c->table_oid;
                t.column_number = c->column_number;
                return t;
            }
            throw PgError(sqlstate::kUndefinedColumn,
                          "column " + table + "." + column + " does not exist", error_position(ref.location));
        }
    }
    throw PgError(sqlstate::kUndefinedTable, "missing FROM-clause entry for table \"" + table + "\"",
                  error_position(ref.location));
}

TypedSql QueryTranslator::like(const TypedSql& l, const TypedSql& r, bool negated, bool insensitive,
                               const std::string& escape) {
    std::string lhs = insensitive ? "lower(" + l.sql + ")" : l.sql;
    std::string rhs = insensitive ? "lower(" + r.sql + ")" : r.sql;
    return {"(" + lhs + (negated ? " NOT LIKE " : " LIKE ") + rhs + " ESCAPE " + escape + ")", kBool};
}

TypedSql QueryTranslator::binary_operator(const std::string& op, TypedSql l, TypedSql r, int location) {
    if (op == "~~" || op == "~~*" || op == "!~~" || op == "!~~*") {
        // LIKE's operator names, as x LIKE ANY (array) spells them.
        resolve_unknown(l, kText, location);
        resolve_unknown(r, kText, location);
        if (!is_string_type(l.type) || !is_string_type(r.type)) {
            throw PgError(sqlstate::kUndefinedFunction,
                          "operator does not exist: " + format_type(l.type) + " " + op + " " + format_type(r.type),
                          error_position(location));
        }
        return like(l, r, op.front() == '!', op.find('*') != std::string::npos, "'\\'");
    }
    if (auto container = container_operator(op, l, r, location)) return *container;
    if (auto enum_result = enum_operator(op, l, r, location)) return *enum_result;
    if (op == "||") {
        // text || anything: unknown literals are text, other values are
        // converted with their output function (PostgreSQL's anytextcat).
        resolve_unknown(l, kText, location);
        resolve_unknown(r, kText, location);
        if (!is_string_type(l.type) && !is_string_type(r.type)) {
            throw PgError(sqlstate::kUndefinedFunction,
                          "operator does not exist: " + format_type(l.type) + " || " + format_type(r.type),
                          error_position(location));
        }
        if (!is_string_type(l.type) && !l.is_null_literal) l = cast_to(std::move(l), kText, location);
        if (!is_string_type(r.type) && !r.is_null_literal) r = cast_to(std::move(r), kText, location);
        return {"(" + l.sql + " || " + r.sql + ")", kText};
    }
    if (op == "~" || op == "~*" || op == "!~" || op == "!~*") {
        std::string signature = (l.untyped() ? "unknown" : format_type(l.type)) + " " + op + " " +
                                (r.untyped() ? "unknown" : format_type(r.type));
        resolve_unknown(l, kText, location);
        resolve_unknown(r, kText, location);
        if ((!is_string_type(l.type) && !l.is_null_literal) || (!is_string_type(r.type) && !r.is_null_literal)) {
            throw PgError(sqlstate::kUndefinedFunction, "operator does not exist: " + signature, error_position(location))
                .with_hint("No operator matches the given name and argument types. You might need to add explicit "
                           "type casts.");
        }
        bool negated = op[0] == '!';
        bool case_insensitive = op.back() == '*';
        return {std::string("(") + (negated ? "NOT " : "") + "litegres_regex_match(" + l.sql + ", " + r.sql + ", " +
                    (case_insensitive ? "1" : "0") + "))",
                kBool};
    }
    if (is_datetime_type(l.type) || is_datetime_type(r.type)) {
        if (l.untyped() && !r.untyped()) {
            PgType t = datetime_unknown_operand_type(op, r.type, true, location);
            resolve_unknown(l, t.is_unknown() ? r.type : t, location);
        }
        if (r.untyped() && !l.untyped()) {
            PgType t = datetime_unknown_operand_type(op, l.type, false, location);
            resolve_unknown(r, t.is_unknown() ? l.type : t, location);
        }
        if (std::optional<TypedSql> result = datetime_operator(op, l, r, location)) return *result;
    }
    // An unknown literal takes the other operand's type.
    if (l.untyped() && !r.untyped()) resolve_unknown(l, r.type, location);
    if (r.untyped() && !l.untyped()) resolve_unknown(r, l.type, location);
    if (l.untyped() && r.untyped() && op != "||") {
        resolve_unknown(l, kText, location);
        resolve_unknown(r, kText, location);
    }
    static const char* kComparisons[] = {"=", "<>", "!=", "<", ">", "<=", ">="};
    for (const char* cmp : kComparisons) {
        if (op == cmp) {
            if (!comparable(l.type, r.type)) {
                throw PgError(sqlstate::kUndefinedFunction,
                              "operator does not exist: " + format_type(PgType{l.type.oid, -1}) + " " + op + " " +
                                  format_type(PgType{r.type.oid, -1}),
                              error_position(location))
                    .with_hint("No operator matches the given name and argument types. You might need to add "
                               "explicit type casts.");
            }
            const char* sqlite_op = op == "!=" ? "<>" : cmp;
            if (is_numeric_comparison(l.type, r.type)) return {numeric_comparison_sql(sqlite_op, l, r), kBool};
            return {"(" + l.sql + " " + sqlite_op + " " + r.sql + ")", kBool};
        }
    }
    if (op == "+" || op == "-" || op == "*" || op == "/" || op == "%" || op == "^") {
        bool numeric_operands = (is_numeric_category(l.type) || l.is_null_literal) &&
                                (is_numeric_category(r.type) || r.is_null_literal);
        if (!numeric_operands) {
            if ((l.type.oid == oid::kDate || l.type.oid == oid::kTimestamp ||
                 l.type.oid == oid::kTimestamptz) ||
                (r.type.oid == oid::kDate || r.type.oid == oid::kTimestamp ||
                 r.type.oid == oid::kTimestamptz)) {
                throw_unsupported("date/time arithmetic", location);
            }
            throw PgError(sqlstate::kUndefinedFunction,
                          "operator does not exist: " + format_type(l.type) + " " + op + " " +
                              format_type(r.type),
                          error_position(location))
                .with_hint("No operator matches the given name and argument types. You might need to add explicit type casts.");
        }
        PgType type = arithmetic_type(l.is_null_literal ? r.type : l.type, r.is_null_literal ? l.type : r.type);
        if (type.oid == oid::kNumeric) return {numeric_arithmetic_sql(op, l, r), type};
        if (type.oid == oid::kFloat4 || type.oid == oid::kFloat8) {
            // numeric ► float8 first, as PostgreSQL resolves numeric op float8.
            l.sql = float_operand_sql(l);
            r.sql = float_operand_sql(r);
        }
        // ^ is numeric ^ numeric or else float8 ^ float8, integers included.
        if (op == "^") return {"litegres_float_power(" + l.sql + ", " + r.sql + ")", kFloat8};
        if (op == "/" || op == "%") {
            // PostgreSQL raises 22012 where SQLite would yield NULL.
            std::string divisor = "litegres_nonzero(" + r.sql + ")";
            if (op == "/" && !is_integer_type(type) && is_integer_type(l.type) && is_integer_type(r.type)) {
                type = kInt8;
            }
            if (op == "/" && (type.oid == oid::kFloat8 || type.oid == oid::kFloat4)) {
                std::string spec = type.oid == oid::kFloat4 ? "/4" : "/";
                return {"litegres_float_arith('" + spec + "', " + l.sql + ", " + divisor + ")", type};
            }
            if (op == "/" && !is_integer_type(type)) {
                // SQLite divides two integer-valued REALs exactly, but two
                // INTEGERs by truncation; numeric/float operands must not truncate.
                return {"(CAST(" + l.sql + " AS REAL) / " + divisor + ")", type};
            }
            std::string sql = "(" + l.sql + " " + op + " " + divisor + ")";
            // INT_MIN / -1 overflows too.
            if (is_integer_type(type)) sql = "litegres_to_integer(" + sql + ", " + std::to_string(type.oid) + ", 0)";
            return {sql, type};
        }
        // float8 overflow and underflow are errors (22003), as in PostgreSQL.
        if (type.oid == oid::kFloat8 || type.oid == oid::kFloat4) {
            std::string spec = op + (type.oid == oid::kFloat4 ? "4" : "");
            return {"litegres_float_arith('" + spec + "', " + l.sql + ", " + r.sql + ")", type};
        }
        std::string sql = "(" + l.sql + " " + op + " " + r.sql + ")";
        // PostgreSQL's integer operators fail on overflow (22003); SQLite's
        // widen to 64 bits or to REAL.
        if (is_integer_type(type)) sql = "litegres_to_integer(" + sql + ", " + std::to_string(type.oid) + ", 0)";
        return {sql, type};
    }
    if (op == "~" || op == "~*" || op == "!~" || op == "!~*") throw_unsupported("regular expression operators", location);
    if (op == "&" || op == "|" || op == "#" || op == "<<" || op == ">>") {
        if (l.untyped()) resolve_unknown(l, r.untyped() ? kInt4 : r.type, location);
        if (r.untyped()) resolve_unknown(r, (op == "<<" || op == ">>") ? kInt4 : l.type, location);
        if (is_integer_type(l.type) && is_integer_type(r.type)) {
            bool shift = op == "<<" || op == ">>";
            // A shift keeps the left operand's type and, as PostgreSQL's C
            // does on its platforms, counts modulo the type's width.
            PgType type = shift ? l.type : arithmetic_type(l.type, r.type);
            std::string sql;
            if (op == "#") {
                sql = "((" + l.sql + " | " + r.sql + ") - (" + l.sql + " & " + r.sql + "))";
            } else if (shift) {
                sql = "(" + l.sql + " " + op + " (" + r.sql + (type.oid == oid::kInt8 ? " & 63))" : " & 31))");
                // int4 and int2 results wrap to their width.
                if (type.oid == oid::kInt4) sql = "(((" + sql + " + 2147483648) & 4294967295) - 2147483648)";
                if (type.oid == oid::kInt2) sql = "(((" + sql + " + 32768) & 65535) - 32768)";
            } else {
                sql = "(" + l.sql + " " + op + " " + r.sql + ")";
            }
            return {sql, type};
        }
    }
    throw PgError(sqlstate::kUndefinedFunction,
                  "operator does not exist: " + format_type(l.type) + " " + op + " " + format_type(r.type),
                  error_position(location));
}

TypedSql QueryTranslator::operator_expr(const PgQuery__AExpr& e, const Scope& scope) {
    std::string op = e.n_name > 0 ? string_value(e.name[e.n_name - 1]) : "";
    switch (e.kind) {
        case PG_QUERY__A__EXPR__KIND__AEXPR_OP: {
            if (e.lexpr == nullptr) {
                TypedSql r = expression(e.rexpr, scope);
                if (r.type.oid == oid::kInterval && (op == "-" || op == "+")) {
                    if (op == "+") return r;
                    return {"litegres_dt_op(" + std::to_string(int(DatetimeOp::kIntervalNegate)) + ", " + r.sql + ", 0)",
                            r.type};
                }
                if (op == "-" || op == "+") {
                    if (r.untyped()) resolve_unknown(r, kNumeric, e.location);
                    if (!is_numeric_category(r.type) && !r.is_null_literal) {
                        throw PgError(sqlstate::kUndefinedFunction,
                                      "operator does not exist: " + op + " " + format_type(r.type),
                                      error_position(e.location));
                    }
                    std::string sql = "(" + op + r.sql + ")";
                    if (r.type.oid == oid::kNumeric) {
                        sql = op == "-" ? "litegres_numeric_negate(" + r.sql + ")" : r.sql;
                    }
                    // -INT_MIN overflows.
                    if (op == "-" && is_integer_type(r.type)) {
                        sql = "litegres_to_integer(" + sql + ", " + std::to_string(r.type.oid) + ", 0)";
                    }
                    return {sql, r.type};
                }
                if (op == "~") {
                    if (r.untyped()) resolve_unknown(r, kInt4, e.location);
                    if (!is_integer_type(r.type) && !r.is_null_literal) {
                        throw PgError(sqlstate::kUndefinedFunction,
                                      "operator does not exist: ~ " + format_type(r.type), error_position(e.location));
                    }
                    return {"(~" + r.sql + ")", r.type};
                }
                // |/ ||/ @ are sqrt, cbrt and abs, with those functions' types and errors.
                const char* function = op == "|/" ? "sqrt" : op == "||/" ? "cbrt" : op == "@" ? "abs" : nullptr;
                if (function == nullptr) throw_unsupported("prefix operator " + op, e.location);
                PgQuery__String name = PG_QUERY__STRING__INIT;
                name.sval = const_cast<char*>(function);
                PgQuery__Node name_node = PG_QUERY__NODE__INIT;
                name_node.node_case = PG_QUERY__NODE__NODE_STRING;
                name_node.string = &name;
                PgQuery__Node* names[] = {&name_node};
                PgQuery__FuncCall call = PG_QUERY__FUNC_CALL__INIT;
                call.n_funcname = 1;
                call.funcname = names;
                call.location = e.location;
                std::vector<TypedSql> args{std::move(r)};
                return call_with_arguments(function, call, args, scope);
            }
            const PgQuery__RowExpr* lrow = row_constructor(e.lexpr);
            const PgQuery__RowExpr* rrow = row_constructor(e.rexpr);
            if (lrow != nullptr && rrow != nullptr) {
                return row_comparison(op, row_items(*lrow, scope), row_items(*rrow, scope), e.location);
            }
            TypedSql l = expression(e.lexpr, scope);
            TypedSql r = expression(e.rexpr, scope);
            return binary_operator(op, std::move(l), std::move(r), e.location);
        }
        case PG_QUERY__A__EXPR__KIND__AEXPR_IN: {
            if (const PgQuery__RowExpr* row = row_constructor(e.lexpr)) {
                return row_in_list(row_items(*row, scope), *e.rexpr->list, op == "<>", scope, e.location);
            }
            TypedSql l = expression(e.lexpr, scope);
            const auto* list = e.rexpr->list;
            std::vector<TypedSql> items;
            for (size_t i = 0; i < list->n_items; ++i) items.push_back(expression(list->items[i], scope));
            if (l.untyped()) {
                for (const auto& it : items) {
                    if (!it.type.is_unknown()) {
                        resolve_unknown(l, it.type, e.location);
                        break;
                    }
                }
            }
            std::vector<std::string> sqls;
            bool numeric = l.type.oid == oid::kNumeric;
            for (auto& it : items) {
                resolve_unknown(it, l.type, e.location);
                numeric = numeric || it.type.oid == oid::kNumeric;
            }
            std::string lhs = l.sql;
            if (numeric) {
                // Compared as numerics: 1.0 IN (1.00).
                for (const auto& it : items) numeric = numeric && is_numeric_comparison(l.type, it.type);
            }
            for (const auto& it : items) sqls.push_back(numeric ? numeric_text_sql(it) : it.sql);
            if (numeric) lhs = with_numeric_collation(numeric_text_sql(l));
            bool negated = op == "<>";
            return {"(" + lhs + (negated ? " NOT IN (" : " IN (") + join_strings(sqls, ", ") + "))", kBool};
        }
        case PG_QUERY__A__EXPR__KIND__AEXPR_LIKE:
        case PG_QUERY__A__EXPR__KIND__AEXPR_ILIKE: {
            TypedSql l = expression(e.lexpr, scope);
            resolve_unknown(l, kText, e.location);
            std::string escape = "'\\'";
            const PgQuery__Node* pattern_node = e.rexpr;
            // `x LIKE p ESCAPE e` arrives as like_escape(p, e).
            if (pattern_node->node_case == PG_QUERY__NODE__NODE_FUNC_CALL &&
                std::string(string_value(pattern_node->func_call->funcname[pattern_node->func_call->n_funcname - 1])) ==
                    "like_escape") {
                TypedSql esc = expression(pattern_node->func_call->args[1], scope);
                escape = esc.sql;
                pattern_node = pattern_node->func_call->args[0];
            }
            TypedSql r = expression(pattern_node, scope);
            resolve_unknown(r, kText, e.location);
            return like(l, r, op.front() == '!', e.kind == PG_QUERY__A__EXPR__KIND__AEXPR_ILIKE, escape);
        }
        case PG_QUERY__A__EXPR__KIND__AEXPR_BETWEEN:
        case PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN:
        case PG_QUERY__A__EXPR__KIND__AEXPR_BETWEEN_SYM:
        case PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN_SYM: {
            TypedSql l = expression(e.lexpr, scope);
            const auto* list = e.rexpr->list;
            TypedSql lo = expression(list->items[0], scope);
            TypedSql hi = expression(list->items[1], scope);
            if (l.untyped()) resolve_unknown(l, lo.type.is_unknown() ? hi.type : lo.type, e.location);
            resolve_unknown(lo, l.type, e.location);
            resolve_unknown(hi, l.type, e.location);
            bool negated = e.kind == PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN ||
                           e.kind == PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN_SYM;
            bool symmetric = e.kind == PG_QUERY__A__EXPR__KIND__AEXPR_BETWEEN_SYM ||
                             e.kind == PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN_SYM;
            std::string lsql = l.sql, losql = lo.sql, hisql = hi.sql;
            auto is_float = [](PgType t) { return t.oid == oid::kFloat4 || t.oid == oid::kFloat8; };
            if (is_numeric_comparison(l.type, lo.type) && is_numeric_comparison(l.type, hi.type) &&
                !is_float(l.type) && !is_float(lo.type) && !is_float(hi.type)) {
                lsql = with_numeric_collation(numeric_text_sql(l));
                losql = numeric_text_sql(lo);
                hisql = numeric_text_sql(hi);
            }
            std::string test = "(" + lsql + " BETWEEN " + losql + " AND " + hisql + ")";
            if (symmetric) test = "(" + test + " OR (" + lsql + " BETWEEN " + hisql + " AND " + losql + "))";
            return {negated ? "(NOT " + test + ")" : test, kBool};
        }
        case PG_QUERY__A__EXPR__KIND__AEXPR_NULLIF: {
            TypedSql l = expression(e.lexpr, scope);
            TypedSql r = expression(e.rexpr, scope);
            if (l.untyped()) resolve_unknown(l, r.type.is_unknown() ? kText : r.type, e.location);
            resolve_unknown(r, l.type, e.location);
            if (l.type.oid == oid::kNumeric && is_numeric_comparison(l.type, r.type) && r.type.oid != oid::kFloat8 &&
                r.type.oid != oid::kFloat4) {
                // Equal by value: nullif(0.00, 0) is NULL.
                return {"nullif(" + with_numeric_collation(l.sql) + ", " + numeric_text_sql(r) + ")", l.type};
            }
            return {"nullif(" + l.sql + ", " + r.sql + ")", l.type};
        }
        case PG_QUERY__A__EXPR__KIND__AEXPR_DISTINCT:
        case PG_QUERY__A__EXPR__KIND__AEXPR_NOT_DISTINCT: {
            TypedSql l = expression(e.lexpr, scope);
            TypedSql r = expression(e.rexpr, scope);
            if (l.untyped()) resolve_unknown(l, r.type, e.location);
            resolve_unknown(r, l.type, e.location);
            bool distinct = e.kind == PG_QUERY__A__EXPR__KIND__AEXPR_DISTINCT;
            return {"(" + l.sql + (distinct ? " IS NOT " : " IS ") + r.sql + ")", kBool};
        }
        case PG_QUERY__A__EXPR__KIND__AEXPR_OP_ANY:
        case PG_QUERY__A__EXPR__KIND__AEXPR_OP_ALL: return any_all(e, scope);
        case PG_QUERY__A__EXPR__KIND__AEXPR_SIMILAR: {
            // x SIMILAR TO p [ESCAPE e] arrives as x ~ similar_to_escape(p [, e]).
            TypedSql l = expression(e.lexpr, scope);
            resolve_unknown(l, kText, e.location);
            const auto& call = *e.rexpr->func_call;
            TypedSql pattern = expression(call.args[0], scope);
            resolve_unknown(pattern, kText, e.location);
            std::string escape = "'\\'";
            if (call.n_args > 1) {
                TypedSql esc = expression(call.args[1], scope);
                resolve_unknown(esc, kText, e.location);
                escape = esc.sql;
            }
            bool negated = op == "!~";
            return {std::string("(") + (negated ? "NOT " : "") + "litegres_regex_match(" + l.sql +
                        ", litegres_similar_to_regex(" + pattern.sql + ", " + escape + "), 0))",
                    kBool};
        }
        default: throw_unsupported("this operator", e.location);
    }
}

TypedSql QueryTranslator::function_call(const PgQuery__FuncCall& call, const Scope& scope) {
    std::string name = string_value(call.funcname[call.n_funcname - 1]);
    if (call.n_funcname == 2 && std::string(string_value(call.funcname[0])) != "pg_catalog") {
        throw PgError(sqlstate::kUndefinedFunction, "function " + std::string(string_value(call.funcname[0])) +
                                                        "." + name + " does not exist", error_position(call.location));
    }
    if (call.agg_within_group) throw_unsupported("WITHIN GROUP", call.location);
    if (call.over != nullptr && in_where_) {
        throw PgError(sqlstate::kWindowingError, "window functions are not allowed in WHERE", error_position(call.location));
    }

    // An aggregate's arguments and FILTER are read per input row, not per group.
    struct AggregateScope {
        GroupCheck* check;
        ~AggregateScope() {
            if (check != nullptr) --check->aggregate_depth;
        }
    } aggregate_scope{nullptr};
    if (group_check_ != nullptr && call.over == nullptr) {
        const FunctionSignature* f = find_function(name, call.n_args, call.agg_star);
        // The json/array aggregates live in container_expressions.cpp.
        static const char* kContainerAggregates[] = {"array_agg", "json_agg", "jsonb_agg", "json_object_agg",
                                                     "jsonb_object_agg"};
        bool container_aggregate = std::any_of(std::begin(kContainerAggregates), std::end(kContainerAggregates),
                                               [&](const char* n) { return name == n; });
        if ((f != nullptr && f->aggregate) || container_aggregate) {
            aggregate_scope.check = group_check_;
            ++group_check_->aggregate_depth;
            group_check_->saw_aggregate = true;
        }
    }

    std::vector<TypedSql> args;
    // The JSON functions take a whole row (row_to_json(t), json_agg(t)).
    static const char* kRowFunctions[] = {"row_to_json", "to_json",          "to_jsonb",          "json_agg",
                                          "jsonb_agg",   "json_build_object", "jsonb_build_object", "json_build_array",
                                          "jsonb_build_array", "json_object_agg", "jsonb_object_agg"};
    bool takes_rows = std::any_of(std::begin(kRowFunctions), std::end(kRowFunctions),
                                  [&](const char* n) { return name == n; });
    for (size_t i = 0; i < call.n_args; ++i) {
        std::optional<TypedSql> row = takes_rows ? whole_row_reference(call.args[i], scope) : std::nullopt;
        args.push_back(row ? std::move(*row) : expression(call.args[i], scope));
    }
    // A relation named by a constant is bound now, through the search path,
    // as PostgreSQL reads a regclass constant: the function gets its SQLite name.
    static const char* kRelationArgument[] = {"nextval", "currval", "setval", "pg_get_serial_sequence"};
    if (!args.empty() &&
        std::any_of(std::begin(kRelationArgument), std::end(kRelationArgument), [&](const char* n) { return name == n; })) {
        if (call.args[0]->node_case == PG_QUERY__NODE__NODE_PARAM_REF && parameter_types_.from_literals()) {
            throw NeedsLiterals();
        }
        // 'name' or 'name'::regclass (pg_dump's spelling of a serial default).
        std::optional<std::string> named = args[0].unknown_literal;
        const PgQuery__Node* arg = call.args[0];
        if (!named && arg->node_case == PG_QUERY__NODE__NODE_TYPE_CAST && arg->type_cast->arg != nullptr &&
            arg->type_cast->arg->node_case == PG_QUERY__NODE__NODE_A_CONST &&
            arg->type_cast->arg->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL &&
            resolve_type_name(*arg->type_cast->type_name, &catalog_).type.oid == oid::kRegclass) {
            named = arg->type_cast->arg->a_const->sval->sval;
        }
        auto relation = named ? NameResolver(catalog_).find_by_text(*named) : std::nullopt;
        if (relation) {
            args[0].unknown_literal = relation->sqlite_name();
            args[0].sql = quote_string(relation->sqlite_name());
            args[0].type = kUnknown;
        }
    }
    if (call.n_agg_order > 0) return ordered_aggregate(name, call, args, scope);
    return call_with_arguments(name, call, args, scope);
}

TypedSql QueryTranslator::ordered_aggregate(const std::string& name, const PgQuery__FuncCall& call,
                                            std::vector<TypedSql>& args, const Scope& scope) {
    if (call.over != nullptr) throw_unsupported("ORDER BY inside a window aggregate", call.location);
    // The aggregate itself, over rows of json_each whose values are this
    // call's arguments (see ordered_aggregate.h).
    std::vector<TypedSql> rows = args;
    std::vector<std::string> values;
    for (size_t i = 0; i < args.size(); ++i) {
        if (args[i].untyped()) resolve_unknown(args[i], kText, call.location);
        values.push_back(args[i].sql);
        rows[i] = TypedSql{"json_extract(value, '$[" + std::to_string(i) + "]')", args[i].type};
    }
    PgQuery__FuncCall plain = call;
    plain.n_agg_order = 0;
    plain.agg_order = nullptr;
    plain.agg_filter = nullptr;
    TypedSql inner = call_with_arguments(name, plain, rows, scope);
    std::string directions;
    std::vector<std::string> keys;
    for (size_t i = 0; i < call.n_agg_order; ++i) {
        const auto& sb = *call.agg_order[i]->sort_by;
        std::string direction = sort_direction(sb);
        TypedSql key = expression(sb.node, scope);
        // numeric text sorts by value.
        keys.push_back(key.type.oid == oid::kNumeric ? "CAST(" + key.sql + " AS REAL)" : enum_sort_key(key));
        directions += direction.find("DESC") != std::string::npos ? 'd' : 'a';
        directions += direction.find("NULLS FIRST") != std::string::npos ? 'f' : 'l';
    }
    std::string sql = "litegres_ordered_aggregate(" + quote_string("SELECT " + inner.sql + " FROM json_each(?1)") +
                      ", " + quote_string(directions) + ", json_array(" + join_strings(values, ", ") + "), " +
                      join_strings(keys, ", ") + ")";
    if (call.agg_filter != nullptr) sql += " FILTER (WHERE " + condition(call.agg_filter, scope, "FILTER") + ")";
    return {sql, inner.type};
}

TypedSql QueryTranslator::call_with_arguments(const std::string& name, const PgQuery__FuncCall& call,
                                              std::vector<TypedSql>& args, const Scope& scope) {
    if (auto container = container_function(name, call, args)) return *container;
    // OVER w names a window of the WINDOW clause; OVER (...) defines one.
    auto over = [&]() {
        const auto& w = *call.over;
        if (w.name != nullptr && w.name[0] != '\0') return " OVER " + quote_identifier(w.name);
        return " OVER " + window_spec(w, scope);
    };
    if (is_window_function(name)) {
        if (call.over == nullptr) {
            throw PgError(sqlstate::kWrongObjectType, "window function " + name + " requires an OVER clause",
                          error_position(call.location));
        }
        auto window = find_window_function(name, args);
        if (!window) {
            throw PgError(sqlstate::kUndefinedFunction,
                          "function " + name + "(" + type_list(args) + ") does not exist", error_position(call.location))
                .with_hint("No function matches the given name and argument types. You might need to add explicit type casts.");
        }
        std::vector<std::string> sqls;
        for (size_t i = 0; i < args.size(); ++i) {
            if (args[i].untyped()) resolve_unknown(args[i], window->argument_type(i, args), call.location);
            sqls.push_back(args[i].sql);
        }
        PgType result = find_window_function(name, args)->result;
        return {name + "(" + join_strings(sqls, ", ") + ")" + over(), result};
    }

    if (name == "pg_typeof" && args.size() == 1 && call.over == nullptr) {
        // The type is known at bind time; regtype prints as format_type.
        std::string type_name = args[0].untyped() ? "unknown" : format_type(args[0].type, &catalog_);
        return {quote_string(type_name), PgType{oid::kRegtype, -1}};
    }
    if (auto enum_result = enum_function(name, args, call.location)) return *enum_result;
    const FunctionSignature* fn = find_function(name, args.size(), call.agg_star);
    if (fn == nullptr) {
        throw PgError(sqlstate::kUndefinedFunction,
                      "function " + name + "(" + type_list(args) + ") does not exist", error_position(call.location))
            .with_hint("No function matches the given name and argument types. You might need to add explicit type casts.");
    }
    if (fn->writes) writes_ = true;
    if (call.over != nullptr && !fn->aggregate) {
        throw PgError(sqlstate::kWrongObjectType,
                      "OVER specified, but " + name + " is not a window function nor an aggregate function",
                      error_position(call.location));
    }
    if (call.agg_filter != nullptr && !fn->aggregate) {
        throw PgError(sqlstate::kWrongObjectType, "FILTER specified, but " + name + " is not an aggregate function",
                      error_position(call.location));
    }
    if (fn->aggregate && in_where_) {
        throw PgError(sqlstate::kGroupingError, "aggregate functions are not allowed in WHERE", error_position(call.location));
    }
    for (auto& a : args) {
        if (a.untyped()) resolve_unknown(a, fn->unknown_argument_type, call.location);
    }
    PgType result = fn->result(args);
    std::vector<std::string> sqls;
    for (const auto& a : args) {
        // DISTINCT compares numerics by value: 1.0 and 1.00 are one.
        bool by_value = call.agg_distinct && a.type.oid == oid::kNumeric;
        sqls.push_back(by_value ? with_numeric_collation(a.sql) : a.sql);
    }
    // min()/max() compare with their argument's collation.
    if (fn->aggregate && args.size() == 1) {
        sqls[0] = datetime_ordering(sqls[0], args[0].type) + enum_sort_collation(args[0].type);
    }
    std::string sql = fn->sqlite_name + "(";
    if (call.agg_star) sql += "*";
    if (call.agg_distinct) sql += "DISTINCT ";
    sql += join_strings(sqls, ", ") + ")";
    if (call.agg_filter != nullptr) sql += " FILTER (WHERE " + condition(call.agg_filter, scope, "FILTER") + ")";
    if (call.over != nullptr) sql += over();
    if (fn->wrap) sql = fn->wrap(sql, args);
    return {sql, result};
}

TypedSql QueryTranslator::type_cast(const PgQuery__TypeCast& cast, const Scope& scope) {
    ResolvedTypeName target = resolve_type_name(*cast.type_name, &catalog_);
    if (target.serial) {
        throw PgError(sqlstate::kUndefinedObject,
                      "type \"" + std::string(string_value(cast.type_name->names[cast.type_name->n_names - 1])) +
                          "\" does not exist",
                      error_position(cast.location));
    }
    if (cast.arg->node_case == PG_QUERY__NODE__NODE_A_ARRAY_EXPR && cast.arg->a_array_expr->n_elements == 0 &&
        pgwire::is_array_type(target.type.oid)) {
        return {"'[]'", target.type};  // ARRAY[] takes its type from the cast
    }
    TypedSql value = expression(cast.arg, scope);
    return cast_to(std::move(value), target.type, cast.location);
}

TypedSql QueryTranslator::cast_to(TypedSql value, PgType target, int location) {
    if (value.is_null_literal) return {"NULL", target};
    if (auto enum_result = enum_cast(value, target, location)) return *enum_result;
    if (target.oid == oid::kRegproc || target.oid == oid::kRegclass || target.oid == oid::kRegtype ||
        (target.oid == oid::kRegnamespace && value.unknown_literal)) {
        return object_identifier_cast(value, target, location);
    }
    bool object_identifier = value.type.oid == oid::kRegproc || value.type.oid == oid::kRegclass ||
                             value.type.oid == oid::kRegtype || value.type.oid == oid::kRegnamespace;
    if (object_identifier && (target.oid == oid::kOid || is_integer_type(target))) return {value.sql, target};
    if (std::optional<TypedSql> name = object_identifier_text(value, target)) return *name;
    if (value.unknown_literal && (target.oid == oid::kVarchar || target.oid == oid::kBpchar) && target.typmod >= 4) {
        // An explicit cast to varchar(n)/char(n) truncates instead of failing.
        std::string text = *value.unknown_literal;
        size_t max_chars = size_t(target.typmod - 4), chars = 0, cut = text.size();
        for (size_t i = 0; i < text.size(); ++i) {
            if ((text[i] & 0xC0) == 0x80) continue;
            if (chars++ == max_chars) {
                cut = i;
                break;
            }
        }
        value.unknown_literal = text.substr(0, cut);
    }
    if (value.unknown_literal && target.oid == oid::kNumeric) {
        // '1.005'::numeric(5,2) is read with the modifier: 1.01.
        return {coerce_literal(*value.unknown_literal, target, error_position(value.location >= 0 ? value.location : location)),
                target};
    }
    if (value.untyped()) {
        resolve_unknown(value, target, location);
        value.type = target;
        return value;
    }
    const PgType source = value.type;
    const std::string& v = value.sql;
    if (source.oid == target.oid && (target.typmod < 0 || source.typmod == target.typmod)) {
        return {v, target};
    }
    if (auto container = container_cast(value, target)) return *container;
    switch (target.oid) {
        case oid::kInt2:
        case oid::kInt4:
        case oid::kInt8:
            if (is_numeric_category(source)) {
                if (target.oid == oid::kInt8 && is_integer_type(source)) return {v, target};
                if (target.oid == oid::kInt4 && source.oid == oid::kInt2) return {v, target};
                return {integer_conversion(v, source, target), target};
            }
            if (source.oid == oid::kBool) return {v, target};
            if (is_string_type(source)) {
                return {"litegres_text_to_integer(" + v + ", " + std::to_string(target.oid) + ")", target};
            }
            break;
        case oid::kFloat4:
        case oid::kFloat8:
            if (source.oid == oid::kNumeric) return {float_operand_sql(value), target};
            if (is_numeric_category(source)) return {"CAST(" + v + " AS REAL)", target};
            if (is_string_type(source)) {
                return {"litegres_text_to_float(" + v + ")", target};
            }
            break;
        case oid::kNumeric:
            if (is_numeric_category(source) || is_string_type(source)) {
                return {numeric_coercion_sql(value, target), target};
            }
            break;
        case oid::kText:
        case oid::kVarchar:
        case oid::kBpchar:
        case oid::kName: {
            std::string text;
            if (source.oid == oid::kBool) {
                text = "(CASE " + v + " WHEN 1 THEN 'true' WHEN 0 THEN 'false' END)";
            } else if (source.oid == oid::kFloat8 || source.oid == oid::kFloat4) {
                text = "litegres_float_text(" + v + ", " + std::to_string(source.oid) + ")";
            } else if (is_datetime_type(source)) {
                text = *datetime_cast(v, source, kText);
            } else if (is_string_type(source)) {
                text = v;
            } else {
                text = "CAST(" + v + " AS TEXT)";
            }
            if (target.typmod >= 4) {
                text = "litegres_char_length_check(" + text + ", " + std::to_string(target.oid) + ", " +
                       std::to_string(target.typmod) + ", 1)";
            }
            return {text, target};
        }
        case oid::kBool:
            if (is_integer_type(source)) return {"(" + v + " <> 0)", target};
            if (is_string_type(source)) return {"litegres_text_to_bool(" + v + ")", target};
            break;
        case oid::kDate:
        case oid::kTime:
        case oid::kTimetz:
        case oid::kTimestamp:
        case oid::kTimestamptz:
        case oid::kInterval:
            if (std::optional<std::string> sql = datetime_cast(v, source, target)) {
                return {datetime_precision(*sql, target), target};
            }
            break;
        default:
            if (is_string_type(source)) return {v, target};
            break;
    }
    throw PgError(sqlstate::kCannotCoerce,
                  "cannot cast type " + format_type(source) + " to " + format_type(target), error_position(location));
}

TypedSql QueryTranslator::object_identifier_cast(const TypedSql& value, PgType target, int location) {
    // A number is already the OID.
    if (is_integer_type(value.type) || value.type.oid == oid::kOid) return {value.sql, target};
    // A literal taken out for the shared plan is a constant name: bound now.
    if (value.parameter > 0 && parameter_types_.from_literals()) throw NeedsLiterals();
    if (!value.unknown_literal) {
        // A relation or type name computed by the query is looked up when it runs.
        if (target.oid == oid::kRegclass && is_string_type(value.type)) {
            return {"litegres_regclass_in(" + value.sql + ")", target};
        }
        if (target.oid == oid::kRegtype && is_string_type(value.type)) {
            return {"litegres_regtype_in(" + value.sql + ")", target};
        }
        throw_unsupported("a cast of a computed name to " + format_type(target), location);
    }
    // 'pg_catalog.name' or '"Name"': the object's own name.
    std::string name = *value.unknown_literal;
    // '16384'::regclass is the OID itself.
    if (!name.empty() && name.size() < 11 && name.find_first_not_of("0123456789") == std::string::npos) {
        return {name, target};
    }
    const std::string text = name;
    for (const char* schema : {"pg_catalog.", "public."}) {
        if (name.rfind(schema, 0) == 0) name = name.substr(std::string(schema).size());
    }
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"') {
        name = name.substr(1, name.size() - 2);
    } else {
        for (auto& ch : name) ch = char(std::tolower(static_cast<unsigned char>(ch)));
    }
    if (target.oid == oid::kRegtype) {
        PgType type = type_from_declared(name);
        if (auto user = catalog_.find_enum_type(name); type.is_unknown() && user) type = PgType{user->oid, -1};
        if (type.is_unknown()) {
            throw PgError(sqlstate::kUndefinedObject, "type \"" + name + "\" does not exist", error_position(location));
        }
        return {std::to_string(type.oid), target};
    }
    if (target.oid == oid::kRegnamespace) {
        return {"coalesce((SELECT oid FROM pg_namespace WHERE nspname = " + quote_string(name) + "), " +
                    "litegres_raise('3F000', " + quote_string("schema \"" + name + "\" does not exist") + "))",
                target};
    }
    bool proc = target.oid == oid::kRegproc;
    // pg_catalog comes first in every search path.
    if (std::optional<Oid> system = proc ? std::nullopt : system_relation_oid(name)) {
        return {std::to_string(*system), target};
    }
    if (target.oid == oid::kRegclass) {
        if (auto relation = NameResolver(catalog_).find_by_text(text)) {
            return {"(SELECT oid FROM _litegres_relation WHERE name = " + quote_string(relation->sqlite_name()) + ")",
                    target};
        }
    }
    std::string lookup = proc ? "(SELECT oid FROM pg_proc WHERE proname = " + quote_string(name) + " LIMIT 1)"
                              : "(SELECT oid FROM pg_class WHERE relname = " + quote_string(name) + ")";
    std::string missing = proc ? "litegres_raise('42883', " + quote_string("function \"" + name + "\" does not exist") + ")"
                               : "litegres_raise('42P01', " + quote_string("relation \"" + name + "\" does not exist") + ")";
    return {"coalesce(" + lookup + ", " + missing + ")", target};
}

TypedSql QueryTranslator::case_expr(const PgQuery__CaseExpr& e, const Scope& scope) {
    std::string sql = "(CASE";
    TypedSql arg;
    bool has_arg = e.arg != nullptr;
    if (has_arg) {
        arg = expression(e.arg, scope);
        if (arg.untyped()) resolve_unknown(arg, kText, e.location);
        sql += " " + arg.sql;
    }
    std::vector<TypedSql> conditions, results;
    PgType type = kUnknown;
    for (size_t i = 0; i < e.n_args; ++i) {
        const auto* w = e.args[i]->case_when;
        TypedSql cond = expression(w->expr, scope);
        resolve_unknown(cond, has_arg ? arg.type : kBool, w->location);
        conditions.push_back(std::move(cond));
        results.push_back(expression(w->result, scope));
        if (type.is_unknown()) type = results.back().type;
        else if (is_numeric_category(type) && is_numeric_category(results.back().type)) {
            type = arithmetic_type(type, results.back().type);
        }
    }
    TypedSql otherwise{"NULL", kUnknown};
    if (e.defresult != nullptr) {
        otherwise = expression(e.defresult, scope);
        if (type.is_unknown()) type = otherwise.type;
        else if (is_numeric_category(type) && is_numeric_category(otherwise.type)) {
            type = arithmetic_type(type, otherwise.type);
        }
    }
    if (type.is_unknown()) type = kText;
    // Branches take the CASE's type (an integer in a numeric CASE becomes
    // numeric text), so that the result compares and sorts as one type.
    auto branch = [&](const TypedSql& v) { return common_type_operand_sql(v, type); };
    for (size_t i = 0; i < conditions.size(); ++i) {
        resolve_unknown(results[i], type, e.location);
        sql += " WHEN " + conditions[i].sql + " THEN " + branch(results[i]);
    }
    resolve_unknown(otherwise, type, e.location);
    sql += " ELSE " + branch(otherwise) + " END)";
    return {sql, type};
}

TypedSql QueryTranslator::sub_link(const PgQuery__SubLink& link, const Scope& scope) {
    SelectOutput inner = select(*link.subselect->select_stmt, &scope);
    switch (link.sub_link_type) {
        case PG_QUERY__SUB_LINK_TYPE__EXISTS_SUBLINK: return {"EXISTS (" + inner.sql + ")", kBool};
        case PG_QUERY__SUB_LINK_TYPE__EXPR_SUBLINK: {
            if (inner.columns.size() != 1) {
                throw PgError(sqlstate::kSyntaxError, "subquery must return only one column",
                              error_position(link.location));
            }
            // PostgreSQL fails (21000) when the subquery yields a second row;
            // SQLite would take the first. Two rows are enough to tell.
            std::string column = quote_identifier(inner.columns[0].name);
            TypedSql t{"(SELECT CASE WHEN count(*) > 1 THEN litegres_raise('21000', 'more than one row returned by a "
                       "subquery used as an expression') ELSE min(" + column + ") END FROM (SELECT * FROM (" +
                           inner.sql + ") LIMIT 2))",
                       inner.columns[0].type};
            return t;
        }
        case PG_QUERY__SUB_LINK_TYPE__ANY_SUBLINK:
        case PG_QUERY__SUB_LINK_TYPE__ALL_SUBLINK: {
            std::string op = link.n_oper_name > 0 ? string_value(link.oper_name[link.n_oper_name - 1]) : "=";
            bool any = link.sub_link_type == PG_QUERY__SUB_LINK_TYPE__ANY_SUBLINK;
            if (const PgQuery__RowExpr* row = row_constructor(link.testexpr)) {
                // (a, b) IN (SELECT x, y ...): SQLite's row value IN.
                if (row->n_args != inner.columns.size()) {
                    throw PgError(sqlstate::kSyntaxError,
                                  row->n_args < inner.columns.size() ? "subquery has too many columns"
                                                                     : "subquery has too few columns",
                                  error_position(link.location));
                }
                if (!((any && op == "=") || (!any && op == "<>"))) {
                    throw_unsupported("row " + op + (any ? " ANY" : " ALL") + " (subquery)", link.location);
                }
                std::vector<TypedSql> items = row_items(*row, scope);
                std::vector<std::string> sqls;
                for (size_t i = 0; i < items.size(); ++i) {
                    resolve_unknown(items[i], inner.columns[i].type, link.location);
                    sqls.push_back(items[i].sql);
                }
                return {"((" + join_strings(sqls, ", ") + ")" + (any ? " IN (" : " NOT IN (") + inner.sql + "))",
                        kBool};
            }
            if (inner.columns.size() != 1) {
                throw PgError(sqlstate::kSyntaxError, "subquery has too many columns", error_position(link.location));
            }
            TypedSql test = expression(link.testexpr, scope);
            resolve_unknown(test, inner.columns[0].type, link.location);
            if ((any && op == "=") || (!any && op == "<>")) {
                return {"(" + test.sql + (any ? " IN (" : " NOT IN (") + inner.sql + "))", kBool};
            }
            // x op ANY (...): true if some row compares true, else NULL if
            // some comparison is NULL, else false; ALL is the mirror image.
            TypedSql element{"\"any_rows\"." + quote_identifier(inner.columns[0].name), inner.columns[0].type};
            TypedSql cmp = binary_operator(op, test, element, link.location);
            if (cmp.type != kBool) {
                throw PgError(sqlstate::kWrongObjectType, "op ANY/ALL (array) requires operator to yield boolean",
                              error_position(link.location));
            }
            std::string rows = " FROM (" + inner.sql + ") AS \"any_rows\" WHERE ";
            std::string decisive = any ? cmp.sql : "NOT " + cmp.sql;
            return {"(CASE WHEN EXISTS (SELECT 1" + rows + decisive + ") THEN " + (any ? "1" : "0") +
                        " WHEN EXISTS (SELECT 1" + rows + cmp.sql + " IS NULL) THEN NULL ELSE " + (any ? "0" : "1") +
                        " END)",
                    kBool};
        }
        case PG_QUERY__SUB_LINK_TYPE__ARRAY_SUBLINK: return array_of_subquery(inner, link.location);
        default: throw_unsupported("this kind of subquery", link.location);
    }
}

TypedSql QueryTranslator::value_function(const PgQuery__SQLValueFunction& f) {
    switch (f.op) {
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_DATE:
            return {*datetime_cast("litegres_clock(0)", kTimestamptz, kDate), kDate};
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP:
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP_N:
            return {"litegres_clock(0)", kTimestamptz};
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP:
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP_N:
            return {*datetime_cast("litegres_clock(0)", kTimestamptz, kTimestamp), kTimestamp};
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIME:
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIME_N:
            return {*datetime_cast("litegres_clock(0)", kTimestamptz, PgType{oid::kTime, -1}), PgType{oid::kTime, -1}};
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_ROLE:
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_USER:
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_USER:
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_SESSION_USER:
            return {"litegres_session_user()", PgType{oid::kName, -1}};
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_CATALOG:
            return {"litegres_current_database()", PgType{oid::kName, -1}};
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_SCHEMA:
            return {"litegres_current_schema()", PgType{oid::kName, -1}};
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIME:
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIME_N:
            return {*datetime_cast("litegres_clock(0)", kTimestamptz, PgType{oid::kTimetz, -1}), PgType{oid::kTimetz, -1}};
        default: throw_unsupported("this SQL value function", f.location);
    }
}

}  // namespace litegres::translate
