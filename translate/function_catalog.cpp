// function_catalog.cpp — the table of known functions. Result types follow
// pg_proc; where PostgreSQL and SQLite disagree on semantics the entry names a
// function litegres registers (see sqlite_functions.cpp) instead.
#include "translate/function_catalog.h"

#include <algorithm>
#include <iterator>
#include <map>

#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"
#include "translate/numeric_emitter.h"
#include "translate/datetime_function_catalog.h"
#include "translate/describe_catalog.h"
#include "translate/describe_function_catalog.h"

namespace litegres::translate {

namespace oid = pgwire::oid;

namespace {

struct Key {
    std::string name;
    int arity;  // -1: any
    bool operator<(const Key& o) const { return std::tie(name, arity) < std::tie(o.name, o.arity); }
};

const PgType kTextArray{1009};

PgType first_arg_type(const std::vector<TypedSql>& args) {
    return args.empty() || args[0].type.is_unknown() ? kText : PgType{args[0].type.oid, -1};
}

bool numeric_arg(const std::vector<TypedSql>& args, size_t i = 0) {
    return args.size() > i && args[i].type.oid == oid::kNumeric;
}

// Whether an emitted aggregate call ends with an OVER clause (after the
// argument list's closing parenthesis).
bool emitted_over(const std::string& call) {
    size_t close = call.find('(');
    for (int depth = 0; close < call.size(); ++close) {
        if (call[close] == '(') ++depth;
        if (call[close] == ')' && --depth == 0) break;
    }
    return call.find(" OVER ", close) != std::string::npos;
}

// The call with SQLite's function name replaced: "sum(DISTINCT x)" ► "f(DISTINCT x)".
std::string renamed(const std::string& call, const std::string& name) { return name + call.substr(call.find('(')); }

// numeric's exact variant when the argument is numeric, else SQLite's own function.
auto numeric_variant(const char* name) {
    return [name](const std::string& call, const std::vector<TypedSql>& a) {
        return numeric_arg(a) ? renamed(call, name) : call;
    };
}

// round(x) and trunc(x) are round(x, 0) and trunc(x, 0) for numeric;
// with a scale they exist for numeric only (integers are cast to numeric).
auto numeric_with_scale(const char* pg_name, const char* name) {
    return [pg_name, name](const std::string& call, const std::vector<TypedSql>& a) {
        if (!numeric_arg(a) && a.size() == 1) {
            return std::string(pg_name) == "round" ? "litegres_float_round(" + a[0].sql + ")" : call;
        }
        if (a.size() > 1 && (a[0].type.oid == oid::kFloat8 || a[0].type.oid == oid::kFloat4)) {
            throw pgwire::PgError(pgwire::sqlstate::kUndefinedFunction,
                                  std::string("function ") + pg_name + "(" + format_type(PgType{a[0].type.oid, -1}) +
                                      ", " + format_type(PgType{a[1].type.oid, -1}) + ") does not exist")
                .with_hint("No function matches the given name and argument types. You might need to add explicit "
                           "type casts.");
        }
        return std::string(name) + "(" + a[0].sql + ", " + (a.size() > 1 ? a[1].sql : "0") + ")";
    };
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
        static const std::string kAggregates[] = {"count",      "sum",         "avg",        "min",
                                                  "max",        "bool_and",    "bool_or",    "every",
                                                  "string_agg", "stddev",      "stddev_samp", "stddev_pop",
                                                  "variance",   "var_samp",    "var_pop",    "bit_and",
                                                  "bit_or",     "bit_xor"};
        bool aggregate = std::find(std::begin(kAggregates), std::end(kAggregates), name) != std::end(kAggregates);
        c[{name, arity}] = FunctionSignature{std::move(sqlite_name), std::move(result), unknown_argument_type, writes,
                                             aggregate, std::move(wrap)};
    };

