// query_translator.cpp — SELECT, FROM items, target lists and the
// expression walker. Expressions are emitted fully parenthesised so that
// SQLite's operator precedence (which differs from PostgreSQL's) never
// changes their meaning.
#include "translate/query_translator.h"

#include <algorithm>
#include <cstdlib>

#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"
#include "translate/function_catalog.h"
#include "translate/literal_coercion.h"
#include "translate/sql_text.h"
#include "translate/system_catalog.h"

namespace litegres::translate {

namespace oid = pgwire::oid;
using pgwire::PgError;
namespace sqlstate = pgwire::sqlstate;

namespace {

int pos(int location) { return location >= 0 ? location + 1 : 0; }

const char* str(const PgQuery__Node* node) {
    return node != nullptr && node->node_case == PG_QUERY__NODE__NODE_STRING ? node->string->sval
                                                                             : "";
}

std::string join_strings(const std::vector<std::string>& parts, const char* sep) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) out += sep;
        out += parts[i];
    }
    return out;
}

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
    bool half_even = source.oid == oid::kFloat4 || source.oid == oid::kFloat8;
    return "litegres_to_integer(" + sql + ", " + std::to_string(target.oid) + ", " + (half_even ? "1" : "0") + ")";
}

// Whether PostgreSQL has a comparison operator between the two types
// (within a type category: numbers, strings, date/times), or a NULL/unknown
// side lets it pick one.
bool comparable(PgType a, PgType b) {
    if (a.is_unknown() || b.is_unknown() || a.oid == b.oid) return true;
    // oid compares with integers (an implicit cast in PostgreSQL).
    auto number = [](PgType t) { return is_numeric_category(t) || t.oid == oid::kOid; };
    if (number(a) && number(b)) return true;
    if (is_string_type(a) && is_string_type(b)) return true;
    auto datetime = [](PgType t) {
        return t.oid == oid::kDate || t.oid == oid::kTimestamp || t.oid == oid::kTimestamptz;
    };
    return datetime(a) && datetime(b);
}

// The display scale of a numeric operand: integers have scale 0.
int scale_of(const TypedSql& v) {
    if (is_integer_type(v.type)) return 0;
    return v.type.oid == oid::kNumeric ? v.scale : -1;
}

std::string type_list(const std::vector<TypedSql>& args) {
    std::vector<std::string> names;
    for (const auto& a : args) names.push_back(format_type(PgType{a.type.oid, -1}));
    return join_strings(names, ", ");
}

}  // namespace

void throw_unsupported(const std::string& construct, int location) {
    throw PgError(sqlstate::kFeatureNotSupported, construct + " is not supported yet",
                  pos(location));
}

// ---------------------------------------------------------------- names

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
            return str(node->func_call->funcname[node->func_call->n_funcname - 1]);
        case PG_QUERY__NODE__NODE_A_EXPR:
            if (node->a_expr->kind == PG_QUERY__A__EXPR__KIND__AEXPR_NULLIF) return "nullif";
            return "?column?";
        case PG_QUERY__NODE__NODE_TYPE_CAST: {
            // A cast's own type name is only a weak name (PostgreSQL's
            // strength 1): an outer cast replaces it.
            std::string inner = figure_column_name(node->type_cast->arg);
            if (inner != "?column?" && node->type_cast->arg->node_case != PG_QUERY__NODE__NODE_TYPE_CAST) return inner;
            const auto* tn = node->type_cast->type_name;
            return str(tn->names[tn->n_names - 1]);
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
    std::string schema = rv.schemaname != nullptr ? rv.schemaname : "";
    // pg_catalog comes first on PostgreSQL's search path, before public.
    std::optional<TableInfo> table;
    if (schema.empty() || schema == "pg_catalog") table = find_system_relation(rv.relname);
    if (!table && !schema.empty() && schema != "public") {
        throw PgError(sqlstate::kUndefinedTable,
                      "relation \"" + schema + "." + rv.relname + "\" does not exist",
                      pos(rv.location));
    }
    if (!table) table = catalog_.find_table(rv.relname);
    if (!table) {
        throw PgError(sqlstate::kUndefinedTable,
                      "relation \"" + std::string(rv.relname) + "\" does not exist",
                      pos(rv.location));
    }
    RangeEntry entry;
    entry.refname = rv.alias != nullptr ? rv.alias->aliasname : rv.relname;
    entry.columns = std::move(table->columns);
    if (rv.alias != nullptr) {
        for (size_t i = 0; i < rv.alias->n_colnames && i < entry.columns.size(); ++i) {
            entry.columns[i].name = str(rv.alias->colnames[i]);
        }
    }
    return entry;
}

