// describe_catalog.h — the pg_catalog relations psql's describe commands
// (\d, \d+, \di, \l, \du, \dx, \dp, \db ...) and pg_dump-style introspection
// read beyond the core ones of system_catalog.cpp: constraints and indexes
// (read back from litegres's CREATE TABLE / CREATE INDEX text), sequences,
// databases, roles, and the catalogs of features litegres does not have
// (inheritance, policies, publications, triggers), which are empty.
#pragma once

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "translate/pg_type.h"
#include "translate/query_translator.h"
#include "translate/typed_sql.h"

namespace litegres::translate {

struct CatalogRelation {
    const char* name;
    std::vector<std::pair<const char*, PgType>> columns;
    const char* definition;  // SELECT or VALUES producing the columns in order
};

const std::vector<CatalogRelation>& describe_relations();

// The OID of a pg_catalog relation by name ('pg_class' is 1259), for
// 'pg_catalog.pg_class'::regclass; nullopt when it is not one.
std::optional<Oid> system_relation_oid(std::string_view name);
// The same as SQL, of a text expression ('pg_class' ► 1259, 0 for no catalog).
std::string system_relation_oid_sql(const std::string& name_sql);

// Casts between OIDs and the object identifier types that print as names:
// regclass::text is the relation's name, oid::regnamespace the OID and
// regnamespace::text the schema's name. nullopt for other casts.
std::optional<TypedSql> object_identifier_text(const TypedSql& value, PgType target);

// A query's regclass result columns printed as relation names (regclassout),
// by an outer SELECT over it; SQL expressions keep OIDs so they compare.
void name_object_identifiers(SelectOutput& out);

}  // namespace litegres::translate
