// alter_table_translator.cpp — ALTER TABLE actions and renames.
#include "translate/alter_table_translator.h"

#include <algorithm>
#include <map>

#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"
#include "translate/ddl_text.h"
#include "translate/name_resolver.h"
#include "translate/sequence_translator.h"
#include "translate/statement_translator.h"
#include "translate/table_definition.h"

namespace litegres::translate {

using pgwire::PgError;
namespace sqlstate = pgwire::sqlstate;

namespace {

const char* kind_word(PgQuery__ObjectType type) {
    switch (type) {
        case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: return "SEQUENCE";
        case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW: return "VIEW";
        case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: return "INDEX";
        default: return "TABLE";
    }
}

PgError missing_column(const std::string& column, const std::string& table) {
    return PgError(sqlstate::kUndefinedColumn,
                   "column \"" + column + "\" of relation \"" + table + "\" does not exist");
}

}  // namespace

// ALTER TABLE/SEQUENCE/VIEW/INDEX ... OWNER TO: litegres does not enforce
// privileges, so a relation's owner is always the connected user and there
// is nothing to change; the relation must exist, as in PostgreSQL (dump
// scripts name the owner after every object).
TranslatedStatement AlterTableTranslator::change_owner(const PgQuery__AlterTableStmt& stmt) {
    const auto& rv = *stmt.relation;
    std::string kind = kind_word(stmt.objtype);
    TranslatedStatement t = ddl::schema_change("ALTER " + kind);
    t.changes_schema = false;
    t.writes = false;
    std::optional<RelationName> found = NameResolver(catalog_).find(rv);
    auto object = found ? catalog_.find_object(found->sqlite_name()) : std::nullopt;
    if (!object) {
        std::string message = "relation \"" + NameResolver::display(rv) + "\" does not exist";
        if (!stmt.missing_ok) throw PgError(sqlstate::kUndefinedTable, message, ddl::position(rv.location));
        t.notices.push_back({sqlstate::kSuccessfulCompletion, message + ", skipping"});
        return t;
    }
    std::string actual = object->kind == "table" ? "TABLE" : object->kind == "view" ? "VIEW"
                       : object->kind == "sequence" ? "SEQUENCE" : "INDEX";
    if (kind != "TABLE" && kind != actual) {
        std::string article = kind == "INDEX" ? "an index" : kind == "VIEW" ? "a view" : "a sequence";
        throw PgError(sqlstate::kWrongObjectType, "\"" + std::string(rv.relname) + "\" is not " + article);
    }
    return t;
}

TranslatedStatement AlterTableTranslator::alter(const PgQuery__AlterTableStmt& stmt) {
    const auto& rv = *stmt.relation;
    bool owner_only = stmt.n_cmds > 0;
    for (size_t i = 0; i < stmt.n_cmds; ++i) {
        owner_only = owner_only && stmt.cmds[i]->alter_table_cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ChangeOwner;
    }
    if (owner_only) return change_owner(stmt);
    if (stmt.objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE) throw_unsupported("ALTER of this kind of relation");
    std::optional<RelationName> found = NameResolver(catalog_).find(rv);
    // Its SQLite name (see NameResolver), or as written when there is none.
    std::string table = found ? found->sqlite_name() : NameResolver::display(rv);
    TranslatedStatement t = ddl::schema_change("ALTER TABLE");
    auto object = found ? catalog_.find_object(table) : std::nullopt;
    if (!object || object->kind != "table") {
        if (object) throw PgError(sqlstate::kWrongObjectType, "\"" + table + "\" is not a table");
        std::string message = "relation \"" + table + "\" does not exist";
        if (!stmt.missing_ok) throw PgError(sqlstate::kUndefinedTable, message, ddl::position(rv.location));
        t.notices.push_back({sqlstate::kSuccessfulCompletion, message + ", skipping"});
        return t;
    }
    TableDefinition def = TableDefinition::parse(object->sql);
    auto info = catalog_.find_table(table);
    QueryTranslator q(catalog_, parameter_types_);
    StatementTranslator columns_translator(catalog_);
    Scope scope;
    scope.entries.push_back(q.table_entry(rv));
    scope.entries.back().unqualified = true;
    // New column name ► the SQL that fills it from the old table.
    std::map<std::string, std::string> source;
    for (const auto& c : def.columns) source[c.name] = quote_identifier(c.name);
    std::vector<std::string> dropped;  // columns whose indexes go with them
    std::vector<std::string> after;

    for (size_t i = 0; i < stmt.n_cmds; ++i) {
        const auto& cmd = *stmt.cmds[i]->alter_table_cmd;
        std::string name = cmd.name != nullptr ? cmd.name : "";
        ColumnDefinition* column = name.empty() ? nullptr : def.find_column(name);
        auto require_column = [&] {
            if (column == nullptr) throw missing_column(name, table);
        };
        switch (cmd.subtype) {
            case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn: {
                const auto& col = *cmd.def->column_def;
                if (def.find_column(col.colname) != nullptr) {
                    std::string message =
                        "column \"" + std::string(col.colname) + "\" of relation \"" + table + "\" already exists";
                    if (!cmd.missing_ok) throw PgError(sqlstate::kDuplicateColumn, message);
                    t.notices.push_back({sqlstate::kDuplicateColumn, message + ", skipping"});
                    break;
                }
                bool in_key = false;
                for (size_t k = 0; k < col.n_constraints; ++k) {
                    in_key = in_key ||
                             col.constraints[k]->constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY;
                }
                if (in_key && def.has_primary_key()) {
                    throw PgError(sqlstate::kInvalidTableDefinition,
                                  "multiple primary keys for table \"" + table + "\" are not allowed");
                }
                std::string sql = columns_translator.column_definition(q, col, table, in_key, scope, after);
                TableDefinition one = TableDefinition::parse("(" + sql + ")");
                def.columns.push_back(one.columns.front());
                scope.entries.back().columns.push_back(ColumnInfo{col.colname, resolve_type_name(*col.type_name, &catalog_).type, false, "", 0, 0});
                break;
            }
            case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn: {
                if (column == nullptr) {
                    if (!cmd.missing_ok) throw missing_column(name, table);
                    t.notices.push_back({sqlstate::kSuccessfulCompletion,
                                         "column \"" + name + "\" of relation \"" + table +
                                             "\" does not exist, skipping"});
                    break;
                }
                // Table constraints on the column go with it, as in PostgreSQL.
                std::string quoted = quote_identifier(name);
                auto& tc = def.table_constraints;
                tc.erase(std::remove_if(tc.begin(), tc.end(),
                                        [&](const std::string& c) { return c.find(quoted) != std::string::npos; }),
                         tc.end());
                def.columns.erase(def.columns.begin() + (column - def.columns.data()));
                source.erase(name);
                dropped.push_back(name);
                if (def.columns.empty()) throw_unsupported("a table without columns");
                break;
            }
            case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault: {
                require_column();
                if (cmd.def == nullptr) {
                    column->default_sql.clear();
                } else {
                    Scope none;
                    const ColumnInfo* typed = scope.entries.back().find_column(name);
                    column->default_sql = q.assignment(q.expression(cmd.def, none), typed->type, -1);
                }
                break;
            }
            case PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity: {
                // ALTER COLUMN ... ADD GENERATED { ALWAYS | BY DEFAULT } AS IDENTITY [(options)]
                require_column();
                const auto& c = *cmd.def->constraint;
                if (!column->not_null) {
                    throw PgError(sqlstate::kObjectNotInPrerequisiteState,
                                  "column \"" + name + "\" of relation \"" + table +
                                      "\" must be declared NOT NULL before identity can be added");
                }
                if (!column->default_sql.empty()) {
                    throw PgError(sqlstate::kObjectNotInPrerequisiteState,
                                  "column \"" + name + "\" of relation \"" + table + "\" already has a default value");
                }
                SequenceTranslator sequences(catalog_);
                std::string seq = sequences.owned_sequence_name(table, name, c.options, c.n_options);
                column->default_sql = "litegres_nextval(" + quote_string(seq) + ")";
                const ColumnInfo* typed = scope.entries.back().find_column(name);
                after.push_back(sequences.owned_sequence_sql(seq, table, name, typed->type, c.options, c.n_options,
                                                             c.generated_when != nullptr ? c.generated_when[0] : 'a'));
                after.push_back(ddl::register_relation_sql(seq));
                break;
            }
            case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
                require_column();
                column->not_null = true;
                break;
            case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull:
                require_column();
                if (column->constraints.find("PRIMARY KEY") != std::string::npos) {
                    throw PgError(sqlstate::kInvalidTableDefinition, "column \"" + name + "\" is in a primary key");
                }
                column->not_null = false;
                break;
            case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType: {
                require_column();
                const auto& col = *cmd.def->column_def;
                PgType target = resolve_type_name(*col.type_name, &catalog_).type;
                ColumnInfo* typed = nullptr;
                for (auto& c : scope.entries.back().columns) {
                    if (c.name == name) typed = &c;
                }
                TypedSql value = col.raw_default != nullptr ? q.expression(col.raw_default, scope)
                                                            : TypedSql{quote_identifier(name), typed->type};
                source[name] = q.assignment(value, target, -1);
                bool key = column->type == "int4";
                // The old type's collation (numeric, enum) goes with it.
                for (size_t at; (at = column->constraints.find(" COLLATE litegres_")) != std::string::npos;) {
                    column->constraints.erase(at, column->constraints.find(' ', at + 9) - at);
                }
                column->type = key && target == kInt4 ? "int4" : column_declaration(target);
                if (pgwire::is_array_type(target.oid)) column->type = quote_identifier(column->type);
                typed->type = target;
                break;
            }
            case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint: {
                const auto& c = *cmd.def->constraint;
                if (c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY) {
                    if (def.has_primary_key()) {
                        throw PgError(sqlstate::kInvalidTableDefinition,
                                      "multiple primary keys for table \"" + table + "\" are not allowed");
                    }
                    for (size_t k = 0; k < c.n_keys; ++k) {
                        ColumnDefinition* key = def.find_column(ddl::string_value(c.keys[k]));
                        if (key == nullptr) {
                            throw PgError(sqlstate::kUndefinedColumn, "column \"" +
                                                                          std::string(ddl::string_value(c.keys[k])) +
                                                                          "\" of relation \"" + table +
                                                                          "\" does not exist");
                        }
                        key->not_null = true;
                        // As CREATE TABLE declares them: SQLite would make an
                        // "integer" PRIMARY KEY an alias of the rowid.
                        if (c.n_keys == 1 && key->type == "integer") key->type = "int4";
                    }
                }
                for (size_t k = 0; k < c.n_keys; ++k) {
                    if (def.find_column(ddl::string_value(c.keys[k])) == nullptr) {
                        throw PgError(sqlstate::kUndefinedColumn,
                                      "column \"" + std::string(ddl::string_value(c.keys[k])) + "\" named in key does not exist");
                    }
                }
                if (c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL) throw_unsupported("this constraint");
                if (c.conname != nullptr && c.conname[0] != '\0' && catalog_.find_object(c.conname)) {
                    throw PgError(sqlstate::kDuplicateTable, "relation \"" + std::string(c.conname) + "\" already exists");
                }
                def.table_constraints.push_back(columns_translator.table_constraint(q, c, table, scope));
                break;
            }
            case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint:
                if (!def.drop_constraint(name)) {
                    std::string message = "constraint \"" + name + "\" of relation \"" + table + "\" does not exist";
                    if (!cmd.missing_ok) throw PgError(sqlstate::kUndefinedObject, message);
                    t.notices.push_back({sqlstate::kSuccessfulCompletion, message + ", skipping"});
                }
                break;
            default: {
                const ProtobufCEnumValue* v =
                    protobuf_c_enum_descriptor_get_value(&pg_query__alter_table_type__descriptor, cmd.subtype);
                throw_unsupported(std::string("ALTER TABLE action ") + (v != nullptr ? v->name : "?"));
            }
        }
    }
    if (t.notices.size() == stmt.n_cmds) return t;  // every action skipped

    std::string old = "_litegres_old_" + table;
    std::vector<std::string> names, values;
    for (const auto& c : def.columns) {
        auto it = source.find(c.name);
        if (it == source.end()) continue;  // a new column: its DEFAULT fills it
        names.push_back(quote_identifier(c.name));
        values.push_back(it->second);
    }
    // A new serial column's sequence must exist before the copy fills it.
    for (auto& s : after) t.sqlite_sql.push_back(std::move(s));
    t.sqlite_sql.push_back("ALTER TABLE " + quote_identifier(table) + " RENAME TO " + quote_identifier(old));
    t.sqlite_sql.push_back(def.create_sql(table));
    t.sqlite_sql.push_back("INSERT INTO " + quote_identifier(table) + " (" + ddl::join(names, ", ") + ") SELECT " +
                           ddl::join(values, ", ") + " FROM " + quote_identifier(old));
    // SQLite pointed other tables' foreign keys (and views) at the renamed
    // table; they must keep naming this one, and dropping the old table
    // must not run their ON DELETE actions.
    t.sqlite_sql.push_back("PRAGMA writable_schema = ON");
    t.sqlite_sql.push_back("UPDATE sqlite_schema SET sql = replace(sql, " + quote_string(quote_identifier(old)) + ", " +
                           quote_string(quote_identifier(table)) + ") WHERE name <> " + quote_string(old) +
                           " AND type IN ('table', 'view', 'trigger') AND instr(sql, " +
                           quote_string(quote_identifier(old)) + ") > 0");
    t.sqlite_sql.push_back("PRAGMA writable_schema = RESET");
    t.sqlite_sql.push_back("DROP TABLE " + quote_identifier(old));
    for (const auto& o : catalog_.objects_on_table(table)) {
        bool uses_dropped = std::any_of(dropped.begin(), dropped.end(), [&](const std::string& column) {
            return o.sql.find(quote_identifier(column)) != std::string::npos;
        });
        if (!uses_dropped) t.sqlite_sql.push_back(o.sql);
    }
    ddl::forget_dropped_relations(t);
    return t;
}

TranslatedStatement AlterTableTranslator::rename(const PgQuery__RenameStmt& stmt) {
    bool column = stmt.rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN;
    bool relation = stmt.rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE ||
                    stmt.rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX ||
                    stmt.rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_VIEW ||
                    stmt.rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE;
    if ((!column && !relation) || stmt.relation == nullptr) throw_unsupported("this kind of RENAME");
    std::optional<RelationName> found = NameResolver(catalog_).find(*stmt.relation);
    // SQLite names: the relation stays in its schema.
    std::string name = found ? found->sqlite_name() : NameResolver::display(*stmt.relation);
    std::string new_name = found && !column ? NameResolver::sqlite_name(found->schema, stmt.newname) : stmt.newname;
    TranslatedStatement t = ddl::schema_change(column ? "ALTER TABLE" : "ALTER TABLE");
    static const std::map<int, std::string> kTags = {{PG_QUERY__OBJECT_TYPE__OBJECT_INDEX, "ALTER INDEX"},
                                                      {PG_QUERY__OBJECT_TYPE__OBJECT_VIEW, "ALTER VIEW"},
                                                      {PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE, "ALTER SEQUENCE"}};
    if (kTags.count(stmt.rename_type) > 0) t.tag = kTags.at(stmt.rename_type);
    auto object = found ? catalog_.find_object(name) : std::nullopt;
    if (!object || object->kind == "trigger") {
        std::string message = "relation \"" + name + "\" does not exist";
        if (!stmt.missing_ok) throw PgError(sqlstate::kUndefinedTable, message);
        t.notices.push_back({sqlstate::kSuccessfulCompletion, message + ", skipping"});
        return t;
    }
    if (column) {
        auto table = catalog_.find_table(name);
        if (!table || table->find_column(stmt.subname) == nullptr) throw missing_column(stmt.subname, name);
        if (table->find_column(new_name) != nullptr) {
            throw PgError(sqlstate::kDuplicateColumn,
                          "column \"" + new_name + "\" of relation \"" + name + "\" already exists");
        }
        t.sqlite_sql.push_back("ALTER TABLE " + quote_identifier(name) + " RENAME COLUMN " +
                               quote_identifier(stmt.subname) + " TO " + quote_identifier(new_name));
        t.sqlite_sql.push_back("UPDATE _litegres_sequence SET owner_column = " + quote_string(new_name) +
                               " WHERE owner_table = " + quote_string(name) + " AND owner_column = " +
                               quote_string(stmt.subname));
        t.sqlite_sql.push_back("UPDATE _litegres_comment SET column_name = " + quote_string(new_name) +
                               " WHERE relation = " + quote_string(name) + " AND column_name = " +
                               quote_string(stmt.subname));
        return t;
    }
    if (catalog_.find_object(new_name)) {
        throw PgError(sqlstate::kDuplicateTable, "relation \"" + std::string(stmt.newname) + "\" already exists");
    }
    if (object->kind == "table") {
        t.sqlite_sql.push_back("ALTER TABLE " + quote_identifier(name) + " RENAME TO " + quote_identifier(new_name));
        t.sqlite_sql.push_back("UPDATE _litegres_sequence SET owner_table = " + quote_string(new_name) +
                               " WHERE owner_table = " + quote_string(name));
    } else if (object->kind == "sequence") {
        t.sqlite_sql.push_back("UPDATE _litegres_sequence SET name = " + quote_string(new_name) +
                               " WHERE name = " + quote_string(name));
    } else {
        throw_unsupported("RENAME of an index or view");
    }
    for (const char* bookkeeping : {"_litegres_relation SET name", "_litegres_comment SET relation"}) {
        std::string column_name = std::string(bookkeeping).substr(std::string(bookkeeping).rfind(' ') + 1);
        t.sqlite_sql.push_back("UPDATE " + std::string(bookkeeping) + " = " + quote_string(new_name) + " WHERE " +
                               column_name + " = " + quote_string(name));
    }
    return t;
}

}  // namespace litegres::translate