std::string QueryTranslator::from_item(const PgQuery__Node* node, Scope& scope) {
    switch (node->node_case) {
        case PG_QUERY__NODE__NODE_RANGE_VAR: {
            const auto& rv = *node->range_var;
            RangeEntry entry = table_entry(rv);
            for (const auto& e : scope.entries) {
                if (e.refname == entry.refname) {
                    throw PgError(sqlstate::kDuplicateAlias,
                                  "table name \"" + entry.refname + "\" specified more than once", pos(rv.location));
                }
            }
            std::string sql = quote_identifier(rv.relname);
            if (rv.alias != nullptr) {
                // Column aliases need a subquery: SQLite has no t(a, b) aliases.
                if (rv.alias->n_colnames > 0) {
                    auto table = catalog_.find_table(rv.relname);
                    std::vector<std::string> cols;
                    for (size_t i = 0; i < entry.columns.size(); ++i) {
                        cols.push_back(quote_identifier(table->columns[i].name) + " AS " +
                                       quote_identifier(entry.columns[i].name));
                    }
                    sql = "(SELECT " + join_strings(cols, ", ") + " FROM " + sql + ")";
                }
                sql += " AS " + quote_identifier(entry.refname);
            }
            scope.entries.push_back(std::move(entry));
            return sql;
        }
        case PG_QUERY__NODE__NODE_RANGE_SUBSELECT: {
            const auto& sub = *node->range_subselect;
            if (sub.lateral) throw_unsupported("LATERAL");
            if (sub.alias == nullptr) {
                throw PgError(sqlstate::kSyntaxError, "subquery in FROM must have an alias");
            }
            SelectOutput inner = select(*sub.subquery->select_stmt, scope.parent);
            RangeEntry entry;
            entry.refname = sub.alias->aliasname;
            for (size_t i = 0; i < inner.columns.size(); ++i) {
                std::string name = i < sub.alias->n_colnames ? str(sub.alias->colnames[i])
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

std::string QueryTranslator::join(const PgQuery__JoinExpr& j, Scope& scope) {
    if (j.alias != nullptr) throw_unsupported("alias on a JOIN");
    size_t left_begin = scope.entries.size();
    std::string left = from_item(j.larg, scope);
    size_t right_begin = scope.entries.size();
    std::string right = from_item(j.rarg, scope);
    if (j.rarg->node_case == PG_QUERY__NODE__NODE_JOIN_EXPR) right = "(" + right + ")";

    const char* kind = "JOIN";
    switch (j.jointype) {
        case PG_QUERY__JOIN_TYPE__JOIN_INNER: kind = "JOIN"; break;
        case PG_QUERY__JOIN_TYPE__JOIN_LEFT: kind = "LEFT JOIN"; break;
        case PG_QUERY__JOIN_TYPE__JOIN_RIGHT: kind = "RIGHT JOIN"; break;
        case PG_QUERY__JOIN_TYPE__JOIN_FULL: kind = "FULL JOIN"; break;
        default: throw_unsupported("this join type");
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
    for (size_t i = 0; i < j.n_using_clause; ++i) using_names.push_back(str(j.using_clause[i]));
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
                                         std::vector<ResultColumn>& columns) {
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
                                  "SELECT * with no tables specified is not valid", pos(ref->location));
                }
                for (const auto& m : scope.merged_columns) {
                    parts.push_back(quote_identifier(m.name));
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
                        columns.push_back({c.name, c.type, c.table_oid, c.column_number});
                    }
                }
            } else {
                std::string table = str(ref->fields[ref->n_fields - 2]);
                auto it = std::find_if(scope.entries.begin(), scope.entries.end(),
                                       [&](auto& e) { return e.refname == table; });
                if (it == scope.entries.end()) {
                    throw PgError(sqlstate::kUndefinedTable,
                                  "missing FROM-clause entry for table \"" + table + "\"",
                                  pos(ref->location));
                }
                for (const auto& c : it->columns) {
                    parts.push_back(!c.sql.empty() ? c.sql + " AS " + quote_identifier(c.name)
                                    : it->unqualified ? quote_identifier(c.name)
                                                      : quote_identifier(it->refname) + "." + quote_identifier(c.name));
                    columns.push_back({c.name, c.type, c.table_oid, c.column_number});
                }
            }
            continue;
        }
        TypedSql value = expression(val, scope);
        if (value.type.is_unknown()) value.type = kText;
        std::string name = rt->name != nullptr && rt->name[0] != '\0' ? rt->name : figure_column_name(val);
        parts.push_back(value.sql + " AS " + quote_identifier(name));
        columns.push_back({name, value.type, value.table_oid, value.column_number, value.scale});
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
            std::string name = str(node->column_ref->fields[0]);
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
                              pos(node->a_const->location));
            }
            term = std::to_string(n);
            term_type = outputs[size_t(n - 1)].type;
        }
        if (term.empty()) {
            TypedSql value = expression(node, scope);
            term = value.sql;
            term_type = value.type;
        }
        term += sort_collation(term_type);
        bool desc = sb->sortby_dir == PG_QUERY__SORT_BY_DIR__SORTBY_DESC;
        if (sb->sortby_dir == PG_QUERY__SORT_BY_DIR__SORTBY_USING) throw_unsupported("ORDER BY USING");
        // PostgreSQL sorts NULL as larger than every value; SQLite as smaller.
        bool nulls_first = desc;
        if (sb->sortby_nulls == PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_FIRST) nulls_first = true;
        if (sb->sortby_nulls == PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_LAST) nulls_first = false;
        term += desc ? " DESC" : " ASC";
        term += nulls_first ? " NULLS FIRST" : " NULLS LAST";
        parts.push_back(term);
    }
    return parts.empty() ? "" : " ORDER BY " + join_strings(parts, ", ");
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
    std::vector<std::string> rows;
    for (size_t r = 0; r < stmt.n_values_lists; ++r) {
        const auto* list = stmt.values_lists[r]->list;
        std::vector<std::string> cells;
        for (size_t c = 0; c < list->n_items; ++c) {
            TypedSql v = expression(list->items[c], scope);
            if (r == 0) {
                out.columns.push_back({"column" + std::to_string(c + 1), v.type.is_unknown() ? kText : v.type});
            }
            cells.push_back(v.sql);
        }
        if (r > 0 && cells.size() != out.columns.size()) {
            throw PgError(sqlstate::kSyntaxError, "VALUES lists must all be the same length");
        }
        rows.push_back("(" + join_strings(cells, ", ") + ")");
    }
    // SQLite names VALUES columns column1, column2, ... as PostgreSQL does.
    out.sql = "SELECT * FROM (VALUES " + join_strings(rows, ", ") + ")";
    out.sql += order_by(stmt.sort_clause, stmt.n_sort_clause, scope, out.columns);
    out.sql += limit_offset(stmt, scope);
    return out;
}

