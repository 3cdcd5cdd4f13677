// date_style.h — the DateStyle setting: the output style of dates and
// timestamps (ISO, SQL, Postgres, German) and the field order (MDY, DMY,
// YMD) that both that output and date/time input follow, parsed as
// PostgreSQL's check_datestyle parses it; and the IntervalStyle setting.
#pragma once

#include <string>
#include <string_view>

namespace litegres::translate {

enum class DateOrder { kYmd, kDmy, kMdy };
enum class IntervalStyle { kPostgres, kPostgresVerbose, kSqlStandard, kIso8601 };

struct DateStyle {
    enum class Output { kIso, kSql, kPostgres, kGerman };
    Output output = Output::kIso;
    DateOrder order = DateOrder::kMdy;

    // A SET value ('Postgres, DMY', 'european', 'sql'): a style or an order
    // alone keeps the other part of `current`. Throws PgError 22023.
    static DateStyle parse(std::string_view value, const DateStyle& current);
    // As SHOW prints it: "Postgres, MDY".
    std::string to_string() const;
    bool operator==(const DateStyle&) const = default;
};

// Throws PgError 22023 for a value PostgreSQL rejects.
IntervalStyle parse_interval_style(std::string_view value);

}  // namespace litegres::translate
