// object_oid.h — the one OID allocator for user objects: relations, enum
// types with their array types, and enum labels draw from it, as PostgreSQL
// draws them all from one counter, so that no two of them share an OID.
#pragma once

namespace litegres::translate {

// A SQL expression: the next free user OID (16384 in an empty database).
inline const char* next_object_oid_sql() {
    return "(SELECT max(m) + 1 FROM (SELECT coalesce(max(oid), 16383) AS m FROM _litegres_relation"
           " UNION ALL SELECT max(array_oid) FROM _litegres_enum_type"
           " UNION ALL SELECT max(oid) FROM _litegres_enum"
           " UNION ALL SELECT oid FROM _litegres_type_oid_high_water))";
}

}  // namespace litegres::translate