SelectOutput QueryTranslator::select(const PgQuery__SelectStmt& stmt, const Scope* outer) {
    if (stmt.with_clause != nullptr) throw_unsupported("WITH");
    if (stmt.into_clause != nullptr) throw_unsupported("SELECT INTO");
    if (stmt.n_window_clause > 0) throw_unsupported("WINDOW");
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

    SelectOutput out;
    std::string sql = "SELECT ";
    if (stmt.n_distinct_clause > 0) {
        if (stmt.distinct_clause[0] != nullptr && stmt.distinct_clause[0]->node_case != 0) {
            throw_unsupported("SELECT DISTINCT ON");
        }
        sql += "DISTINCT ";
    }
    sql += target_list(stmt.target_list, stmt.n_target_list, scope, out.columns);
    if (!from.empty()) sql += " FROM " + join_strings(from, ", ");
    if (stmt.where_clause != nullptr) {
        in_where_ = true;
        TypedSql where = expression(stmt.where_clause, scope);
        in_where_ = false;
        resolve_unknown(where, kBool, -1);
        if (where.type != kBool && !where.is_null_literal) {
            throw PgError(sqlstate::kDatatypeMismatch,
                          "argument of WHERE must be type boolean, not type " + format_type(where.type));
        }
        sql += " WHERE " + where.sql;
    }
    if (stmt.n_group_clause > 0) {
        std::vector<std::string> groups;
        for (size_t i = 0; i < stmt.n_group_clause; ++i) {
            const PgQuery__Node* g = stmt.group_clause[i];
            if (g->node_case == PG_QUERY__NODE__NODE_PARAM_REF && parameter_types_.from_literals()) {
                throw NeedsLiterals();
            }
            if (g->node_case == PG_QUERY__NODE__NODE_A_CONST &&
                g->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL) {
                groups.push_back(std::to_string(g->a_const->ival->ival));
                continue;
            }
            if (g->node_case == PG_QUERY__NODE__NODE_GROUPING_SET) throw_unsupported("GROUPING SETS");
            try {
                groups.push_back(expression(g, scope).sql);
            } catch (const PgError& e) {
                // GROUP BY may name an output column, as in PostgreSQL.
                std::string name = g->node_case == PG_QUERY__NODE__NODE_COLUMN_REF ? figure_column_name(g) : "";
                bool is_output = std::any_of(out.columns.begin(), out.columns.end(),
                                             [&](auto& c) { return c.name == name; });
                if (e.sqlstate() != sqlstate::kUndefinedColumn || !is_output) throw;
                groups.push_back(quote_identifier(name));
            }
        }
        sql += " GROUP BY " + join_strings(groups, ", ");
    }
    if (stmt.having_clause != nullptr) sql += " HAVING " + expression(stmt.having_clause, scope).sql;
    sql += order_by(stmt.sort_clause, stmt.n_sort_clause, scope, out.columns);
    sql += limit_offset(stmt, scope);
    out.sql = std::move(sql);
    return out;
}

