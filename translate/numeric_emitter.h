// numeric_emitter.h — the SQLite SQL the binder emits for numeric: values
// are numeric text (see numeric_value.h) handled by the litegres_numeric_*
// functions and compared under the litegres_numeric collation. Integer
// operands join numeric as their exact text; float8 takes over when mixed
// with a float, as PostgreSQL's operator resolution does.
#pragma once

#include <string>

#include "translate/typed_sql.h"

namespace litegres::translate {

// SQL giving `value` (numeric, integer, float or NULL) as numeric text.
std::string numeric_text_sql(const TypedSql& value);
// SQL giving `value` (numeric or any number) as a SQLite REAL when numeric.
std::string float_operand_sql(const TypedSql& value);
// `value` as a branch of a CASE/COALESCE/VALUES column of type `common`:
// numeric text in a numeric column, a REAL in a float column.
std::string common_type_operand_sql(const TypedSql& value, PgType common);
// SQL converting `value` to `target` numeric / numeric(p,s) (rounding, 22003).
std::string numeric_coercion_sql(const TypedSql& value, PgType target);
// + - * / % on numeric operands (at least one numeric, none float).
std::string numeric_arithmetic_sql(const std::string& op, const TypedSql& left,
                                   const TypedSql& right);
// The comparison of numbers where one side is numeric: numerically under the
// collation, or as float8 when the other side is a float.
std::string numeric_comparison_sql(const std::string& sqlite_op, const TypedSql& left,
                                   const TypedSql& right);
// Whether a comparison between the two types is one for numeric_comparison_sql.
bool is_numeric_comparison(PgType left, PgType right);
// `sql` with the numeric collation, for ORDER BY, IN, BETWEEN, min/max.
std::string with_numeric_collation(const std::string& sql);

}  // namespace litegres::translate
