// session_context.h — the per-session facts that SQL functions need while a
// statement runs (current_user, current_database(), currval()'s memory).
// SQLite connections are pooled and shared between sessions, so functions
// cannot hold these; the executor points `current_session_context` at the
// running session's context for exactly the duration of its statement, on the
// worker thread that runs it.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "translate/date_style.h"
#include "translate/time_zone.h"

namespace litegres::translate {

// One call of an advisory lock function (pg_advisory_lock & co.).
struct AdvisoryLockRequest {
    enum class Op { kLock, kTryLock, kUnlock, kUnlockAll };
    Op op = Op::kLock;
    bool shared = false;
    bool transaction = false;  // the _xact_ forms: held until the transaction ends
    bool two_keys = false;     // (int4, int4) rather than (int8)
    int64_t key = 0;
};

// One run-time parameter as pg_settings shows it.
struct SettingValue {
    std::string name;
    std::string value;
    std::string default_value;
    bool read_only = false;  // PostgreSQL's context "internal" (fixed), else "user"
};

struct SessionContext {
    std::string user;
    int32_t backend_pid = 0;  // pg_backend_pid(): the BackendKeyData process id
    std::string database;
    int64_t statement_start_micros = 0;    // what statement_timestamp() reports
    int64_t transaction_start_micros = 0;  // what now() reports; 0 outside a transaction block
    std::shared_ptr<const TimeZone> time_zone;  // the TimeZone setting; null is UTC
    DateStyle date_style;                       // the DateStyle setting
    IntervalStyle interval_style = IntervalStyle::kPostgres;
    std::map<std::string, int64_t> sequence_last_values;  // for currval()
    // The session's run-time parameters, for current_setting() and
    // set_config(): the value (nullopt for an unknown name), and a change
    // that returns the new value (throws PgError as SET does).
    std::function<std::optional<std::string>(const std::string& name)> get_setting;
    // (A nullopt value resets the parameter to its default.)
    std::function<std::string(const std::string& name, const std::optional<std::string>& value, bool local)>
        set_setting;
    std::function<std::vector<std::string>()> database_names;  // for pg_database
    // Advisory locks of the session's database: granted / released (a
    // blocking lock throws PgError 57014 when the statement is canceled).
    std::function<bool(const AdvisoryLockRequest&)> advisory_lock;
    // Throws PgError 57014 when the running statement was canceled or ran
    // past statement_timeout (for functions that wait: pg_sleep).
    std::function<void()> check_interrupt;
    // Every parameter, for pg_settings.
    std::function<std::vector<SettingValue>()> settings;
    // The schemas search_path names ("$user" replaced), for current_schema().
    std::vector<std::string> search_path{"public"};
    // The session's temp schema once it has made one (searched first), else empty.
    std::string temp_schema;
};

// The session whose statement runs on this thread, or nullptr. (Functions,
// not an extern thread_local: its TLS wrapper trips UBSan across units.)
SessionContext* current_session_context();
void set_current_session_context(SessionContext* context);

// The running session's TimeZone (UTC without a session).
const TimeZone& session_time_zone();
// The running session's DateStyle and IntervalStyle (ISO, MDY / postgres without a session).
DateStyle session_date_style();
IntervalStyle session_interval_style();

// Sets the thread's session context for one scope (RAII).
class SessionContextScope {
public:
    explicit SessionContextScope(SessionContext& context) : previous_(current_session_context()) {
        set_current_session_context(&context);
    }
    ~SessionContextScope() { set_current_session_context(previous_); }
    SessionContextScope(const SessionContextScope&) = delete;
    SessionContextScope& operator=(const SessionContextScope&) = delete;

private:
    SessionContext* previous_;
};

}  // namespace litegres::translate
