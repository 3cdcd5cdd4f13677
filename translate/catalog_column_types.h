// catalog_column_types.h — the PostgreSQL types of pg_catalog's columns that
// the computed catalogs (system_catalog, describe_catalog, dump_catalog)
// declare, named once.
#pragma once

#include "pgwire/type_oid.h"
#include "translate/pg_type.h"

namespace litegres::translate::catalog_column {

inline constexpr PgType kOidType{pgwire::oid::kOid, -1};
inline constexpr PgType kName{pgwire::oid::kName, -1};
inline constexpr PgType kChar{pgwire::oid::kChar, -1};
inline constexpr PgType kRegproc{pgwire::oid::kRegproc, -1};
inline constexpr PgType kBytea{pgwire::oid::kBytea, -1};
inline constexpr PgType kXid{28, -1};
inline constexpr PgType kInt2Vector{22, -1};
inline constexpr PgType kNodeTree{194, -1};  // pg_node_tree
inline constexpr PgType kPgLsn{3220, -1};
inline constexpr PgType kCharArray{1002, -1};
inline constexpr PgType kInt2Array{1005, -1};
inline constexpr PgType kTextArray{1009, -1};
inline constexpr PgType kOidArray{1028, -1};
inline constexpr PgType kAclArray{1034, -1};  // aclitem[]

}  // namespace litegres::translate::catalog_column