// ---------------------------------------------------------------- expressions

void QueryTranslator::resolve_unknown(TypedSql& value, PgType context, int location) {
    if (!value.untyped() || context.is_unknown()) return;
    if (value.parameter > 0) {
        parameter_types_.set(value.parameter, context);
        value.type = context;
        return;
    }
    // An input error points at the literal itself, as in PostgreSQL.
    value.sql = coerce_literal(*value.unknown_literal, context, pos(value.location >= 0 ? value.location : location));
    value.type = context;
    value.unknown_literal.reset();
}

std::string QueryTranslator::assignment(const TypedSql& value, PgType target, int location) {
    if (value.is_null_literal) return "NULL";
    if (value.unknown_literal) {
        return coerce_literal(*value.unknown_literal, target, pos(value.location >= 0 ? value.location : location));
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
    if ((target.oid == oid::kTimestamptz || target.oid == oid::kTimestamp || target.oid == oid::kDate) &&
        (value.type.oid == oid::kTimestamptz || value.type.oid == oid::kTimestamp ||
         value.type.oid == oid::kDate)) {
        return cast_to(value, target, location).sql;
    }
    bool both_json = (target.oid == oid::kJson || target.oid == oid::kJsonb) &&
                     (value.type.oid == oid::kJson || value.type.oid == oid::kJsonb);
    if (both_json || (pgwire::is_array_type(target.oid) && pgwire::is_array_type(value.type.oid))) {
        return cast_to(value, target, location).sql;
    }
    throw PgError(sqlstate::kDatatypeMismatch,
                  "column is of type " + format_type(target) + " but expression is of type " +
                      format_type(value.type),
                  pos(location))
        .with_hint("You will need to rewrite or cast the expression.");
}

TypedSql QueryTranslator::expression(const PgQuery__Node* node, const Scope& scope) {
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
                                  pos(b.location));
                }
                args.push_back(a.sql);
            }
            if (b.boolop == PG_QUERY__BOOL_EXPR_TYPE__NOT_EXPR) return {"(NOT " + args[0] + ")", kBool};
            const char* op = b.boolop == PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR ? " AND " : " OR ";
            return {"(" + join_strings(args, op) + ")", kBool};
        }
        case PG_QUERY__NODE__NODE_NULL_TEST: {
            const auto& t = *node->null_test;
            TypedSql a = expression(t.arg, scope);
            bool is_null = t.nulltesttype == PG_QUERY__NULL_TEST_TYPE__IS_NULL;
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
                if (type.is_unknown() && !args.back().type.is_unknown()) type = args.back().type;
            }
            std::vector<std::string> sqls;
            for (auto& a : args) {
                resolve_unknown(a, type, c.location);
                sqls.push_back(a.sql);
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
            const char* fn = m.op == PG_QUERY__MIN_MAX_OP__IS_GREATEST ? "litegres_greatest" : "litegres_least";
            return {std::string(fn) + "(" + join_strings(sqls, ", ") + ")", type};
        }
        case PG_QUERY__NODE__NODE_SUB_LINK: return sub_link(*node->sub_link, scope);
        case PG_QUERY__NODE__NODE_SQLVALUE_FUNCTION: return value_function(*node->sqlvalue_function);
        case PG_QUERY__NODE__NODE_PARAM_REF: {
            const auto& p = *node->param_ref;
            if (p.number < 1 || p.number > 65535) {
                throw PgError(sqlstate::kUndefinedParameter, "there is no parameter $" + std::to_string(p.number),
                              pos(p.location));
            }
            parameter_types_.note(p.number);
            TypedSql t{"?" + std::to_string(p.number), parameter_types_.get(p.number)};
            t.parameter = p.number;
            return t;
        }
        case PG_QUERY__NODE__NODE_A_ARRAY_EXPR: return array_constructor(*node->a_array_expr, scope);
        case PG_QUERY__NODE__NODE_COLLATE_CLAUSE: throw_unsupported("COLLATE");
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
            TypedSql t{text, kNumeric};
            size_t dot = text.find('.');
            if (text.find_first_of("eE") == std::string::npos) {
                t.scale = dot == std::string::npos ? 0 : int(text.size() - dot - 1);
            }
            return t;
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

