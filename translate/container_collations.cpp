// container_collations.cpp — btarraycmp and compareJsonbContainers as SQLite
// collations. A collation cannot raise an error, so text that does not parse
// (never written by litegres) falls back to byte order.
#include "translate/container_collations.h"

#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "pgwire/json_value.h"
#include "pgwire/pg_error.h"

namespace litegres::translate {

namespace {

using pgwire::JsonValue;
using Kind = JsonValue::Kind;

int sign(int v) { return v < 0 ? -1 : v > 0 ? 1 : 0; }

int compare_numbers(const std::string& a, const std::string& b) {
    double x = std::strtod(a.c_str(), nullptr), y = std::strtod(b.c_str(), nullptr);
    return x < y ? -1 : x > y ? 1 : 0;
}

void flatten(const JsonValue& v, std::vector<const JsonValue*>& out) {
    if (v.kind == Kind::kArray) {
        for (const auto& item : v.items) flatten(item, out);
    } else {
        out.push_back(&v);
    }
}

// An array element: NULL sorts after every value.
int compare_element(const JsonValue& a, const JsonValue& b) {
    bool a_null = a.kind == Kind::kNull, b_null = b.kind == Kind::kNull;
    if (a_null || b_null) return a_null == b_null ? 0 : (a_null ? 1 : -1);
    if (a.kind == Kind::kNumber && b.kind == Kind::kNumber) return compare_numbers(a.text, b.text);
    return sign(a.text.compare(b.text));
}

// jsonb's order: Object > Array > Boolean > Number > String > Null; then
// containers by size, then member by member in canonical order.
int jsonb_rank(const JsonValue& v) {
    switch (v.kind) {
        case Kind::kNull: return 0;
        case Kind::kString: return 1;
        case Kind::kNumber: return 2;
        case Kind::kBool: return 3;
        case Kind::kArray: return 4;
        case Kind::kObject: return 5;
    }
    return 0;
}

int compare_jsonb(const JsonValue& a, const JsonValue& b) {
    if (jsonb_rank(a) != jsonb_rank(b)) return jsonb_rank(a) < jsonb_rank(b) ? -1 : 1;
    switch (a.kind) {
        case Kind::kNull: return 0;
        case Kind::kString: return sign(a.text.compare(b.text));
        case Kind::kNumber: return compare_numbers(a.text, b.text);
        case Kind::kBool: return int(a.boolean) - int(b.boolean);
        case Kind::kArray:
            if (a.items.size() != b.items.size()) return a.items.size() < b.items.size() ? -1 : 1;
            for (size_t i = 0; i < a.items.size(); ++i) {
                if (int c = compare_jsonb(a.items[i], b.items[i]); c != 0) return c;
            }
            return 0;
        case Kind::kObject:
            if (a.members.size() != b.members.size()) return a.members.size() < b.members.size() ? -1 : 1;
            for (size_t i = 0; i < a.members.size(); ++i) {
                const std::string &ka = a.members[i].first, &kb = b.members[i].first;
                if (ka.size() != kb.size()) return ka.size() < kb.size() ? -1 : 1;
                if (int c = sign(ka.compare(kb)); c != 0) return c;
                if (int c = compare_jsonb(a.members[i].second, b.members[i].second); c != 0) return c;
            }
            return 0;
    }
    return 0;
}

template <bool kJsonb>
int collate(void*, int a_len, const void* a, int b_len, const void* b) {
    std::string_view x(static_cast<const char*>(a), size_t(a_len)), y(static_cast<const char*>(b), size_t(b_len));
    try {
        JsonValue va = JsonValue::parse(x), vb = JsonValue::parse(y);
        if (kJsonb) return compare_jsonb(va, vb);
        std::vector<const JsonValue*> ea, eb;
        flatten(va, ea);
        flatten(vb, eb);
        for (size_t i = 0; i < ea.size() && i < eb.size(); ++i) {
            if (int c = compare_element(*ea[i], *eb[i]); c != 0) return c;
        }
        return ea.size() < eb.size() ? -1 : ea.size() > eb.size() ? 1 : 0;
    } catch (const pgwire::PgError&) {
        return sign(x.compare(y));
    }
}

}  // namespace

int register_container_collations(sqlite3* db) {
    int rc = sqlite3_create_collation_v2(db, kArrayCollation, SQLITE_UTF8, nullptr, collate<false>, nullptr);
    if (rc != SQLITE_OK) return rc;
    return sqlite3_create_collation_v2(db, kJsonbCollation, SQLITE_UTF8, nullptr, collate<true>, nullptr);
}

}  // namespace litegres::translate