    add("count", 0, "count", fixed(kInt8));
    add("count", 1, "count", fixed(kInt8));
    // Exact numeric sums (avg of integers is numeric too, as in PostgreSQL);
    // sum/avg of intervals add interval values, not the numbers SQLite sees in their text.
    add("sum", 1, "sum", sum_type, kText, false, [](const std::string& call, const std::vector<TypedSql>& a) {
        if (a[0].type.oid == oid::kInterval) return renamed(call, "litegres_interval_sum");
        return sum_type(a).oid == oid::kNumeric ? renamed(call, "litegres_numeric_sum") : call;
    });
    add("avg", 1, "avg", avg_type, kText, false, [](const std::string& call, const std::vector<TypedSql>& a) {
        if (a[0].type.oid == oid::kInterval) return renamed(call, "litegres_interval_avg");
        return avg_type(a).oid == oid::kNumeric ? renamed(call, "litegres_numeric_avg") : call;
    });
    // numeric min/max compare by value: the argument takes the numeric
    // collation (inside the call's own parentheses; FILTER/OVER may follow).
    auto numeric_order = [](const std::string& call, const std::vector<TypedSql>& a) {
        if (!numeric_arg(a)) return call;
        size_t open = call.find('('), close = open;
        for (int depth = 0; close < call.size(); ++close) {
            if (call[close] == '(') ++depth;
            if (call[close] == ')' && --depth == 0) break;
        }
        return with_numeric_collation(call.substr(0, close)) + call.substr(close);
    };
    add("min", 1, "min", first_arg_type, kText, false, numeric_order);
    add("max", 1, "max", first_arg_type, kText, false, numeric_order);
    add("bool_and", 1, "min", fixed(kBool), kBool);
    add("every", 1, "min", fixed(kBool), kBool);
    add("bool_or", 1, "max", fixed(kBool), kBool);
    add("string_agg", 2, "group_concat", fixed(kText));
    // Statistics: numeric for integers and numeric (computed exactly),
    // double precision for floats (statistics_aggregates.cpp).
    auto float_arg = [](const std::vector<TypedSql>& a) {
        return a[0].type.oid == oid::kFloat4 || a[0].type.oid == oid::kFloat8;
    };
    for (const auto& [pg_name, statistic] : std::initializer_list<std::pair<const char*, const char*>>{
             {"stddev", "stddev_samp"},
             {"stddev_samp", "stddev_samp"},
             {"stddev_pop", "stddev_pop"},
             {"variance", "var_samp"},
             {"var_samp", "var_samp"},
             {"var_pop", "var_pop"}}) {
        std::string numeric_name = std::string("litegres_numeric_") + statistic;
        std::string float_name = std::string("litegres_float_") + statistic;
        std::string function = pg_name;
        add(
            pg_name, 1, numeric_name,
            [float_arg](const std::vector<TypedSql>& a) { return float_arg(a) ? kFloat8 : kNumeric; }, kFloat8, false,
            [=](const std::string& call, const std::vector<TypedSql>& a) {
                PgType t = a[0].type;
                if (!float_arg(a) && !is_integer_type(t) && t.oid != oid::kNumeric) {
                    throw pgwire::PgError(pgwire::sqlstate::kUndefinedFunction,
                                          "function " + function + "(" + format_type(PgType{t.oid, -1}) +
                                              ") does not exist")
                        .with_hint("No function matches the given name and argument types. You might need to add "
                                   "explicit type casts.");
                }
                if (!float_arg(a)) return renamed(call, numeric_name);
                // A float window frame recomputes its values (see statistics_aggregates.h).
                return renamed(call, float_name + (emitted_over(call) ? "_window" : ""));
            });
    }
    for (const char* f : {"bit_and", "bit_or", "bit_xor"}) {
        std::string function = f;
        add(f, 1, std::string("litegres_") + f, first_arg_type, kInt4, false,
            [function](const std::string& call, const std::vector<TypedSql>& a) {
                if (!is_integer_type(a[0].type)) {
                    throw pgwire::PgError(pgwire::sqlstate::kFeatureNotSupported,
                                          function + "(" + format_type(PgType{a[0].type.oid, -1}) +
                                              ") is not supported yet");
                }
                return call;
            });
    }

    add("lower", 1, "lower", fixed(kText));
    add("upper", 1, "upper", fixed(kText));
    add("length", 1, "length", fixed(kInt4));
    add("char_length", 1, "length", fixed(kInt4));
    add("character_length", 1, "length", fixed(kInt4));
    add("bit_length", 1, "octet_length", fixed(kInt4), kText, false,
        [](const std::string&, const std::vector<TypedSql>& a) {
            return "(length(CAST(" + a[0].sql + " AS BLOB)) * 8)";
        });
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
    // substring(text FROM pattern) is the regular-expression form: a text
    // (or unknown, whose preferred resolution is text) second argument.
    add("substring", 2, "substr", fixed(kText), kText, false, [](const std::string& call, const std::vector<TypedSql>& a) {
        if (is_string_type(a[1].type) || a[1].untyped()) return renamed(call, "litegres_regexp_substring");
        return call;
    });
    add("substring", 3, "substr", fixed(kText), kText, false, [](const std::string& call, const std::vector<TypedSql>& a) {
        if (is_string_type(a[1].type) || a[1].untyped()) {
            throw pgwire::PgError(pgwire::sqlstate::kFeatureNotSupported,
                                  "substring(text SIMILAR text ESCAPE text) is not supported yet");
        }
        return call;
    });
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