TypedSql QueryTranslator::column_ref(const PgQuery__ColumnRef& ref, const Scope& scope) {
    std::vector<std::string> names;
    for (size_t i = 0; i < ref.n_fields; ++i) {
        if (ref.fields[i]->node_case == PG_QUERY__NODE__NODE_A_STAR) {
            throw PgError(sqlstate::kSyntaxError, "row expansion via \"*\" is not supported here",
                          pos(ref.location));
        }
        names.push_back(str(ref.fields[i]));
    }
    std::string column = names.back();
    if (names.size() == 1) {
        for (const Scope* s = &scope; s != nullptr; s = s->parent) {
            for (const auto& m : s->merged_columns) {
                if (m.name == column) return {quote_identifier(column), m.type};
            }
            const RangeEntry* found = nullptr;
            const ColumnInfo* info = nullptr;
            for (const auto& e : s->entries) {
                for (const auto& c : e.columns) {
                    if (c.name != column) continue;
                    if (found != nullptr) {
                        throw PgError(sqlstate::kAmbiguousColumn,
                                      "column reference \"" + column + "\" is ambiguous", pos(ref.location));
                    }
                    found = &e;
                    info = &c;
                }
            }
            if (found != nullptr) {
                TypedSql t{!info->sql.empty()      ? info->sql
                           : found->unqualified ? quote_identifier(column)
                                                : quote_identifier(found->refname) + "." + quote_identifier(column),
                           info->type};
                t.table_oid = info->table_oid;
                t.column_number = info->column_number;
                t.scale = numeric_scale(info->type.typmod);
                return t;
            }
        }
        throw PgError(sqlstate::kUndefinedColumn, "column \"" + column + "\" does not exist",
                      pos(ref.location));
    }
    if (names.size() > 3) throw_unsupported("column references with more than three parts", ref.location);
    std::string table = names[names.size() - 2];
    for (const Scope* s = &scope; s != nullptr; s = s->parent) {
        for (const auto& e : s->entries) {
            if (e.refname != table) continue;
            for (const auto& c : e.columns) {
                if (c.name == column) {
                    TypedSql t{!c.sql.empty()    ? c.sql
                               : e.unqualified ? quote_identifier(column)
                                               : quote_identifier(e.refname) + "." + quote_identifier(column),
                               c.type};
                    t.table_oid = c.table_oid;
                    t.column_number = c.column_number;
                    t.scale = numeric_scale(c.type.typmod);
                    return t;
                }
            }
            throw PgError(sqlstate::kUndefinedColumn,
                          "column " + table + "." + column + " does not exist", pos(ref.location));
        }
    }
    throw PgError(sqlstate::kUndefinedTable, "missing FROM-clause entry for table \"" + table + "\"",
                  pos(ref.location));
}

