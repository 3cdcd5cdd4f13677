// session_settings_test.cpp — SessionSettings: defaults, names, validation and reporting.
#include "src/session_settings.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>

#include "pgwire/pg_error.h"

using litegres::SessionSettings;
using litegres::pgwire::PgError;

namespace {

PgError set_error(SessionSettings& settings, const std::string& name, const std::string& value) {
    try {
        settings.set(name, value);
        FAIL("expected PgError");
    } catch (const PgError& e) {
        return e;
    }
    return PgError("", "");
}

}  // namespace

TEST_CASE("defaults are those of a PostgreSQL 15 server in UTC with ISO dates") {
    SessionSettings settings("alice");
    CHECK(settings.get("TimeZone") == "UTC");
    CHECK(settings.get("DateStyle") == "ISO, MDY");
    CHECK(settings.get("server_version") == "15.4");
    CHECK(settings.get("server_version_num") == "150004");
    CHECK(settings.get("client_encoding") == "UTF8");
    CHECK(settings.get("server_encoding") == "UTF8");
    CHECK(settings.get("integer_datetimes") == "on");
    CHECK(settings.get("standard_conforming_strings") == "on");
    CHECK(settings.get("IntervalStyle") == "postgres");
    CHECK(settings.get("session_authorization") == "alice");
    CHECK(settings.get("application_name").empty());
    CHECK(settings.get("extra_float_digits") == "1");
}

TEST_CASE("names are case-insensitive and come back in their canonical spelling") {
    SessionSettings settings("alice");
    CHECK(settings.canonical_name("timezone") == "TimeZone");
    CHECK(settings.canonical_name("TIMEZONE") == "TimeZone");
    CHECK(settings.canonical_name("datestyle") == "DateStyle");
    CHECK(settings.canonical_name("Application_Name") == "application_name");
    CHECK(settings.canonical_name("no_such_thing").empty());
    CHECK(settings.get("timezone") == "UTC");
    CHECK(settings.set("timezone", "Etc/UTC") == "TimeZone");
    CHECK(settings.get("TimeZone") == "Etc/UTC");
}

TEST_CASE("an unknown parameter is 42704 for both get and set") {
    SessionSettings settings("alice");
    try {
        settings.get("no_such_thing");
        FAIL("expected PgError");
    } catch (const PgError& e) {
        CHECK(e.sqlstate() == "42704");
        CHECK(std::string(e.what()) == "unrecognized configuration parameter \"no_such_thing\"");
    }
    CHECK(set_error(settings, "no_such_thing", "1").sqlstate() == "42704");
}

TEST_CASE("TimeZone takes IANA zones in any case, numeric offsets and POSIX forms, as PostgreSQL prints them") {
    SessionSettings settings("alice");
    struct Case { const char* in; const char* shown; };
    for (Case c : {Case{"America/New_York", "America/New_York"}, Case{"europe/berlin", "Europe/Berlin"},
                   Case{"utc", "UTC"}, Case{"zulu", "Zulu"}, Case{"Etc/UTC", "Etc/UTC"}, Case{"PST8PDT", "PST8PDT"},
                   Case{"+02", "<+02>-02"}, Case{"-7", "<-07>+07"}, Case{"5.5", "<+05:30>-05:30"},
                   Case{"0", "<+00>-00"}, Case{"UTC+3", "UTC+3"}}) {
        CAPTURE(c.in);
        CHECK(settings.set("TimeZone", c.in) == "TimeZone");
        CHECK(settings.get("TimeZone") == c.shown);
    }
    PgError e = set_error(settings, "TimeZone", "Foo/Bar");
    CHECK(e.sqlstate() == "22023");
    CHECK(std::string(e.what()) == "invalid value for parameter \"TimeZone\": \"Foo/Bar\"");
    CHECK(set_error(settings, "TimeZone", "Z").sqlstate() == "22023");
}

TEST_CASE("DateStyle takes a style and an order as check_datestyle, each keeping the other part") {
    SessionSettings settings("alice");
    CHECK(settings.set("DateStyle", "ISO") == "DateStyle");
    CHECK(settings.get("DateStyle") == "ISO, MDY");
    settings.set("datestyle", "iso, dmy");
    CHECK(settings.get("DateStyle") == "ISO, DMY");
    settings.set("DateStyle", "Postgres");
    CHECK(settings.get("DateStyle") == "Postgres, DMY");
    settings.set("DateStyle", "SQL, MDY");
    CHECK(settings.get("DateStyle") == "SQL, MDY");
    settings.set("DateStyle", "German");
    CHECK(settings.get("DateStyle") == "German, DMY");
    settings.set("DateStyle", "ymd");
    CHECK(settings.get("DateStyle") == "German, YMD");
    settings.set("DateStyle", "'European'");
    CHECK(settings.get("DateStyle") == "German, DMY");
    CHECK(set_error(settings, "DateStyle", "ISO, German").sqlstate() == "22023");
    CHECK(set_error(settings, "DateStyle", "DMY, MDY").sqlstate() == "22023");
    CHECK(set_error(settings, "DateStyle", "nonsense").sqlstate() == "22023");
    CHECK(settings.get("DateStyle") == "German, DMY");
}

