// ddl_text.cpp — shared pieces of the DDL translators.
#include "translate/ddl_text.h"

#include "translate/query_translator.h"

namespace litegres::translate::ddl {

std::string object_name(const PgQuery__List& names) {
    if (names.n_items > 1 && std::string(string_value(names.items[names.n_items - 2])) != "public") {
        throw_unsupported("schemas other than public");
    }
    return string_value(names.items[names.n_items - 1]);
}

void forget_dropped_relations(TranslatedStatement& t) {
    t.sqlite_sql.push_back(
        "DELETE FROM _litegres_relation WHERE name NOT IN (SELECT name FROM main.sqlite_schema) "
        "AND name NOT IN (SELECT name FROM _litegres_sequence)");
    t.sqlite_sql.push_back("DELETE FROM _litegres_view_column WHERE view NOT IN (SELECT name FROM main.sqlite_schema)");
    t.sqlite_sql.push_back("DELETE FROM _litegres_comment WHERE relation NOT IN (SELECT name FROM _litegres_relation)");
}

}  // namespace litegres::translate::ddl
