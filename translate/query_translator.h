// query_translator.h — binds and emits queries and expressions.
//
// Each expression is resolved against the Scope (FROM items and their typed
// columns, found through the Catalog), given its PostgreSQL type, and emitted
// as SQLite SQL chosen by that type. Anything this walker does not handle is
// PgError 0A000 naming the construct — never SQL passed through unchecked.
#pragma once

#include <pg_query/pg_query.pb-c.h>

#include <exception>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "translate/catalog.h"
#include "translate/scope.h"
#include "translate/translated_statement.h"
#include "translate/typed_sql.h"

namespace litegres::translate {

struct SelectOutput {
    std::string sql;
    std::vector<ResultColumn> columns;
};

// The types of $1, $2, ... as far as they are known: given by the client
// in Parse, or inferred from the context each parameter appears in.
class ParameterTypes {
public:
    explicit ParameterTypes(std::vector<PgType> declared = {}) : types_(std::move(declared)) {}
    PgType get(int number) const {
        return size_t(number) <= types_.size() ? types_[size_t(number - 1)] : kUnknown;
    }
    void set(int number, PgType type) {
        if (types_.size() < size_t(number)) types_.resize(size_t(number), kUnknown);
        if (types_[size_t(number - 1)].is_unknown()) types_[size_t(number - 1)] = type;
    }
    void note(int number) {
        if (types_.size() < size_t(number)) types_.resize(size_t(number), kUnknown);
    }
    // The parameters stand for literals the session lifted out of a simple
    // query (literal_extractor.h); a shape that needs the literal itself
    // (ORDER BY 1) must then be translated from the original text.
    void mark_from_literals() { from_literals_ = true; }
    bool from_literals() const { return from_literals_; }

    // Every parameter's type; still-unknown ones are text, as PostgreSQL
    // resolves an unknown parameter it cannot place.
    std::vector<PgType> resolved() const {
        std::vector<PgType> out = types_;
        for (auto& t : out) {
            if (t.is_unknown()) t = kText;
        }
        return out;
    }

private:
    std::vector<PgType> types_;
    bool from_literals_ = false;
};

// Thrown when a statement whose literals were made parameters depends on a
// literal's value; the caller translates the original text instead.
struct NeedsLiterals : std::exception {
    const char* what() const noexcept override { return "statement needs its literals"; }
};

// The rows a data-modifying WITH query (INSERT/UPDATE/DELETE ... RETURNING)
// produced, kept by the executor in a TEMP table (data_modifying_with.cpp).
struct CapturedCommonTable {
    std::string sqlite_table;           // quoted, e.g. temp."_litegres_with_0_2"
    std::vector<ResultColumn> columns;  // its RETURNING list
    bool returning = false;
};
using CapturedCommonTables = std::map<const PgQuery__CommonTableExpr*, CapturedCommonTable>;

class QueryTranslator {
public:
    QueryTranslator(Catalog& catalog, ParameterTypes& parameter_types)
        : catalog_(catalog), parameter_types_(parameter_types) {}

    SelectOutput select(const PgQuery__SelectStmt& stmt, const Scope* outer);
    TypedSql expression(const PgQuery__Node* node, const Scope& scope);
    // `value` converted for storing into a column of type `target`.
    std::string assignment(const TypedSql& value, PgType target, int location);
    // A text column of INSERT ... SELECT's source stored into a column of
    // type `target`: as it is, but checked when `target` is an enum (the
    // source's unknown literals arrive as text).
    std::string stored_text(const TypedSql& value, PgType target);
    // A SELECT list or RETURNING list: "expr AS name, ..." plus its columns.
    // `expressions`, when given, receives each output column's SQL.
    std::string target_list(PgQuery__Node** items, size_t count, const Scope& scope,
                            std::vector<ResultColumn>& columns, std::vector<std::string>* expressions = nullptr);
    // A table named in FROM/INSERT/UPDATE/DELETE; 42P01 when it does not exist.
    RangeEntry table_entry(const PgQuery__RangeVar& range_var);

