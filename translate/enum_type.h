// enum_type.h — how an enum type is spelled in the SQLite schema. A column
// of enum type is declared "enum text(<type oid>)": TEXT affinity keeps every
// label text (a label '1' stays '1'), and the OID, unlike the type's name,
// survives ALTER TYPE ... RENAME TO. The column's COLLATE litegres_enum_<oid>
// makes SQLite compare, sort and index labels in the type's sort order (see
// enum_label_order.h).
#pragma once

#include <string>

#include "translate/pg_type.h"
#include "translate/sql_text.h"

namespace litegres::translate {

// The only user types litegres has are enums and their array types (an
// enum's OID is even, its array type's the next one: pgwire/type_oid.h).
inline bool is_user_type(PgType type) {
    return type.oid >= pgwire::oid::kFirstUserOid;
}

// A type name as format_type() prints it: double-quoted unless it is a
// plain lower-case identifier.
inline std::string displayed_type_name(const std::string& name) {
    bool plain = !name.empty() && !(name[0] >= '0' && name[0] <= '9');
    for (char c : name) {
        plain = plain && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
    }
    return plain ? name : quote_identifier(name);
}

inline std::string enum_collation(Oid type) {
    return "litegres_enum_" + std::to_string(type);
}

inline std::string enum_declared_type(Oid type) {
    return "enum text(" + std::to_string(type) + ")";
}

}  // namespace litegres::translate