TypedSql QueryTranslator::binary_operator(const std::string& op, TypedSql l, TypedSql r, int location) {
    if (auto container = container_operator(op, l, r, location)) return *container;
    if (op == "||") {
        // text || anything: unknown literals are text, other values are
        // converted with their output function (PostgreSQL's anytextcat).
        resolve_unknown(l, kText, location);
        resolve_unknown(r, kText, location);
        if (!is_string_type(l.type) && !is_string_type(r.type)) {
            throw PgError(sqlstate::kUndefinedFunction,
                          "operator does not exist: " + format_type(l.type) + " || " + format_type(r.type),
                          pos(location));
        }
        if (!is_string_type(l.type) && !l.is_null_literal) l = cast_to(std::move(l), kText, location);
        if (!is_string_type(r.type) && !r.is_null_literal) r = cast_to(std::move(r), kText, location);
        return {"(" + l.sql + " || " + r.sql + ")", kText};
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
                              pos(location))
                    .with_hint("No operator matches the given name and argument types. You might need to add "
                               "explicit type casts.");
            }
            const char* sqlite_op = op == "!=" ? "<>" : cmp;
            return {"(" + l.sql + " " + sqlite_op + " " + r.sql + ")", kBool};
        }
    }
    if (op == "+" || op == "-" || op == "*" || op == "/" || op == "%") {
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
                          pos(location))
                .with_hint("No operator matches the given name and argument types. You might need to add explicit type casts.");
        }
        PgType type = arithmetic_type(l.is_null_literal ? r.type : l.type, r.is_null_literal ? l.type : r.type);
        if (op == "/" || op == "%") {
            // PostgreSQL raises 22012 where SQLite would yield NULL.
            std::string divisor = "litegres_nonzero(" + r.sql + ")";
            if (op == "/" && !is_integer_type(type) && is_integer_type(l.type) && is_integer_type(r.type)) {
                type = kInt8;
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
        std::string sql = "(" + l.sql + " " + op + " " + r.sql + ")";
        // PostgreSQL's integer operators fail on overflow (22003); SQLite's
        // widen to 64 bits or to REAL.
        if (is_integer_type(type)) sql = "litegres_to_integer(" + sql + ", " + std::to_string(type.oid) + ", 0)";
        TypedSql result{sql, type};
        int ls = scale_of(l), rs = scale_of(r);
        if (type.oid == oid::kNumeric && ls >= 0 && rs >= 0) {
            // numeric's result scales: the larger for + and -, the sum for *.
            result.scale = op == "*" ? ls + rs : std::max(ls, rs);
        }
        return result;
    }
    if (op == "~" || op == "~*" || op == "!~" || op == "!~*") throw_unsupported("regular expression operators", location);
    throw PgError(sqlstate::kUndefinedFunction,
                  "operator does not exist: " + format_type(l.type) + " " + op + " " + format_type(r.type),
                  pos(location));
}

