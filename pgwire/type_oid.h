// type_oid.h — PostgreSQL type OIDs as clients see them in RowDescription and
// ParameterDescription. The numbers are fixed by pg_type.dat; drivers and psql
// key their formatting (e.g. right-aligning numbers) on them.
#pragma once

#include <cstdint>

namespace litegres::pgwire {

using Oid = uint32_t;

namespace oid {
inline constexpr Oid kUnknownType = 705;
// PostgreSQL's FirstNormalObjectId. Types from here on are user enum types,
// with even OIDs, and their array types, each the next (odd) OID: a label is
// its own text in both wire formats.
inline constexpr Oid kFirstUserOid = 16384;
inline constexpr Oid kBool = 16;
inline constexpr Oid kBytea = 17;
inline constexpr Oid kChar = 18;  // the one-byte internal "char", not char(n)
inline constexpr Oid kName = 19;
inline constexpr Oid kInt8 = 20;
inline constexpr Oid kInt2 = 21;
inline constexpr Oid kInt4 = 23;
inline constexpr Oid kText = 25;
inline constexpr Oid kOid = 26;
inline constexpr Oid kRegtype = 2206;
inline constexpr Oid kRegproc = 24;
inline constexpr Oid kRegclass = 2205;
inline constexpr Oid kRegnamespace = 4089;
inline constexpr Oid kJson = 114;
inline constexpr Oid kFloat4 = 700;
inline constexpr Oid kFloat8 = 701;
inline constexpr Oid kBpchar = 1042;
inline constexpr Oid kVarchar = 1043;
inline constexpr Oid kDate = 1082;
inline constexpr Oid kTime = 1083;
inline constexpr Oid kTimestamp = 1114;
inline constexpr Oid kTimestamptz = 1184;
inline constexpr Oid kInterval = 1186;
inline constexpr Oid kTimetz = 1266;
inline constexpr Oid kNumeric = 1700;
inline constexpr Oid kUuid = 2950;
inline constexpr Oid kJsonb = 3802;
inline constexpr Oid kRecord = 2249;  // an anonymous row (a whole-row reference)
}  // namespace oid

// The array type whose elements are `element` (pg_type.typarray), 0 if none.
Oid array_type_of(Oid element);
// The element type of an array type (pg_type.typelem), 0 if not an array.
Oid array_element_type(Oid array);
inline bool is_array_type(Oid type) { return array_element_type(type) != 0; }

// Size of a type as RowDescription reports it (pg_type.typlen): -1 for varlena.
int16_t type_length(Oid type);

}  // namespace litegres::pgwire
