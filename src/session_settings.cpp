// session_settings.cpp — defaults and validation of the settings.
#include "src/session_settings.h"

#include <algorithm>
#include <cctype>

#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"
#include "translate/date_style.h"
#include "translate/sqlite_functions.h"
#include "translate/time_zone.h"

namespace litegres {

using pgwire::PgError;
namespace sqlstate = pgwire::sqlstate;

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

std::string strip_quotes_and_spaces(std::string s) {
    s.erase(std::remove_if(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c) || c == '"' || c == '\''; }),
            s.end());
    return s;
}

[[noreturn]] void unsupported_value(const std::string& name, const std::string& value) {
    throw PgError(sqlstate::kFeatureNotSupported,
                  "value \"" + value + "\" for parameter \"" + name + "\" is not supported yet");
}

// Returns the value as PostgreSQL would print it back, or throws.
// TimeZone accepts what PostgreSQL accepts (translate/time_zone.h).
std::string validate(const std::string& name, const std::string& value, const std::string& current) {
    std::string v = lower(strip_quotes_and_spaces(value));
    if (name == "TimeZone") {
        std::shared_ptr<const translate::TimeZone> zone = translate::TimeZone::find(value);
        if (zone == nullptr) {
            throw PgError(sqlstate::kInvalidParameterValue,
                          "invalid value for parameter \"TimeZone\": \"" + value + "\"");
        }
        return zone->name();
    }
    if (name == "DateStyle") {
        return translate::DateStyle::parse(value, translate::DateStyle::parse(current, {})).to_string();
    }
    if (name == "client_encoding") {
        if (v == "utf8" || v == "utf-8" || v == "unicode") return "UTF8";
        if (v == "sql_ascii") return "SQL_ASCII";
        unsupported_value(name, value);
    }
    if (name == "IntervalStyle") {
        translate::parse_interval_style(value);
        return v;
    }
    if (name == "extra_float_digits") {
        int digits = std::atoi(value.c_str());
        if (digits < -15 || digits > 3) {
            throw PgError(sqlstate::kInvalidParameterValue,
                          std::to_string(digits) + " is outside the valid range for parameter \"extra_float_digits\" (-15 .. 3)");
        }
        // Values <= 0 ask for PostgreSQL's old rounded float output.
        if (digits <= 0) unsupported_value(name, value);
        return std::to_string(digits);
    }
    if (name == "statement_timeout" || name == "lock_timeout" || name == "idle_in_transaction_session_timeout") {
        if (!parse_milliseconds(value)) {
            throw PgError(sqlstate::kInvalidParameterValue,
                          "invalid value for parameter \"" + name + "\": \"" + value + "\"")
                .with_hint("Valid units for this parameter are \"us\", \"ms\", \"s\", \"min\", \"h\", and \"d\".");
        }
        return value;
    }
    if (name == "standard_conforming_strings") {
        if (v == "on" || v == "true" || v == "1") return "on";
        unsupported_value(name, value);
    }
    return value;
}

bool read_only(const std::string& canonical) {
    static const char* kReadOnly[] = {"server_version", "server_encoding", "integer_datetimes", "is_superuser",
                                      "server_version_num", "max_connections", "max_identifier_length",
                                      "in_hot_standby", "lc_collate", "lc_ctype"};
    for (const char* ro : kReadOnly) {
        if (canonical == ro) return true;
    }
    return false;
}

}  // namespace

std::optional<int64_t> parse_milliseconds(const std::string& value) {
    std::string v = lower(strip_quotes_and_spaces(value));
    size_t digits = 0;
    while (digits < v.size() && std::isdigit(static_cast<unsigned char>(v[digits]))) ++digits;
    if (digits == 0) return std::nullopt;
    int64_t n = std::stoll(v.substr(0, digits));
    std::string unit = v.substr(digits);
    if (unit.empty() || unit == "ms") return n;
    if (unit == "us") return n / 1000;
    if (unit == "s") return n * 1000;
    if (unit == "min") return n * 60000;
    if (unit == "h") return n * 3600000;
    if (unit == "d") return n * 86400000;
    return std::nullopt;
}

