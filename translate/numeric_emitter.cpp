// numeric_emitter.cpp — numeric expressions as litegres_numeric_* calls.
#include "translate/numeric_emitter.h"

#include "translate/numeric_functions.h"

namespace litegres::translate {

namespace oid = pgwire::oid;

namespace {

bool is_float(PgType t) {
    return t.oid == oid::kFloat4 || t.oid == oid::kFloat8;
}

}  // namespace

std::string numeric_text_sql(const TypedSql& value) {
    if (value.is_null_literal || value.type.oid == oid::kNumeric) return value.sql;
    // An integer's decimal text is already numeric's canonical text.
    if (is_integer_type(value.type)) return "CAST(" + value.sql + " AS TEXT)";
    return "litegres_numeric(" + value.sql + ")";
}

std::string float_operand_sql(const TypedSql& value) {
    return value.type.oid == oid::kNumeric ? "litegres_numeric_float(" + value.sql + ")"
                                           : value.sql;
}

std::string common_type_operand_sql(const TypedSql& value, PgType common) {
    if (common.oid == oid::kNumeric) return numeric_text_sql(value);
    return is_float(common) ? float_operand_sql(value) : value.sql;
}

std::string numeric_coercion_sql(const TypedSql& value, PgType target) {
    if (target.typmod >= 4) {
        if (value.type == target) return value.sql;
        return "litegres_numeric_typmod(" + value.sql + ", " + std::to_string(target.typmod) + ")";
    }
    return numeric_text_sql(value);
}

std::string numeric_arithmetic_sql(const std::string& op, const TypedSql& left,
                                   const TypedSql& right) {
    const char* fn = op == "+"   ? "litegres_numeric_add"
                     : op == "-" ? "litegres_numeric_subtract"
                     : op == "*" ? "litegres_numeric_multiply"
                     : op == "/" ? "litegres_numeric_divide"
                     : op == "^" ? "litegres_numeric_power"
                                 : "litegres_numeric_modulo";
    return std::string(fn) + "(" + left.sql + ", " + right.sql + ")";
}

bool is_numeric_comparison(PgType left, PgType right) {
    bool either_numeric = left.oid == oid::kNumeric || right.oid == oid::kNumeric;
    return either_numeric && (is_numeric_category(left) || left.is_unknown()) &&
           (is_numeric_category(right) || right.is_unknown());
}

std::string numeric_comparison_sql(const std::string& sqlite_op, const TypedSql& left,
                                   const TypedSql& right) {
    if (is_float(left.type) || is_float(right.type)) {
        return "(" + float_operand_sql(left) + " " + sqlite_op + " " + float_operand_sql(right) +
               ")";
    }
    return "(" + with_numeric_collation(numeric_text_sql(left)) + " " + sqlite_op + " " +
           numeric_text_sql(right) + ")";
}

std::string with_numeric_collation(const std::string& sql) {
    return sql + " COLLATE " + kNumericCollation;
}

}  // namespace litegres::translate
