// date_style.cpp — DateStyle and IntervalStyle values.
#include "translate/date_style.h"

#include <cctype>

#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"

namespace litegres::translate {

using pgwire::PgError;

namespace {

std::string lowered(std::string_view s) {
    std::string out;
    for (char c : s) out.push_back(char(std::tolower(static_cast<unsigned char>(c))));
    return out;
}

std::string trimmed(std::string_view s) {
    size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return "";
    return std::string(s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1));
}

}  // namespace

DateStyle DateStyle::parse(std::string_view value, const DateStyle& current) {
    auto invalid = [&](const std::string& detail) {
        return PgError(pgwire::sqlstate::kInvalidParameterValue,
                       "invalid value for parameter \"DateStyle\": \"" + std::string(value) + "\"")
            .with_detail(detail);
    };
    DateStyle result = current;
    bool have_style = false, have_order = false, conflict = false;
    auto set_style = [&](Output o) {
        if (have_style && result.output != o) conflict = true;
        result.output = o;
        have_style = true;
    };
    auto set_order = [&](DateOrder o) {
        if (have_order && result.order != o) conflict = true;
        result.order = o;
        have_order = true;
    };
    std::string text(value);
    // The list may arrive quoted as one string ('ISO, DMY').
    for (char& c : text) {
        if (c == '\'' || c == '"') c = ' ';
    }
    size_t start = 0;
    while (start <= text.size()) {
        size_t comma = text.find(',', start);
        std::string token = lowered(trimmed(std::string_view(text).substr(
            start, comma == std::string::npos ? std::string::npos : comma - start)));
        start = comma == std::string::npos ? text.size() + 1 : comma + 1;
        if (token == "iso")
            set_style(Output::kIso);
        else if (token == "sql")
            set_style(Output::kSql);
        else if (token.rfind("postgres", 0) == 0)
            set_style(Output::kPostgres);
        else if (token == "german") {
            set_style(Output::kGerman);
            // German implies DMY unless an order is given explicitly.
            if (!have_order) result.order = DateOrder::kDmy;
        } else if (token == "ymd")
            set_order(DateOrder::kYmd);
        else if (token == "dmy" || token.rfind("euro", 0) == 0)
            set_order(DateOrder::kDmy);
        else if (token == "mdy" || token == "us" || token.rfind("noneuro", 0) == 0)
            set_order(DateOrder::kMdy);
        else if (token == "default") {
            set_style(Output::kIso);
            set_order(DateOrder::kMdy);
        } else {
            throw invalid("Unrecognized key word: \"" + token + "\".");
        }
    }
    if (conflict) throw invalid("Conflicting \"datestyle\" specifications.");
    return result;
}

std::string DateStyle::to_string() const {
    std::string s;
    switch (output) {
        case Output::kIso:
            s = "ISO";
            break;
        case Output::kSql:
            s = "SQL";
            break;
        case Output::kPostgres:
            s = "Postgres";
            break;
        case Output::kGerman:
            s = "German";
            break;
    }
    switch (order) {
        case DateOrder::kYmd:
            return s + ", YMD";
        case DateOrder::kDmy:
            return s + ", DMY";
        case DateOrder::kMdy:
            return s + ", MDY";
    }
    return s;
}

IntervalStyle parse_interval_style(std::string_view value) {
    std::string v = lowered(trimmed(value));
    if (v == "postgres") return IntervalStyle::kPostgres;
    if (v == "postgres_verbose") return IntervalStyle::kPostgresVerbose;
    if (v == "sql_standard") return IntervalStyle::kSqlStandard;
    if (v == "iso_8601") return IntervalStyle::kIso8601;
    throw PgError(pgwire::sqlstate::kInvalidParameterValue,
                  "invalid value for parameter \"IntervalStyle\": \"" + std::string(value) + "\"")
        .with_hint("Available values: postgres, postgres_verbose, sql_standard, iso_8601.");
}

}  // namespace litegres::translate
