// dump_catalog.h — the pg_catalog relations pg_dump reads beyond those of
// system_catalog.cpp and describe_catalog.cpp: procedural languages, the
// initial privileges of built-in objects, the session's settings, and the
// catalogs of features litegres does not have (operators and operator
// classes, text search, foreign data, casts and transforms between user
// types, event triggers, partitioning, subscriptions, large objects, default
// ACLs, security labels, per-database settings), which are empty as in a
// database that uses none.
#pragma once

#include <vector>

#include "translate/describe_catalog.h"

namespace litegres::translate {

const std::vector<CatalogRelation>& dump_relations();

}  // namespace litegres::translate
