// session_context.cpp — the thread's current session context.
#include "translate/session_context.h"

namespace litegres::translate {

namespace {
thread_local SessionContext* current = nullptr;
}

SessionContext* current_session_context() { return current; }

const TimeZone& session_time_zone() {
    if (current != nullptr && current->time_zone != nullptr) return *current->time_zone;
    return TimeZone::utc();
}

DateStyle session_date_style() { return current != nullptr ? current->date_style : DateStyle{}; }

IntervalStyle session_interval_style() {
    return current != nullptr ? current->interval_style : IntervalStyle::kPostgres;
}

void set_current_session_context(SessionContext* context) { current = context; }

}  // namespace litegres::translate
