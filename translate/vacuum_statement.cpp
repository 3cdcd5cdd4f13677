// vacuum_statement.cpp — VACUUM and ANALYZE. SQLite reclaims space by itself
// where it matters (and a full VACUUM would rewrite the whole file under the
// write lock), so VACUUM checks its tables and does nothing else; ANALYZE,
// or VACUUM (ANALYZE), refreshes SQLite's planner statistics.
#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"
#include "translate/name_resolver.h"
#include "translate/sql_text.h"
#include "translate/statement_translator.h"

namespace litegres::translate {

namespace sqlstate = pgwire::sqlstate;
using pgwire::PgError;

TranslatedStatement StatementTranslator::vacuum(const PgQuery__VacuumStmt& stmt) {
    bool analyze = !stmt.is_vacuumcmd;
    for (size_t i = 0; i < stmt.n_options; ++i) {
        if (std::string(stmt.options[i]->def_elem->defname) == "analyze") analyze = true;
    }
    TranslatedStatement t;
    t.tag = stmt.is_vacuumcmd ? "VACUUM" : "ANALYZE";
    t.writes = analyze;
    std::vector<std::string> tables;
    for (size_t i = 0; i < stmt.n_rels; ++i) {
        const auto& relation = *stmt.rels[i]->vacuum_relation->relation;
        std::optional<RelationName> found = NameResolver(catalog_).find(relation);
        if (!found || !catalog_.find_table(found->sqlite_name())) {
            throw PgError(sqlstate::kUndefinedTable,
                          "relation \"" + NameResolver::display(relation) + "\" does not exist");
        }
        tables.push_back(found->sqlite_name());
    }
    if (analyze) {
        if (tables.empty()) t.sqlite_sql.push_back("ANALYZE main");
        for (const auto& table : tables)
            t.sqlite_sql.push_back("ANALYZE main." + quote_identifier(table));
    }
    return t;
}

}  // namespace litegres::translate
