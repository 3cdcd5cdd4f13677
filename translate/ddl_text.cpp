// ddl_text.cpp — shared pieces of the DDL translators.
#include "translate/ddl_text.h"

#include "translate/query_translator.h"

namespace litegres::translate::ddl {

void forget_dropped_relations(TranslatedStatement& t) {
    t.sqlite_sql.push_back(
        "DELETE FROM _litegres_relation WHERE name NOT IN (SELECT name FROM main.sqlite_schema) "
        "AND name NOT IN (SELECT name FROM _litegres_sequence)");
    t.sqlite_sql.push_back("DELETE FROM _litegres_view_column WHERE view NOT IN (SELECT name FROM main.sqlite_schema)");
    t.sqlite_sql.push_back("DELETE FROM _litegres_comment WHERE relation NOT IN (SELECT name FROM _litegres_relation)");
}

}  // namespace litegres::translate::ddl