    add("split_part", 3, "litegres_split_part", fixed(kText));
    add("lpad", 2, "litegres_lpad", fixed(kText));
    add("lpad", 3, "litegres_lpad", fixed(kText));
    add("rpad", 2, "litegres_rpad", fixed(kText));
    add("rpad", 3, "litegres_rpad", fixed(kText));
    add("repeat", 2, "litegres_repeat", fixed(kText));
    add("initcap", 1, "litegres_initcap", fixed(kText));
    add("reverse", 1, "litegres_reverse", fixed(kText));
    add("translate", 3, "litegres_translate", fixed(kText));
    add("md5", 1, "litegres_md5", fixed(kText));
    add("current_setting", 1, "litegres_current_setting", fixed(kText));
    add("current_setting", 2, "litegres_current_setting", fixed(kText));
    add("set_config", 3, "litegres_set_config", fixed(kText));
    add("overlay", 3, "litegres_overlay", fixed(kText));
    add("overlay", 4, "litegres_overlay", fixed(kText));
    const PgType bytea{oid::kBytea, -1};
    add("encode", 2, "litegres_encode", fixed(kText));
    add("decode", 2, "litegres_decode", fixed(bytea));
    for (const char* f : {"sha224", "sha256", "sha384", "sha512"}) add(f, 1, std::string("litegres_") + f, fixed(bytea));
    add("get_byte", 2, "litegres_get_byte", fixed(kInt4));
    add("set_byte", 3, "litegres_set_byte", fixed(bytea));
    add("convert_to", 2, "litegres_convert_to", fixed(bytea));
    add("convert_from", 2, "litegres_convert_from", fixed(kText));
    add("to_hex", 1, "litegres_to_hex", fixed(kText), kInt4, false,
        [](const std::string&, const std::vector<TypedSql>& a) {
            return "litegres_to_hex(" + a[0].sql + ", " + (a[0].type.oid == oid::kInt8 ? "64" : "32") + ")";
        });
    add("concat_ws", -1, "litegres_concat_ws", fixed(kText));
    add("quote_ident", 1, "litegres_quote_ident", fixed(kText));
    add("quote_literal", 1, "litegres_quote_literal", fixed(kText));
    add("quote_nullable", 1, "litegres_quote_nullable", fixed(kText));
    add("format", -1, "litegres_format", fixed(kText));
    add("starts_with", 2, "litegres_starts_with", fixed(kBool));
    add("chr", 1, "char", fixed(kText), kInt4);
    add("ascii", 1, "unicode", fixed(kInt4));
    add("regexp_replace", 3, "litegres_regexp_replace", fixed(kText));
    add("regexp_replace", 4, "litegres_regexp_replace", fixed(kText));
    add("regexp_like", 2, "litegres_regexp_like", fixed(kBool));
    add("regexp_like", 3, "litegres_regexp_like", fixed(kBool));
    add("regexp_count", 2, "litegres_regexp_count", fixed(kInt4));
    add("regexp_match", 2, "litegres_regexp_match", fixed(kTextArray));
    add("regexp_match", 3, "litegres_regexp_match", fixed(kTextArray));
    add("regexp_split_to_array", 2, "litegres_regexp_split", fixed(kTextArray));
    add("regexp_split_to_array", 3, "litegres_regexp_split", fixed(kTextArray));
    add("gen_random_uuid", 0, "litegres_gen_random_uuid", fixed(PgType{oid::kUuid, -1}));

    // float8-only functions of pg_proc.
    for (const char* f : {"sin", "cos", "tan", "asin", "acos", "atan", "degrees", "radians"}) {
        add(f, 1, f, fixed(kFloat8), kFloat8);
    }
    add("atan2", 2, "atan2", fixed(kFloat8), kFloat8);
    add("pi", 0, "pi", fixed(kFloat8));
    add("cbrt", 1, "litegres_cbrt", fixed(kFloat8), kFloat8);

