// sqlite_functions.cpp — implementations of the functions the emitter calls
// (litegres_*). Each checks its inputs as the PostgreSQL function would and
// raises the same SQLSTATE.
#include "translate/function_error.h"
#include "translate/bytea_functions.h"
#include "translate/float_functions.h"
#include "translate/lateral_rows.h"
#include "translate/sqlite_value.h"
#include "translate/ordered_aggregate.h"
#include "translate/regex_functions.h"
#include "translate/integer_functions.h"
#include "translate/session_functions.h"
#include "translate/statistics_aggregates.h"
#include "translate/search_path_functions.h"
#include "translate/string_functions.h"
#include "translate/sqlite_functions.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "pgwire/pg_error.h"
#include "pgwire/text_format.h"
#include "pgwire/type_oid.h"
#include "pgwire/datetime_text.h"
#include "translate/datetime_functions.h"
#include "translate/enum_label_order.h"
#include "translate/enum_type.h"
#include "translate/array_functions.h"
#include "translate/catalog_functions.h"
#include "translate/container_collations.h"
#include "translate/json_functions.h"
#include "translate/literal_coercion.h"
#include "translate/numeric_functions.h"
#include "translate/pg_type.h"
#include "translate/session_context.h"

namespace litegres::translate {

namespace {

namespace oid = pgwire::oid;

std::string text_arg(sqlite3_value* v) {
    const unsigned char* t = sqlite3_value_text(v);
    return t != nullptr ? std::string(reinterpret_cast<const char*>(t), size_t(sqlite3_value_bytes(v))) : "";
}

void nonzero(sqlite3_context* ctx, int, sqlite3_value** argv) {
    sqlite3_value* v = argv[0];
    int type = sqlite3_value_numeric_type(v);
    if ((type == SQLITE_INTEGER && sqlite3_value_int64(v) == 0) ||
        (type == SQLITE_FLOAT && sqlite3_value_double(v) == 0.0)) {
        report_error(ctx, "22012", "division by zero");
        return;
    }
    sqlite3_result_value(ctx, v);
}

// GREATEST / LEAST: NULL arguments are ignored; NULL only if all are NULL.
template <bool kGreatest>
void extremum(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    sqlite3_value* best = nullptr;
    for (int i = 0; i < argc; ++i) {
        if (sqlite3_value_type(argv[i]) == SQLITE_NULL) continue;
        if (best == nullptr) {
            best = argv[i];
            continue;
        }
        int cmp;
        int ta = sqlite3_value_numeric_type(argv[i]), tb = sqlite3_value_numeric_type(best);
        if ((ta == SQLITE_INTEGER || ta == SQLITE_FLOAT) && (tb == SQLITE_INTEGER || tb == SQLITE_FLOAT)) {
            double a = sqlite3_value_double(argv[i]), b = sqlite3_value_double(best);
            cmp = a < b ? -1 : a > b ? 1 : 0;
        } else {
            cmp = text_arg(argv[i]).compare(text_arg(best));
        }
        if (kGreatest ? cmp > 0 : cmp < 0) best = argv[i];
    }
    if (best == nullptr) {
        sqlite3_result_null(ctx);
    } else {
        sqlite3_result_value(ctx, best);
    }
}

bool fits(int64_t v, int target_oid) {
    if (target_oid == int(oid::kInt2)) return v >= -32768 && v <= 32767;
    if (target_oid == int(oid::kInt4)) return v >= INT32_MIN && v <= INT32_MAX;
    return true;
}

const char* out_of_range_message(int target_oid) {
    if (target_oid == int(oid::kInt2)) return "smallint out of range";
    if (target_oid == int(oid::kInt4)) return "integer out of range";
    return "bigint out of range";
}

void to_integer(sqlite3_context* ctx, int, sqlite3_value** argv) {
    int target = sqlite3_value_int(argv[1]);
    sqlite3_value* v = argv[0];
    int type = sqlite3_value_numeric_type(v);
    if (type == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    if (type == SQLITE_INTEGER) {
        int64_t i = sqlite3_value_int64(v);
        if (!fits(i, target)) {
            report_error(ctx, "22003", out_of_range_message(target));
            return;
        }
        sqlite3_result_int64(ctx, i);
        return;
    }
    double d = sqlite3_value_double(v);
    // numeric ► integer rounds half away from zero; float ► integer uses
    // rint(), half to even.
    double r = sqlite3_value_int(argv[2]) != 0 ? std::rint(d) : std::round(d);
    if (std::isnan(r) || r < -9.2233720368547758e18 || r >= 9.2233720368547758e18 ||
        !fits(int64_t(r), target)) {
        report_error(ctx, "22003", out_of_range_message(target));
        return;
    }
    sqlite3_result_int64(ctx, int64_t(r));
}

// round(float8): rint(), half to even, as PostgreSQL's dround.
void float_round(sqlite3_context* ctx, int, sqlite3_value** argv) {
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return sqlite3_result_null(ctx);
    sqlite3_result_double(ctx, std::rint(sqlite3_value_double(argv[0])));
}

void text_to_integer(sqlite3_context* ctx, int, sqlite3_value** argv) {
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    int target = sqlite3_value_int(argv[1]);
    try {
        sqlite3_result_int64(ctx, coerce_value(text_arg(argv[0]), PgType{Oid(target), -1}, -1).integer);
    } catch (const pgwire::PgError& e) {
        report_error(ctx, e.sqlstate().c_str(), e.what());
    }
}

void text_to_float(sqlite3_context* ctx, int, sqlite3_value** argv) {
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    try {
        sqlite3_result_double(ctx, coerce_value(text_arg(argv[0]), kFloat8, -1).real);
    } catch (const pgwire::PgError& e) {
        report_error(ctx, e.sqlstate().c_str(), e.what());
    }
}

void text_to_bool(sqlite3_context* ctx, int, sqlite3_value** argv) {
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    try {
        sqlite3_result_int(ctx, int(coerce_value(text_arg(argv[0]), kBool, -1).integer));
    } catch (const pgwire::PgError& e) {
        report_error(ctx, e.sqlstate().c_str(), e.what());
    }
}

void float_text(sqlite3_context* ctx, int, sqlite3_value** argv) {
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    std::string out;
    if (sqlite3_value_int(argv[1]) == int(oid::kFloat4)) {
        pgwire::append_float4_text(out, float(sqlite3_value_double(argv[0])));
    } else {
        pgwire::append_float8_text(out, sqlite3_value_double(argv[0]));
    }
    sqlite3_result_text(ctx, out.c_str(), int(out.size()), SQLITE_TRANSIENT);
}

// varchar(n)/char(n): an explicit cast truncates, an assignment fails with
// 22001 unless only trailing spaces are too many; char(n) pads with spaces.
void char_length_check(sqlite3_context* ctx, int, sqlite3_value** argv) {
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    std::string s = text_arg(argv[0]);
    Oid target = Oid(sqlite3_value_int(argv[1]));
    size_t max_chars = size_t(sqlite3_value_int(argv[2]) - 4);
    if (sqlite3_value_int(argv[3]) == 0) {
        try {
            SqlValue checked = coerce_value(s, PgType{target, sqlite3_value_int(argv[2])}, 0);
            sqlite3_result_text(ctx, checked.text.c_str(), int(checked.text.size()), SQLITE_TRANSIENT);
        } catch (const pgwire::PgError& e) {
            report_error(ctx, e.sqlstate().c_str(), e.what());
        }
        return;
    }
    size_t chars = 0, cut = s.size();
    for (size_t i = 0; i < s.size(); ++i) {
        if ((s[i] & 0xC0) != 0x80) {
            if (chars == max_chars) {
                cut = i;
                break;
            }
            ++chars;
        }
    }
    s.resize(cut);
    if (target == oid::kBpchar && chars < max_chars) s.append(max_chars - chars, ' ');
    sqlite3_result_text(ctx, s.c_str(), int(s.size()), SQLITE_TRANSIENT);
}

int64_t now_micros() {
    if (current_session_context() != nullptr && current_session_context()->transaction_start_micros != 0) {
        return current_session_context()->transaction_start_micros;
    }
    if (current_session_context() != nullptr && current_session_context()->statement_start_micros != 0) {
        return current_session_context()->statement_start_micros;
    }
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

void now(sqlite3_context* ctx, int, sqlite3_value**) {
    std::string out = pgwire::format_timestamptz_from_unix_micros(now_micros());
    sqlite3_result_text(ctx, out.c_str(), int(out.size()), SQLITE_TRANSIENT);
}

// current_setting(name [, missing_ok])
void current_setting(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return sqlite3_result_null(ctx);
    std::string name = value_string(argv[0]);
    SessionContext* session = current_session_context();
    std::optional<std::string> value;
    if (session != nullptr && session->get_setting) value = session->get_setting(name);
    if (value) return result_text(ctx, *value);
    if (argc > 1 && sqlite3_value_int(argv[1]) != 0) return sqlite3_result_null(ctx);
    report_error(ctx, "42704", "unrecognized configuration parameter \"" + name + "\"");
}

// set_config(name, value, is_local)
void set_config(sqlite3_context* ctx, int, sqlite3_value** argv) {
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        return report_error(ctx, "22004", "SET requires parameter name");
    }
    SessionContext* session = current_session_context();
    if (session == nullptr || !session->set_setting) return report_error(ctx, "55000", "no session to configure");
    try {
        // A NULL value resets the parameter; '' is a value (search_path '').
        std::optional<std::string> value;
        if (sqlite3_value_type(argv[1]) != SQLITE_NULL) value = value_string(argv[1]);
        result_text(ctx, session->set_setting(value_string(argv[0]), value, sqlite3_value_int(argv[2]) != 0));
    } catch (const pgwire::PgError& e) {
        report_error(ctx, e);
    }
}

void session_user(sqlite3_context* ctx, int, sqlite3_value**) {
    std::string user = current_session_context() != nullptr ? current_session_context()->user : "postgres";
    sqlite3_result_text(ctx, user.c_str(), int(user.size()), SQLITE_TRANSIENT);
}

void current_database(sqlite3_context* ctx, int, sqlite3_value**) {
    std::string db = current_session_context() != nullptr ? current_session_context()->database : "postgres";
    sqlite3_result_text(ctx, db.c_str(), int(db.size()), SQLITE_TRANSIENT);
}

void version(sqlite3_context* ctx, int, sqlite3_value**) {
    std::string v = std::string("PostgreSQL ") + kServerVersion + " (litegres, SQLite " + sqlite3_libversion() + ")";
    sqlite3_result_text(ctx, v.c_str(), int(v.size()), SQLITE_TRANSIENT);
}

void random_value(sqlite3_context* ctx, int, sqlite3_value**) {
    thread_local std::mt19937_64 engine{std::random_device{}()};
    sqlite3_result_double(ctx, std::uniform_real_distribution<double>(0.0, 1.0)(engine));
}

// left(s, n) / right(s, n): the first / last n characters (UTF-8), or with a
// negative n all but the last / first |n|.
template <bool kLeft>
void left_or_right(sqlite3_context* ctx, int, sqlite3_value** argv) {
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL || sqlite3_value_type(argv[1]) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    std::string s = text_arg(argv[0]);
    int64_t n = sqlite3_value_int64(argv[1]);
    std::vector<size_t> starts;  // byte offset of each character
    for (size_t i = 0; i < s.size(); ++i) {
        if ((s[i] & 0xC0) != 0x80) starts.push_back(i);
    }
    int64_t len = int64_t(starts.size());
    int64_t keep = n >= 0 ? std::min(n, len) : std::max<int64_t>(0, len + n);
    // Characters [from, to) are kept.
    int64_t from = kLeft ? 0 : len - keep, to = kLeft ? keep : len;
    size_t begin = from >= len ? s.size() : starts[size_t(from)];
    size_t end = to >= len ? s.size() : starts[size_t(to)];
    sqlite3_result_text(ctx, s.c_str() + begin, int(end - begin), SQLITE_TRANSIENT);
}

// Sequences live in _litegres_sequence; nextval runs inside the caller's
// statement on the same (writer) connection.
bool sequence_step(sqlite3_context* ctx, const std::string& name, const char* sql, int64_t a, int64_t b,
                   int64_t& result) {
    sqlite3* db = sqlite3_context_db_handle(ctx);
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
        report_error(ctx, "XX000", sqlite3_errmsg(db));
        return false;
    }
    sqlite3_bind_text(stmt, 1, name.c_str(), int(name.size()), SQLITE_TRANSIENT);
    if (sqlite3_bind_parameter_count(stmt) >= 3) {
        sqlite3_bind_int64(stmt, 2, a);
        sqlite3_bind_int64(stmt, 3, b);
    }
    int rc = sqlite3_step(stmt);
    bool found = rc == SQLITE_ROW;
    if (found) result = sqlite3_column_int64(stmt, 0);
    std::string error = rc == SQLITE_ROW || rc == SQLITE_DONE ? "" : sqlite3_errmsg(db);
    sqlite3_finalize(stmt);
    if (!error.empty()) {
        report_error(ctx, "XX000", error);
        return false;
    }
    if (!found) {
        report_error(ctx, "42P01", "relation \"" + name + "\" does not exist");
        return false;
    }
    if (current_session_context() != nullptr) current_session_context()->sequence_last_values[name] = result;
    return true;
}

// A sequence's state and bounds; false (and the error raised) when it
// cannot be read.
struct SequenceRow {
    int64_t last_value, increment, min, max;
    bool is_called, cycle;
};

bool read_sequence(sqlite3_context* ctx, const std::string& name, SequenceRow& row) {
    sqlite3* db = sqlite3_context_db_handle(ctx);
    sqlite3_stmt* stmt = nullptr;
    const char* sql =
        "SELECT last_value, increment_by, is_called, min_value, max_value, cycle FROM _litegres_sequence "
        "WHERE name = ?1";
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
        report_error(ctx, "XX000", sqlite3_errmsg(db));
        return false;
    }
    sqlite3_bind_text(stmt, 1, name.c_str(), int(name.size()), SQLITE_TRANSIENT);
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        row = {sqlite3_column_int64(stmt, 0), sqlite3_column_int64(stmt, 1), sqlite3_column_int64(stmt, 3),
               sqlite3_column_int64(stmt, 4), sqlite3_column_int64(stmt, 2) != 0, sqlite3_column_int64(stmt, 5) != 0};
    }
    std::string error = rc == SQLITE_ROW || rc == SQLITE_DONE ? "" : sqlite3_errmsg(db);
    sqlite3_finalize(stmt);
    if (!error.empty()) {
        report_error(ctx, "XX000", error);
        return false;
    }
    if (rc != SQLITE_ROW) {
        report_error(ctx, "42P01", "relation \"" + name + "\" does not exist");
        return false;
    }
    return true;
}

