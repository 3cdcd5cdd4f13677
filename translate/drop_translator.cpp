// drop_translator.cpp — DROP of tables, indexes, views and sequences.
#include "translate/drop_translator.h"

#include <string>

#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"
#include "translate/ddl_text.h"
#include "translate/name_resolver.h"
#include "translate/query_translator.h"

namespace litegres::translate {

using pgwire::PgError;
namespace sqlstate = pgwire::sqlstate;

namespace {

struct KindNames {
    const char* kind;     // SchemaObject::kind
    const char* noun;     // as PostgreSQL's messages name it
    const char* tag;      // command tag
    const char* missing;  // SQLSTATE when it does not exist
};

// PostgreSQL's hint for DROP of the wrong kind names the right command.
std::string drop_hint(const std::string& kind) {
    if (kind == "table") return "Use DROP TABLE to remove a table.";
    if (kind == "view") return "Use DROP VIEW to remove a view.";
    if (kind == "index") return "Use DROP INDEX to remove an index.";
    if (kind == "sequence") return "Use DROP SEQUENCE to remove a sequence.";
    return "";
}

}  // namespace

TranslatedStatement DropTranslator::drop(const PgQuery__DropStmt& stmt) {
    KindNames names;
    switch (stmt.remove_type) {
        case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
            names = {"table", "table", "DROP TABLE", sqlstate::kUndefinedTable};
            break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
            names = {"index", "index", "DROP INDEX", sqlstate::kUndefinedObject};
            break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW: names = {"view", "view", "DROP VIEW", sqlstate::kUndefinedTable}; break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
            names = {"sequence", "sequence", "DROP SEQUENCE", sqlstate::kUndefinedTable};
            break;
        default: {
            const ProtobufCEnumValue* v =
                protobuf_c_enum_descriptor_get_value(&pg_query__object_type__descriptor, stmt.remove_type);
            throw_unsupported(std::string("DROP of ") + (v != nullptr ? v->name : "this object type"));
        }
    }
    TranslatedStatement t = ddl::schema_change(names.tag);
    const std::string kind = names.kind;
    for (size_t i = 0; i < stmt.n_objects; ++i) {
        const PgQuery__List& qualified = *stmt.objects[i]->list;
        std::optional<RelationName> found = NameResolver(catalog_).find(qualified);
        // Its SQLite name (see NameResolver).
        std::string name = found ? found->sqlite_name() : NameResolver::display(qualified);
        auto object = found ? catalog_.find_object(name) : std::nullopt;
        if (!object || object->kind == "trigger") {
            std::string message = std::string(names.noun) + " \"" + name + "\" does not exist";
            if (!stmt.missing_ok) throw PgError(names.missing, message);
            t.notices.push_back({sqlstate::kSuccessfulCompletion, message + ", skipping"});
            continue;
        }
        if (object->kind != kind) {
            PgError error(sqlstate::kWrongObjectType, "\"" + name + "\" is not a" +
                                                          (kind == "index" ? std::string("n ") : std::string(" ")) +
                                                          names.noun);
            error.with_hint(drop_hint(object->kind));
            throw error;
        }
        if (kind == "sequence" && !object->table.empty()) {
            // A serial or identity column's default uses the sequence.
            auto owner = catalog_.find_table(object->table);
            for (const auto& column : owner ? owner->columns : std::vector<ColumnInfo>{}) {
                if (column.default_sql.find("litegres_nextval(" + quote_string(name) + ")") == std::string::npos) {
                    continue;
                }
                if (stmt.behavior != PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE) {
                    PgError error(sqlstate::kDependentObjectsStillExist,
                                  "cannot drop sequence " + name + " because other objects depend on it");
                    error.with_detail("default value for column " + column.name + " of table " + object->table +
                                      " depends on sequence " + name);
                    error.with_hint("Use DROP ... CASCADE to drop the dependent objects too.");
                    throw error;
                }
                throw_unsupported("DROP SEQUENCE ... CASCADE of a sequence a column default uses");
            }
        }
        if (kind == "sequence") {
            t.sqlite_sql.push_back("DELETE FROM _litegres_sequence WHERE name = " + quote_string(name));
        } else {
            t.sqlite_sql.push_back("DROP " + std::string(kind == "table" ? "TABLE " : kind == "view" ? "VIEW " : "INDEX ") +
                                   quote_identifier(name));
        }
        if (kind == "table") {
            t.sqlite_sql.push_back("DELETE FROM _litegres_sequence WHERE owner_table = " + quote_string(name));
        }
    }
    if (!t.sqlite_sql.empty()) ddl::forget_dropped_relations(t);
    return t;
}

}  // namespace litegres::translate