TypedSql QueryTranslator::operator_expr(const PgQuery__AExpr& e, const Scope& scope) {
    std::string op = e.n_name > 0 ? str(e.name[e.n_name - 1]) : "";
    switch (e.kind) {
        case PG_QUERY__A__EXPR__KIND__AEXPR_OP: {
            if (e.lexpr == nullptr) {
                TypedSql r = expression(e.rexpr, scope);
                if (op == "-" || op == "+") {
                    if (r.untyped()) resolve_unknown(r, kNumeric, e.location);
                    if (!is_numeric_category(r.type) && !r.is_null_literal) {
                        throw PgError(sqlstate::kUndefinedFunction,
                                      "operator does not exist: " + op + " " + format_type(r.type),
                                      pos(e.location));
                    }
                    std::string sql = "(" + op + r.sql + ")";
                    // -INT_MIN overflows.
                    if (op == "-" && is_integer_type(r.type)) {
                        sql = "litegres_to_integer(" + sql + ", " + std::to_string(r.type.oid) + ", 0)";
                    }
                    TypedSql result{sql, r.type};
                    result.scale = r.scale;
                    return result;
                }
                throw_unsupported("prefix operator " + op, e.location);
            }
            TypedSql l = expression(e.lexpr, scope);
            TypedSql r = expression(e.rexpr, scope);
            return binary_operator(op, std::move(l), std::move(r), e.location);
        }
        case PG_QUERY__A__EXPR__KIND__AEXPR_IN: {
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
            for (auto& it : items) {
                resolve_unknown(it, l.type, e.location);
                sqls.push_back(it.sql);
            }
            bool negated = op == "<>";
            return {"(" + l.sql + (negated ? " NOT IN (" : " IN (") + join_strings(sqls, ", ") + "))", kBool};
        }
        case PG_QUERY__A__EXPR__KIND__AEXPR_LIKE:
        case PG_QUERY__A__EXPR__KIND__AEXPR_ILIKE: {
            TypedSql l = expression(e.lexpr, scope);
            resolve_unknown(l, kText, e.location);
            std::string escape = "'\\'";
            const PgQuery__Node* pattern_node = e.rexpr;
            // `x LIKE p ESCAPE e` arrives as like_escape(p, e).
            if (pattern_node->node_case == PG_QUERY__NODE__NODE_FUNC_CALL &&
                std::string(str(pattern_node->func_call->funcname[pattern_node->func_call->n_funcname - 1])) ==
                    "like_escape") {
                TypedSql esc = expression(pattern_node->func_call->args[1], scope);
                escape = esc.sql;
                pattern_node = pattern_node->func_call->args[0];
            }
            TypedSql r = expression(pattern_node, scope);
            resolve_unknown(r, kText, e.location);
            bool negated = op.front() == '!';
            bool insensitive = e.kind == PG_QUERY__A__EXPR__KIND__AEXPR_ILIKE;
            std::string lhs = insensitive ? "lower(" + l.sql + ")" : l.sql;
            std::string rhs = insensitive ? "lower(" + r.sql + ")" : r.sql;
            return {"(" + lhs + (negated ? " NOT LIKE " : " LIKE ") + rhs + " ESCAPE " + escape + ")", kBool};
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
            std::string test = "(" + l.sql + " BETWEEN " + lo.sql + " AND " + hi.sql + ")";
            if (symmetric) test = "(" + test + " OR (" + l.sql + " BETWEEN " + hi.sql + " AND " + lo.sql + "))";
            return {negated ? "(NOT " + test + ")" : test, kBool};
        }
        case PG_QUERY__A__EXPR__KIND__AEXPR_NULLIF: {
            TypedSql l = expression(e.lexpr, scope);
            TypedSql r = expression(e.rexpr, scope);
            if (l.untyped()) resolve_unknown(l, r.type.is_unknown() ? kText : r.type, e.location);
            resolve_unknown(r, l.type, e.location);
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
        case PG_QUERY__A__EXPR__KIND__AEXPR_SIMILAR: throw_unsupported("SIMILAR TO", e.location);
        default: throw_unsupported("this operator", e.location);
    }
}

TypedSql QueryTranslator::function_call(const PgQuery__FuncCall& call, const Scope& scope) {
    std::string name = str(call.funcname[call.n_funcname - 1]);
    if (call.n_funcname == 2 && std::string(str(call.funcname[0])) != "pg_catalog") {
        throw PgError(sqlstate::kUndefinedFunction, "function " + std::string(str(call.funcname[0])) +
                                                        "." + name + " does not exist", pos(call.location));
    }
    if (call.over != nullptr) throw_unsupported("window functions", call.location);
    if (call.n_agg_order > 0) throw_unsupported("ORDER BY inside an aggregate", call.location);
    if (call.agg_filter != nullptr) throw_unsupported("FILTER", call.location);
    if (call.agg_within_group) throw_unsupported("WITHIN GROUP", call.location);

    std::vector<TypedSql> args;
    for (size_t i = 0; i < call.n_args; ++i) args.push_back(expression(call.args[i], scope));
    if (auto container = container_function(name, call, args)) return *container;

    const FunctionSignature* fn = find_function(name, args.size(), call.agg_star);
    if (fn == nullptr) {
        throw PgError(sqlstate::kUndefinedFunction,
                      "function " + name + "(" + type_list(args) + ") does not exist", pos(call.location))
            .with_hint("No function matches the given name and argument types. You might need to add explicit type casts.");
    }
    if (fn->writes) writes_ = true;
    if (fn->aggregate && in_where_) {
        throw PgError(sqlstate::kGroupingError, "aggregate functions are not allowed in WHERE", pos(call.location));
    }
    for (auto& a : args) {
        if (a.untyped()) resolve_unknown(a, fn->unknown_argument_type, call.location);
    }
    PgType result = fn->result(args);
    std::vector<std::string> sqls;
    for (const auto& a : args) sqls.push_back(a.sql);
    std::string sql = fn->sqlite_name + "(";
    if (call.agg_star) sql += "*";
    if (call.agg_distinct) sql += "DISTINCT ";
    sql += join_strings(sqls, ", ") + ")";
    if (fn->wrap) sql = fn->wrap(sql, args);
    TypedSql out{sql, result};
    if (result.oid == oid::kNumeric && args.size() == 1 &&
        (fn->sqlite_name == "sum" || fn->sqlite_name == "min" || fn->sqlite_name == "max" ||
         fn->sqlite_name == "abs")) {
        out.scale = scale_of(args[0]);
    }
    return out;
}

TypedSql QueryTranslator::type_cast(const PgQuery__TypeCast& cast, const Scope& scope) {
    ResolvedTypeName target = resolve_type_name(*cast.type_name);
    if (target.serial) {
        throw PgError(sqlstate::kUndefinedObject,
                      "type \"" + std::string(str(cast.type_name->names[cast.type_name->n_names - 1])) +
                          "\" does not exist",
                      pos(cast.location));
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
            if (is_numeric_category(source)) return {"CAST(" + v + " AS REAL)", target};
            if (is_string_type(source)) {
                return {"litegres_text_to_float(" + v + ")", target};
            }
            break;
        case oid::kNumeric:
            if (is_numeric_category(source)) {
                int scale = numeric_scale(target.typmod);
                if (scale >= 0) return {"round(" + v + ", " + std::to_string(scale) + ")", target};
                TypedSql same{v, target};
                same.scale = scale_of(value);
                return same;
            }
            if (is_string_type(source)) return {"litegres_text_to_float(" + v + ")", target};
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
            if (source.oid == oid::kTimestamp || source.oid == oid::kTimestamptz) {
                return {"substr(" + v + ", 1, 10)", target};
            }
            if (is_string_type(source)) return {"litegres_datetime_in(" + v + ", 1082)", target};
            break;
        case oid::kTimestamp:
        case oid::kTimestamptz:
            if (source.oid == oid::kDate || is_string_type(source) || source.oid == oid::kTimestamp ||
                source.oid == oid::kTimestamptz) {
                return {"litegres_datetime_in(" + v + ", " + std::to_string(target.oid) + ")", target};
            }
            break;
        default:
            if (is_string_type(source)) return {v, target};
            break;
    }
    throw PgError(sqlstate::kCannotCoerce,
                  "cannot cast type " + format_type(source) + " to " + format_type(target), pos(location));
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
    }
    if (type.is_unknown()) type = kText;
    for (size_t i = 0; i < conditions.size(); ++i) {
        resolve_unknown(results[i], type, e.location);
        sql += " WHEN " + conditions[i].sql + " THEN " + results[i].sql;
    }
    resolve_unknown(otherwise, type, e.location);
    sql += " ELSE " + otherwise.sql + " END)";
    return {sql, type};
}