    add("abs", 1, "abs", first_arg_type, kFloat8, false, numeric_variant("litegres_numeric_abs"));
    add("round", 1, "round", numeric_or_float8, kFloat8, false, numeric_with_scale("round", "litegres_numeric_round"));
    add("round", 2, "round", fixed(kNumeric), kNumeric, false, numeric_with_scale("round", "litegres_numeric_round"));
    add("trunc", 1, "trunc", numeric_or_float8, kFloat8, false, numeric_with_scale("trunc", "litegres_numeric_trunc"));
    add("trunc", 2, "trunc", fixed(kNumeric), kNumeric, false, numeric_with_scale("trunc", "litegres_numeric_trunc"));
    add("ceil", 1, "ceil", numeric_or_float8, kFloat8, false, numeric_variant("litegres_numeric_ceil"));
    add("ceiling", 1, "ceil", numeric_or_float8, kFloat8, false, numeric_variant("litegres_numeric_ceil"));
    add("floor", 1, "floor", numeric_or_float8, kFloat8, false, numeric_variant("litegres_numeric_floor"));
    add("sqrt", 1, "litegres_float_sqrt", numeric_or_float8, kFloat8, false, numeric_variant("litegres_numeric_sqrt"));
    // ln/log/exp of numeric need PostgreSQL's result scales; until then
    // they are refused rather than answered in binary floating point.
    auto float_only = [](const char* function) {
        return [function](const std::string& call, const std::vector<TypedSql>& a) {
            for (const auto& arg : a) {
                if (arg.type.oid == oid::kNumeric) {
                    throw pgwire::PgError(pgwire::sqlstate::kFeatureNotSupported,
                                          std::string(function) + "(numeric) is not supported yet");
                }
            }
            return call;
        };
    };
    add("ln", 1, "litegres_float_ln", fixed(kFloat8), kFloat8, false, float_only("ln"));
    add("log", 1, "litegres_float_log10", fixed(kFloat8), kFloat8, false, float_only("log"));
    add("log10", 1, "litegres_float_log10", fixed(kFloat8), kFloat8, false, float_only("log10"));
    add("exp", 1, "litegres_float_exp", fixed(kFloat8), kFloat8, false, float_only("exp"));
    add("sign", 1, "sign", numeric_or_float8, kFloat8, false, [](const std::string&, const std::vector<TypedSql>& a) {
        if (numeric_arg(a)) return "litegres_numeric_sign(" + a[0].sql + ")";
        return "(CASE WHEN " + a[0].sql + " > 0 THEN 1.0 WHEN " + a[0].sql + " < 0 THEN -1.0 WHEN " + a[0].sql +
               " = 0 THEN 0.0 END)";
    });
    // power(numeric, numeric) when either side is numeric.
    auto numeric_pair = [](const std::vector<TypedSql>& a) {
        return numeric_arg(a, 0) || numeric_arg(a, 1) ? kNumeric : numeric_or_float8(a);
    };
    add("power", 2, "litegres_float_power", numeric_pair, kFloat8, false, [](const std::string& call, const std::vector<TypedSql>& a) {
        return numeric_arg(a, 0) || numeric_arg(a, 1) ? renamed(call, "litegres_numeric_power") : call;
    });
    add("div", 2, "litegres_numeric_div", fixed(kNumeric), kNumeric);
    add("mod", 2, "mod",
        [](const std::vector<TypedSql>& a) {
            return numeric_arg(a, 0) || numeric_arg(a, 1) ? kNumeric : first_arg_type(a);
        },
        kInt4, false, [](const std::string&, const std::vector<TypedSql>& a) {
            if (numeric_arg(a, 0) || numeric_arg(a, 1)) {
                return "litegres_numeric_modulo(" + a[0].sql + ", " + a[1].sql + ")";
            }
            return "(" + a[0].sql + " % litegres_nonzero(" + a[1].sql + "))";
        });
    add("random", 0, "litegres_random", fixed(kFloat8));
    const PgType void_type{2278, -1};
    add("pg_backend_pid", 0, "litegres_backend_pid", fixed(kInt4));
    add("pg_sleep", 1, "litegres_sleep", fixed(void_type), kFloat8);
    // The advisory lock functions: litegres_advisory_lock(op, flags, key...)
    // (see session_functions.h).
    struct Advisory {
        const char* name;
        int op;
        int flags;
    };
    for (const Advisory& a : {Advisory{"pg_advisory_lock", 0, 0}, Advisory{"pg_advisory_lock_shared", 0, 1},
                              Advisory{"pg_advisory_xact_lock", 0, 2}, Advisory{"pg_advisory_xact_lock_shared", 0, 3},
                              Advisory{"pg_try_advisory_lock", 1, 0}, Advisory{"pg_try_advisory_lock_shared", 1, 1},
                              Advisory{"pg_try_advisory_xact_lock", 1, 2},
                              Advisory{"pg_try_advisory_xact_lock_shared", 1, 3},
                              Advisory{"pg_advisory_unlock", 2, 0}, Advisory{"pg_advisory_unlock_shared", 2, 1}}) {
        PgType result = a.op == 0 ? void_type : kBool;
        std::string prefix = "litegres_advisory_lock(" + std::to_string(a.op) + ", " + std::to_string(a.flags) + ", ";
        add(a.name, 1, "litegres_advisory_lock", fixed(result), kInt8, false,
            [prefix](const std::string&, const std::vector<TypedSql>& args) { return prefix + args[0].sql + ")"; });
        add(a.name, 2, "litegres_advisory_lock", fixed(result), kInt4, false,
            [prefix](const std::string&, const std::vector<TypedSql>& args) {
                return prefix + args[0].sql + ", " + args[1].sql + ")";
            });
    }
    add("pg_advisory_unlock_all", 0, "litegres_advisory_lock", fixed(void_type), kText, false,
        [](const std::string&, const std::vector<TypedSql>&) { return std::string("litegres_advisory_lock(3, 0)"); });
    // gcd/lcm of integers (smallint arguments are integer, as in pg_proc).
    for (const char* f : {"gcd", "lcm"}) {
        std::string function = f;
        auto type = [](const std::vector<TypedSql>& a) {
            return a[0].type.oid == oid::kInt8 || a[1].type.oid == oid::kInt8 ? kInt8 : kInt4;
        };
        add(f, 2, std::string("litegres_") + f, type, kInt4, false,
            [function, type](const std::string&, const std::vector<TypedSql>& a) {
                for (const auto& arg : a) {
                    if (!is_integer_type(arg.type)) {
                        throw pgwire::PgError(pgwire::sqlstate::kFeatureNotSupported,
                                              function + "(" + format_type(PgType{arg.type.oid, -1}) +
                                                  ") is not supported yet");
                    }
                }
                return "litegres_" + function + "(" + a[0].sql + ", " + a[1].sql + ", " +
                       (type(a).oid == oid::kInt8 ? "64" : "32") + ")";
            });
    }
    add("width_bucket", 4, "litegres_width_bucket", fixed(kInt4), kFloat8, false,
        [](const std::string& call, const std::vector<TypedSql>& a) {
            bool numeric = numeric_arg(a, 0) || numeric_arg(a, 1) || numeric_arg(a, 2);
            return numeric ? renamed(call, "litegres_numeric_width_bucket") : call;
        });

