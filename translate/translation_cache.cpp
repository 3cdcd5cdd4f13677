// translation_cache.cpp — a bounded map; when full it is simply emptied,
// which keeps the hot path a single hash lookup with no LRU bookkeeping.
#include "translate/translation_cache.h"

namespace litegres::translate {

std::shared_ptr<const TranslatedStatement> TranslationCache::find(const std::string& sql, uint64_t generation) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(sql);
    if (it == entries_.end() || it->second.generation != generation) return nullptr;
    return it->second.statement;
}

void TranslationCache::insert(const std::string& sql, uint64_t generation,
                              std::shared_ptr<const TranslatedStatement> entry) {
    std::lock_guard lock(mutex_);
    if (entries_.size() >= capacity_) entries_.clear();
    entries_[sql] = Entry{generation, std::move(entry)};
}

}  // namespace litegres::translate