TypedSql QueryTranslator::sub_link(const PgQuery__SubLink& link, const Scope& scope) {
    SelectOutput inner = select(*link.subselect->select_stmt, &scope);
    switch (link.sub_link_type) {
        case PG_QUERY__SUB_LINK_TYPE__EXISTS_SUBLINK: return {"EXISTS (" + inner.sql + ")", kBool};
        case PG_QUERY__SUB_LINK_TYPE__EXPR_SUBLINK: {
            if (inner.columns.size() != 1) {
                throw PgError(sqlstate::kSyntaxError, "subquery must return only one column",
                              pos(link.location));
            }
            TypedSql t{"(" + inner.sql + ")", inner.columns[0].type};
            t.scale = inner.columns[0].display_scale;
            return t;
        }
        case PG_QUERY__SUB_LINK_TYPE__ANY_SUBLINK:
        case PG_QUERY__SUB_LINK_TYPE__ALL_SUBLINK: {
            std::string op = link.n_oper_name > 0 ? str(link.oper_name[link.n_oper_name - 1]) : "=";
            bool any = link.sub_link_type == PG_QUERY__SUB_LINK_TYPE__ANY_SUBLINK;
            if ((any && op != "=") || (!any && op != "<>")) {
                throw_unsupported(std::string(any ? "ANY" : "ALL") + " with operator " + op, link.location);
            }
            if (inner.columns.size() != 1) {
                throw PgError(sqlstate::kSyntaxError, "subquery has too many columns", pos(link.location));
            }
            TypedSql test = expression(link.testexpr, scope);
            resolve_unknown(test, inner.columns[0].type, link.location);
            return {"(" + test.sql + (any ? " IN (" : " NOT IN (") + inner.sql + "))", kBool};
        }
        case PG_QUERY__SUB_LINK_TYPE__ARRAY_SUBLINK: return array_of_subquery(inner, link.location);
        default: throw_unsupported("this kind of subquery", link.location);
    }
}

TypedSql QueryTranslator::value_function(const PgQuery__SQLValueFunction& f) {
    switch (f.op) {
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_DATE:
            return {"substr(litegres_now(), 1, 10)", kDate};
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP:
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP_N:
            return {"litegres_now()", kTimestamptz};
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP:
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP_N:
            return {"substr(litegres_now(), 1, length(litegres_now()) - 3)", kTimestamp};
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_ROLE:
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_USER:
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_USER:
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_SESSION_USER:
            return {"litegres_session_user()", PgType{oid::kName, -1}};
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_CATALOG:
            return {"litegres_current_database()", PgType{oid::kName, -1}};
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_SCHEMA:
            return {"'public'", PgType{oid::kName, -1}};
        default: throw_unsupported("CURRENT_TIME / LOCALTIME", f.location);
    }
}

}  // namespace litegres::translate