    add("nextval", 1, "litegres_nextval", fixed(kInt8), kText, true);
    add("currval", 1, "litegres_currval", fixed(kInt8));
    add("setval", 2, "litegres_setval", fixed(kInt8), kText, true);
    add("setval", 3, "litegres_setval", fixed(kInt8), kText, true);
    // Sequences, comments and relation OIDs are litegres bookkeeping tables.
    add("pg_get_serial_sequence", 2, "", fixed(kText), kText, false,
        [](const std::string&, const std::vector<TypedSql>& a) {
            // A sequence of schema s is named "s.name" already (see NameResolver).
            return "(SELECT CASE WHEN EXISTS (SELECT 1 FROM _litegres_namespace n WHERE substr(q.name, 1, "
                   "length(n.name) + 1) = n.name || '.') THEN q.name ELSE 'public.' || q.name END "
                   "FROM _litegres_sequence q WHERE q.owner_table = " + a[0].sql + " AND q.owner_column = " +
                   a[1].sql + ")";
        });
    auto object_comment = [](const std::string&, const std::vector<TypedSql>& a) {
        // The comment of the object of that catalog ('pg_class', 'pg_namespace'
        // ...; any catalog without one). Aliases the caller's query cannot be
        // using, so a[0] is not captured.
        std::string catalog;
        if (a.size() > 1) {
            catalog = " AND litegres_d.classoid = " +
                      system_relation_oid_sql("replace(" + a[1].sql + ", 'pg_catalog.', '')");
        }
        return "(SELECT litegres_d.description FROM pg_description litegres_d WHERE litegres_d.objoid = " + a[0].sql +
               catalog + " AND litegres_d.objsubid = 0 LIMIT 1)";
    };
    add("obj_description", 1, "", fixed(kText), kText, false, object_comment);
    add("obj_description", 2, "", fixed(kText), kText, false, object_comment);
    add("col_description", 2, "", fixed(kText), kInt4, false,
        [](const std::string&, const std::vector<TypedSql>& a) {
            return "(SELECT litegres_c.description FROM _litegres_comment litegres_c JOIN _litegres_relation litegres_r "
                   "ON litegres_r.name = litegres_c.relation JOIN pragma_table_info(litegres_r.name) litegres_p "
                   "ON litegres_p.name = litegres_c.column_name WHERE litegres_r.oid = " + a[0].sql +
                   " AND litegres_p.cid + 1 = " + a[1].sql + ")";
        });

