// name_resolver.h — which relation a (possibly schema-qualified) name means.
// A relation of schema public is stored in SQLite's main under its own name;
// one of another schema s under "s.name" (see DESIGN.md, Schemas): one
// database file, atomic commits across schemas, foreign keys and views that
// reach across them. An unqualified name is looked up through the session's
// search_path, and a new relation goes into the first existing schema on it,
// as in PostgreSQL.
#pragma once

#include <pg_query/pg_query.pb-c.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "translate/catalog.h"

namespace litegres::translate {

struct RelationName {
    std::string schema;  // "public" or a schema made by CREATE SCHEMA
    std::string name;    // the relation's name within its schema
    std::string sqlite_name() const;
};

class NameResolver {
  public:
    explicit NameResolver(Catalog& catalog) : catalog_(catalog) {}

    // The SQLite name of relation `name` of `schema`.
    static std::string sqlite_name(std::string_view schema, std::string_view name);
    // pg_catalog, information_schema and pg_toast: no user relation lives there.
    static bool is_system_schema(std::string_view schema);

    // The existing relation `name` of `schema` (empty: the first schema of the
    // search path that has one), or nullopt.
    std::optional<RelationName> find(std::string_view schema, std::string_view name);
    std::optional<RelationName> find(const PgQuery__RangeVar& rv);
    // A qualified name list ([schema,] name), as DROP and COMMENT give it.
    std::optional<RelationName> find(const PgQuery__List& names);

    // A relation named by text, as regclass input reads it ('s.t', '"T"').
    std::optional<RelationName> find_by_text(std::string_view text);

    // Where CREATE puts relation `name`: its schema when qualified (3F000 when
    // that does not exist), else the first existing schema of the search
    // path (3F000 when there is none).
    RelationName creation_target(std::string_view schema, std::string_view name, int location = -1);
    RelationName creation_target(const PgQuery__RangeVar& rv);

    // The relation a SQLite name stands for: "s.t" is t of schema s when s
    // exists, else a public relation named "s.t".
    RelationName of_sqlite_name(std::string_view sqlite_name);

    // The schemas of the search path that exist, in order.
    std::vector<std::string> existing_search_path();

    // Where CREATE TEMPORARY puts relation `name`: the session's temp schema
    // (42P16 when `schema` names another one).
    RelationName temporary_target(std::string_view schema, std::string_view name, int location = -1);
    // Whether the schema is a session's temp schema (pg_temp_N).
    static bool is_temp_schema(std::string_view schema);

    // The name as the user wrote it: "s.t" or "t" (for messages).
    static std::string display(const PgQuery__RangeVar& rv);
    static std::string display(const PgQuery__List& names);

  private:
    Catalog& catalog_;
};

}  // namespace litegres::translate
