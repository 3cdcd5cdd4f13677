// translation_cache.h — translations keyed by exact statement text. Each
// entry remembers the schema generation it was bound against; a lookup with a
// newer generation misses, so DDL re-binds every statement that might depend
// on it (as PostgreSQL re-plans prepared statements). Shared by the sessions
// of one database, hence the mutex; entries are immutable and shared_ptr'd.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "translate/translated_statement.h"

namespace litegres::translate {

class TranslationCache {
public:
    explicit TranslationCache(size_t capacity = 4096) : capacity_(capacity) {}

    std::shared_ptr<const TranslatedStatement> find(const std::string& sql, uint64_t generation);
    void insert(const std::string& sql, uint64_t generation, std::shared_ptr<const TranslatedStatement> entry);

private:
    struct Entry {
        uint64_t generation;
        std::shared_ptr<const TranslatedStatement> statement;
    };
    std::mutex mutex_;
    std::unordered_map<std::string, Entry> entries_;
    size_t capacity_;
};

}  // namespace litegres::translate