    // A WITH clause: its queries become visible by name to FROM items until
    // pop_common_tables(mark) (mark: common_table_mark() before the call).
    // Returns "WITH [RECURSIVE] ... " to put in front of the statement.
    std::string with_clause(const PgQuery__WithClause& with, const Scope* outer);
    size_t common_table_mark() const { return common_tables_.size(); }
    // The data-modifying WITH queries of the statement, already run by the
    // time its main query reads them (only the top level may have them).
    void use_captured_common_tables(const CapturedCommonTables* captured) { captured_ = captured; }
    void pop_common_tables(size_t mark) { common_tables_.resize(mark); }

    // A FROM item (table, subquery, join, function) added to `scope`.
    std::string from_clause_item(const PgQuery__Node* node, Scope& scope) { return from_item(node, scope); }
    // A WHERE-like condition: boolean, no aggregates (`clause` names it in errors).
    std::string condition(const PgQuery__Node* node, const Scope& scope, const char* clause);

    // True once an expression called a function that writes (nextval, setval).
    bool writes() const { return writes_; }

private:
    // The relation a RangeVar names, under its own name and column names.
    RangeEntry relation_entry(const PgQuery__RangeVar& range_var);
    std::string from_item(const PgQuery__Node* node, Scope& scope);
    std::string join(const PgQuery__JoinExpr& join, Scope& scope);
    // LATERAL (SELECT ...) in FROM (lateral_subquery.cpp).
    std::string lateral_subquery(const PgQuery__RangeSubselect& subselect, Scope& scope);
    // The FROM item yielding the rows of `select_sql`, which refers to
    // earlier FROM items, under `refname`; fills the entry's column SQL.
    std::string lateral_rows_item(const std::string& select_sql, RangeEntry& entry, int location);
    // The scope a LATERAL item sees: its earlier siblings, then the parent.
    static Scope lateral_scope(const Scope& scope);
    // generate_series in FROM, as a recursive subquery.
    std::string series_function(const PgQuery__RangeFunction& range_function, Scope& scope);
    // A table or WITH query named in FROM, under its alias if it has one.
    std::string relation_item(const PgQuery__RangeVar& rv, RangeEntry entry, Scope& scope);
    std::string order_by(PgQuery__Node** items, size_t count, const Scope& scope,
                         const std::vector<ResultColumn>& outputs);
    // "(PARTITION BY ... ORDER BY ... frame)" of OVER or a WINDOW clause entry.
    std::string window_spec(const PgQuery__WindowDef& window, const Scope& scope);
    std::string limit_offset(const PgQuery__SelectStmt& stmt, const Scope& scope);
    SelectOutput set_operation(const PgQuery__SelectStmt& stmt, const Scope* outer);
    SelectOutput values(const PgQuery__SelectStmt& stmt, const Scope& scope);

