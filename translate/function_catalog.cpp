// function_catalog.cpp — the table of known functions. Result types follow
// pg_proc; where PostgreSQL and SQLite disagree on semantics the entry names a
// function litegres registers (see sqlite_functions.cpp) instead.
#include "translate/function_catalog.h"

#include <algorithm>
#include <iterator>
#include <map>

#include "translate/datetime_function_catalog.h"

namespace litegres::translate {

namespace oid = pgwire::oid;

namespace {

struct Key {
    std::string name;
    int arity;  // -1: any
    bool operator<(const Key& o) const { return std::tie(name, arity) < std::tie(o.name, o.arity); }
};

PgType first_arg_type(const std::vector<TypedSql>& args) {
    return args.empty() || args[0].type.is_unknown() ? kText : PgType{args[0].type.oid, -1};
}

PgType sum_type(const std::vector<TypedSql>& args) {
    PgType t = first_arg_type(args);
    if (t.oid == oid::kInterval) return t;
    if (t.oid == oid::kInt2 || t.oid == oid::kInt4) return kInt8;
    if (t.oid == oid::kFloat4 || t.oid == oid::kFloat8) return t;
    return kNumeric;
}

PgType avg_type(const std::vector<TypedSql>& args) {
    PgType t = first_arg_type(args);
    if (t.oid == oid::kInterval) return t;
    if (t.oid == oid::kFloat4 || t.oid == oid::kFloat8) return kFloat8;
    return kNumeric;
}

// Functions defined for numeric and float8 only: integer arguments resolve
// to the float8 variant (float8 is the preferred numeric type).
PgType numeric_or_float8(const std::vector<TypedSql>& args) {
    return first_arg_type(args).oid == oid::kNumeric ? kNumeric : kFloat8;
}

auto fixed(PgType t) {
    return [t](const std::vector<TypedSql>&) { return t; };
}

std::map<Key, FunctionSignature> build_catalog() {
    std::map<Key, FunctionSignature> c;
    auto add = [&](const std::string& name, int arity, std::string sqlite_name,
                   std::function<PgType(const std::vector<TypedSql>&)> result, PgType unknown_argument_type = kText,
                   bool writes = false,
                   std::function<std::string(const std::string&, const std::vector<TypedSql>&)> wrap = nullptr) {
        static const std::string kAggregates[] = {"count", "sum", "avg", "min", "max", "bool_and", "bool_or",
                                                  "every", "string_agg"};
        bool aggregate = std::find(std::begin(kAggregates), std::end(kAggregates), name) != std::end(kAggregates);
        c[{name, arity}] = FunctionSignature{std::move(sqlite_name), std::move(result), unknown_argument_type, writes,
                                             aggregate, std::move(wrap)};
    };

    add("count", 0, "count", fixed(kInt8));
    add("count", 1, "count", fixed(kInt8));
    // sum/avg of intervals add interval values, not the numbers SQLite sees in their text.
    auto interval_aggregate = [](const char* name) {
        return [name](const std::string& call, const std::vector<TypedSql>& a) {
            return a[0].type.oid == oid::kInterval ? std::string(name) + call.substr(call.find('(')) : call;
        };
    };
    add("sum", 1, "sum", sum_type, kText, false, interval_aggregate("litegres_interval_sum"));
    add("avg", 1, "avg", avg_type, kText, false, interval_aggregate("litegres_interval_avg"));
    add("min", 1, "min", first_arg_type);
    add("max", 1, "max", first_arg_type);
    add("bool_and", 1, "min", fixed(kBool), kBool);
    add("every", 1, "min", fixed(kBool), kBool);
    add("bool_or", 1, "max", fixed(kBool), kBool);
    add("string_agg", 2, "group_concat", fixed(kText));

    add("lower", 1, "lower", fixed(kText));
    add("upper", 1, "upper", fixed(kText));
    add("length", 1, "length", fixed(kInt4));
    add("char_length", 1, "length", fixed(kInt4));
    add("character_length", 1, "length", fixed(kInt4));
    add("octet_length", 1, "octet_length", fixed(kInt4), kText, false,
                            [](const std::string&, const std::vector<TypedSql>& a) {
                                return "length(CAST(" + a[0].sql + " AS BLOB))";
                            });
    add("btrim", 1, "trim", fixed(kText));
    add("btrim", 2, "trim", fixed(kText));
    add("ltrim", 1, "ltrim", fixed(kText));
    add("ltrim", 2, "ltrim", fixed(kText));
    add("rtrim", 1, "rtrim", fixed(kText));
    add("rtrim", 2, "rtrim", fixed(kText));
    add("replace", 3, "replace", fixed(kText));
    add("substr", 2, "substr", fixed(kText));
    add("substr", 3, "substr", fixed(kText));
    add("substring", 2, "substr", fixed(kText));
    add("substring", 3, "substr", fixed(kText));
    add("strpos", 2, "instr", fixed(kInt4));
    add("position", 2, "instr", fixed(kInt4));
    add("left", 2, "substr", fixed(kText), kText, false,
                    [](const std::string&, const std::vector<TypedSql>& a) {
                        return "litegres_left(" + a[0].sql + ", " + a[1].sql + ")";
                    });
    add("right", 2, "substr", fixed(kText), kText, false,
                     [](const std::string&, const std::vector<TypedSql>& a) {
                         return "litegres_right(" + a[0].sql + ", " + a[1].sql + ")";
                     });
    add("concat", -1, "concat", fixed(kText), kText, false,
                       [](const std::string&, const std::vector<TypedSql>& a) {
                           // concat() skips NULLs; SQLite 3.40 has no concat().
                           std::string sql = "(''";
                           for (const auto& arg : a) sql += " || coalesce(" + arg.sql + ", '')";
                           return sql + ")";
                       });

    add("abs", 1, "abs", first_arg_type, kFloat8);
    add("round", 1, "round", numeric_or_float8, kFloat8);
    add("round", 2, "round", fixed(kNumeric), kNumeric);
    add("ceil", 1, "ceil", numeric_or_float8, kFloat8);
    add("ceiling", 1, "ceil", numeric_or_float8, kFloat8);
    add("floor", 1, "floor", numeric_or_float8, kFloat8);
    add("sqrt", 1, "sqrt", numeric_or_float8, kFloat8);
    add("power", 2, "pow", numeric_or_float8, kFloat8);
    add("mod", 2, "mod", first_arg_type, kInt4, false,
                   [](const std::string&, const std::vector<TypedSql>& a) {
                       return "(" + a[0].sql + " % litegres_nonzero(" + a[1].sql + "))";
                   });
    add("random", 0, "litegres_random", fixed(kFloat8));

    add("nextval", 1, "litegres_nextval", fixed(kInt8), kText, true);
    add("currval", 1, "litegres_currval", fixed(kInt8));
    add("setval", 2, "litegres_setval", fixed(kInt8), kInt8, true);
    add("setval", 3, "litegres_setval", fixed(kInt8), kInt8, true);

    add("version", 0, "litegres_version", fixed(kText));
    add("current_database", 0, "litegres_current_database", fixed(PgType{oid::kName, -1}));
    add("current_schema", 0, "litegres_current_schema", fixed(PgType{oid::kName, -1}),
                              kText, false, [](const std::string&, const std::vector<TypedSql>&) {
                                  return std::string("'public'");
                              });
    return c;
}

}  // namespace

const FunctionSignature* find_function(const std::string& name, size_t arg_count, bool star) {
    static const std::map<Key, FunctionSignature> catalog = build_catalog();
    if (star) return name == "count" ? &catalog.at({"count", 0}) : nullptr;
    if (const FunctionSignature* datetime = find_datetime_function(name, arg_count)) return datetime;
    auto it = catalog.find({name, int(arg_count)});
    if (it != catalog.end()) return &it->second;
    it = catalog.find({name, -1});
    return it != catalog.end() ? &it->second : nullptr;
}

}  // namespace litegres::translate
