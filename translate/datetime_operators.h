// datetime_operators.h — operator resolution for date, time, timestamp,
// timestamptz and interval operands, as pg_operator defines them: result
// types (date + int is date, date + interval is timestamp, timestamp -
// timestamp is interval, ...), the type an unknown literal operand takes,
// and comparisons across date/timestamp/timestamptz through the common type.
// The emitted SQL calls litegres_dt_op / litegres_dt_cast
// (datetime_functions.h); interval comparisons use the litegres_interval
// collation, because interval text does not sort by value.
#pragma once

#include <optional>
#include <string>

#include "translate/typed_sql.h"

namespace litegres::translate {

bool is_datetime_type(PgType type);

// The type an unknown literal takes opposite `other` in `op` (kUnknown: no
// date/time rule applies). Throws 42725 where PostgreSQL finds the operator
// ambiguous (date + unknown).
PgType datetime_unknown_operand_type(const std::string& op, PgType other, bool unknown_is_left, int location);

// `l op r` when either side is a date/time type; nullopt when neither is.
// Throws 42883 for an operator PostgreSQL does not have.
std::optional<TypedSql> datetime_operator(const std::string& op, const TypedSql& l, const TypedSql& r,
                                          int location);

// SQL converting a date/time value between date/time types (and to text),
// or nullopt when PostgreSQL has no such cast.
std::optional<std::string> datetime_cast(const std::string& sql, PgType source, PgType target);

// `sql` rounded to the fractional-second precision of `target`
// (timestamp(3), time(0)); unchanged without one.
std::string datetime_precision(const std::string& sql, PgType target);

// `sql` as it must appear in ORDER BY / min() / max() so it orders by value.
std::string datetime_ordering(const std::string& sql, PgType type);

}  // namespace litegres::translate
