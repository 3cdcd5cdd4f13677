// datetime_functions.h — the SQLite functions behind PostgreSQL's date/time
// operators and functions (litegres_dt_op, litegres_extract, date_trunc,
// AT TIME ZONE, age, make_*, to_char, ...) and the litegres_interval
// collation, which orders interval text as interval_cmp does. They read the
// session's TimeZone and transaction time through session_context.h.
#pragma once

#include <sqlite3.h>

namespace litegres::translate {

// The operator a litegres_dt_op(code, a, b) call applies; the binder
// (datetime_operators.h) picks it from the operand types.
enum class DatetimeOp {
    kTimestampPlusInterval = 1,
    kTimestampMinusInterval,
    kTimestamptzPlusInterval,
    kTimestamptzMinusInterval,
    kDatePlusInterval,
    kDateMinusInterval,
    kTimestampMinusTimestamp,
    kDatePlusInteger,
    kDateMinusInteger,
    kDateMinusDate,
    kDatePlusTime,
    kTimePlusInterval,
    kTimeMinusInterval,
    kTimeMinusTime,
    kIntervalPlusInterval,
    kIntervalMinusInterval,
    kIntervalTimesNumber,
    kIntervalDividedByNumber,
    kIntervalNegate,
    kTimetzPlusInterval,
    kTimetzMinusInterval,
};

inline constexpr const char* kIntervalCollation = "litegres_interval";
inline constexpr const char* kTimetzCollation = "litegres_timetz";

// Returns SQLITE_OK or the first registration error.
int register_datetime_functions(sqlite3* db);

}  // namespace litegres::translate
