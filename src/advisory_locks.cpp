// advisory_locks.cpp — see advisory_locks.h. A waiter blocks its worker
// thread, as a PostgreSQL backend waits, but in short slices so that a
// cancel request or statement_timeout ends the wait.
#include "src/advisory_locks.h"

namespace litegres {

bool AdvisoryLocks::grantable(int64_t session, AdvisoryKey key, bool shared) const {
    auto it = held_.find(key);
    if (it == held_.end()) return true;
    for (const auto& [holder, holding] : it->second) {
        if (holder == session) continue;
        bool exclusive = holding.exclusive[0] + holding.exclusive[1] > 0;
        bool any = !holding.empty();
        if (shared ? exclusive : any) return false;
    }
    return true;
}

bool AdvisoryLocks::try_acquire(int64_t session, AdvisoryKey key, bool shared, Scope scope) {
    std::lock_guard lock(mutex_);
    if (!grantable(session, key, shared)) return false;
    Holding& holding = held_[key][session];
    ++(shared ? holding.shared : holding.exclusive)[int(scope)];
    return true;
}

bool AdvisoryLocks::acquire(int64_t session, AdvisoryKey key, bool shared, Scope scope,
                            const std::function<bool()>& interrupted) {
    std::unique_lock lock(mutex_);
    while (!grantable(session, key, shared)) {
        if (interrupted()) return false;
        released_.wait_for(lock, std::chrono::milliseconds(20));
    }
    Holding& holding = held_[key][session];
    ++(shared ? holding.shared : holding.exclusive)[int(scope)];
    return true;
}

bool AdvisoryLocks::release(int64_t session, AdvisoryKey key, bool shared) {
    std::lock_guard lock(mutex_);
    auto it = held_.find(key);
    if (it == held_.end()) return false;
    auto mine = it->second.find(session);
    if (mine == it->second.end()) return false;
    int64_t& count = (shared ? mine->second.shared : mine->second.exclusive)[int(Scope::kSession)];
    if (count == 0) return false;
    --count;
    if (mine->second.empty()) it->second.erase(mine);
    if (it->second.empty()) held_.erase(it);
    released_.notify_all();
    return true;
}

void AdvisoryLocks::release_all(int64_t session, bool session_level, bool transaction_level) {
    std::lock_guard lock(mutex_);
    bool released = false;
    for (auto it = held_.begin(); it != held_.end();) {
        auto mine = it->second.find(session);
        if (mine != it->second.end()) {
            for (int scope : {int(Scope::kSession), int(Scope::kTransaction)}) {
                if (scope == int(Scope::kSession) ? !session_level : !transaction_level) continue;
                released =
                    released || mine->second.exclusive[scope] + mine->second.shared[scope] > 0;
                mine->second.exclusive[scope] = mine->second.shared[scope] = 0;
            }
            if (mine->second.empty()) it->second.erase(mine);
        }
        it = it->second.empty() ? held_.erase(it) : std::next(it);
    }
    if (released) released_.notify_all();
}

}  // namespace litegres