SessionSettings::SessionSettings(const std::string& user) {
    auto add = [&](const std::string& name, const std::string& value, bool reported) {
        parameters_[name] = Parameter{value, value, reported};
    };
    add("application_name", "", true);
    add("client_encoding", "UTF8", true);
    add("DateStyle", "ISO, MDY", true);
    add("default_transaction_read_only", "off", true);
    add("in_hot_standby", "off", true);
    add("integer_datetimes", "on", true);
    add("IntervalStyle", "postgres", true);
    add("is_superuser", "on", true);
    add("server_encoding", "UTF8", true);
    add("server_version", translate::kServerVersion, true);
    add("session_authorization", user, true);
    add("standard_conforming_strings", "on", true);
    add("TimeZone", "UTC", true);
    add("extra_float_digits", "1", false);
    add("search_path", "\"$user\", public", false);
    add("statement_timeout", "0", false);
    add("lock_timeout", "0", false);
    add("idle_in_transaction_session_timeout", "0", false);
    add("client_min_messages", "notice", false);
    // PostgreSQL's default level. litegres serialises writers, which gives
    // at least READ COMMITTED's guarantees (the standard allows stronger).
    add("transaction_isolation", "read committed", false);
    add("default_transaction_isolation", "read committed", false);
    add("transaction_read_only", "off", false);
    add("max_connections", "100", false);
    add("max_identifier_length", "63", false);
    add("server_version_num", "150004", false);
    add("lc_collate", "C", false);
    add("lc_ctype", "C", false);
    add("lc_messages", "C", false);
    add("lc_monetary", "C", false);
    add("lc_numeric", "C", false);
    add("lc_time", "C", false);
    add("synchronous_commit", "on", false);
    add("row_security", "on", false);
    // Either value is honoured: SQLite scans always start at the beginning,
    // which "on" allows and "off" (pg_dump's choice) demands.
    add("synchronize_seqscans", "on", false);
    add("bytea_output", "hex", false);
    add("timezone_abbreviations", "Default", false);
    // Settings of PostgreSQL's planner, memory, logging and statistics, and
    // of features litegres does not have (functions' bodies, XML, text
    // search): none changes a query's answer, so clients and pg_dump's
    // output may set and read them, with PostgreSQL's defaults.
    static const std::pair<const char*, const char*> kWithoutEffect[] = {
        {"array_nulls", "on"},
        {"backslash_quote", "safe_encoding"},
        {"check_function_bodies", "on"},
        {"commit_delay", "0"},
        {"commit_siblings", "5"},
        {"constraint_exclusion", "partition"},
        {"cpu_index_tuple_cost", "0.005"},
        {"cpu_operator_cost", "0.0025"},
        {"cpu_tuple_cost", "0.01"},
        {"cursor_tuple_fraction", "0.1"},
        {"deadlock_timeout", "1s"},
        {"default_statistics_target", "100"},
        {"default_table_access_method", "heap"},
        {"default_tablespace", ""},
        {"default_text_search_config", "pg_catalog.english"},
        {"default_toast_compression", "pglz"},
        {"default_transaction_deferrable", "off"},
        {"effective_cache_size", "4GB"},
        {"effective_io_concurrency", "1"},
        {"enable_async_append", "on"},
        {"enable_bitmapscan", "on"},
        {"enable_gathermerge", "on"},
        {"enable_hashagg", "on"},
        {"enable_hashjoin", "on"},
        {"enable_incremental_sort", "on"},
        {"enable_indexonlyscan", "on"},
        {"enable_indexscan", "on"},
        {"enable_material", "on"},
        {"enable_memoize", "on"},
        {"enable_mergejoin", "on"},
        {"enable_nestloop", "on"},
        {"enable_parallel_append", "on"},
        {"enable_parallel_hash", "on"},
        {"enable_partition_pruning", "on"},
        {"enable_partitionwise_aggregate", "off"},
        {"enable_partitionwise_join", "off"},
        {"enable_seqscan", "on"},
        {"enable_sort", "on"},
        {"enable_tidscan", "on"},
        {"escape_string_warning", "on"},
        {"from_collapse_limit", "8"},
        {"geqo", "on"},
        {"gin_fuzzy_search_limit", "0"},
        {"gin_pending_list_limit", "4MB"},
        {"idle_session_timeout", "0"},
        {"jit", "on"},
        {"join_collapse_limit", "8"},
        {"lo_compat_privileges", "off"},
        {"log_duration", "off"},
        {"log_min_duration_statement", "-1"},
        {"log_min_error_statement", "error"},
        {"log_min_messages", "warning"},
        {"log_statement", "none"},
        {"maintenance_work_mem", "64MB"},
        {"max_parallel_maintenance_workers", "2"},
        {"max_parallel_workers", "8"},
        {"max_parallel_workers_per_gather", "2"},
        {"parallel_setup_cost", "1000"},
        {"parallel_tuple_cost", "0.1"},
        {"password_encryption", "scram-sha-256"},
        {"plan_cache_mode", "auto"},
        {"quote_all_identifiers", "off"},
        {"random_page_cost", "4"},
        {"seq_page_cost", "1"},
        {"tcp_keepalives_count", "0"},
        {"tcp_keepalives_idle", "0"},
        {"tcp_keepalives_interval", "0"},
        {"temp_buffers", "8MB"},
        {"temp_tablespaces", ""},
        {"trace_sort", "off"},
        {"track_activities", "on"},
        {"track_counts", "on"},
        {"track_functions", "none"},
        {"track_io_timing", "off"},
        {"transform_null_equals", "off"},
        {"vacuum_cost_delay", "0"},
        {"vacuum_cost_limit", "200"},
        {"work_mem", "4MB"},
        {"xmlbinary", "base64"},
        {"xmloption", "content"},
    };
    for (const auto& [name, value] : kWithoutEffect) add(name, value, false);
}

