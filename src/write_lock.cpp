// write_lock.cpp — FIFO hand-over: release() passes the lock directly to the
// oldest waiter, so a stream of new arrivals can never starve it.
#include "src/write_lock.h"

namespace litegres {

void WriteLock::acquire(Granted granted) {
    {
        std::lock_guard lock(mutex_);
        if (held_) {
            waiters_.push_back(std::move(granted));
            return;
        }
        held_ = true;
    }
    granted();
}

void WriteLock::release() {
    Granted next;
    {
        std::lock_guard lock(mutex_);
        if (waiters_.empty()) {
            held_ = false;
            return;
        }
        next = std::move(waiters_.front());
        waiters_.pop_front();
    }
    next();
}

}  // namespace litegres
