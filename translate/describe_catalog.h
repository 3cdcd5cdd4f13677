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

}  // namespace litegres::translate