std::string SessionSettings::canonical_name(const std::string& name) const {
    std::string wanted = lower(name);
    for (const auto& [canonical, _] : parameters_) {
        if (lower(canonical) == wanted) return canonical;
    }
    return "";
}

const std::string& SessionSettings::get(const std::string& name) const {
    std::string canonical = canonical_name(name);
    if (canonical.empty()) {
        throw PgError(sqlstate::kUndefinedObject, "unrecognized configuration parameter \"" + name + "\"");
    }
    return parameters_.at(canonical).value;
}

std::string SessionSettings::set(const std::string& name, const std::optional<std::string>& value) {
    std::string canonical = canonical_name(name);
    if (canonical.empty()) {
        throw PgError(sqlstate::kUndefinedObject, "unrecognized configuration parameter \"" + name + "\"");
    }
    if (read_only(canonical)) throw PgError("55P02", "parameter \"" + canonical + "\" cannot be changed");
    Parameter& p = parameters_.at(canonical);
    p.value = value ? validate(canonical, *value, p.value) : p.default_value;
    update_derived();
    return p.reported ? canonical : "";
}

std::vector<std::string> SessionSettings::reset_all() {
    std::vector<std::string> changed;
    for (auto& [name, p] : parameters_) {
        if (p.value != p.default_value && p.reported) changed.push_back(name);
        p.value = p.default_value;
    }
    update_derived();
    return changed;
}

void SessionSettings::update_derived() {
    statement_timeout_ms_ = parse_milliseconds(parameters_.at("statement_timeout").value).value_or(0);
}

std::vector<translate::SettingValue> SessionSettings::all() const {
    std::vector<translate::SettingValue> out;
    for (const auto& [name, p] : parameters_) out.push_back({name, p.value, p.default_value, read_only(name)});
    return out;
}

std::vector<std::pair<std::string, std::string>> SessionSettings::reported() const {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& [name, p] : parameters_) {
        if (p.reported) out.emplace_back(name, p.value);
    }
    // PostgreSQL reports them sorted by name, ignoring case.
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return lower(a.first) < lower(b.first); });
    return out;
}

}  // namespace litegres
