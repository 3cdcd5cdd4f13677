// session_settings.h — the run-time parameters (GUCs) a session can SET and
// SHOW, with PostgreSQL's names, defaults and the ones reported to the client
// by ParameterStatus. A value litegres cannot honour (extra_float_digits <= 0)
// is refused with 0A000 rather than accepted and silently ignored.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "translate/session_context.h"

namespace litegres {

// A time setting ("5s", "250ms", "1min", a bare number of milliseconds), in
// milliseconds; nullopt when it does not parse.
std::optional<int64_t> parse_milliseconds(const std::string& value);

class SessionSettings {
public:
    explicit SessionSettings(const std::string& user);

    // Canonical name ("TimeZone") for any spelling ("timezone"), or "" if unknown.
    std::string canonical_name(const std::string& name) const;
    // Throws PgError 42704 for an unknown parameter.
    const std::string& get(const std::string& name) const;
    // Sets a parameter to `value` (nullopt: its default, as SET ... TO
    // DEFAULT and RESET do; an empty string is a value, e.g. search_path '');
    // returns the canonical name when the client must be told through
    // ParameterStatus. Throws PgError for unknown parameters and unsupported values.
    std::string set(const std::string& name, const std::optional<std::string>& value);
    // RESET ALL; returns the reported parameters that changed.
    std::vector<std::string> reset_all();

    // statement_timeout in milliseconds (0: none), kept parsed because every
    // statement reads it.
    int64_t statement_timeout_ms() const { return statement_timeout_ms_; }

    // Every parameter, sorted by name, for pg_settings.
    std::vector<translate::SettingValue> all() const;

    // The parameters sent at startup, in PostgreSQL's order.
    std::vector<std::pair<std::string, std::string>> reported() const;

private:
    struct Parameter {
        std::string value;
        std::string default_value;
        bool reported;
    };
    void update_derived();

    std::map<std::string, Parameter> parameters_;  // by canonical name
    int64_t statement_timeout_ms_ = 0;
};

}  // namespace litegres
