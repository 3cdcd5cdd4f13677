// advisory_locks.h — PostgreSQL's advisory locks of one database
// (pg_advisory_lock and friends): application-defined exclusive or shared
// locks on a 64-bit key, held for the session or for the transaction, and
// re-entrant (each acquisition needs its own release). The one-key and
// two-key forms are separate key spaces, as in PostgreSQL.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <utility>

namespace litegres {

struct AdvisoryKey {
    bool two_keys;  // pg_advisory_lock(int4, int4) rather than (int8)
    int64_t key;
    auto operator<=>(const AdvisoryKey&) const = default;
};

class AdvisoryLocks {
  public:
    enum class Scope { kSession, kTransaction };

    // Takes the lock if no other session's holding conflicts.
    bool try_acquire(int64_t session, AdvisoryKey key, bool shared, Scope scope);
    // Waits for the lock; `interrupted` is asked between waits and ends the
    // wait (false) when it says so.
    bool acquire(int64_t session, AdvisoryKey key, bool shared, Scope scope,
                 const std::function<bool()>& interrupted);
    // Releases one session-level acquisition; false when the session holds none.
    bool release(int64_t session, AdvisoryKey key, bool shared);
    // Releases the session's session-level locks (pg_advisory_unlock_all), or
    // its transaction-level ones (at transaction end), or all (session end).
    void release_all(int64_t session, bool session_level, bool transaction_level);

  private:
    struct Holding {
        int64_t exclusive[2] = {0, 0};  // by Scope
        int64_t shared[2] = {0, 0};
        bool empty() const { return exclusive[0] + exclusive[1] + shared[0] + shared[1] == 0; }
    };
    bool grantable(int64_t session, AdvisoryKey key, bool shared) const;

    std::mutex mutex_;
    std::condition_variable released_;
    std::map<AdvisoryKey, std::map<int64_t, Holding>> held_;  // key ► session ► what it holds
};

}  // namespace litegres
