// translation_cache_test.cpp — TranslationCache: hits by text and schema generation, capacity.
#include "translate/translation_cache.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>

using litegres::translate::TranslatedStatement;
using litegres::translate::TranslationCache;

namespace {

std::shared_ptr<const TranslatedStatement> statement(const std::string& tag) {
    auto t = std::make_shared<TranslatedStatement>();
    t->tag = tag;
    return t;
}

}  // namespace

TEST_CASE("a statement is found by its exact text and generation") {
    TranslationCache cache;
    CHECK(cache.find("SELECT 1", 1) == nullptr);
    auto entry = statement("SELECT");
    cache.insert("SELECT 1", 1, entry);
    CHECK(cache.find("SELECT 1", 1) == entry);
    CHECK(cache.find("SELECT  1", 1) == nullptr);
    CHECK(cache.find("select 1", 1) == nullptr);
}

TEST_CASE("an entry bound against an older schema generation misses") {
    TranslationCache cache;
    cache.insert("SELECT * FROM t", 1, statement("old"));
    CHECK(cache.find("SELECT * FROM t", 2) == nullptr);
    auto rebound = statement("new");
    cache.insert("SELECT * FROM t", 2, rebound);
    CHECK(cache.find("SELECT * FROM t", 2) == rebound);
    CHECK(cache.find("SELECT * FROM t", 1) == nullptr);
}

TEST_CASE("a full cache is emptied before the next insert") {
    TranslationCache cache(2);
    cache.insert("a", 1, statement("a"));
    cache.insert("b", 1, statement("b"));
    CHECK(cache.find("a", 1) != nullptr);
    CHECK(cache.find("b", 1) != nullptr);
    cache.insert("c", 1, statement("c"));
    CHECK(cache.find("a", 1) == nullptr);
    CHECK(cache.find("b", 1) == nullptr);
    REQUIRE(cache.find("c", 1) != nullptr);
    CHECK(cache.find("c", 1)->tag == "c");
}
