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

void set_current_session_context(SessionContext* context) { current = context; }

}  // namespace litegres::translate