void nextval(sqlite3_context* ctx, int, sqlite3_value** argv) {
    std::string name = text_arg(argv[0]);
    SequenceRow row;
    if (!read_sequence(ctx, name, row)) return;
    int64_t next = row.last_value;
    if (row.is_called) {
        // PostgreSQL's nextval_internal: past a bound, CYCLE wraps to the
        // other bound, otherwise 2200H.
        bool beyond = __builtin_add_overflow(row.last_value, row.increment, &next) ||
                      (row.increment > 0 ? next > row.max : next < row.min);
        if (beyond) {
            if (!row.cycle) {
                bool up = row.increment > 0;
                report_error(ctx, "2200H", std::string("nextval: reached ") + (up ? "maximum" : "minimum") +
                                        " value of sequence \"" + name + "\" (" +
                                        std::to_string(up ? row.max : row.min) + ")");
                return;
            }
            next = row.increment > 0 ? row.min : row.max;
        }
    }
    int64_t value;
    const char* sql = "UPDATE _litegres_sequence SET last_value = ?2, is_called = ?3 WHERE name = ?1 RETURNING last_value";
    if (sequence_step(ctx, name, sql, next, 1, value)) sqlite3_result_int64(ctx, value);
}

void setval(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    std::string name = text_arg(argv[0]);
    int64_t target = sqlite3_value_int64(argv[1]);
    SequenceRow row;
    if (!read_sequence(ctx, name, row)) return;
    if (target < row.min || target > row.max) {
        report_error(ctx, "22003", "setval: value " + std::to_string(target) + " is out of bounds for sequence \"" + name +
                                "\" (" + std::to_string(row.min) + ".." + std::to_string(row.max) + ")");
        return;
    }
    int64_t value;
    int64_t is_called = argc > 2 ? sqlite3_value_int64(argv[2]) : 1;
    const char* sql =
        "UPDATE _litegres_sequence SET last_value = ?2, is_called = ?3 WHERE name = ?1 RETURNING last_value";
    if (sequence_step(ctx, name, sql, target, is_called, value)) {
        sqlite3_result_int64(ctx, value);
    }
}

