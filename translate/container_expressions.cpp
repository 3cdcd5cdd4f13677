// container_expressions.cpp — the part of QueryTranslator that binds json,
// jsonb and array expressions: their operators, functions, casts, ARRAY[...]
// and subscripts, x op ANY/ALL (array), and their set-returning functions in
// FROM. Kept apart from query_translator.cpp because it is one topic with its
// own storage rules: json/jsonb are stored as text (jsonb canonical), arrays
// as JSON arrays (pgwire/array_value.h), and the work is done by the
// litegres_json_* / litegres_array_* SQLite functions.
#include <algorithm>
#include <utility>

#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"
#include "translate/container_collations.h"
#include "translate/query_translator.h"
#include "translate/sql_text.h"
#include "translate/ast_text.h"

namespace litegres::translate {

namespace oid = pgwire::oid;
using pgwire::PgError;
namespace sqlstate = pgwire::sqlstate;

namespace {


bool is_json(PgType t) { return t.oid == oid::kJson || t.oid == oid::kJsonb; }
bool is_array(PgType t) { return pgwire::is_array_type(t.oid); }
PgType element_of(PgType array) { return PgType{pgwire::array_element_type(array.oid), array.typmod}; }
const PgType kJsonb{oid::kJsonb};
const PgType kJson{oid::kJson};
const PgType kTextArray{1009};

std::string flag(bool b) { return b ? "1" : "0"; }

constexpr pgwire::Oid kInt2Vector = 22;
constexpr pgwire::Oid kOidVector = 30;

bool is_vector(PgType t) {
    return t.oid == kInt2Vector || t.oid == kOidVector;
}

// PostgreSQL's set-returning functions: in FROM, any other function yields
// one row holding its value.
bool returns_set(const std::string& name) {
    static const char* kSetReturning[] = {"unnest",
                                          "generate_series",
                                          "generate_subscripts",
                                          "json_array_elements",
                                          "jsonb_array_elements",
                                          "json_array_elements_text",
                                          "jsonb_array_elements_text",
                                          "json_each",
                                          "jsonb_each",
                                          "json_each_text",
                                          "jsonb_each_text",
                                          "json_object_keys",
                                          "jsonb_object_keys",
                                          "json_to_recordset",
                                          "jsonb_to_recordset",
                                          "json_populate_recordset",
                                          "jsonb_populate_recordset",
                                          "jsonb_path_query",
                                          "regexp_matches",
                                          "regexp_split_to_table",
                                          "string_to_table",
                                          "pg_partition_ancestors",
                                          "pg_partition_tree",
                                          "pg_get_keywords",
                                          "pg_options_to_table",
                                          "pg_listening_channels",
                                          "pg_ls_dir",
                                          "pg_stat_get_activity",
                                          "pg_tablespace_databases"};
    return std::find(std::begin(kSetReturning), std::end(kSetReturning), name) !=
           std::end(kSetReturning);
}

// The elements of an array (every dimension flattened, as json_tree walks
// them) as rows (value, n), n counting from 1.
std::string element_rows(const std::string& array) {
    return "SELECT value, row_number() OVER (ORDER BY id) AS n FROM json_tree(" + array +
           ") WHERE type <> 'array'";
}

// Several lists of rows (value, n) read side by side, the shorter ones padded
// with NULLs, as PostgreSQL reads unnest(a, b, ...) and several set-returning
// functions in one select list: columns value0, value1, ... [, ordinality].
std::string zipped_rows(const std::vector<std::string>& lists, bool ordinality) {
    std::string position = ordinality ? ", p.n AS ordinality" : "";
    if (lists.size() == 1)
        return "SELECT value AS value0" + position + " FROM (" + lists[0] + ") AS p ORDER BY p.n";
    std::vector<std::string> values, positions;
    std::string joins;
    for (size_t i = 0; i < lists.size(); ++i) {
        std::string list = "z" + std::to_string(i);
        values.push_back(list + ".value AS value" + std::to_string(i));
        positions.push_back("SELECT n FROM (" + lists[i] + ")");
        joins += " LEFT JOIN (" + lists[i] + ") AS " + list + " ON " + list + ".n = p.n";
    }
    return "SELECT " + join_strings(values, ", ") + position + " FROM (" +
           join_strings(positions, " UNION ") + ") AS p" + joins + " ORDER BY p.n";
}

// int2vector and oidvector (catalog columns such as pg_index.indkey) are
// stored as PostgreSQL prints them ("1 2"). Where an array is expected
// PostgreSQL coerces them to int2[] / oid[] (binary-coercible casts), so
// there they become litegres's array storage, a JSON array.
TypedSql vector_as_array(const TypedSql& v) {
    if (!is_vector(v.type)) return v;
    pgwire::Oid element = v.type.oid == kInt2Vector ? oid::kInt2 : oid::kOid;
    return {"('[' || replace(trim(" + v.sql + "), ' ', ',') || ']')",
            PgType{pgwire::array_type_of(element), -1}};
}

std::string call(const std::string& fn, const std::vector<std::string>& args) {
    std::string sql = fn + "(";
    for (size_t i = 0; i < args.size(); ++i) sql += (i > 0 ? ", " : "") + args[i];
    return sql + ")";
}

[[noreturn]] void no_operator(const std::string& op, PgType l, PgType r, int location) {
    throw PgError(sqlstate::kUndefinedFunction,
                  "operator does not exist: " + format_type(PgType{l.oid, -1}) + " " + op + " " +
                      format_type(PgType{r.oid, -1}),
                  error_position(location))
        .with_hint("No operator matches the given name and argument types. You might need to add explicit type casts.");
}

// The type ARRAY[...] elements share: the first known type, widened across
// the numeric types as PostgreSQL's UNION/ARRAY resolution does.
PgType common_type(const std::vector<TypedSql>& items) {
    PgType type = kUnknown;
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
    for (const auto& item : items) {
        if (item.type.is_unknown()) continue;
        if (type.is_unknown()) {
            type = item.type;
        } else if (rank(type) > 0 && rank(item.type) > 0 && rank(item.type) > rank(type)) {
            type = PgType{item.type.oid, -1};
        }
    }
    return type.is_unknown() ? kText : type;
}

bool is_comparison(const std::string& op) {
    return op == "=" || op == "<>" || op == "!=" || op == "<" || op == ">" || op == "<=" || op == ">=";
}

}  // namespace

std::string sort_collation(PgType type) {
    if (is_array(type)) return std::string(" COLLATE ") + kArrayCollation;
    if (type.oid == oid::kJsonb) return std::string(" COLLATE ") + kJsonbCollation;
    return "";
}

std::optional<TypedSql> QueryTranslator::container_operator(const std::string& op, TypedSql& l, TypedSql& r,
                                                           int location) {
    bool lj = is_json(l.type), rj = is_json(r.type), la = is_array(l.type), ra = is_array(r.type);
    if (!lj && !rj && !la && !ra) return std::nullopt;

    if (op == "->" || op == "->>") {
        if (!lj) no_operator(op, l.type, r.type, location);
        resolve_unknown(r, kText, location);
        if (!is_integer_type(r.type) && !is_string_type(r.type)) no_operator(op, l.type, r.type, location);
        std::string key = is_integer_type(r.type) ? r.sql : "CAST(" + r.sql + " AS TEXT)";
        bool as_text = op == "->>";
        return TypedSql{call("litegres_json_get", {l.sql, flag(l.type.oid == oid::kJsonb), flag(as_text), key}),
                        as_text ? kText : PgType{l.type.oid, -1}};
    }
    if (op == "#>" || op == "#>>") {
        if (!lj) no_operator(op, l.type, r.type, location);
        resolve_unknown(r, kTextArray, location);
        if (r.type.oid != kTextArray.oid) no_operator(op, l.type, r.type, location);
        bool as_text = op == "#>>";
        return TypedSql{call("litegres_json_path", {l.sql, flag(l.type.oid == oid::kJsonb), flag(as_text), r.sql}),
                        as_text ? kText : PgType{l.type.oid, -1}};
    }
    if (op == "?" || op == "?|" || op == "?&") {
        if (l.type.oid != oid::kJsonb) no_operator(op, l.type, r.type, location);
        if (op == "?") {
            resolve_unknown(r, kText, location);
            if (!is_string_type(r.type)) no_operator(op, l.type, r.type, location);
            return TypedSql{call("litegres_jsonb_exists", {l.sql, r.sql}), kBool};
        }
        resolve_unknown(r, kTextArray, location);
        if (r.type.oid != kTextArray.oid) no_operator(op, l.type, r.type, location);
        return TypedSql{call("litegres_jsonb_exists_many", {l.sql, r.sql, flag(op == "?&")}), kBool};
    }

    // Operators whose operands share one type: an unknown side takes the
    // other's (for || an array: PostgreSQL reads '{3,4}' as an array there).
    if (l.untyped() && !r.untyped()) resolve_unknown(l, r.type, location);
    if (r.untyped() && !l.untyped() && !(op == "-" && lj)) resolve_unknown(r, l.type, location);
    la = is_array(l.type);
    ra = is_array(r.type);

    if (lj || rj) {
        bool jsonb = l.type.oid == oid::kJsonb && (r.type.oid == oid::kJsonb || r.is_null_literal);
        if (op == "-" && l.type.oid == oid::kJsonb) {
            resolve_unknown(r, kText, location);
            if (is_integer_type(r.type) || is_string_type(r.type)) {
                std::string key = is_integer_type(r.type) ? r.sql : "CAST(" + r.sql + " AS TEXT)";
                return TypedSql{call("litegres_jsonb_delete", {l.sql, key, "0"}), kJsonb};
            }
            if (r.type.oid == kTextArray.oid) return TypedSql{call("litegres_jsonb_delete", {l.sql, r.sql, "1"}), kJsonb};
            no_operator(op, l.type, r.type, location);
        }
        if (!jsonb) {
            // text || json and the like are text concatenation.
            if (op == "||" && (is_string_type(l.type) || is_string_type(r.type))) return std::nullopt;
            no_operator(op, l.type, r.type, location);
        }
        if (op == "@>") return TypedSql{call("litegres_jsonb_contains", {l.sql, r.sql}), kBool};
        if (op == "<@") return TypedSql{call("litegres_jsonb_contains", {r.sql, l.sql}), kBool};
        if (op == "||") return TypedSql{call("litegres_jsonb_concat", {l.sql, r.sql}), kJsonb};
        if (is_comparison(op)) {
            std::string sqlite_op = op == "!=" ? "<>" : op;
            return TypedSql{"(" + l.sql + " " + sqlite_op + " " + r.sql + " COLLATE " + kJsonbCollation + ")", kBool};
        }
        no_operator(op, l.type, r.type, location);
    }

    // Arrays.
    if (op == "||") {
        if (la && ra) return TypedSql{call("litegres_array_cat", {l.sql, r.sql}), PgType{l.type.oid, l.type.typmod}};
        if (la) {
            resolve_unknown(r, element_of(l.type), location);
            if (is_string_type(r.type) && !is_string_type(element_of(l.type))) return std::nullopt;
            return TypedSql{call("litegres_array_append", {l.sql, r.sql}), l.type};
        }
        resolve_unknown(l, element_of(r.type), location);
        return TypedSql{call("litegres_array_prepend", {l.sql, r.sql}), r.type};
    }
    if (!la || !ra) {
        if (op == "||") return std::nullopt;
        no_operator(op, l.type, r.type, location);
    }
    if (op == "@>") return TypedSql{call("litegres_array_contains", {l.sql, r.sql, "0"}), kBool};
    if (op == "<@") return TypedSql{call("litegres_array_contains", {r.sql, l.sql, "0"}), kBool};
    if (op == "&&") return TypedSql{call("litegres_array_contains", {l.sql, r.sql, "1"}), kBool};
    if (is_comparison(op)) {
        if (l.type.oid != r.type.oid) no_operator(op, l.type, r.type, location);
        std::string sqlite_op = op == "!=" ? "<>" : op;
        return TypedSql{"(" + l.sql + " " + sqlite_op + " " + r.sql + " COLLATE " + kArrayCollation + ")", kBool};
    }
    no_operator(op, l.type, r.type, location);
}

std::optional<TypedSql> QueryTranslator::container_cast(const TypedSql& value, PgType target) {
    PgType source = value.type;
    const std::string& v = value.sql;
    if (is_json(target)) {
        if (source.oid == oid::kJsonb && target.oid == oid::kJson) return TypedSql{v, target};
        if (is_string_type(source) || source.oid == oid::kJson) {
            return TypedSql{call("litegres_json_in", {v, flag(target.oid == oid::kJsonb)}), target};
        }
        return std::nullopt;
    }
    if (source.oid == oid::kJsonb && (is_numeric_category(target) || target.oid == oid::kBool)) {
        bool boolean = target.oid == oid::kBool;
        TypedSql scalar{call("litegres_jsonb_scalar", {v, boolean ? "'boolean'" : "'number'",
                                                       quote_string(format_type(PgType{target.oid, -1}))}),
                        boolean ? kBool : kNumeric};
        return boolean ? scalar : cast_to(scalar, target, -1);
    }
    if (is_array(target)) {
        std::string target_args = std::to_string(target.oid) + ", " + std::to_string(target.typmod);
        if (is_string_type(source)) return TypedSql{"litegres_array_in(" + v + ", " + target_args + ")", target};
        if (is_array(source)) {
            std::string text = "litegres_array_out(" + v + ", " + std::to_string(element_of(source).oid) + ")";
            return TypedSql{"litegres_array_in(" + text + ", " + target_args + ")", target};
        }
        return std::nullopt;
    }
    if (is_array(source) && is_string_type(target)) {
        TypedSql text{"litegres_array_out(" + v + ", " + std::to_string(element_of(source).oid) + ")", kText};
        return target.oid == oid::kText ? text : cast_to(text, target, -1);
    }
    return std::nullopt;
}

std::string QueryTranslator::json_fragment(TypedSql value, int location) {
    resolve_unknown(value, kText, location);
    if (value.is_null_literal) return "NULL";
    // A whole row is already its JSON object (whole_row_reference).
    if (value.type.oid == oid::kRecord) return value.sql;
    PgType type = value.type;
    if (type.oid == oid::kNumeric) {
        value = cast_to(value, kText, location);  // keeps numeric's text form
    }
    return call("litegres_to_json", {value.sql, std::to_string(type.oid), "0"});
}

std::optional<TypedSql> QueryTranslator::container_function(const std::string& name, const PgQuery__FuncCall& fc,
                                                           std::vector<TypedSql>& args) {
    const size_t n = args.size();
    const int location = fc.location;
    bool jsonb = name.rfind("jsonb", 0) == 0 || name == "to_jsonb";
    auto aggregate_check = [&] {
        if (in_where_) {
            throw PgError(sqlstate::kGroupingError, "aggregate functions are not allowed in WHERE", error_position(location));
        }
    };
    auto json_arg = [&](size_t i) -> TypedSql& {
        resolve_unknown(args[i], jsonb ? kJsonb : kJson, location);
        if (!is_json(args[i].type) && !args[i].is_null_literal) {
            throw PgError(sqlstate::kUndefinedFunction,
                          "function " + name + "(" + format_type(PgType{args[i].type.oid, -1}) + ") does not exist",
                          error_position(location))
                .with_hint("No function matches the given name and argument types. You might need to add explicit type casts.");
        }
        return args[i];
    };
    auto array_arg = [&](size_t i) -> TypedSql& {
        resolve_unknown(args[i], kTextArray, location);
        if (!is_array(args[i].type) && !args[i].is_null_literal) {
            throw PgError(sqlstate::kUndefinedFunction,
                          "function " + name + "(" + format_type(PgType{args[i].type.oid, -1}) + ", ...) does not exist",
                          error_position(location))
                .with_hint("No function matches the given name and argument types. You might need to add explicit type casts.");
        }
        return args[i];
    };
    auto integer_arg = [&](size_t i) -> std::string {
        resolve_unknown(args[i], kInt4, location);
        return args[i].sql;
    };
    auto text_arg = [&](size_t i) -> std::string {
        resolve_unknown(args[i], kText, location);
        return args[i].is_null_literal || is_string_type(args[i].type) ? args[i].sql : cast_to(args[i], kText, location).sql;
    };
    const PgType json_type = jsonb ? kJsonb : kJson;

    if ((name == "to_json" || name == "to_jsonb") && n == 1) {
        return TypedSql{call("litegres_to_json", {json_fragment(args[0], location), std::to_string(oid::kJson), flag(jsonb)}),
                        json_type};
    }
    if (name == "json_build_object" || name == "jsonb_build_object" || name == "json_build_array" ||
        name == "jsonb_build_array") {
        bool object = name.find("object") != std::string::npos;
        std::vector<std::string> sqls{flag(jsonb)};
        for (size_t i = 0; i < n; ++i) sqls.push_back(object && i % 2 == 0 ? text_arg(i) : json_fragment(args[i], location));
        return TypedSql{call(object ? "litegres_json_build_object" : "litegres_json_build_array", sqls), json_type};
    }
    if ((name == "json_agg" || name == "jsonb_agg") && n == 1) {
        aggregate_check();
        std::string distinct = fc.agg_distinct ? "DISTINCT " : "";
        bool structured = args[0].type.oid == oid::kRecord || is_array(args[0].type);
        return TypedSql{"litegres_json_agg(" + distinct + json_fragment(args[0], location) + ", " + flag(jsonb) +
                            ", " + flag(structured) + ")",
                        json_type};
    }
    if (name == "row_to_json" && (n == 1 || n == 2)) {
        if (args[0].type.oid != oid::kRecord) {
            throw PgError(sqlstate::kUndefinedFunction,
                          "function row_to_json(" + format_type(PgType{args[0].type.oid, -1}) + ") does not exist",
                          error_position(location))
                .with_hint("No function matches the given name and argument types. You might need to add explicit "
                           "type casts.");
        }
        std::string row = args[0].sql;
        if (n == 2) {
            // pretty: whole_row_reference built the row with pretty off.
            resolve_unknown(args[1], kBool, location);
            const std::string compact = "litegres_json_row(0, ";
            size_t at = row.find(compact);
            if (at != std::string::npos) row.replace(at, compact.size(), "litegres_json_row(" + args[1].sql + ", ");
        }
        return TypedSql{row, kJson};
    }
    if ((name == "json_object_agg" || name == "jsonb_object_agg") && n == 2) {
        aggregate_check();
        return TypedSql{call("litegres_json_object_agg", {text_arg(0), json_fragment(args[1], location), flag(jsonb)}),
                        json_type};
    }
    if ((name == "json_typeof" || name == "jsonb_typeof") && n == 1) {
        return TypedSql{call("litegres_json_typeof", {json_arg(0).sql}), kText};
    }
    if ((name == "json_array_length" || name == "jsonb_array_length") && n == 1) {
        return TypedSql{call("litegres_json_array_length", {json_arg(0).sql}), kInt4};
    }
    if (name == "jsonb_strip_nulls" && n == 1) {
        return TypedSql{call("litegres_jsonb_strip_nulls", {json_arg(0).sql}), kJsonb};
    }
    if (name == "jsonb_pretty" && n == 1) return TypedSql{call("litegres_jsonb_pretty", {json_arg(0).sql}), kText};
    if ((name == "jsonb_set" || name == "jsonb_insert") && (n == 3 || n == 4)) {
        json_arg(0);
        resolve_unknown(args[1], kTextArray, location);
        json_arg(2);
        std::string last = n == 4 ? (resolve_unknown(args[3], kBool, location), args[3].sql)
                                  : flag(name == "jsonb_set");
        return TypedSql{call("litegres_jsonb_set", {args[0].sql, args[1].sql, args[2].sql, last, flag(name == "jsonb_insert")}),
                        kJsonb};
    }

    if (name == "array_agg" && n == 1) {
        aggregate_check();
        resolve_unknown(args[0], kText, location);
        if (is_array(args[0].type)) throw_unsupported("array_agg of arrays", location);
        std::string distinct = fc.agg_distinct ? "DISTINCT " : "";
        return TypedSql{"litegres_array_agg(" + distinct + args[0].sql + ")",
                        PgType{pgwire::array_type_of(args[0].type.oid), args[0].type.typmod}};
    }
    if ((name == "array_length" || name == "array_upper") && n == 2) {
        return TypedSql{call("litegres_array_length", {array_arg(0).sql, integer_arg(1)}), kInt4};
    }
    if (name == "array_lower" && n == 2) {
        std::string length = call("litegres_array_length", {array_arg(0).sql, integer_arg(1)});
        return TypedSql{"(CASE WHEN " + length + " IS NULL THEN NULL ELSE 1 END)", kInt4};
    }
    if (name == "cardinality" && n == 1) return TypedSql{call("litegres_cardinality", {array_arg(0).sql}), kInt4};
    if (name == "array_ndims" && n == 1) return TypedSql{call("litegres_array_ndims", {array_arg(0).sql}), kInt4};
    if (name == "array_dims" && n == 1) return TypedSql{call("litegres_array_dims", {array_arg(0).sql}), kText};
    if (name == "array_to_string" && (n == 2 || n == 3)) {
        std::vector<std::string> sqls{array_arg(0).sql, std::to_string(element_of(args[0].type).oid), text_arg(1)};
        if (n == 3) sqls.push_back(text_arg(2));
        return TypedSql{call("litegres_array_to_string", sqls), kText};
    }
    if (name == "string_to_array" && (n == 2 || n == 3)) {
        std::vector<std::string> sqls{text_arg(0), text_arg(1)};
        if (n == 3) sqls.push_back(text_arg(2));
        return TypedSql{call("litegres_string_to_array", sqls), kTextArray};
    }
    if (name == "array_append" && n == 2) {
        array_arg(0);
        resolve_unknown(args[1], element_of(args[0].type), location);
        return TypedSql{call("litegres_array_append", {args[0].sql, args[1].sql}), args[0].type};
    }
    if (name == "array_remove" && n == 2) {
        array_arg(0);
        resolve_unknown(args[1], element_of(args[0].type), location);
        return TypedSql{"(CASE WHEN " + args[0].sql + " IS NULL THEN NULL ELSE (SELECT json_group_array(value) FROM "
                        "(SELECT value FROM json_each(" + args[0].sql + ") WHERE value IS NOT " + args[1].sql +
                        " ORDER BY key)) END)",
                        args[0].type};
    }
    if ((name == "array_position" && (n == 2 || n == 3)) || (name == "array_positions" && n == 2)) {
        // Elements match as IS NOT DISTINCT FROM, so NULL finds NULLs.
        array_arg(0);
        resolve_unknown(args[1], element_of(args[0].type), location);
        std::string found = "FROM json_each(" + args[0].sql + ") WHERE value IS " + args[1].sql;
        if (n == 3) found += " AND key + 1 >= " + integer_arg(2);
        std::string positions = name == "array_position"
                                    ? "(SELECT key + 1 " + found + " ORDER BY key LIMIT 1)"
                                    : "(SELECT json_group_array(key + 1) FROM (SELECT key " + found + " ORDER BY key))";
        return TypedSql{"(CASE WHEN " + args[0].sql + " IS NULL THEN NULL WHEN litegres_array_ndims(" + args[0].sql +
                            ") > 1 THEN litegres_raise('0A000', 'searching for elements in multidimensional arrays "
                            "is not supported') ELSE " + positions + " END)",
                        name == "array_position" ? kInt4 : PgType{pgwire::array_type_of(oid::kInt4), -1}};
    }
    if (name == "array_prepend" && n == 2) {
        array_arg(1);
        resolve_unknown(args[0], element_of(args[1].type), location);
        return TypedSql{call("litegres_array_prepend", {args[0].sql, args[1].sql}), args[1].type};
    }
    if (name == "array_cat" && n == 2) {
        if (args[0].untyped() && !args[1].untyped()) resolve_unknown(args[0], args[1].type, location);
        array_arg(0);
        resolve_unknown(args[1], args[0].type, location);
        array_arg(1);
        return TypedSql{call("litegres_array_cat", {args[0].sql, args[1].sql}), args[0].type};
    }
    for (const auto& [call_node, result] : select_list_results_) {
        if (call_node == &fc) return result;
    }
    static const char* kSetReturning[] = {"unnest", "json_array_elements", "jsonb_array_elements",
                                          "json_array_elements_text", "jsonb_array_elements_text", "json_each",
                                          "jsonb_each", "json_each_text", "jsonb_each_text", "json_object_keys",
                                          "jsonb_object_keys", "regexp_matches", "regexp_split_to_table"};
    if (std::find(std::begin(kSetReturning), std::end(kSetReturning), name) != std::end(kSetReturning)) {
        throw_unsupported("set-returning function " + name + "() in the select list", location);
    }
    return std::nullopt;
}

TypedSql QueryTranslator::array_constructor(const PgQuery__AArrayExpr& e, const Scope& scope) {
    if (e.n_elements == 0) {
        throw PgError(sqlstate::kIndeterminateDatatype, "cannot determine type of empty array", error_position(e.location))
            .with_hint("Explicitly cast to the desired type, for example ARRAY[]::integer[].");
    }
    std::vector<TypedSql> items;
    for (size_t i = 0; i < e.n_elements; ++i) items.push_back(expression(e.elements[i], scope));
    bool nested = std::all_of(items.begin(), items.end(), [](auto& t) { return is_array(t.type); });
    PgType type = common_type(items);
    std::vector<std::string> sqls{flag(nested)};
    for (auto& item : items) {
        resolve_unknown(item, type, e.location);
        if (item.type != type && !item.is_null_literal && !nested) item = cast_to(item, type, e.location);
        sqls.push_back(item.sql);
    }
    PgType array = nested ? type : PgType{pgwire::array_type_of(type.oid), type.typmod};
    if (array.oid == 0) throw_unsupported("arrays of " + format_type(type), e.location);
    return {call("litegres_array", sqls), array};
}

TypedSql QueryTranslator::indirection(const PgQuery__AIndirection& e, const Scope& scope) {
    TypedSql base = expression(e.arg, scope);
    if (base.type.oid == pgwire::oid::kName && e.n_indirection == 1 &&
        e.indirection[0]->node_case == PG_QUERY__NODE__NODE_A_INDICES && !e.indirection[0]->a_indices->is_slice &&
        e.indirection[0]->a_indices->uidx != nullptr) {
        // name is a fixed array of NAMEDATALEN (64) bytes, subscripted from
        // 0: one byte as "char" ('' past the name's end, NULL past 63).
        TypedSql index = expression(e.indirection[0]->a_indices->uidx, scope);
        resolve_unknown(index, kInt4, -1);
        return {"(CASE WHEN (" + index.sql + ") BETWEEN 0 AND 63 THEN CAST(substr(CAST(" + base.sql +
                    " AS BLOB), (" + index.sql + ") + 1, 1) AS TEXT) END)",
                PgType{pgwire::oid::kChar, -1}};
    }
    // A vector's subscripts start at 0 (its lower bound); the array's at 1.
    std::string vector_offset = is_vector(base.type) ? " + 1" : "";
    base = vector_as_array(base);
    if (!is_array(base.type)) {
        throw PgError(sqlstate::kDatatypeMismatch,
                      "cannot subscript type " + format_type(base.type) + " because it does not support subscripting");
    }
    std::vector<std::string> subscripts{base.sql};
    bool slice = false;
    std::vector<std::string> bounds;
    for (size_t i = 0; i < e.n_indirection; ++i) {
        const PgQuery__Node* node = e.indirection[i];
        if (node->node_case != PG_QUERY__NODE__NODE_A_INDICES) throw_unsupported("field selection");
        const auto& idx = *node->a_indices;
        auto bound = [&](const PgQuery__Node* b) -> std::string {
            if (b == nullptr) return "NULL";
            TypedSql v = expression(b, scope);
            resolve_unknown(v, kInt4, -1);
            return vector_offset.empty() ? v.sql : "(" + v.sql + vector_offset + ")";
        };
        if (idx.is_slice) {
            if (e.n_indirection > 1) throw_unsupported("slices of multidimensional arrays");
            slice = true;
            bounds = {bound(idx.lidx), bound(idx.uidx)};
        } else {
            subscripts.push_back(bound(idx.uidx));
        }
    }
    if (slice) return {call("litegres_array_slice", {base.sql, bounds[0], bounds[1]}), base.type};
    return {call("litegres_array_get", subscripts), element_of(base.type)};
}

TypedSql QueryTranslator::any_all(const PgQuery__AExpr& e, const Scope& scope) {
    std::string op = e.n_name > 0 && e.name[e.n_name - 1]->node_case == PG_QUERY__NODE__NODE_STRING
                         ? e.name[e.n_name - 1]->string->sval
                         : "=";
    bool any = e.kind == PG_QUERY__A__EXPR__KIND__AEXPR_OP_ANY;
    bool like_op = op == "~~" || op == "~~*" || op == "!~~" || op == "!~~*";
    if (!is_comparison(op) && !like_op) throw_unsupported(op + (any ? " ANY" : " ALL") + " (array)", e.location);
    TypedSql l = expression(e.lexpr, scope);
    TypedSql r = vector_as_array(expression(e.rexpr, scope));
    if (r.untyped()) {
        PgType element = l.untyped() ? kText : l.type;
        resolve_unknown(r, PgType{pgwire::array_type_of(element.oid), -1}, e.location);
    }
    if (!is_array(r.type) && !r.is_null_literal) {
        throw PgError(sqlstate::kWrongObjectType, "op ANY/ALL (array) requires array on right side", error_position(e.location));
    }
    resolve_unknown(l, element_of(r.type), e.location);
    // Each element compares as a value of the element type (1.5 = 1.50).
    std::string test = binary_operator(op, l, TypedSql{"value", element_of(r.type)}, e.location).sql;
    std::string each = " FROM json_tree(" + r.sql + ") WHERE type <> 'array'";
    // Three-valued as in PostgreSQL: a NULL comparison makes the result NULL
    // unless some element decides it.
    std::string decided = any ? "EXISTS (SELECT 1" + each + " AND " + test + ")"
                              : "EXISTS (SELECT 1" + each + " AND NOT " + test + ")";
    std::string unknown = "EXISTS (SELECT 1" + each + " AND " + test + " IS NULL)";
    return {"(CASE WHEN " + r.sql + " IS NULL THEN NULL WHEN " + decided + " THEN " + (any ? "1" : "0") + " WHEN " +
                unknown + " THEN NULL ELSE " + (any ? "0" : "1") + " END)",
            kBool};
}

TypedSql QueryTranslator::array_of_subquery(const SelectOutput& inner, int location) {
    if (inner.columns.size() != 1) {
        throw PgError(sqlstate::kSyntaxError, "subquery must return only one column", error_position(location));
    }
    PgType element = inner.columns[0].type;
    Oid array = pgwire::array_type_of(element.oid);
    if (array == 0) throw_unsupported("ARRAY() of " + format_type(element), location);
    return {"coalesce((SELECT litegres_array_agg(" + quote_identifier(inner.columns[0].name) + ") FROM (" + inner.sql +
                ")), '[]')",
            PgType{array, element.typmod}};
}

std::string QueryTranslator::range_function(const PgQuery__RangeFunction& f, Scope& scope) {
    if (f.is_rowsfrom || f.n_functions != 1) throw_unsupported("ROWS FROM");
    const PgQuery__Node* item = f.functions[0]->list->items[0];
    if (item->node_case != PG_QUERY__NODE__NODE_FUNC_CALL) throw_unsupported("this function in FROM");
    const auto& call = *item->func_call;
    std::string function_name = call.funcname[call.n_funcname - 1]->string->sval;
    if (function_name == "generate_series") return series_function(f, scope);
    RangeEntry entry;
    std::string sql = returns_set(function_name)
                          ? function_source(*item->func_call, f.alias, scope, entry, f.ordinality)
                          : scalar_function_source(*item, f.alias, scope, entry, f.ordinality);
    scope.entries.push_back(std::move(entry));
    return sql;
}

std::string QueryTranslator::scalar_function_source(const PgQuery__Node& call,
                                                    const PgQuery__Alias* alias, const Scope& scope,
                                                    RangeEntry& entry, bool ordinality) {
    const auto& fc = *call.func_call;
    std::string name = fc.funcname[fc.n_funcname - 1]->string->sval;
    Scope siblings = lateral_scope(scope);
    auto enclosing = std::exchange(lateral_reference_, std::nullopt);
    TypedSql value = expression(&call, siblings);
    bool correlated = lateral_reference_.has_value();
    if (!correlated) lateral_reference_ = enclosing;
    if (value.untyped()) resolve_unknown(value, kText, fc.location);
    // One row whose one column is named after the alias, else the function.
    entry.refname = alias != nullptr ? alias->aliasname : name;
    entry.scalar_function = !ordinality;
    std::string ref = quote_identifier(entry.refname);
    std::string column = alias != nullptr && alias->n_colnames > 0
                             ? string_value(alias->colnames[0])
                             : entry.refname;
    entry.columns.push_back(ColumnInfo{column, value.type, false, "", 0, 0, ref + ".value0"});
    std::string rows = "SELECT " + value.sql + " AS value0";
    if (ordinality) {
        std::string position = alias != nullptr && alias->n_colnames > 1
                                   ? string_value(alias->colnames[1])
                                   : "ordinality";
        entry.columns.push_back(ColumnInfo{position, kInt8, false, "", 0, 0, ref + ".ordinality"});
        rows += ", 1 AS ordinality";
    }
    if (correlated) return lateral_rows_item(rows, entry, fc.location);
    return "(" + rows + ") AS " + ref;
}

void QueryTranslator::select_list_functions(PgQuery__Node** targets, size_t count, bool grouped,
                                            Scope& scope, std::vector<std::string>& from) {
    std::vector<const PgQuery__FuncCall*> found;
    bool all_arrays = true;
    for (size_t i = 0; i < count; ++i) {
        const PgQuery__Node* val = targets[i]->res_target->val;
        if (val == nullptr || val->node_case != PG_QUERY__NODE__NODE_FUNC_CALL) continue;
        const auto& fc = *val->func_call;
        std::string name = fc.funcname[fc.n_funcname - 1]->string->sval;
        bool array_function = (name == "unnest" && fc.n_args == 1) ||
                              (name == "generate_subscripts" && fc.n_args == 2);
        bool single_column = array_function || name.find("array_elements") != std::string::npos ||
                             name.find("object_keys") != std::string::npos ||
                             name == "pg_partition_ancestors" || name == "regexp_matches" ||
                             name == "regexp_split_to_table";
        bool catalog_name =
            fc.n_funcname == 1 || std::string(fc.funcname[0]->string->sval) == "pg_catalog";
        if (!single_column || !catalog_name) continue;
        if (grouped) throw_unsupported("set-returning functions with GROUP BY", fc.location);
        all_arrays = all_arrays && array_function;
        found.push_back(&fc);
    }
    if (found.empty()) return;
    PgQuery__Alias alias = PG_QUERY__ALIAS__INIT;
    std::string refname = "litegres_srf";
    alias.aliasname = refname.data();
    // Set-returning functions in the select list yield a row per element for
    // each row of FROM: the same as joining them as one FROM item.
    if (found.size() == 1 && !all_arrays) {
        RangeEntry entry;
        from.push_back(function_source(*found[0], &alias, scope, entry));
        select_list_results_.emplace_back(found[0],
                                          TypedSql{entry.columns[0].sql, entry.columns[0].type});
        return;
    }
    if (!all_arrays)
        throw_unsupported("more than one set-returning function in the select list",
                          found[1]->location);
    from.push_back(zipped_array_functions(found, refname, scope));
}

std::string QueryTranslator::zipped_array_functions(
    const std::vector<const PgQuery__FuncCall*>& calls, const std::string& refname,
    const Scope& scope) {
    Scope siblings = lateral_scope(scope);
    auto enclosing = std::exchange(lateral_reference_, std::nullopt);
    RangeEntry entry;
    entry.refname = refname;
    std::vector<std::string> lists;
    for (const PgQuery__FuncCall* fc : calls) {
        std::string name = fc->funcname[fc->n_funcname - 1]->string->sval;
        TypedSql array = expression(fc->args[0], siblings);
        resolve_unknown(array, kTextArray, fc->location);
        // A vector's subscripts start at 0, an array's at 1.
        int lower_bound = is_vector(array.type) ? 0 : 1;
        array = vector_as_array(array);
        if (!is_array(array.type))
            throw_unsupported(name + " of " + format_type(array.type), fc->location);
        std::string column = "value" + std::to_string(lists.size());
        if (name == "unnest") {
            entry.columns.push_back(
                ColumnInfo{name, element_of(array.type), false, "", 0, 0, column});
            lists.push_back(element_rows(array.sql));
            continue;
        }
        TypedSql dimension = expression(fc->args[1], siblings);
        if (dimension.sql != "1" && dimension.unknown_literal.value_or("") != "1") {
            throw_unsupported("generate_subscripts of a dimension other than 1", fc->location);
        }
        entry.columns.push_back(ColumnInfo{name, kInt4, false, "", 0, 0, column});
        lists.push_back("SELECT key + " + std::to_string(lower_bound) +
                        " AS value, key + 1 AS n FROM json_each(" + array.sql + ")");
    }
    bool correlated = lateral_reference_.has_value();
    if (!correlated) lateral_reference_ = enclosing;
    std::string rows = zipped_rows(lists, false);
    std::string sql;
    if (correlated) {
        sql = lateral_rows_item(rows, entry, calls[0]->location);
    } else {
        for (auto& column : entry.columns)
            column.sql = quote_identifier(refname) + "." + column.sql;
        sql = "(" + rows + ") AS " + quote_identifier(refname);
    }
    for (size_t i = 0; i < calls.size(); ++i) {
        select_list_results_.emplace_back(calls[i],
                                          TypedSql{entry.columns[i].sql, entry.columns[i].type});
    }
    return sql;
}

std::string QueryTranslator::function_source(const PgQuery__FuncCall& fc,
                                             const PgQuery__Alias* alias, const Scope& scope,
                                             RangeEntry& entry, bool ordinality) {
    std::string name = fc.funcname[fc.n_funcname - 1]->string->sval;
    if (name == "regexp_matches" || name == "regexp_split_to_table") {
        return regexp_source(fc, alias, scope, entry, ordinality);
    }
    if (fc.n_args == 0 || (fc.n_args > 1 && name != "unnest"))
        throw_unsupported("function " + name + " in FROM");
    Scope siblings = lateral_scope(scope);
    auto enclosing = std::exchange(lateral_reference_, std::nullopt);
    std::vector<TypedSql> args;
    for (size_t i = 0; i < fc.n_args; ++i) args.push_back(expression(fc.args[i], siblings));
    bool correlated = lateral_reference_.has_value();
    if (!correlated) lateral_reference_ = enclosing;
    TypedSql& arg = args[0];

    entry.refname = alias != nullptr ? alias->aliasname : name;
    entry.scalar_function =
        name.find("_each") == std::string::npos;  // json_each & co. return records
    std::string ref = quote_identifier(entry.refname);
    auto column_name = [&](size_t i, const std::string& own) {
        if (alias != nullptr && i < alias->n_colnames)
            return std::string(alias->colnames[i]->string->sval);
        return own;
    };
    // A function returning a scalar names its column after the alias.
    std::string scalar_name = alias != nullptr ? alias->aliasname : name;
    std::string source;
    if (name == "unnest") {
        std::vector<std::string> lists;
        for (size_t i = 0; i < args.size(); ++i) {
            resolve_unknown(args[i], kTextArray, fc.location);
            args[i] = vector_as_array(args[i]);
            if (!is_array(args[i].type))
                throw_unsupported("unnest of " + format_type(args[i].type), fc.location);
            entry.columns.push_back(ColumnInfo{
                column_name(i, args.size() == 1 ? scalar_name : "unnest"), element_of(args[i].type),
                false, "", 0, 0, ref + ".value" + std::to_string(i)});
            lists.push_back(element_rows(args[i].sql));
        }
        if (ordinality) {
            entry.columns.push_back(ColumnInfo{column_name(args.size(), "ordinality"), kInt8, false,
                                               "", 0, 0, ref + ".ordinality"});
        }
        std::string rows = zipped_rows(lists, ordinality);
        entry.scalar_function = !ordinality && args.size() == 1;
        // A subquery cannot see earlier FROM items: an argument that refers
        // to them needs litegres_rows.
        if (correlated) return lateral_rows_item(rows, entry, fc.location);
        return "(" + rows + ") AS " + ref;
    }
    if (name == "pg_partition_ancestors") {
        // No table is a partition: the set is empty (PostgreSQL's answer for
        // a relation that is not a partition).
        entry.columns.push_back(ColumnInfo{column_name(0, "relid"), PgType{oid::kRegclass, -1}, false, "", 0, 0,
                                           ref + ".relid"});
        if (ordinality) {
            entry.columns.push_back(ColumnInfo{column_name(1, "ordinality"), kInt8, false, "", 0, 0, ref + ".ordinality"});
        }
        return "(SELECT NULL AS relid, NULL AS ordinality WHERE " + arg.sql + " IS NULL AND 0) AS " + ref;
    }
    if (name == "pg_options_to_table") {
        // reloptions-style "name=value" items (PostgreSQL's pg_options_to_table).
        resolve_unknown(arg, kTextArray, fc.location);
        if (arg.type.oid != pgwire::array_type_of(oid::kText)) {
            throw_unsupported("function " + name + "(" + format_type(arg.type) + ") in FROM", fc.location);
        }
        std::string item = ref + ".value", at = "instr(" + ref + ".value, '=')";
        entry.columns.push_back(ColumnInfo{column_name(0, "option_name"), kText, false, "", 0, 0,
                                           "(CASE WHEN " + at + " > 0 THEN substr(" + item + ", 1, " + at +
                                               " - 1) ELSE " + item + " END)"});
        entry.columns.push_back(ColumnInfo{column_name(1, "option_value"), kText, false, "", 0, 0,
                                           "(CASE WHEN " + at + " > 0 THEN substr(" + item + ", " + at + " + 1) END)"});
        entry.scalar_function = false;
        if (ordinality) throw_unsupported("WITH ORDINALITY on " + name, fc.location);
        return "json_each(coalesce(" + arg.sql + ", '[]')) AS " + ref;
    }
    bool jsonb = name.rfind("jsonb", 0) == 0;
    PgType json_type{jsonb ? oid::kJsonb : oid::kJson};
    resolve_unknown(arg, json_type, fc.location);
    if (!is_json(arg.type)) throw_unsupported("function " + name + "(" + format_type(arg.type) + ") in FROM", fc.location);
    bool as_text = name.size() > 5 && name.compare(name.size() - 5, 5, "_text") == 0;
    std::string kind;
    if (name == "json_array_elements" || name == "jsonb_array_elements" || name == "json_array_elements_text" ||
        name == "jsonb_array_elements_text") {
        kind = "array";
    } else if (name == "json_each" || name == "jsonb_each" || name == "json_each_text" || name == "jsonb_each_text" ||
               name == "json_object_keys" || name == "jsonb_object_keys") {
        kind = "object";
    } else {
        throw_unsupported("function " + name + " in FROM", fc.location);
    }
    std::string doc = call("litegres_json_expect", {arg.sql, "'" + kind + "'", quote_string(name)});
    std::string value = call("litegres_json_get", {ref + ".json", flag(arg.type.oid == oid::kJsonb), flag(as_text), ref + ".key"});
    PgType value_type = as_text ? kText : PgType{arg.type.oid, -1};
    if (name.find("object_keys") != std::string::npos) {
        entry.columns.push_back(ColumnInfo{column_name(0, scalar_name), kText, false, "", 0, 0, ref + ".key"});
    } else if (kind == "object") {
        entry.columns.push_back(ColumnInfo{column_name(0, "key"), kText, false, "", 0, 0, ref + ".key"});
        entry.columns.push_back(ColumnInfo{column_name(1, "value"), value_type, false, "", 0, 0, value});
    } else {
        entry.columns.push_back(ColumnInfo{column_name(0, "value"), value_type, false, "", 0, 0, value});
    }
    if (ordinality) {
        // json_each numbers array elements by key; object members by their
        // place in the document.
        std::string position = kind == "array" ? "(" + ref + ".key + 1)"
                                               : "(SELECT count(*) FROM json_each(" + doc + ") AS \"member\" WHERE "
                                                 "\"member\".id <= " + ref + ".id)";
        entry.columns.push_back(
            ColumnInfo{column_name(entry.columns.size(), "ordinality"), kInt8, false, "", 0, 0, position});
        entry.scalar_function = false;
    }
    return "json_each(" + doc + ") AS " + ref;
}

// regexp_matches (a text[] per match) and regexp_split_to_table (a text per
// piece): the SQL function builds the whole set as a JSON array, whose
// elements json_each yields in order.
std::string QueryTranslator::regexp_source(const PgQuery__FuncCall& fc, const PgQuery__Alias* alias,
                                           const Scope& scope, RangeEntry& entry, bool ordinality) {
    std::string name = fc.funcname[fc.n_funcname - 1]->string->sval;
    if (fc.n_args < 2 || fc.n_args > 3) {
        throw PgError(sqlstate::kUndefinedFunction, "function " + name + " with " + std::to_string(fc.n_args) +
                                                        " arguments does not exist",
                      error_position(fc.location));
    }
    Scope siblings = lateral_scope(scope);
    auto enclosing = std::exchange(lateral_reference_, std::nullopt);
    std::vector<TypedSql> typed;
    for (size_t i = 0; i < fc.n_args; ++i) typed.push_back(expression(fc.args[i], siblings));
    std::vector<std::string> args;
    for (auto& arg : typed) {
        if (!is_string_type(arg.type) && !arg.untyped() && !arg.is_null_literal) {
            std::vector<std::string> types;
            for (const auto& a : typed) types.push_back(a.untyped() ? "unknown" : format_type(a.type));
            throw PgError(sqlstate::kUndefinedFunction,
                          "function " + name + "(" + join_strings(types, ", ") + ") does not exist",
                          error_position(fc.location))
                .with_hint("No function matches the given name and argument types. You might need to add explicit "
                           "type casts.");
        }
        resolve_unknown(arg, kText, fc.location);
        args.push_back(arg.sql);
    }
    bool correlated = lateral_reference_.has_value();
    if (!correlated) lateral_reference_ = enclosing;

    bool matches = name == "regexp_matches";
    entry.refname = alias != nullptr ? alias->aliasname : name;
    std::string ref = quote_identifier(entry.refname);
    auto column_name = [&](size_t i, const std::string& own) {
        if (alias != nullptr && i < alias->n_colnames) return std::string(alias->colnames[i]->string->sval);
        return own;
    };
    std::string rows = "SELECT value";
    entry.columns.push_back(ColumnInfo{column_name(0, alias != nullptr ? alias->aliasname : name),
                                       matches ? kTextArray : kText, false, "", 0, 0, ref + ".value"});
    if (ordinality) {
        rows += ", key + 1 AS ordinality";
        entry.columns.push_back(ColumnInfo{column_name(1, "ordinality"), kInt8, false, "", 0, 0, ref + ".ordinality"});
    }
    entry.scalar_function = !ordinality;
    rows += " FROM json_each(" + call(matches ? "litegres_regexp_matches" : "litegres_regexp_split", args) +
            ") ORDER BY key";
    if (correlated) return lateral_rows_item(rows, entry, fc.location);
    return "(" + rows + ") AS " + ref;
}

}  // namespace litegres::translate
