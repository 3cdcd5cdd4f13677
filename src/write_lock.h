// write_lock.h — the fair, asynchronous lock that serialises writers of one
// database. A waiter never blocks a thread: acquire() queues a callback and
// returns; the callback runs when the lock is handed over, in FIFO order.
// This is what keeps an idle-in-transaction session from tying up a worker
// while others wait for the writer.
#pragma once

#include <deque>
#include <functional>
#include <mutex>

namespace litegres {

class WriteLock {
public:
    using Granted = std::function<void()>;

    // `granted` runs exactly once, on the thread that released the lock (or
    // inline if it is free); it must only post work, never block.
    void acquire(Granted granted);
    void release();

private:
    std::mutex mutex_;
    bool held_ = false;
    std::deque<Granted> waiters_;
};

}  // namespace litegres