    TypedSql constant(const PgQuery__AConst& c);
    TypedSql column_ref(const PgQuery__ColumnRef& ref, const Scope& scope);
    TypedSql operator_expr(const PgQuery__AExpr& e, const Scope& scope);
    TypedSql binary_operator(const std::string& op, TypedSql left, TypedSql right, int location);
    // x [NOT] [I]LIKE pattern ESCAPE escape, both already text.
    static TypedSql like(const TypedSql& l, const TypedSql& r, bool negated, bool insensitive, const std::string& escape);
    TypedSql function_call(const PgQuery__FuncCall& call, const Scope& scope);
    // The call built from its already-typed arguments.
    TypedSql call_with_arguments(const std::string& name, const PgQuery__FuncCall& call, std::vector<TypedSql>& args,
                                 const Scope& scope);
    // agg(x ORDER BY y): see ordered_aggregate.h.
    TypedSql ordered_aggregate(const std::string& name, const PgQuery__FuncCall& call, std::vector<TypedSql>& args,
                               const Scope& scope);
    TypedSql type_cast(const PgQuery__TypeCast& cast, const Scope& scope);
    TypedSql cast_to(TypedSql value, PgType target, int location);
    // 'name'::regclass / regproc / regtype: the object's OID.
    TypedSql object_identifier_cast(const TypedSql& value, PgType target, int location);
    TypedSql case_expr(const PgQuery__CaseExpr& e, const Scope& scope);
    TypedSql sub_link(const PgQuery__SubLink& link, const Scope& scope);
    TypedSql value_function(const PgQuery__SQLValueFunction& f);
    // Row constructors compared (row_comparison.cpp).
    static const PgQuery__RowExpr* row_constructor(const PgQuery__Node* node);
    std::vector<TypedSql> row_items(const PgQuery__RowExpr& row, const Scope& scope);
    TypedSql row_comparison(const std::string& op, std::vector<TypedSql> left, std::vector<TypedSql> right,
                            int location);
    TypedSql row_in_list(const std::vector<TypedSql>& left, const PgQuery__List& list, bool negated,
                         const Scope& scope, int location);
    TypedSql row_null_test(const PgQuery__RowExpr& row, bool is_null, const Scope& scope);
    // json/jsonb and arrays (container_expressions.cpp): each returns
    // nullopt when the operands are not its types.
    std::optional<TypedSql> container_operator(const std::string& op, TypedSql& l, TypedSql& r, int location);
    std::optional<TypedSql> container_function(const std::string& name, const PgQuery__FuncCall& call,
                                               std::vector<TypedSql>& args);
    std::optional<TypedSql> container_cast(const TypedSql& value, PgType target);
    // Enum types (enum_expressions.cpp): each optional one returns nullopt
    // when no operand is of an enum type.
    std::optional<EnumType> enum_type_of(PgType type);
    std::string enum_sort_collation(PgType type);  // " COLLATE ..." for an enum, else ""
    std::string enum_sort_key(const TypedSql& value);  // an enum's sort order as a number; else value.sql
    // A literal, NULL, text or parameter as a value of `type` (22P02 for a bad label).
    TypedSql enum_value(const TypedSql& value, const EnumType& type, int location);
    std::optional<TypedSql> enum_cast(const TypedSql& value, PgType target, int location);
    std::string enum_assignment(const TypedSql& value, const EnumType& type, int location);
    std::optional<TypedSql> enum_operator(const std::string& op, TypedSql& l, TypedSql& r, int location);
    std::optional<TypedSql> enum_function(const std::string& name, std::vector<TypedSql>& args, int location);
    TypedSql enum_extremum(const std::vector<std::string>& values, PgType type, bool greatest);
    TypedSql array_constructor(const PgQuery__AArrayExpr& e, const Scope& scope);
    TypedSql indirection(const PgQuery__AIndirection& e, const Scope& scope);
    TypedSql any_all(const PgQuery__AExpr& e, const Scope& scope);
    TypedSql array_of_subquery(const SelectOutput& inner, int location);
    std::string range_function(const PgQuery__RangeFunction& f, Scope& scope);
    // A ColumnRef naming a FROM item rather than a column (t, t.*): the row
    // as a JSON object typed record, for the JSON functions; else nullopt.
    std::optional<TypedSql> whole_row_reference(const PgQuery__Node* node, const Scope& scope);
    std::string regexp_source(const PgQuery__FuncCall& fc, const PgQuery__Alias* alias, const Scope& scope,
                              RangeEntry& entry, bool ordinality);
    // A function in FROM that returns one value (not a set): one row.
    std::string scalar_function_source(const PgQuery__Node& call, const PgQuery__Alias* alias,
                                       const Scope& scope, RangeEntry& entry, bool ordinality);
    std::string function_source(const PgQuery__FuncCall& fc, const PgQuery__Alias* alias, const Scope& scope,
                                RangeEntry& entry, bool ordinality = false);
    // A set-returning function in the select list joins FROM (`from`); its
    // call then reads the joined column.
    void select_list_functions(PgQuery__Node** targets, size_t count, bool grouped, Scope& scope,
                               std::vector<std::string>& from);
    // unnest(array) and generate_subscripts(array, 1) calls of one select
    // list, zipped into one FROM item named `refname`.
    std::string zipped_array_functions(const std::vector<const PgQuery__FuncCall*>& calls,
                                       const std::string& refname, const Scope& scope);
    // SQL giving the json text of `value` as to_json renders it.
    std::string json_fragment(TypedSql value, int location);
    // Gives an unknown literal the type of its counterpart (PostgreSQL's rule
    // for `col = '42'`), in place.
    void resolve_unknown(TypedSql& value, PgType context, int location);

