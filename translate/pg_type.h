// pg_type.h — a PostgreSQL type as the translator tracks it: OID plus type
// modifier (varchar length, numeric precision/scale). Conversions between the
// AST's TypeName, the declared-type text kept in the SQLite schema, and the
// names PostgreSQL prints (format_type) live here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "pgwire/type_oid.h"

struct PgQuery__TypeName;

namespace litegres::translate {

using pgwire::Oid;
class Catalog;

struct PgType {
    Oid oid = pgwire::oid::kUnknownType;
    int32_t typmod = -1;

    bool operator==(const PgType&) const = default;
    bool is_unknown() const { return oid == pgwire::oid::kUnknownType; }
};

inline constexpr PgType kUnknown{};
inline constexpr PgType kBool{pgwire::oid::kBool};
inline constexpr PgType kInt2{pgwire::oid::kInt2};
inline constexpr PgType kInt4{pgwire::oid::kInt4};
inline constexpr PgType kInt8{pgwire::oid::kInt8};
inline constexpr PgType kNumeric{pgwire::oid::kNumeric};
inline constexpr PgType kFloat4{pgwire::oid::kFloat4};
inline constexpr PgType kFloat8{pgwire::oid::kFloat8};
inline constexpr PgType kText{pgwire::oid::kText};
inline constexpr PgType kDate{pgwire::oid::kDate};
inline constexpr PgType kTimestamp{pgwire::oid::kTimestamp};
inline constexpr PgType kTimestamptz{pgwire::oid::kTimestamptz};

// A TypeName from the AST, resolved. `serial` marks serial/bigserial/
// smallserial, which are int types plus an owned sequence.
struct ResolvedTypeName {
    PgType type;
    bool serial = false;
};

// Throws PgError 42704 for a type litegres does not know. User-defined
// (enum) types are looked up in `catalog` when one is given.
ResolvedTypeName resolve_type_name(const PgQuery__TypeName& name, Catalog* catalog = nullptr);

// PostgreSQL's format_type(): "integer", "character varying(20)",
// "numeric(10,2)", "timestamp(3) with time zone"; a user type's name
// needs the catalog ("unknown" without one).
std::string format_type(PgType type, Catalog* catalog = nullptr);

// The declared type text litegres writes into the SQLite schema: format_type's,
// except that a precision moves behind the name, where SQLite's grammar takes
// it ("timestamp without time zone(3)").
std::string declared_type_text(PgType type);

// The column type litegres writes into CREATE TABLE: format_type's text,
// except numeric, which SQLite would give NUMERIC affinity (turning '1.50'
// into 1.5): "numeric text(10,2)" has TEXT affinity and reads back as
// numeric(10,2), and its values compare under the numeric collation.
std::string column_declaration(PgType type);

// The inverse of format_type for declared types read back from SQLite; also
// accepts SQLite-style names ("INT", "VARCHAR(10)") for tables made outside
// litegres. Unknown text yields kUnknown.
PgType type_from_declared(std::string_view declared);

// Type categories that drive operator typing.
bool is_integer_type(PgType type);
bool is_numeric_category(PgType type);  // integers, numeric, floats
bool is_string_type(PgType type);       // text, varchar, bpchar, name, unknown literal

// numeric(p,s) modifier helpers (PostgreSQL packs ((p << 16) | s) + 4).
inline int32_t numeric_typmod(int precision, int scale) { return ((precision << 16) | scale) + 4; }
inline int numeric_scale(int32_t typmod) { return typmod < 4 ? -1 : ((typmod - 4) & 0xffff); }
inline int numeric_precision(int32_t typmod) { return typmod < 4 ? -1 : ((typmod - 4) >> 16); }

}  // namespace litegres::translate
