// enum_label_order.cpp — per-connection enum sort orders, the
// litegres_enum_<oid> collations and the enum input check.
#include "translate/enum_label_order.h"

#include <cstdlib>
#include <cstring>

#include "pgwire/sqlstate.h"
#include "translate/enum_type.h"
#include "translate/function_error.h"
#include "translate/qualified_name.h"
#include "translate/sqlite_value.h"

namespace litegres::translate {

namespace {

constexpr std::string_view kCollationPrefix = "litegres_enum_";

// litegres_enum_in(text, type oid, type name): the label when the type has
// it, else PostgreSQL's enum_in error (22P02).
void enum_in(sqlite3_context* ctx, int, sqlite3_value** argv) {
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    auto* self = static_cast<EnumLabelOrder*>(sqlite3_user_data(ctx));
    std::string_view label = value_text(argv[0]);
    if (!self->has_label(Oid(sqlite3_value_int64(argv[1])), label)) {
        report_error(ctx, pgwire::sqlstate::kInvalidTextRepresentation,
                     "invalid input value for enum " + std::string(value_text(argv[2])) + ": \"" +
                         std::string(label) + "\"");
        return;
    }
    sqlite3_result_text(ctx, label.data(), int(label.size()), SQLITE_TRANSIENT);
}

// litegres_enum_sort_key(label, type oid): the label's sort order, for
// sorts that compare numbers rather than collate text (ordered aggregates).
void enum_sort_key(sqlite3_context* ctx, int, sqlite3_value** argv) {
    auto* self = static_cast<EnumLabelOrder*>(sqlite3_user_data(ctx));
    std::optional<double> order =
        sqlite3_value_type(argv[0]) == SQLITE_NULL
            ? std::nullopt
            : self->sort_order(Oid(sqlite3_value_int64(argv[1])), value_text(argv[0]));
    if (order) {
        sqlite3_result_double(ctx, *order);
    } else {
        sqlite3_result_null(ctx);
    }
}

void enum_forget(sqlite3_context* ctx, int, sqlite3_value**) {
    static_cast<EnumLabelOrder*>(sqlite3_user_data(ctx))->forget();
    sqlite3_result_null(ctx);
}

}  // namespace

int EnumLabelOrder::register_on(sqlite3* db) {
    auto* self = new EnumLabelOrder(db);
    // litegres_enum_forget owns the object: SQLite destroys it with the connection.
    int rc = sqlite3_create_function_v2(db, "litegres_enum_forget", 0, SQLITE_UTF8, self,
                                        enum_forget, nullptr, nullptr,
                                        [](void* p) { delete static_cast<EnumLabelOrder*>(p); });
    if (rc != SQLITE_OK) return rc;
    rc = sqlite3_create_function_v2(db, "litegres_enum_in", 3, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                    self, enum_in, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) return rc;
    rc = sqlite3_create_function_v2(db, "litegres_enum_sort_key", 2,
                                    SQLITE_UTF8 | SQLITE_DETERMINISTIC, self, enum_sort_key,
                                    nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) return rc;
    return sqlite3_collation_needed(db, self, collation_needed);
}

void EnumLabelOrder::collation_needed(void* self_ptr, sqlite3* db, int, const char* name) {
    auto* self = static_cast<EnumLabelOrder*>(self_ptr);
    std::string_view collation(name);
    if (collation.substr(0, kCollationPrefix.size()) != kCollationPrefix) return;
    std::string digits(collation.substr(kCollationPrefix.size()));
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos ||
        digits.size() > 10)
        return;
    Oid type = Oid(std::strtoull(digits.c_str(), nullptr, 10));
    auto& binding = self->bindings_[type];
    if (!binding) binding = std::make_unique<CollationBinding>(CollationBinding{self, type});
    sqlite3_create_collation_v2(
        db, name, SQLITE_UTF8, binding.get(),
        [](void* b, int a_size, const void* a, int b_size, const void* b_text) {
            auto* binding = static_cast<CollationBinding*>(b);
            return binding->owner->compare(
                binding->type, std::string_view(static_cast<const char*>(a), size_t(a_size)),
                std::string_view(static_cast<const char*>(b_text), size_t(b_size)));
        },
        nullptr);
}

void EnumLabelOrder::load(Oid type) {
    Orders orders;
    sqlite3_stmt* stmt = nullptr;
    // Runs on the connection itself (even inside a comparison), so that it
    // sees labels this connection's open transaction added.
    if (sqlite3_prepare_v2(db_,
                           "SELECT label, sort_order FROM main._litegres_enum WHERE type_oid = ?1",
                           -1, &stmt, nullptr) == SQLITE_OK) {
        sqlite3_bind_int64(stmt, 1, type);
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            const unsigned char* label = sqlite3_column_text(stmt, 0);
            if (label == nullptr) continue;
            orders.emplace(std::string(reinterpret_cast<const char*>(label),
                                       size_t(sqlite3_column_bytes(stmt, 0))),
                           sqlite3_column_double(stmt, 1));
        }
    }
    sqlite3_finalize(stmt);
    types_[type] = std::move(orders);
}

std::optional<double> EnumLabelOrder::order_of(Oid type, std::string_view label) {
    auto it = types_.find(type);
    bool fresh = it == types_.end();
    if (fresh) {
        load(type);
        it = types_.find(type);
    }
    auto found = it->second.find(std::string(label));
    if (found != it->second.end()) return found->second;
    if (fresh) return std::nullopt;
    load(type);
    it = types_.find(type);
    found = it->second.find(std::string(label));
    return found != it->second.end() ? std::optional<double>(found->second) : std::nullopt;
}

int EnumLabelOrder::compare(Oid type, std::string_view a, std::string_view b) {
    if (a == b) return 0;
    std::optional<double> order_a = order_of(type, a);
    std::optional<double> order_b = order_of(type, b);
    if (order_a && order_b) return *order_a < *order_b ? -1 : *order_a > *order_b ? 1 : 0;
    if (order_a) return -1;
    if (order_b) return 1;
    return a.compare(b) < 0 ? -1 : 1;
}

bool EnumLabelOrder::has_label(Oid type, std::string_view label) {
    return order_of(type, label).has_value();
}

std::string user_type_name(sqlite3* db, Oid oid) {
    sqlite3_stmt* stmt = nullptr;
    std::string name = "unknown";
    if (sqlite3_prepare_v2(
            db,
            "SELECT name, oid = ?1 FROM main._litegres_enum_type WHERE oid = ?1 OR array_oid = ?1",
            -1, &stmt, nullptr) == SQLITE_OK) {
        sqlite3_bind_int64(stmt, 1, oid);
        if (sqlite3_step(stmt) == SQLITE_ROW) {
            // Enum types live in public; qualified when that is off the search path.
            name = (schema_on_search_path("public") ? "" : "public.") +
                   displayed_type_name(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0))) +
                   (sqlite3_column_int(stmt, 1) != 0 ? "" : "[]");
        }
    }
    sqlite3_finalize(stmt);
    return name;
}

}  // namespace litegres::translate