    // A WITH query in scope: its name and typed output columns.
    struct CommonTable {
        std::string name;
        std::vector<ColumnInfo> columns;
        bool without_returning = false;  // a data-modifying query without RETURNING
    };
    // A data-modifying WITH query: its captured rows (see CapturedCommonTable).
    std::string captured_common_table(const PgQuery__CommonTableExpr& cte);
    const CommonTable* find_common_table(std::string_view name) const;

    // PostgreSQL's grouping rule for one query level: outside aggregates,
    // the select list, HAVING and ORDER BY of a grouped query may use only
    // grouped expressions, or columns of a table whose whole primary key
    // is grouped (42803 otherwise).
    struct GroupCheck {
        std::set<std::string> grouped;  // emitted SQL of the GROUP BY items
        std::set<size_t> grouped_targets;  // select-list items named by GROUP BY position or alias
        struct Violation {
            std::string column;
            int location;
        };
        std::vector<Violation> pending;
        bool active = false;  // inside the select list, HAVING or ORDER BY
        int aggregate_depth = 0;
        bool saw_aggregate = false;
    };
    TypedSql expression_node(const PgQuery__Node* node, const Scope& scope);
    std::string group_by(const PgQuery__SelectStmt& stmt, const Scope& scope, GroupCheck& check);
    // SELECT DISTINCT ON as a ranking over the rows of the query `body`.
    std::string distinct_on(const PgQuery__SelectStmt& stmt, const Scope& scope, const std::vector<ResultColumn>& columns,
                            const std::vector<std::string>& expressions, const std::string& body);
    void note_column_use(const RangeEntry& entry, const std::string& column, const std::string& sql, int location);

    Catalog& catalog_;
    ParameterTypes& parameter_types_;
    // Innermost last: a nested WITH shadows an outer one of the same name.
    std::vector<CommonTable> common_tables_;
    const CapturedCommonTables* captured_ = nullptr;
    bool writes_ = false;
    // The grouping check of the query level being translated (nullptr: none).
    GroupCheck* group_check_ = nullptr;
    // Set while translating a WHERE clause, where aggregates are not allowed.
    bool in_where_ = false;
    // Set when a column resolved to an earlier FROM item through a LATERAL
    // scope: the item must then be joined as litegres_rows (lateral_rows.h).
    struct LateralReference {
        std::string table;
        int location;
    };
    std::optional<LateralReference> lateral_reference_;
    std::vector<std::pair<const PgQuery__FuncCall*, TypedSql>> select_list_results_;
};

// The COLLATE clause that sorts values of `type` as PostgreSQL does, when
// their storage text would not (arrays, jsonb); else empty.
std::string sort_collation(PgType type);

// PostgreSQL's FigureColname: the output name of an unaliased target.
std::string figure_column_name(const PgQuery__Node* node);

// " ASC NULLS LAST" etc. for a sort key: PostgreSQL's NULL order spelled out.
std::string sort_direction(const PgQuery__SortBy& sort_by);

// The message "X is not supported yet" as SQLSTATE 0A000, with position.
[[noreturn]] void throw_unsupported(const std::string& construct, int location = -1);

}  // namespace litegres::translate
