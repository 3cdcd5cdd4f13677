// transactional_settings.cpp — see transactional_settings.h.
#include "src/transactional_settings.h"

#include <cstddef>

namespace litegres {

void TransactionalSettings::remember(const SessionSettings& settings) {
    if (!before_block_) before_block_ = settings;
}

std::string TransactionalSettings::set_in_block(SessionSettings& settings, const std::string& name,
                                                const std::optional<std::string>& value, bool local) {
    remember(settings);
    std::string canonical = settings.canonical_name(name);
    std::string previous = canonical.empty() ? "" : settings.get(canonical);
    std::string reported = settings.set(name, value);  // validates (throws) before anything is recorded
    if (local) {
        restore_at_end_.emplace(canonical, previous);  // the first SET LOCAL's predecessor wins
    } else {
        // A plain SET after SET LOCAL is what the session keeps.
        restore_at_end_.erase(canonical);
    }
    return reported;
}

std::vector<std::string> TransactionalSettings::reset_all_in_block(SessionSettings& settings) {
    remember(settings);
    restore_at_end_.clear();
    return settings.reset_all();
}

void TransactionalSettings::savepoint(const SessionSettings& settings) {
    remember(settings);
    savepoints_.push_back({settings, restore_at_end_});
}

void TransactionalSettings::release(size_t index) {
    if (index < savepoints_.size()) savepoints_.erase(savepoints_.begin() + static_cast<std::ptrdiff_t>(index), savepoints_.end());
}

std::vector<std::string> TransactionalSettings::rollback_to(SessionSettings& settings, size_t index) {
    if (index >= savepoints_.size()) return {};
    savepoints_.erase(savepoints_.begin() + static_cast<std::ptrdiff_t>(index) + 1, savepoints_.end());
    restore_at_end_ = savepoints_.back().restore_at_end;
    return restore(settings, savepoints_.back().settings);
}

std::vector<std::string> TransactionalSettings::commit(SessionSettings& settings) {
    std::vector<std::string> changed;
    for (const auto& [name, value] : restore_at_end_) {
        std::string reported = settings.set(name, value);
        if (!reported.empty()) changed.push_back(reported);
    }
    before_block_.reset();
    restore_at_end_.clear();
    savepoints_.clear();
    return changed;
}

std::vector<std::string> TransactionalSettings::rollback(SessionSettings& settings) {
    std::vector<std::string> changed;
    if (before_block_) changed = restore(settings, *before_block_);
    before_block_.reset();
    restore_at_end_.clear();
    savepoints_.clear();
    return changed;
}

std::vector<std::string> TransactionalSettings::restore(SessionSettings& settings, const SessionSettings& saved) {
    std::vector<std::string> changed;
    auto now = settings.reported();
    auto then = saved.reported();
    for (size_t i = 0; i < now.size() && i < then.size(); ++i) {
        if (now[i] != then[i]) changed.push_back(then[i].first);
    }
    settings = saved;
    return changed;
}

}  // namespace litegres
