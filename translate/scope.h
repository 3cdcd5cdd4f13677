// scope.h — the names visible to an expression: the FROM items of the query
// being translated (each with its columns and their PostgreSQL types), and,
// through `parent`, those of enclosing queries for correlated subqueries.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "translate/catalog.h"

namespace litegres::translate {

struct RangeEntry {
    std::string refname;  // the name a ColumnRef qualifies with (alias or table)
    std::string relation_name;  // the table or WITH query itself (error messages)
    // The relation's name in SQLite, when it is not relation_name
    // (information_schema views).
    std::string sqlite_name;
    // A SELECT that reads the relation, when it is not a SQLite table or
    // view (a sequence's one row).
    std::string source;
    // The schema of a relation named without an alias ("" otherwise), which
    // a three-part column reference (s.t.col) must match.
    std::string schema;
    std::vector<ColumnInfo> columns;
    // System columns (a catalog's tableoid): found by name, never in *.
    std::vector<ColumnInfo> system_columns;
    // The target of INSERT/UPDATE/DELETE: its columns are emitted without a
    // qualifier, which is what SQLite's RETURNING accepts.
    bool unqualified = false;
    // A function in FROM returning a base type (unnest, generate_series,
    // jsonb_array_elements): its name alone also reads its one column.
    bool scalar_function = false;
    // A user table or view: whole-row references test its rowid for the
    // NULL row of an outer join.
    bool user_relation = false;
    // On the NULL-extended side of an outer join.
    bool nullable = false;

    const ColumnInfo* find_column(std::string_view name) const {
        for (const auto* list : {&columns, &system_columns}) {
            for (const auto& c : *list) {
                if (c.name == name) return &c;
            }
        }
        return nullptr;
    }
};

struct Scope {
    std::vector<RangeEntry> entries;
    // Columns merged by JOIN ... USING / NATURAL JOIN: an unqualified
    // reference to one of them is not ambiguous (SQLite resolves it the same way).
    std::vector<ColumnInfo> merged_columns;
    const Scope* parent = nullptr;
    // The earlier FROM items, as seen by a LATERAL item beside them.
    bool lateral = false;
};

}  // namespace litegres::translate