void currval(sqlite3_context* ctx, int, sqlite3_value** argv) {
    std::string name = text_arg(argv[0]);
    if (current_session_context() != nullptr) {
        auto it = current_session_context()->sequence_last_values.find(name);
        if (it != current_session_context()->sequence_last_values.end()) {
            sqlite3_result_int64(ctx, it->second);
            return;
        }
    }
    report_error(ctx, "55000", "currval of sequence \"" + name + "\" is not yet defined in this session");
}

// pg_attribute's view of a declared column type.
template <int kWhat>
void declared_type_fact(sqlite3_context* ctx, int, sqlite3_value** argv) {
    PgType type = type_from_declared(text_arg(argv[0]));
    if (type.is_unknown()) type = kText;
    if (kWhat == 0) sqlite3_result_int64(ctx, type.oid);
    if (kWhat == 1) sqlite3_result_int(ctx, pgwire::type_length(type.oid));
    if (kWhat == 2) sqlite3_result_int(ctx, type.typmod);
}

void cbrt(sqlite3_context* ctx, int, sqlite3_value** argv) {
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return sqlite3_result_null(ctx);
    sqlite3_result_double(ctx, std::cbrt(sqlite3_value_double(argv[0])));
}

// litegres_raise(sqlstate, message): fails the statement with that error,
// for checks the emitted SQL makes (a scalar subquery's second row).
void raise_error(sqlite3_context* ctx, int, sqlite3_value** argv) {
    report_error(ctx, reinterpret_cast<const char*>(sqlite3_value_text(argv[0])), text_arg(argv[1]));
}

