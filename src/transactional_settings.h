// transactional_settings.h — PostgreSQL's rule that settings are part of the
// transaction: a SET inside a transaction block that rolls back is undone,
// SET LOCAL lasts until the block ends (commit or not), and ROLLBACK TO
// SAVEPOINT undoes what was set after the savepoint. The session keeps one
// of these beside its SessionSettings and tells it about every block event.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "src/session_settings.h"

namespace litegres {

class TransactionalSettings {
public:
    // SET / RESET (empty value) of `name` inside a transaction block; returns
    // the reported parameter that changed, as SessionSettings::set does.
    std::string set_in_block(SessionSettings& settings, const std::string& name,
                             const std::optional<std::string>& value, bool local);
    // RESET ALL inside a transaction block.
    std::vector<std::string> reset_all_in_block(SessionSettings& settings);

    void savepoint(const SessionSettings& settings);
    // The savepoint at `index` (0: outermost) and those after it end.
    void release(size_t index);
    // Back to the settings of the savepoint at `index`, which stays.
    // Returns the reported parameters whose value changed.
    std::vector<std::string> rollback_to(SessionSettings& settings, size_t index);

    // The block ends; each returns the reported parameters whose value changed.
    std::vector<std::string> commit(SessionSettings& settings);
    std::vector<std::string> rollback(SessionSettings& settings);

private:
    struct Saved {
        SessionSettings settings;
        std::map<std::string, std::string> restore_at_end;
    };
    void remember(const SessionSettings& settings);
    static std::vector<std::string> restore(SessionSettings& settings, const SessionSettings& saved);

    // The settings before the block's first change (nullopt: none changed).
    std::optional<SessionSettings> before_block_;
    // SET LOCAL: the value each parameter goes back to when the block ends.
    std::map<std::string, std::string> restore_at_end_;
    std::vector<Saved> savepoints_;
};

}  // namespace litegres
