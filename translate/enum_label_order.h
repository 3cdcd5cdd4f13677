// enum_label_order.h — the sort order of enum labels on one SQLite
// connection. Columns of an enum type carry COLLATE litegres_enum_<oid>; the
// collation is created on first need (sqlite3_collation_needed) and compares
// two labels by their sort_order in _litegres_enum.
//
// Each connection caches the orders it has read. A cached order stays right
// while other connections change the type, because PostgreSQL's ALTER TYPE
// never moves existing labels relative to each other: ADD VALUE only inserts
// a label and RENAME VALUE rewrites the stored labels. So a connection
// re-reads a type only when it meets a label it does not know (one another
// connection added or renamed), and the connection that runs the ALTER TYPE
// forgets its cache (litegres_enum_forget) so that a rolled-back change never
// lingers there. Type OIDs are never reused (_litegres_type_oid_high_water),
// so a cache can never describe a dropped type's successor.
#pragma once

#include <sqlite3.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "translate/pg_type.h"

namespace litegres::translate {

class EnumLabelOrder {
  public:
    explicit EnumLabelOrder(sqlite3* db) : db_(db) {}
    EnumLabelOrder(const EnumLabelOrder&) = delete;
    EnumLabelOrder& operator=(const EnumLabelOrder&) = delete;

    // Installs the collations and litegres_enum_in / litegres_enum_sort_key /
    // litegres_enum_forget on
    // `db`; the connection owns the object from then on.
    static int register_on(sqlite3* db);

    // <0, 0, >0 as `a` sorts before, with or after `b` in `type`. A label the
    // type does not have (which no stored value can be) sorts after all others.
    int compare(Oid type, std::string_view a, std::string_view b);
    bool has_label(Oid type, std::string_view label);
    std::optional<double> sort_order(Oid type, std::string_view label) {
        return order_of(type, label);
    }
    void forget() { types_.clear(); }

  private:
    using Orders = std::unordered_map<std::string, double>;
    struct CollationBinding {
        EnumLabelOrder* owner;
        Oid type;
    };
    // The sort order of `label`, reading the type again when it is unknown.
    std::optional<double> order_of(Oid type, std::string_view label);
    void load(Oid type);
    static void collation_needed(void* self, sqlite3* db, int text_encoding, const char* name);

    sqlite3* db_;
    std::unordered_map<Oid, Orders> types_;
    std::map<Oid, std::unique_ptr<CollationBinding>> bindings_;
};

// format_type() of a user type's OID, read on `db`: "mood", "mood[]", or
// "unknown" for an OID that names no type.
std::string user_type_name(sqlite3* db, Oid oid);

}  // namespace litegres::translate
