// datetime_operators.cpp — the operator table and the casts between the
// date/time types.
#include "translate/datetime_operators.h"

#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"
#include "translate/datetime_functions.h"
#include "translate/ast_text.h"

namespace litegres::translate {

namespace oid = pgwire::oid;
using pgwire::PgError;
namespace sqlstate = pgwire::sqlstate;

namespace {


// date < timestamp < timestamptz: comparisons convert to the later type.
int timestamp_rank(PgType t) {
    switch (t.oid) {
        case oid::kDate: return 1;
        case oid::kTimestamp: return 2;
        case oid::kTimestamptz: return 3;
        default: return 0;
    }
}

std::string op_call(DatetimeOp op, const std::string& a, const std::string& b) {
    return "litegres_dt_op(" + std::to_string(int(op)) + ", " + a + ", " + b + ")";
}

std::string converted(const TypedSql& v, PgType target) {
    if (v.type.oid == target.oid || v.is_null_literal) return v.sql;
    return *datetime_cast(v.sql, v.type, target);
}

[[noreturn]] void no_operator(const std::string& op, PgType l, PgType r, int location) {
    throw PgError(sqlstate::kUndefinedFunction,
                  "operator does not exist: " + format_type(PgType{l.oid, -1}) + " " + op + " " +
                      format_type(PgType{r.oid, -1}),
                  error_position(location))
        .with_hint("No operator matches the given name and argument types. You might need to add explicit type casts.");
}

bool is_comparison(const std::string& op) {
    return op == "=" || op == "<>" || op == "!=" || op == "<" || op == ">" || op == "<=" || op == ">=";
}

}  // namespace

bool is_datetime_type(PgType t) {
    return t.oid == oid::kDate || t.oid == oid::kTime || t.oid == oid::kTimestamp || t.oid == oid::kTimestamptz ||
           t.oid == oid::kInterval || t.oid == oid::kTimetz;
}

PgType datetime_unknown_operand_type(const std::string& op, PgType other, bool unknown_is_left, int location) {
    if (!is_datetime_type(other)) {
        if (is_numeric_category(other) && op == "*") return kUnknown;
        return kUnknown;
    }
    if (op == "*" || op == "/") return other.oid == oid::kInterval ? kFloat8 : kUnknown;
    if (op == "-") return unknown_is_left ? kUnknown : other;
    if (op == "+") {
        if (other.oid == oid::kDate) {
            throw PgError("42725", std::string("operator is not unique: ") + (unknown_is_left ? "unknown + date" : "date + unknown"),
                          error_position(location))
                .with_hint("Could not choose a best candidate operator. You might need to add explicit type casts.");
        }
        return PgType{oid::kInterval, -1};
    }
    return kUnknown;
}

std::optional<std::string> datetime_cast(const std::string& sql, PgType source, PgType target) {
    auto cast_call = [&](Oid from) {
        return "litegres_dt_cast(" + sql + ", " + std::to_string(from) + ", " + std::to_string(target.oid) + ")";
    };
    if (is_string_type(source) && is_datetime_type(target)) {
        return "litegres_datetime_in(" + sql + ", " + std::to_string(target.oid) + ")";
    }
    if (!is_datetime_type(source)) return std::nullopt;
    if (is_string_type(target)) {
        if (source.oid == oid::kTimestamptz) return "litegres_timestamptz_out(" + sql + ")";
        bool styled = source.oid == oid::kDate || source.oid == oid::kTimestamp || source.oid == oid::kInterval;
        return styled ? "litegres_datetime_out(" + sql + ", " + std::to_string(source.oid) + ")" : sql;
    }
    if (source.oid == target.oid) return sql;
    bool source_stamp = timestamp_rank(source) > 0, target_stamp = timestamp_rank(target) > 0;
    if (source_stamp && target_stamp) return cast_call(source.oid);
    if (target.oid == oid::kTime && (source.oid == oid::kTimestamp || source.oid == oid::kTimestamptz ||
                                     source.oid == oid::kInterval || source.oid == oid::kTimetz)) {
        return cast_call(source.oid);
    }
    if (target.oid == oid::kTimetz && (source.oid == oid::kTime || source.oid == oid::kTimestamptz)) {
        return cast_call(source.oid);
    }
    if (source.oid == oid::kTime && target.oid == oid::kInterval) return cast_call(source.oid);
    return std::nullopt;
}

std::string datetime_precision(const std::string& sql, PgType target) {
    bool has_precision = target.oid == oid::kTimestamp || target.oid == oid::kTimestamptz || target.oid == oid::kTime ||
                         target.oid == oid::kTimetz;
    bool interval_typmod = target.oid == oid::kInterval && target.typmod >= 0;
    if (!interval_typmod && (!has_precision || target.typmod < 0 || target.typmod >= 6)) return sql;
    return "litegres_datetime_round(" + sql + ", " + std::to_string(target.oid) + ", " + std::to_string(target.typmod) +
           ")";
}

std::string datetime_ordering(const std::string& sql, PgType type) {
    if (type.oid == oid::kInterval) return "(" + sql + " COLLATE " + kIntervalCollation + ")";
    if (type.oid == oid::kTimetz) return "(" + sql + " COLLATE " + kTimetzCollation + ")";
    return sql;
}

std::optional<TypedSql> datetime_operator(const std::string& op, const TypedSql& l, const TypedSql& r,
                                          int location) {
    PgType lt = l.type, rt = r.type;
    if (!is_datetime_type(lt) && !is_datetime_type(rt)) return std::nullopt;
    // A NULL literal takes the other side's type.
    if (l.is_null_literal) lt = rt;
    if (r.is_null_literal) rt = lt;
    const PgType interval{oid::kInterval, -1};
    if (is_comparison(op)) {
        const char* sqlite_op = op == "!=" ? "<>" : op.c_str();
        if (lt.oid == oid::kInterval && rt.oid == oid::kInterval) {
            return TypedSql{"(" + l.sql + " COLLATE " + kIntervalCollation + " " + sqlite_op + " " + r.sql + ")", kBool};
        }
        if (lt.oid == oid::kTimetz && rt.oid == oid::kTimetz) {
            return TypedSql{"(" + l.sql + " COLLATE " + kTimetzCollation + " " + sqlite_op + " " + r.sql + ")", kBool};
        }
        if (lt.oid == rt.oid) return TypedSql{"(" + l.sql + " " + sqlite_op + " " + r.sql + ")", kBool};
        int lr = timestamp_rank(lt), rr = timestamp_rank(rt);
        if (lr == 0 || rr == 0) no_operator(op, lt, rt, location);
        PgType common = lr >= rr ? lt : rt;
        return TypedSql{"(" + converted(l, common) + " " + sqlite_op + " " + converted(r, common) + ")", kBool};
    }
    auto make = [&](DatetimeOp code, const std::string& a, const std::string& b, PgType type) {
        return TypedSql{op_call(code, a, b), type};
    };
    auto is_int = [](PgType t) { return is_integer_type(t); };
    Oid a = lt.oid, b = rt.oid;
    if (op == "+") {
        // Commutative forms put the interval (or integer, or time) second.
        bool swap = (a == oid::kInterval && b != oid::kInterval) || (is_int(lt) && b == oid::kDate) ||
                    (a == oid::kTime && b == oid::kDate);
        const TypedSql& x = swap ? r : l;
        const TypedSql& y = swap ? l : r;
        Oid xa = swap ? b : a, yb = swap ? a : b;
        PgType yt = swap ? lt : rt;
        if (yb == oid::kInterval) {
            switch (xa) {
                case oid::kTimestamp: return make(DatetimeOp::kTimestampPlusInterval, x.sql, y.sql, kTimestamp);
                case oid::kTimestamptz: return make(DatetimeOp::kTimestamptzPlusInterval, x.sql, y.sql, kTimestamptz);
                case oid::kDate: return make(DatetimeOp::kDatePlusInterval, x.sql, y.sql, kTimestamp);
                case oid::kTime: return make(DatetimeOp::kTimePlusInterval, x.sql, y.sql, PgType{oid::kTime, -1});
                case oid::kTimetz:
                    return make(DatetimeOp::kTimetzPlusInterval, x.sql, y.sql, PgType{oid::kTimetz, -1});
                case oid::kInterval: return make(DatetimeOp::kIntervalPlusInterval, x.sql, y.sql, interval);
                default: break;
            }
        }
        if (xa == oid::kDate && is_int(yt) && yb != oid::kInt8) {
            return make(DatetimeOp::kDatePlusInteger, x.sql, y.sql, kDate);
        }
        if (xa == oid::kDate && yb == oid::kTime) return make(DatetimeOp::kDatePlusTime, x.sql, y.sql, kTimestamp);
        no_operator(op, lt, rt, location);
    }
    if (op == "-") {
        if (b == oid::kInterval) {
            switch (a) {
                case oid::kTimestamp: return make(DatetimeOp::kTimestampMinusInterval, l.sql, r.sql, kTimestamp);
                case oid::kTimestamptz: return make(DatetimeOp::kTimestamptzMinusInterval, l.sql, r.sql, kTimestamptz);
                case oid::kDate: return make(DatetimeOp::kDateMinusInterval, l.sql, r.sql, kTimestamp);
                case oid::kTime: return make(DatetimeOp::kTimeMinusInterval, l.sql, r.sql, PgType{oid::kTime, -1});
                case oid::kTimetz:
                    return make(DatetimeOp::kTimetzMinusInterval, l.sql, r.sql, PgType{oid::kTimetz, -1});
                case oid::kInterval: return make(DatetimeOp::kIntervalMinusInterval, l.sql, r.sql, interval);
                default: break;
            }
        }
        if (a == oid::kDate && b == oid::kDate) return make(DatetimeOp::kDateMinusDate, l.sql, r.sql, kInt4);
        if (a == oid::kDate && is_int(rt) && b != oid::kInt8) {
            return make(DatetimeOp::kDateMinusInteger, l.sql, r.sql, kDate);
        }
        if (a == oid::kTime && b == oid::kTime) return make(DatetimeOp::kTimeMinusTime, l.sql, r.sql, interval);
        int lr = timestamp_rank(lt), rr = timestamp_rank(rt);
        if (lr > 0 && rr > 0) {
            // Both as the later of timestamp / timestamptz (date ► timestamp).
            PgType common = std::max(lr, rr) == 3 ? kTimestamptz : kTimestamp;
            return make(DatetimeOp::kTimestampMinusTimestamp, converted(l, common), converted(r, common), interval);
        }
        no_operator(op, lt, rt, location);
    }
    if (op == "*") {
        if (a == oid::kInterval && is_numeric_category(rt)) {
            return make(DatetimeOp::kIntervalTimesNumber, l.sql, r.sql, interval);
        }
        if (b == oid::kInterval && is_numeric_category(lt)) {
            return make(DatetimeOp::kIntervalTimesNumber, r.sql, l.sql, interval);
        }
    }
    if (op == "/" && a == oid::kInterval && is_numeric_category(rt)) {
        return make(DatetimeOp::kIntervalDividedByNumber, l.sql, r.sql, interval);
    }
    no_operator(op, lt, rt, location);
}

}  // namespace litegres::translate
