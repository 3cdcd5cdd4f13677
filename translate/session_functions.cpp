// session_functions.cpp — see session_functions.h. No exception crosses into
// SQLite: a PgError becomes the function's error.
#include "translate/session_functions.h"

#include <chrono>
#include <cmath>
#include <thread>

#include "translate/function_error.h"
#include "translate/session_context.h"
#include "translate/sqlite_value.h"

namespace litegres::translate {

namespace {

void backend_pid(sqlite3_context* ctx, int, sqlite3_value**) {
    SessionContext* session = current_session_context();
    sqlite3_result_int(ctx, session != nullptr ? session->backend_pid : 0);
}

// pg_sleep(seconds): waits in short slices, so that a cancel request or
// statement_timeout ends it. Returns void (an empty value).
void sleep(sqlite3_context* ctx, int, sqlite3_value** argv) {
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
        return sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
    double seconds = sqlite3_value_double(argv[0]);
    SessionContext* session = current_session_context();
    try {
        // Beyond about 30 years the deadline would overflow the clock: wait that long.
        if (seconds > 1e9) seconds = 1e9;
        if (std::isfinite(seconds) && seconds > 0) {
            using Clock = std::chrono::steady_clock;
            auto until = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                            std::chrono::duration<double>(seconds));
            while (Clock::now() < until) {
                if (session != nullptr && session->check_interrupt) session->check_interrupt();
                Clock::duration left = until - Clock::now();
                std::this_thread::sleep_for(
                    std::min<Clock::duration>(left, std::chrono::milliseconds(20)));
            }
        }
        sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
    } catch (const pgwire::PgError& e) {
        report_error(ctx, e);
    }
}

// litegres_advisory_lock(op, flags, key [, key2]): op 0 lock, 1 try, 2
// unlock, 3 unlock all; flags bit 1 shared, bit 2 transaction-level.
void advisory_lock(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    AdvisoryLockRequest request;
    request.op = static_cast<AdvisoryLockRequest::Op>(sqlite3_value_int(argv[0]));
    int flags = sqlite3_value_int(argv[1]);
    request.shared = (flags & 1) != 0;
    request.transaction = (flags & 2) != 0;
    if (request.op != AdvisoryLockRequest::Op::kUnlockAll) {
        if (any_null(argc, argv)) return sqlite3_result_null(ctx);
        request.two_keys = argc > 3;
        request.key = request.two_keys ? (int64_t(sqlite3_value_int(argv[2])) << 32) |
                                             int64_t(uint32_t(sqlite3_value_int(argv[3])))
                                       : sqlite3_value_int64(argv[2]);
    }
    SessionContext* session = current_session_context();
    try {
        bool done = session != nullptr && session->advisory_lock && session->advisory_lock(request);
        switch (request.op) {
            case AdvisoryLockRequest::Op::kLock:
            case AdvisoryLockRequest::Op::kUnlockAll:
                return sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);  // void
            case AdvisoryLockRequest::Op::kTryLock:
            case AdvisoryLockRequest::Op::kUnlock:
                return sqlite3_result_int(ctx, done ? 1 : 0);
        }
    } catch (const pgwire::PgError& e) {
        report_error(ctx, e);
    }
}

}  // namespace

int register_session_functions(sqlite3* db) {
    static const ScalarFunction kEntries[] = {
        {"litegres_backend_pid", 0, backend_pid, false},
        {"litegres_sleep", 1, sleep, false},
        {"litegres_advisory_lock", 2, advisory_lock, false},
        {"litegres_advisory_lock", 3, advisory_lock, false},
        {"litegres_advisory_lock", 4, advisory_lock, false},
    };
    return register_scalar_functions(db, kEntries);
}

}  // namespace litegres::translate
