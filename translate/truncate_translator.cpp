// truncate_translator.cpp — TRUNCATE.
#include "translate/truncate_translator.h"

#include <algorithm>
#include <map>

#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"
#include "translate/ddl_text.h"
#include "translate/name_resolver.h"
#include "translate/query_translator.h"

namespace litegres::translate {

using pgwire::PgError;
namespace sqlstate = pgwire::sqlstate;

TranslatedStatement TruncateTranslator::truncate(const PgQuery__TruncateStmt& stmt) {
    std::vector<std::string> tables;
    for (size_t i = 0; i < stmt.n_relations; ++i) {
        const auto& rv = *stmt.relations[i]->range_var;
        std::optional<RelationName> found = NameResolver(catalog_).find(rv);
        auto object = found ? catalog_.find_object(found->sqlite_name()) : std::nullopt;
        if (!object || object->kind == "index" || object->kind == "trigger") {
            throw PgError(sqlstate::kUndefinedTable, "relation \"" + NameResolver::display(rv) + "\" does not exist",
                          ddl::position(rv.location));
        }
        if (object->kind != "table") {
            throw PgError(sqlstate::kWrongObjectType, "\"" + std::string(rv.relname) + "\" is not a table");
        }
        if (std::find(tables.begin(), tables.end(), object->name) == tables.end()) tables.push_back(object->name);
    }

    TranslatedStatement t;
    t.tag = "TRUNCATE TABLE";
    t.writes = true;
    bool cascade = stmt.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
    std::map<std::string, std::vector<std::string>> referenced_by;
    for (size_t i = 0; i < tables.size(); ++i) {
        referenced_by[tables[i]] = catalog_.tables_referencing(tables[i]);
        for (const auto& referencing : referenced_by[tables[i]]) {
            if (std::find(tables.begin(), tables.end(), referencing) != tables.end()) continue;
            if (!cascade) {
                PgError error(sqlstate::kFeatureNotSupported,
                              "cannot truncate a table referenced in a foreign key constraint");
                error.with_detail("Table \"" + referencing + "\" references \"" + tables[i] + "\".");
                error.with_hint("Truncate table \"" + referencing +
                                "\" at the same time, or use TRUNCATE ... CASCADE.");
                throw error;
            }
            t.notices.push_back({sqlstate::kSuccessfulCompletion, "truncate cascades to table \"" + referencing + "\""});
            tables.push_back(referencing);
        }
    }
    // Every referencing table goes too, so the foreign keys hold once all
    // rows are gone; checked at the end rather than after each DELETE.
    t.sqlite_sql.push_back("PRAGMA defer_foreign_keys = ON");
    // Referencing tables first, so that no foreign key ever dangles (and
    // no ON DELETE action fires) where the schema allows such an order.
    std::vector<std::string> pending = tables;
    while (!pending.empty()) {
        auto unreferenced = std::find_if(pending.begin(), pending.end(), [&](const std::string& table) {
            for (const auto& referencing : referenced_by[table]) {
                if (referencing != table &&
                    std::find(pending.begin(), pending.end(), referencing) != pending.end()) {
                    return false;
                }
            }
            return true;
        });
        if (unreferenced == pending.end()) unreferenced = pending.begin();  // a cycle: deferred checks cover it
        t.sqlite_sql.push_back("DELETE FROM " + quote_identifier(*unreferenced));
        pending.erase(unreferenced);
    }
    if (stmt.restart_seqs) {
        for (const auto& table : tables) {
            t.sqlite_sql.push_back(
                "UPDATE _litegres_sequence SET last_value = start_value, is_called = 0 WHERE owner_table = " +
                quote_string(table));
        }
    }
    t.sqlite_sql.push_back("PRAGMA defer_foreign_keys = OFF");
    return t;
}

}  // namespace litegres::translate