// format_type(type oid, typmod), as PostgreSQL prints it; NULL type, NULL.
void format_type_fn(sqlite3_context* ctx, int, sqlite3_value** argv) {
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return sqlite3_result_null(ctx);
    int32_t typmod = sqlite3_value_type(argv[1]) == SQLITE_NULL ? -1 : sqlite3_value_int(argv[1]);
    PgType type{Oid(sqlite3_value_int64(argv[0])), typmod};
    std::string name = is_user_type(type) ? user_type_name(sqlite3_context_db_handle(ctx), type.oid) : format_type(type);
    if (name == "unknown" && sqlite3_value_int64(argv[0]) != pgwire::oid::kUnknownType) name = "???";
    sqlite3_result_text(ctx, name.c_str(), int(name.size()), SQLITE_TRANSIENT);
}

// generate_series's step, which PostgreSQL refuses to be zero.
void series_step(sqlite3_context* ctx, int, sqlite3_value** argv) {
    if (sqlite3_value_type(argv[0]) != SQLITE_NULL && sqlite3_value_int64(argv[0]) == 0) {
        return report_error(ctx, "22023", "step size cannot equal zero");
    }
    sqlite3_result_value(ctx, argv[0]);
}

}  // namespace

int register_sqlite_functions(sqlite3* db) {
    static const ScalarFunction kEntries[] = {
        {"litegres_nonzero", 1, nonzero, true},
        {"litegres_series_step", 1, series_step, true},
        {"litegres_current_setting", -1, current_setting, false},
        {"litegres_set_config", 3, set_config, false},
        {"litegres_raise", 2, raise_error, false},
        {"litegres_format_type", 2, format_type_fn, false},  // a user type's name follows search_path
        {"litegres_cbrt", 1, cbrt, true},
        {"litegres_greatest", -1, extremum<true>, true},
        {"litegres_least", -1, extremum<false>, true},
        {"litegres_to_integer", 3, to_integer, true},
        {"litegres_text_to_integer", 2, text_to_integer, true},
        {"litegres_float_round", 1, float_round, true},
        {"litegres_text_to_float", 1, text_to_float, true},
        {"litegres_text_to_bool", 1, text_to_bool, true},
        {"litegres_float_text", 2, float_text, true},
        {"litegres_char_length_check", 4, char_length_check, true},
        {"litegres_left", 2, left_or_right<true>, true},
        {"litegres_right", 2, left_or_right<false>, true},
        {"litegres_now", 0, now, false},
        {"litegres_session_user", 0, session_user, false},
        {"litegres_current_database", 0, current_database, false},
        {"litegres_version", 0, version, true},
        {"litegres_random", 0, random_value, false},
        {"litegres_nextval", 1, nextval, false},
        {"litegres_setval", 2, setval, false},
        {"litegres_setval", 3, setval, false},
        {"litegres_currval", 1, currval, false},
        {"litegres_declared_type_oid", 1, declared_type_fact<0>, true},
        {"litegres_declared_type_length", 1, declared_type_fact<1>, true},
        {"litegres_declared_type_modifier", 1, declared_type_fact<2>, true},
    };
    if (int rc = register_scalar_functions(db, kEntries); rc != SQLITE_OK) return rc;
    int rc = register_regex_functions(db);
    if (rc == SQLITE_OK) rc = register_bytea_functions(db);
    if (rc == SQLITE_OK) rc = register_float_functions(db);
    if (rc == SQLITE_OK) rc = register_string_functions(db);
    if (rc == SQLITE_OK) rc = register_numeric_functions(db);
    if (rc == SQLITE_OK) rc = register_integer_functions(db);
    if (rc == SQLITE_OK) rc = register_statistics_aggregates(db);
    if (rc == SQLITE_OK) rc = register_session_functions(db);
    if (rc == SQLITE_OK) rc = register_datetime_functions(db);
    if (rc == SQLITE_OK) rc = register_json_functions(db);
    if (rc == SQLITE_OK) rc = register_container_collations(db);
    if (rc == SQLITE_OK) rc = register_array_functions(db);
    if (rc == SQLITE_OK) rc = register_catalog_functions(db);
    if (rc == SQLITE_OK) rc = register_search_path_functions(db);
    if (rc == SQLITE_OK) rc = EnumLabelOrder::register_on(db);
    if (rc == SQLITE_OK) rc = register_ordered_aggregate(db);
    return rc == SQLITE_OK ? register_lateral_rows(db) : rc;
}

}  // namespace litegres::translate