    add("version", 0, "litegres_version", fixed(kText));

    // Catalog functions psql and drivers call; every object litegres shows
    // is visible on the search path and owned by the session's user.
    auto constant = [](const char* sql) {
        return [sql](const std::string&, const std::vector<TypedSql>&) { return std::string(sql); };
    };
    for (const char* f : {"pg_type_is_visible", "pg_function_is_visible"}) {
        add(f, 1, f, fixed(kBool), PgType{oid::kOid, -1}, false, constant("1"));
    }
    // A relation is visible when the search path reaches it by its name
    // (search_path_functions.cpp).
    add("pg_table_is_visible", 1, "litegres_table_is_visible", fixed(kBool), PgType{oid::kOid, -1});
    // Role 6171 is pg_database_owner, which owns schema public.
    add("pg_get_userbyid", 1, "pg_get_userbyid", fixed(PgType{oid::kName, -1}), PgType{oid::kOid, -1}, false,
        [](const std::string&, const std::vector<TypedSql>& a) {
            return "(CASE " + a[0].sql + " WHEN 6171 THEN 'pg_database_owner' ELSE litegres_session_user() END)";
        });
    add("pg_encoding_to_char", 1, "pg_encoding_to_char", fixed(PgType{oid::kName, -1}), kInt4, false,
        [](const std::string&, const std::vector<TypedSql>& a) {
            return "(CASE " + a[0].sql + " WHEN 6 THEN 'UTF8' WHEN 0 THEN 'SQL_ASCII' ELSE '' END)";
        });
    add("format_type", 2, "litegres_format_type", fixed(kText), PgType{oid::kOid, -1});
    // pg_attrdef.adbin already holds the expression's text.
    add("pg_get_expr", 2, "pg_get_expr", fixed(kText), kText, false,
        [](const std::string&, const std::vector<TypedSql>& a) { return a[0].sql; });
    add("pg_get_expr", 3, "pg_get_expr", fixed(kText), kText, false,
        [](const std::string&, const std::vector<TypedSql>& a) { return a[0].sql; });
    // The session's search path (search_path_functions.cpp).
    add("current_schemas", 1, "litegres_current_schemas", fixed(PgType{pgwire::array_type_of(oid::kName), -1}), kBool);
    for (const char* f : {"has_table_privilege", "has_schema_privilege", "has_database_privilege",
                          "has_column_privilege", "has_sequence_privilege", "has_function_privilege"}) {
        add(f, 2, f, fixed(kBool), kText, false, constant("1"));
        add(f, 3, f, fixed(kBool), kText, false, constant("1"));
    }
    add("current_database", 0, "litegres_current_database", fixed(PgType{oid::kName, -1}));
    add("current_schema", 0, "litegres_current_schema", fixed(PgType{oid::kName, -1}));
    return c;
}

}  // namespace

const FunctionSignature* find_function(const std::string& name, size_t arg_count, bool star) {
    static const std::map<Key, FunctionSignature> catalog = build_catalog();
    if (star) return name == "count" ? &catalog.at({"count", 0}) : nullptr;
    if (const FunctionSignature* datetime = find_datetime_function(name, arg_count)) return datetime;
    if (const FunctionSignature* describe = find_describe_function(name, arg_count)) return describe;
    auto it = catalog.find({name, int(arg_count)});
    if (it != catalog.end()) return &it->second;
    it = catalog.find({name, -1});
    return it != catalog.end() ? &it->second : nullptr;
}

}  // namespace litegres::translate