TEST_CASE("IntervalStyle takes PostgreSQL's four styles") {
    SessionSettings settings("alice");
    settings.set("IntervalStyle", "SQL_Standard");
    CHECK(settings.get("IntervalStyle") == "sql_standard");
    settings.set("IntervalStyle", "iso_8601");
    CHECK(settings.get("IntervalStyle") == "iso_8601");
    CHECK(set_error(settings, "IntervalStyle", "verbose").sqlstate() == "22023");
}

TEST_CASE("client_encoding and extra_float_digits are validated") {
    SessionSettings settings("alice");
    settings.set("client_encoding", "utf-8");
    CHECK(settings.get("client_encoding") == "UTF8");
    CHECK(set_error(settings, "client_encoding", "LATIN1").sqlstate() == "0A000");
    settings.set("extra_float_digits", "3");
    CHECK(settings.get("extra_float_digits") == "3");
    PgError range = set_error(settings, "extra_float_digits", "4");
    CHECK(range.sqlstate() == "22023");
    CHECK(std::string(range.what()) ==
          "4 is outside the valid range for parameter \"extra_float_digits\" (-15 .. 3)");
    // Rounded float output (<= 0) is not implemented: refused rather than ignored.
    CHECK(set_error(settings, "extra_float_digits", "0").sqlstate() == "0A000");
}

TEST_CASE("read-only parameters cannot be set (55P02)") {
    SessionSettings settings("alice");
    PgError e = set_error(settings, "server_version", "16.0");
    CHECK(e.sqlstate() == "55P02");
    CHECK(std::string(e.what()) == "parameter \"server_version\" cannot be changed");
    CHECK(set_error(settings, "Server_Encoding", "LATIN1").sqlstate() == "55P02");
    CHECK(settings.get("server_version") == "15.4");
}

TEST_CASE("set() names the parameter only when the client must be told by ParameterStatus") {
    SessionSettings settings("alice");
    CHECK(settings.set("application_name", "psql") == "application_name");
    CHECK(settings.set("statement_timeout", "5s").empty());
    CHECK(settings.get("statement_timeout") == "5s");
    CHECK(settings.set("search_path", "public").empty());
}

TEST_CASE("setting no value resets the parameter to its default; an empty string is a value") {
    SessionSettings settings("alice");
    settings.set("application_name", "psql");
    CHECK(settings.set("application_name", std::nullopt) == "application_name");
    CHECK(settings.get("application_name").empty());
    settings.set("DateStyle", "ISO, DMY");
    settings.set("DateStyle", std::nullopt);
    CHECK(settings.get("DateStyle") == "ISO, MDY");
    // set_config('search_path', '', false), as pg_dump sends it: no schema at all.
    settings.set("search_path", "");
    CHECK(settings.get("search_path").empty());
}

TEST_CASE("reset_all restores every default and names the reported ones that changed") {
    SessionSettings settings("alice");
    settings.set("application_name", "psql");
    settings.set("DateStyle", "ISO, YMD");
    settings.set("statement_timeout", "5s");
    settings.set("TimeZone", "UTC");  // unchanged value
    auto changed = settings.reset_all();
    REQUIRE(changed.size() == 2);
    CHECK(std::find(changed.begin(), changed.end(), "application_name") != changed.end());
    CHECK(std::find(changed.begin(), changed.end(), "DateStyle") != changed.end());
    CHECK(settings.get("application_name").empty());
    CHECK(settings.get("DateStyle") == "ISO, MDY");
    CHECK(settings.get("statement_timeout") == "0");
    CHECK(settings.reset_all().empty());
}

TEST_CASE("the reported parameters are those PostgreSQL 15 sends at startup") {
    SessionSettings settings("alice");
    settings.set("application_name", "psql");
    auto reported = settings.reported();
    std::map<std::string, std::string> values(reported.begin(), reported.end());
    CHECK(reported.size() == 13);
    CHECK(values.size() == 13);
    CHECK(values["application_name"] == "psql");
    CHECK(values["client_encoding"] == "UTF8");
    CHECK(values["DateStyle"] == "ISO, MDY");
    CHECK(values["default_transaction_read_only"] == "off");
    CHECK(values["in_hot_standby"] == "off");
    CHECK(values["integer_datetimes"] == "on");
    CHECK(values["IntervalStyle"] == "postgres");
    CHECK(values["is_superuser"] == "on");
    CHECK(values["server_encoding"] == "UTF8");
    CHECK(values["server_version"] == "15.4");
    CHECK(values["session_authorization"] == "alice");
    CHECK(values["standard_conforming_strings"] == "on");
    CHECK(values["TimeZone"] == "UTC");
    CHECK(values.count("statement_timeout") == 0);
}

// PostgreSQL 15 reports GUC_REPORT parameters in the order of its sorted GUC
// table, which compares names case-insensitively (guc_name_compare):
// application_name, client_encoding, DateStyle, ..., standard_conforming_strings,
// TimeZone.
TEST_CASE("the reported parameters come in PostgreSQL's order") {
    SessionSettings settings("alice");
    std::string names;
    for (const auto& [name, value] : settings.reported()) names += name + " ";
    CHECK(names ==
          "application_name client_encoding DateStyle default_transaction_read_only "
          "in_hot_standby integer_datetimes IntervalStyle is_superuser server_encoding "
          "server_version session_authorization standard_conforming_strings TimeZone ");
}
