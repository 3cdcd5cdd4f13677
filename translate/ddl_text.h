// ddl_text.h — what the DDL translators share: names and positions read from
// AST nodes, SQL lists, and the bookkeeping statements every created or
// dropped relation needs (its stable OID in _litegres_relation).
#pragma once

#include <pg_query/pg_query.pb-c.h>

#include <string>
#include <vector>

#include "translate/object_oid.h"
#include "translate/sql_text.h"
#include "translate/translated_statement.h"

namespace litegres::translate::ddl {

// An ErrorResponse position (1-based) from an AST location (0-based, -1 none).
inline int position(int location) { return location >= 0 ? location + 1 : 0; }

// The text of a String node, "" for anything else.
inline const char* string_value(const PgQuery__Node* node) {
    return node != nullptr && node->node_case == PG_QUERY__NODE__NODE_STRING ? node->string->sval : "";
}

inline std::string join(const std::vector<std::string>& parts, const char* separator) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) out += separator;
        out += parts[i];
    }
    return out;
}

// A statement that changes the schema, run on the writer.
inline TranslatedStatement schema_change(std::string tag) {
    TranslatedStatement t;
    t.tag = std::move(tag);
    t.writes = true;
    t.changes_schema = true;
    return t;
}

// Gives a new relation its stable OID.
inline std::string register_relation_sql(const std::string& name) {
    return std::string("INSERT INTO _litegres_relation (oid, name) SELECT ") + next_object_oid_sql() + ", " +
           quote_string(name);
}

// Forgets the OIDs (and view column types, comments) of relations that no
// longer exist: run after anything that drops relations, since dropping a
// table drops its indexes with it.
void forget_dropped_relations(TranslatedStatement& t);

}  // namespace litegres::translate::ddl
