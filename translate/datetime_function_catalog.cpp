// datetime_function_catalog.cpp — each entry emits a call of a function
// from datetime_functions.cpp, passing the value's type OID where the
// function behaves per type. A date argument where PostgreSQL resolves to the
// timestamptz variant (date_trunc, age) is converted in the session's zone.
#include "translate/datetime_function_catalog.h"

#include <map>
#include <utility>

#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"
#include "translate/datetime_operators.h"

namespace litegres::translate {

namespace oid = pgwire::oid;

namespace {

using Args = std::vector<TypedSql>;

const PgType kInterval{oid::kInterval, -1};
const PgType kTime{oid::kTime, -1};

std::string oid_text(const TypedSql& a) { return std::to_string(a.type.is_unknown() ? oid::kTimestamptz : a.type.oid); }

// The value as the timestamptz variant of a function sees a date.
TypedSql date_as_timestamptz(const TypedSql& a) {
    if (a.type.oid != oid::kDate) return a;
    return TypedSql{*datetime_cast(a.sql, kDate, kTimestamptz), kTimestamptz};
}

[[noreturn]] void no_function(const std::string& name, const Args& args) {
    std::string types;
    for (size_t i = 0; i < args.size(); ++i) types += (i ? ", " : "") + format_type(PgType{args[i].type.oid, -1});
    throw pgwire::PgError(pgwire::sqlstate::kUndefinedFunction, "function " + name + "(" + types + ") does not exist")
        .with_hint("No function matches the given name and argument types. You might need to add explicit type casts.");
}

void require_datetime(const std::string& name, const Args& args, size_t index) {
    if (!is_datetime_type(args[index].type)) no_function(name, args);
}

std::map<std::pair<std::string, int>, FunctionSignature> build() {
    std::map<std::pair<std::string, int>, FunctionSignature> c;
    auto add = [&](const std::string& name, int arity, PgType unknown_type,
                   std::function<PgType(const Args&)> result,
                   std::function<std::string(const std::string&, const Args&)> wrap) {
        FunctionSignature f;
        f.sqlite_name = "litegres_" + name;
        f.result = std::move(result);
        f.unknown_argument_type = unknown_type;
        f.wrap = std::move(wrap);
        c[{name, arity}] = std::move(f);
    };
    auto fixed = [](PgType t) { return [t](const Args&) { return t; }; };
    auto clock = [&](const std::string& name, int kind) {
        add(name, 0, kText, fixed(kTimestamptz),
            [kind](const std::string&, const Args&) { return "litegres_clock(" + std::to_string(kind) + ")"; });
    };
    clock("now", 0);
    clock("transaction_timestamp", 0);
    clock("statement_timestamp", 1);
    clock("clock_timestamp", 2);

    auto extract = [&](const std::string& name, bool numeric) {
        add(name, 2, kText, fixed(numeric ? kNumeric : kFloat8), [name, numeric](const std::string&, const Args& a) {
            require_datetime(name, a, 1);
            return "litegres_extract(" + a[0].sql + ", " + a[1].sql + ", " + oid_text(a[1]) + ", " +
                   (numeric ? "1" : "0") + ")";
        });
    };
    extract("extract", true);
    extract("date_part", false);

    auto trunc_type = [](const Args& a) {
        Oid t = a[1].type.oid;
        return t == oid::kInterval || t == oid::kTimestamp ? PgType{t, -1} : kTimestamptz;
    };
    add("date_trunc", 2, kText, trunc_type, [](const std::string&, const Args& a) {
        require_datetime("date_trunc", a, 1);
        if (a[1].type.oid == oid::kTime || a[1].type.oid == oid::kTimetz) no_function("date_trunc", a);
        TypedSql v = date_as_timestamptz(a[1]);
        return "litegres_date_trunc(" + a[0].sql + ", " + v.sql + ", " + oid_text(v) + ")";
    });
    add("date_trunc", 3, kText, fixed(kTimestamptz), [](const std::string&, const Args& a) {
        TypedSql v = date_as_timestamptz(a[1]);
        if (v.type.oid != oid::kTimestamptz) no_function("date_trunc", a);
        return "litegres_date_trunc(" + a[0].sql + ", " + v.sql + ", " + oid_text(v) + ", " + a[2].sql + ")";
    });
    // x AT TIME ZONE z arrives as timezone(z, x).
    add("timezone", 2, kText,
        [](const Args& a) { return a[1].type.oid == oid::kTimestamptz ? kTimestamp : kTimestamptz; },
        [](const std::string&, const Args& a) {
            Oid t = a[1].type.oid;
            if (t != oid::kTimestamp && t != oid::kTimestamptz && t != oid::kDate) no_function("timezone", a);
            return "litegres_at_time_zone(" + a[1].sql + ", " + a[0].sql + ", " + oid_text(a[1]) + ")";
        });
    add("age", 1, kTimestamptz, fixed(kInterval), [](const std::string&, const Args& a) {
        TypedSql v = date_as_timestamptz(a[0]);
        if (v.type.oid != oid::kTimestamp && v.type.oid != oid::kTimestamptz) no_function("age", a);
        return "litegres_age(" + v.sql + ", " + oid_text(v) + ")";
    });
    add("age", 2, kTimestamptz, fixed(kInterval), [](const std::string&, const Args& a) {
        TypedSql x = a[0], y = a[1];
        bool zoned = x.type.oid != oid::kTimestamp || y.type.oid != oid::kTimestamp;
        PgType common = zoned ? kTimestamptz : kTimestamp;
        for (TypedSql* v : {&x, &y}) {
            if (!is_datetime_type(v->type) || v->type.oid == oid::kInterval || v->type.oid == oid::kTime ||
                v->type.oid == oid::kTimetz) {
                no_function("age", a);
            }
            if (v->type.oid != common.oid) v->sql = *datetime_cast(v->sql, v->type, common);
        }
        return "litegres_age(" + x.sql + ", " + y.sql + ", " + std::to_string(common.oid) + ")";
    });
    const char* justify_names[] = {"justify_hours", "justify_days", "justify_interval"};
    for (int k = 0; k < 3; ++k) {
        add(justify_names[k], 1, kInterval, fixed(kInterval), [k](const std::string&, const Args& a) {
            return "litegres_justify(" + std::to_string(k) + ", " + a[0].sql + ")";
        });
    }
    auto plain = [&](const std::string& name, int arity, PgType result, PgType unknown_type) {
        add(name, arity, unknown_type, fixed(result), nullptr);
    };
    plain("make_date", 3, kDate, kInt4);
    plain("make_time", 3, kTime, kFloat8);
    plain("make_timestamp", 6, kTimestamp, kFloat8);
    plain("make_timestamptz", 6, kTimestamptz, kFloat8);
    plain("make_timestamptz", 7, kTimestamptz, kText);
    plain("to_date", 2, kDate, kText);
    plain("isfinite", 1, kBool, kTimestamptz);
    add("to_timestamp", 1, kFloat8, fixed(kTimestamptz), nullptr);
    add("to_timestamp", 2, kText, fixed(kTimestamptz), nullptr);
    // make_interval(years, months, weeks, days, hours, mins, secs), trailing ones defaulting to 0.
    for (int n = 0; n <= 7; ++n) {
        add("make_interval", n, kInt4, fixed(kInterval), [n](const std::string&, const Args& a) {
            std::string sql = "litegres_make_interval(";
            for (int i = 0; i < 7; ++i) sql += (i ? ", " : "") + (i < n ? a[size_t(i)].sql : std::string("0"));
            return sql + ")";
        });
    }
    add("date_bin", 3, kInterval,
        [](const Args& a) { return a[1].type.oid == oid::kTimestamp ? kTimestamp : kTimestamptz; },
        [](const std::string&, const Args& a) {
            TypedSql source = date_as_timestamptz(a[1]), origin = date_as_timestamptz(a[2]);
            if (a[0].type.oid != oid::kInterval || (source.type.oid != oid::kTimestamp && source.type.oid != oid::kTimestamptz)) {
                no_function("date_bin", a);
            }
            if (origin.type.oid != source.type.oid) origin.sql = *datetime_cast(origin.sql, origin.type, source.type);
            return "litegres_date_bin(" + a[0].sql + ", " + source.sql + ", " + origin.sql + ", " + oid_text(source) + ")";
        });
    add("to_char", 2, kText, fixed(kText), [](const std::string&, const Args& a) {
        require_datetime("to_char", a, 0);
        if (a[0].type.oid == oid::kTime || a[0].type.oid == oid::kTimetz) no_function("to_char", a);
        return "litegres_to_char(" + a[0].sql + ", " + a[1].sql + ", " + oid_text(a[0]) + ")";
    });
    return c;
}

}  // namespace

const FunctionSignature* find_datetime_function(const std::string& name, size_t arg_count) {
    static const std::map<std::pair<std::string, int>, FunctionSignature> catalog = build();
    auto it = catalog.find({name, int(arg_count)});
    return it != catalog.end() ? &it->second : nullptr;
}

}  // namespace litegres::translate
