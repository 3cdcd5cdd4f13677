// statement_translator.cpp — statements: DML with RETURNING, CREATE/DROP
// TABLE (PostgreSQL types kept as the declared type text, serial columns
// backed by litegres sequences), transaction control, settings, databases.
#include "translate/statement_translator.h"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "pgwire/interval_text.h"
#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"
#include "translate/alter_table_translator.h"
#include "translate/ast_text.h"
#include "translate/comment_translator.h"
#include "translate/ddl_text.h"
#include "translate/describe_catalog.h"
#include "translate/drop_translator.h"
#include "translate/enum_type_translator.h"
#include "translate/identity_column.h"
#include "translate/index_translator.h"
#include "translate/name_resolver.h"
#include "translate/query_translator.h"
#include "translate/schema_translator.h"
#include "translate/search_path.h"
#include "translate/sequence_translator.h"
#include "translate/sql_text.h"
#include "translate/table_definition.h"
#include "translate/truncate_translator.h"
#include "translate/view_translator.h"

namespace litegres::translate {

using pgwire::PgError;
namespace sqlstate = pgwire::sqlstate;

const char* const kBookkeepingSchemaSql =
    "CREATE TABLE IF NOT EXISTS _litegres_sequence ("
    " name TEXT PRIMARY KEY,"
    " last_value INTEGER NOT NULL,"
    " increment_by INTEGER NOT NULL DEFAULT 1,"
    " is_called INTEGER NOT NULL DEFAULT 0,"
    " owner_table TEXT,"
    " owner_column TEXT,"
    " start_value INTEGER NOT NULL DEFAULT 1,"
    " min_value INTEGER NOT NULL DEFAULT 1,"
    " max_value INTEGER NOT NULL DEFAULT 9223372036854775807,"
    " cycle INTEGER NOT NULL DEFAULT 0,"
    " cache_size INTEGER NOT NULL DEFAULT 1,"
    " data_type TEXT NOT NULL DEFAULT 'bigint',"
    // 'a' GENERATED ALWAYS, 'd' BY DEFAULT AS IDENTITY, '' otherwise.
    " identity TEXT NOT NULL DEFAULT '');"
    // The PostgreSQL type of each view column (SQLite knows only those of
    // plain column references).
    "CREATE TABLE IF NOT EXISTS _litegres_view_column ("
    " view TEXT NOT NULL,"
    " attnum INTEGER NOT NULL,"
    " type TEXT NOT NULL,"
    " PRIMARY KEY (view, attnum));"
    // COMMENT ON; column_name '' for the relation itself.
    "CREATE TABLE IF NOT EXISTS _litegres_comment ("
    " relation TEXT NOT NULL,"
    " column_name TEXT NOT NULL DEFAULT '',"
    " description TEXT NOT NULL,"
    " PRIMARY KEY (relation, column_name));"
    // Enum types (CREATE TYPE ... AS ENUM) and their labels; see enum_type.h.
    "CREATE TABLE IF NOT EXISTS _litegres_enum_type ("
    " oid INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL UNIQUE,"
    " array_oid INTEGER NOT NULL);"
    "CREATE TABLE IF NOT EXISTS _litegres_enum ("
    " oid INTEGER PRIMARY KEY,"
    " type_oid INTEGER NOT NULL,"
    " sort_order REAL NOT NULL,"
    " label TEXT NOT NULL,"
    " UNIQUE (type_oid, label));"
    // The highest type OID ever given out, so that a dropped type's OID
    // (and the label order cached under it) is never reused.
    "CREATE TABLE IF NOT EXISTS _litegres_type_oid_high_water ("
    " id INTEGER PRIMARY KEY CHECK (id = 1),"
    " oid INTEGER NOT NULL);"
    // Stable OIDs for relations, as clients see them in RowDescription and
    // pg_class; user OIDs start at 16384 as in PostgreSQL.
    "CREATE TABLE IF NOT EXISTS _litegres_relation ("
    " oid INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL UNIQUE);"
    // CREATE SCHEMA: the schemas besides public (see NameResolver).
    "CREATE TABLE IF NOT EXISTS _litegres_namespace ("
    " oid INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL UNIQUE,"
    " owner TEXT NOT NULL)";

const char* const kBookkeepingUpgradeSql[] = {
    // _litegres_sequence of databases created before sequence options.
    "ALTER TABLE _litegres_sequence ADD COLUMN start_value INTEGER NOT NULL DEFAULT 1",
    "ALTER TABLE _litegres_sequence ADD COLUMN min_value INTEGER NOT NULL DEFAULT 1",
    "ALTER TABLE _litegres_sequence ADD COLUMN max_value INTEGER NOT NULL DEFAULT 9223372036854775807",
    "ALTER TABLE _litegres_sequence ADD COLUMN cycle INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE _litegres_sequence ADD COLUMN cache_size INTEGER NOT NULL DEFAULT 1",
    "ALTER TABLE _litegres_sequence ADD COLUMN data_type TEXT NOT NULL DEFAULT 'bigint'",
    "ALTER TABLE _litegres_sequence ADD COLUMN identity TEXT NOT NULL DEFAULT ''",
    nullptr,
};

namespace {


std::string identifier_list(PgQuery__Node** items, size_t n) {
    std::vector<std::string> names;
    for (size_t i = 0; i < n; ++i) names.push_back(quote_identifier(string_value(items[i])));
    return join_strings(names, ", ");
}

// The SQLite name of a DML target (see NameResolver).
std::string target_table(const RangeEntry& target, const PgQuery__RangeVar& rv) {
    return quote_identifier(target.sqlite_name.empty() ? std::string(rv.relname) : target.sqlite_name);
}

const char* foreign_key_action(const char* action) {
    switch (action != nullptr ? action[0] : 'a') {
        case 'r': return "RESTRICT";
        case 'c': return "CASCADE";
        case 'n': return "SET NULL";
        case 'd': return "SET DEFAULT";
        default: return nullptr;  // NO ACTION, SQLite's default too
    }
}

// `parent`: the SQLite name of the referenced table.
std::string references_clause(const PgQuery__Constraint& c, const std::string& parent) {
    std::string sql = " REFERENCES " + quote_identifier(parent);
    if (c.n_pk_attrs > 0) sql += " (" + identifier_list(c.pk_attrs, c.n_pk_attrs) + ")";
    if (const char* del = foreign_key_action(c.fk_del_action)) sql += std::string(" ON DELETE ") + del;
    if (const char* upd = foreign_key_action(c.fk_upd_action)) sql += std::string(" ON UPDATE ") + upd;
    // SQLite checks a DEFERRABLE INITIALLY DEFERRED key at COMMIT, as
    // PostgreSQL does (and a key DEFERRABLE alone at once, also as PostgreSQL
    // does until SET CONSTRAINTS, which litegres does not have).
    if (c.deferrable) sql += " DEFERRABLE";
    if (c.initdeferred) sql += " INITIALLY DEFERRED";
    return sql;
}

TranslatedStatement plain(std::string tag, StatementKind kind) {
    TranslatedStatement t;
    t.kind = kind;
    t.tag = std::move(tag);
    return t;
}


// SET TIME ZONE INTERVAL '+05:30' HOUR TO MINUTE: the zone as hours east.
std::optional<std::string> interval_zone_hours(const PgQuery__Node* arg) {
    if (arg->node_case != PG_QUERY__NODE__NODE_TYPE_CAST) return std::nullopt;
    const auto& cast = *arg->type_cast;
    if (resolve_type_name(*cast.type_name).type.oid != pgwire::oid::kInterval ||
        cast.arg->node_case != PG_QUERY__NODE__NODE_A_CONST ||
        cast.arg->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL) {
        return std::nullopt;
    }
    pgwire::Interval span;
    if (pgwire::parse_interval(cast.arg->a_const->sval->sval, span) != pgwire::IntervalParse::kOk ||
        span.months != 0 || span.days != 0) {
        throw PgError(sqlstate::kInvalidParameterValue, "invalid interval value for time zone: month and day not allowed");
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", double(span.micros) / 3600e6);
    return std::string(buf);
}

}  // namespace

TranslatedStatement StatementTranslator::translate(const PgQuery__RawStmt& raw) {
    TranslatedStatement t = translate_node(raw);
    t.parameter_types = parameter_types_.resolved();
    return t;
}

TranslatedStatement StatementTranslator::translate_node(const PgQuery__RawStmt& raw) {
    const PgQuery__Node* node = raw.stmt;
    if (node == nullptr) return plain("", StatementKind::kEmpty);
    if (has_data_modifying_with(node)) return data_modifying_with(raw);
    if (EnumTypeTranslator::handles(*node)) return EnumTypeTranslator(catalog_, parameter_types_).translate(*node);
    switch (node->node_case) {
        case PG_QUERY__NODE__NODE_SELECT_STMT: return select(*node->select_stmt);
        case PG_QUERY__NODE__NODE_INSERT_STMT: return insert(*node->insert_stmt);
        case PG_QUERY__NODE__NODE_UPDATE_STMT: return update(*node->update_stmt);
        case PG_QUERY__NODE__NODE_DELETE_STMT: return remove(*node->delete_stmt);
        case PG_QUERY__NODE__NODE_CREATE_STMT: return create_table(*node->create_stmt);
        case PG_QUERY__NODE__NODE_ALTER_OWNER_STMT: return alter_owner(*node->alter_owner_stmt);
        case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT: {
            const auto& ctas = *node->create_table_as_stmt;
            if (ctas.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW) throw_unsupported("materialized views");
            if (ctas.query == nullptr || ctas.query->node_case != PG_QUERY__NODE__NODE_SELECT_STMT) {
                throw_unsupported("CREATE TABLE AS EXECUTE");
            }
            return create_table_as(*ctas.into, *ctas.query->select_stmt, ctas.if_not_exists);
        }
        case PG_QUERY__NODE__NODE_DROP_STMT:
            if (node->drop_stmt->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA) {
                return SchemaTranslator(catalog_).drop(*node->drop_stmt);
            }
            return DropTranslator(catalog_).drop(*node->drop_stmt);
        case PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT:
            return SchemaTranslator(catalog_).create(*node->create_schema_stmt);
        case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT: return SequenceTranslator(catalog_).create(*node->create_seq_stmt);
        case PG_QUERY__NODE__NODE_ALTER_SEQ_STMT: return SequenceTranslator(catalog_).alter(*node->alter_seq_stmt);
        case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
            return AlterTableTranslator(catalog_, parameter_types_).alter(*node->alter_table_stmt);
        case PG_QUERY__NODE__NODE_RENAME_STMT:
            if (node->rename_stmt->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA) {
                return SchemaTranslator(catalog_).rename(*node->rename_stmt);
            }
            return AlterTableTranslator(catalog_, parameter_types_).rename(*node->rename_stmt);
        case PG_QUERY__NODE__NODE_VIEW_STMT:
            return ViewTranslator(catalog_, parameter_types_).create(*node->view_stmt);
        case PG_QUERY__NODE__NODE_TRUNCATE_STMT: return TruncateTranslator(catalog_).truncate(*node->truncate_stmt);
        case PG_QUERY__NODE__NODE_COMMENT_STMT: return CommentTranslator(catalog_).comment(*node->comment_stmt);
        case PG_QUERY__NODE__NODE_INDEX_STMT:
            return IndexTranslator(catalog_, parameter_types_).create(*node->index_stmt);
        case PG_QUERY__NODE__NODE_TRANSACTION_STMT: return transaction(*node->transaction_stmt);
        case PG_QUERY__NODE__NODE_LOCK_STMT: return lock(*node->lock_stmt);
        case PG_QUERY__NODE__NODE_VARIABLE_SET_STMT: return set_variable(*node->variable_set_stmt);
        case PG_QUERY__NODE__NODE_COPY_STMT: return copy(*node->copy_stmt);
        case PG_QUERY__NODE__NODE_VACUUM_STMT: return vacuum(*node->vacuum_stmt);
        case PG_QUERY__NODE__NODE_DECLARE_CURSOR_STMT: return declare_cursor(*node->declare_cursor_stmt);
        case PG_QUERY__NODE__NODE_FETCH_STMT: return fetch(*node->fetch_stmt);
        case PG_QUERY__NODE__NODE_CLOSE_PORTAL_STMT: return close_cursor(*node->close_portal_stmt);
        case PG_QUERY__NODE__NODE_VARIABLE_SHOW_STMT: {
            TranslatedStatement t = plain("SHOW", StatementKind::kShow);
            t.object_name = node->variable_show_stmt->name;
            return t;
        }
        case PG_QUERY__NODE__NODE_DEALLOCATE_STMT: {
            const char* name = node->deallocate_stmt->name;
            bool all = name == nullptr || name[0] == '\0';
            TranslatedStatement t = plain(all ? "DEALLOCATE ALL" : "DEALLOCATE", StatementKind::kDeallocate);
            if (!all) t.object_name = name;
            return t;
        }
        case PG_QUERY__NODE__NODE_DISCARD_STMT: {
            static const char* kTargets[] = {"ALL", "ALL", "PLANS", "SEQUENCES", "TEMP"};
            int target = int(node->discard_stmt->target);
            TranslatedStatement t = plain("", StatementKind::kDiscard);
            t.object_name = kTargets[target >= 0 && target <= 4 ? target : 0];
            t.tag = "DISCARD " + t.object_name;
            return t;
        }
        case PG_QUERY__NODE__NODE_CREATEDB_STMT: {
            TranslatedStatement t = plain("CREATE DATABASE", StatementKind::kCreateDatabase);
            t.object_name = node->createdb_stmt->dbname;
            return t;
        }
        case PG_QUERY__NODE__NODE_DROPDB_STMT: {
            TranslatedStatement t = plain("DROP DATABASE", StatementKind::kDropDatabase);
            t.object_name = node->dropdb_stmt->dbname;
            t.missing_ok = node->dropdb_stmt->missing_ok;
            return t;
        }
        default: {
            // Named by its parse node type, e.g. CreateSeqStmt.
            const ProtobufCFieldDescriptor* f =
                protobuf_c_message_descriptor_get_field(&pg_query__node__descriptor, unsigned(node->node_case));
            std::string name = f != nullptr && f->descriptor != nullptr
                                   ? static_cast<const ProtobufCMessageDescriptor*>(f->descriptor)->short_name
                                   : "unknown";
            throw_unsupported("statement " + name);
        }
    }
}

TranslatedStatement StatementTranslator::select(const PgQuery__SelectStmt& stmt) {
    if (stmt.into_clause != nullptr) {
        PgQuery__SelectStmt query = stmt;
        query.into_clause = nullptr;
        return create_table_as(*stmt.into_clause, query, false);
    }
    QueryTranslator q(catalog_, parameter_types_);
    q.use_captured_common_tables(&captured_ctes_);
    SelectOutput out = q.select(stmt, nullptr);
    name_object_identifiers(out);
    TranslatedStatement t = plain("SELECT", StatementKind::kQuery);
    t.sqlite_sql.push_back(std::move(out.sql));
    t.columns = std::move(out.columns);
    t.returns_rows = true;
    t.tag_style = TagStyle::kRowCount;
    t.writes = q.writes();
    return t;
}

TranslatedStatement StatementTranslator::insert(const PgQuery__InsertStmt& stmt) {
    QueryTranslator q(catalog_, parameter_types_);
    q.use_captured_common_tables(&captured_ctes_);
    std::string with = stmt.with_clause != nullptr ? q.with_clause(*stmt.with_clause, nullptr) : "";
    RangeEntry target = q.table_entry(*stmt.relation);
    target.unqualified = true;

    std::vector<const ColumnInfo*> columns;
    if (stmt.n_cols == 0) {
        for (const auto& c : target.columns) columns.push_back(&c);
    } else {
        for (size_t i = 0; i < stmt.n_cols; ++i) {
            const auto* rt = stmt.cols[i]->res_target;
            if (rt->n_indirection > 0) throw_unsupported("INSERT into a subfield or array element", rt->location);
            const ColumnInfo* c = target.find_column(rt->name);
            if (c == nullptr) {
                throw PgError(sqlstate::kUndefinedColumn,
                              "column \"" + std::string(rt->name) + "\" of relation \"" +
                                  stmt.relation->relname + "\" does not exist",
                              error_position(rt->location));
            }
            columns.push_back(c);
        }
    }

    if (stmt.override == PG_QUERY__OVERRIDING_KIND__OVERRIDING_USER_VALUE) throw_unsupported("OVERRIDING USER VALUE");
    bool overriding_system_value = stmt.override == PG_QUERY__OVERRIDING_KIND__OVERRIDING_SYSTEM_VALUE;
    std::string sql = with + "INSERT INTO " + target_table(target, *stmt.relation);
    Scope empty;
    if (stmt.select_stmt == nullptr) {
        sql += " DEFAULT VALUES";
    } else {
        const auto& sel = *stmt.select_stmt->select_stmt;
        std::vector<std::string> names;
        if (sel.n_values_lists > 0 && sel.op == PG_QUERY__SET_OPERATION__SETOP_NONE && sel.n_sort_clause == 0 &&
            sel.limit_count == nullptr) {
            // Without a column list, the values fill the leading columns and
            // the rest take their defaults.
            size_t width = sel.values_lists[0]->list->n_items;
            if (stmt.n_cols == 0 && width < columns.size()) columns.resize(width);
            std::vector<std::string> rows;
            for (size_t r = 0; r < sel.n_values_lists; ++r) {
                const auto* list = sel.values_lists[r]->list;
                if (list->n_items > columns.size()) {
                    throw PgError(sqlstate::kSyntaxError, "INSERT has more expressions than target columns");
                }
                if (list->n_items < columns.size()) {
                    throw PgError(sqlstate::kSyntaxError, "INSERT has more target columns than expressions");
                }
                std::vector<std::string> cells;
                for (size_t c = 0; c < list->n_items; ++c) {
                    const PgQuery__Node* item = list->items[c];
                    if (item->node_case == PG_QUERY__NODE__NODE_SET_TO_DEFAULT) {
                        cells.push_back(columns[c]->default_sql.empty() ? "NULL" : "(" + columns[c]->default_sql + ")");
                        continue;
                    }
                    check_identity_insert(*columns[c], overriding_system_value);
                    TypedSql v = q.expression(item, empty);
                    int location = -1;
                    if (item->node_case == PG_QUERY__NODE__NODE_A_CONST) location = item->a_const->location;
                    cells.push_back(q.assignment(v, columns[c]->type, location));
                }
                rows.push_back("(" + join_strings(cells, ", ") + ")");
            }
            for (const auto* c : columns) names.push_back(quote_identifier(c->name));
            sql += " (" + join_strings(names, ", ") + ") VALUES " + join_strings(rows, ", ");
        } else {
            SelectOutput source = q.select(sel, nullptr);
            for (size_t i = 0; i < source.columns.size() && i < columns.size(); ++i) {
                check_identity_insert(*columns[i], overriding_system_value);
            }
            if (source.columns.size() > columns.size()) {
                throw PgError(sqlstate::kSyntaxError, "INSERT has more expressions than target columns");
            }
            if (stmt.n_cols > 0 && source.columns.size() < columns.size()) {
                throw PgError(sqlstate::kSyntaxError, "INSERT has more target columns than expressions");
            }
            // Non-text values get the assignment coercion of their column
            // (numeric(p,s) rounds and checks p); the source's columns are
            // named by position so that duplicate output names do not matter.
            std::vector<std::string> positions, values;
            for (size_t i = 0; i < source.columns.size(); ++i) {
                names.push_back(quote_identifier(columns[i]->name));
                positions.push_back("c" + std::to_string(i + 1));
                TypedSql value{positions.back(), source.columns[i].type};
                values.push_back(is_string_type(value.type) ? q.stored_text(value, columns[i]->type)
                                                            : q.assignment(value, columns[i]->type, -1));
            }
            // "SELECT ... WHERE" before RETURNING/ON CONFLICT keeps SQLite's parser unambiguous.
            // The statement's own WITH queries come first in the one WITH clause.
            std::string source_cte = "_litegres_source (" + join_strings(positions, ", ") + ") AS (" + source.sql + ") ";
            std::string head = sql.substr(with.size());
            sql = (with.empty() ? "WITH " + source_cte : with.substr(0, with.size() - 1) + ", " + source_cte) + head +
                  " (" + join_strings(names, ", ") + ") SELECT " + join_strings(values, ", ") +
                  " FROM _litegres_source WHERE true";
        }
    }
    if (stmt.on_conflict_clause != nullptr) sql += on_conflict(q, *stmt.on_conflict_clause, target);

    TranslatedStatement t = plain("INSERT", StatementKind::kQuery);
    t.tag_style = TagStyle::kInsertCount;
    t.writes = true;
    if (stmt.n_returning_list > 0) {
        Scope scope;
        scope.entries.push_back(target);
        sql += " RETURNING " + q.target_list(stmt.returning_list, stmt.n_returning_list, scope, t.columns);
        t.returns_rows = true;
    }
    t.sqlite_sql.push_back(std::move(sql));
    return t;
}

std::string StatementTranslator::on_conflict(QueryTranslator& q, const PgQuery__OnConflictClause& clause,
                                             const RangeEntry& target) {
    std::string sql = " ON CONFLICT";
    Scope target_scope;
    target_scope.entries.push_back(target);
    if (clause.infer != nullptr) {
        const auto& infer = *clause.infer;
        if (infer.conname != nullptr && infer.conname[0] != '\0') {
            // SQLite names the conflict target by its columns: those of the
            // named PRIMARY KEY or UNIQUE constraint, which is what PostgreSQL
            // infers from the name.
            std::string table =
                target.sqlite_name.empty() ? target.relation_name : target.sqlite_name;
            std::optional<SchemaObject> object = catalog_.find_object(table);
            std::optional<std::string> columns =
                object ? TableDefinition::parse(object->sql).key_columns(infer.conname)
                       : std::nullopt;
            if (!columns) {
                throw PgError(sqlstate::kUndefinedObject,
                              "constraint \"" + std::string(infer.conname) + "\" for table \"" +
                                  target.relation_name + "\" does not exist");
            }
            sql += " (" + *columns + ")";
        }
        std::vector<std::string> columns;
        for (size_t i = 0; i < infer.n_index_elems; ++i) {
            const auto& elem = *infer.index_elems[i]->index_elem;
            if (elem.name != nullptr && elem.name[0] != '\0') {
                if (target.find_column(elem.name) == nullptr) {
                    throw PgError(sqlstate::kUndefinedColumn,
                                  "column \"" + std::string(elem.name) + "\" does not exist", error_position(infer.location));
                }
                columns.push_back(quote_identifier(elem.name));
            } else {
                columns.push_back("(" + q.expression(elem.expr, target_scope).sql + ")");
            }
        }
        if (!columns.empty()) sql += " (" + join_strings(columns, ", ") + ")";
        if (infer.where_clause != nullptr) sql += " WHERE " + q.expression(infer.where_clause, target_scope).sql;
    }
    if (clause.action == PG_QUERY__ON_CONFLICT_ACTION__ONCONFLICT_NOTHING) return sql + " DO NOTHING";
    if (clause.infer == nullptr) {
        throw PgError(sqlstate::kSyntaxError,
                      "ON CONFLICT DO UPDATE requires inference specification or constraint name",
                      error_position(clause.location))
            .with_hint("For example, ON CONFLICT (column_name).");
    }
    // EXCLUDED is the row that was proposed for insertion.
    Scope scope = target_scope;
    RangeEntry excluded = target;
    excluded.refname = "excluded";
    excluded.unqualified = false;
    for (auto& c : excluded.columns) {
        c.table_oid = 0;
        c.column_number = 0;
    }
    scope.entries.push_back(std::move(excluded));
    sql += " DO UPDATE SET " + set_list(q, clause.target_list, clause.n_target_list, target, scope);
    if (clause.where_clause != nullptr) sql += " WHERE " + q.expression(clause.where_clause, scope).sql;
    return sql;
}

std::string StatementTranslator::set_list(QueryTranslator& q, PgQuery__Node** items, size_t count,
                                          const RangeEntry& target, const Scope& scope) {
    std::vector<std::string> sets;
    for (size_t i = 0; i < count; ++i) {
        const auto* rt = items[i]->res_target;
        if (rt->n_indirection > 0) throw_unsupported("UPDATE of a subfield or array element", rt->location);
        if (rt->val->node_case == PG_QUERY__NODE__NODE_MULTI_ASSIGN_REF) {
            throw_unsupported("UPDATE SET (columns) = (...)", rt->location);
        }
        const ColumnInfo* c = target.find_column(rt->name);
        if (c == nullptr) {
            throw PgError(sqlstate::kUndefinedColumn,
                          "column \"" + std::string(rt->name) + "\" of relation \"" + target.relation_name +
                              "\" does not exist",
                          error_position(rt->location));
        }
        std::string value;
        if (rt->val->node_case == PG_QUERY__NODE__NODE_SET_TO_DEFAULT) {
            value = c->default_sql.empty() ? "NULL" : "(" + c->default_sql + ")";
        } else {
            check_identity_update(*c);
            value = q.assignment(q.expression(rt->val, scope), c->type, rt->location);
        }
        sets.push_back(quote_identifier(c->name) + " = " + value);
    }
    return join_strings(sets, ", ");
}

TranslatedStatement StatementTranslator::update(const PgQuery__UpdateStmt& stmt) {
    QueryTranslator q(catalog_, parameter_types_);
    q.use_captured_common_tables(&captured_ctes_);
    std::string with = stmt.with_clause != nullptr ? q.with_clause(*stmt.with_clause, nullptr) : "";
    Scope scope;
    scope.entries.push_back(q.table_entry(*stmt.relation));
    // With FROM items beside it, the target's columns may be ambiguous
    // unqualified; SQLite's UPDATE ... FROM accepts them qualified.
    scope.entries.back().unqualified = stmt.n_from_clause == 0;
    RangeEntry target = scope.entries.back();
    std::string from;
    for (size_t i = 0; i < stmt.n_from_clause; ++i) {
        from += (i == 0 ? " FROM " : ", ") + q.from_clause_item(stmt.from_clause[i], scope);
    }

    std::string sql = with + "UPDATE " + target_table(target, *stmt.relation);
    if (stmt.relation->alias != nullptr || !target.sqlite_name.empty()) sql += " AS " + quote_identifier(target.refname);
    sql += " SET " + set_list(q, stmt.target_list, stmt.n_target_list, target, scope) + from;
    if (stmt.where_clause != nullptr) sql += " WHERE " + q.condition(stmt.where_clause, scope, "WHERE");

    TranslatedStatement t = plain("UPDATE", StatementKind::kQuery);
    t.tag_style = TagStyle::kRowCount;
    t.writes = true;
    if (stmt.n_returning_list > 0) {
        // SQLite's RETURNING sees only the target, by unqualified names.
        Scope returning;
        returning.entries.push_back(target);
        returning.entries.back().unqualified = true;
        sql += " RETURNING " + q.target_list(stmt.returning_list, stmt.n_returning_list, returning, t.columns);
        t.returns_rows = true;
    }
    t.sqlite_sql.push_back(std::move(sql));
    return t;
}

TranslatedStatement StatementTranslator::remove(const PgQuery__DeleteStmt& stmt) {
    QueryTranslator q(catalog_, parameter_types_);
    q.use_captured_common_tables(&captured_ctes_);
    std::string with = stmt.with_clause != nullptr ? q.with_clause(*stmt.with_clause, nullptr) : "";
    Scope scope;
    scope.entries.push_back(q.table_entry(*stmt.relation));
    RangeEntry target = scope.entries.back();
    target.unqualified = true;
    std::string table = target_table(target, *stmt.relation);
    std::string sql = with + "DELETE FROM " + table;
    if (stmt.n_using_clause == 0) {
        scope.entries.back().unqualified = true;
        if (stmt.where_clause != nullptr) sql += " WHERE " + q.condition(stmt.where_clause, scope, "WHERE");
    } else {
        // SQLite has no DELETE ... USING: the rows to delete are found by a
        // join over the target's rowids.
        std::string refname = quote_identifier(scope.entries.back().refname);
        bool named = stmt.relation->alias != nullptr || !target.sqlite_name.empty();
        std::string from = table + (named ? " AS " + refname : "");
        for (size_t i = 0; i < stmt.n_using_clause; ++i) from += ", " + q.from_clause_item(stmt.using_clause[i], scope);
        sql += " WHERE rowid IN (SELECT " + refname + ".rowid FROM " + from;
        if (stmt.where_clause != nullptr) sql += " WHERE " + q.condition(stmt.where_clause, scope, "WHERE");
        sql += ")";
    }
    scope = Scope();
    scope.entries.push_back(target);

    TranslatedStatement t = plain("DELETE", StatementKind::kQuery);
    t.tag_style = TagStyle::kRowCount;
    t.writes = true;
    if (stmt.n_returning_list > 0) {
        sql += " RETURNING " + q.target_list(stmt.returning_list, stmt.n_returning_list, scope, t.columns);
        t.returns_rows = true;
    }
    t.sqlite_sql.push_back(std::move(sql));
    return t;
}

TranslatedStatement StatementTranslator::create_table(const PgQuery__CreateStmt& stmt) {
    const auto& rv = *stmt.relation;
    if (stmt.n_inh_relations > 0) throw_unsupported("INHERITS", rv.location);
    if (stmt.partspec != nullptr) throw_unsupported("PARTITION BY", rv.location);
    std::string relname = rv.relname;
    TranslatedStatement t = plain("CREATE TABLE", StatementKind::kQuery);
    t.writes = true;
    t.changes_schema = true;
    std::string table = new_table_name(rv, stmt.oncommit, t);
    if (catalog_.find_table(table)) {
        if (stmt.if_not_exists) {
            t.sqlite_sql.clear();
            t.notices.push_back({sqlstate::kDuplicateTable, "relation \"" + relname + "\" already exists, skipping"});
            return t;
        }
        throw PgError(sqlstate::kDuplicateTable, "relation \"" + relname + "\" already exists");
    }

    QueryTranslator q(catalog_, parameter_types_);
    Scope table_scope;  // for CHECK constraints
    RangeEntry self;
    self.refname = relname;
    self.unqualified = true;
    for (size_t i = 0; i < stmt.n_table_elts; ++i) {
        const PgQuery__Node* elt = stmt.table_elts[i];
        if (elt->node_case != PG_QUERY__NODE__NODE_COLUMN_DEF) continue;
        const auto& col = *elt->column_def;
        ResolvedTypeName type = resolve_type_name(*col.type_name, &catalog_);
        if (self.find_column(col.colname) != nullptr) {
            throw PgError(sqlstate::kDuplicateColumn,
                          "column \"" + std::string(col.colname) + "\" specified more than once");
        }
        self.columns.push_back(ColumnInfo{col.colname, type.type, false, ""});
    }
    table_scope.entries.push_back(self);


    // Primary key columns, from column and table constraints.
    std::vector<std::string> key_columns;
    for (size_t i = 0; i < stmt.n_table_elts; ++i) {
        const PgQuery__Node* elt = stmt.table_elts[i];
        if (elt->node_case == PG_QUERY__NODE__NODE_CONSTRAINT &&
            elt->constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY) {
            for (size_t k = 0; k < elt->constraint->n_keys; ++k) key_columns.push_back(string_value(elt->constraint->keys[k]));
        }
        if (elt->node_case != PG_QUERY__NODE__NODE_COLUMN_DEF) continue;
        for (size_t k = 0; k < elt->column_def->n_constraints; ++k) {
            if (elt->column_def->constraints[k]->constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY) {
                key_columns.push_back(elt->column_def->colname);
            }
        }
    }

    std::vector<std::string> defs;
    std::vector<std::string> after;  // SQL run after the CREATE (sequences)
    for (size_t i = 0; i < stmt.n_table_elts; ++i) {
        const PgQuery__Node* elt = stmt.table_elts[i];
        if (elt->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) continue;
        if (elt->node_case != PG_QUERY__NODE__NODE_COLUMN_DEF) throw_unsupported("LIKE in CREATE TABLE");
        const auto& col = *elt->column_def;
        bool in_key = std::find(key_columns.begin(), key_columns.end(), col.colname) != key_columns.end();
        defs.push_back(column_definition(q, col, table, in_key, table_scope, after));
    }
    for (size_t i = 0; i < stmt.n_table_elts; ++i) {
        const PgQuery__Node* elt = stmt.table_elts[i];
        if (elt->node_case != PG_QUERY__NODE__NODE_CONSTRAINT) continue;
        defs.push_back(table_constraint(q, *elt->constraint, table, table_scope));
    }
    t.sqlite_sql.push_back("CREATE TABLE " + quote_identifier(table) + " (" + join_strings(defs, ", ") + ")");
    t.sqlite_sql.push_back(ddl::register_relation_sql(table));
    for (auto& s : after) t.sqlite_sql.push_back(std::move(s));
    return t;
}

// ALTER SCHEMA/TYPE/DATABASE ... OWNER TO: as for relations (see
// AlterTableTranslator::change_owner), nothing changes but the object must exist.
TranslatedStatement StatementTranslator::alter_owner(const PgQuery__AlterOwnerStmt& stmt) {
    const PgQuery__Node* object = stmt.object;
    switch (stmt.object_type) {
        case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: {
            std::string name = string_value(object);
            if (!NameResolver::is_system_schema(name) && !catalog_.schema_exists(name)) {
                throw PgError(sqlstate::kInvalidSchemaName, "schema \"" + name + "\" does not exist");
            }
            return plain("ALTER SCHEMA", StatementKind::kQuery);
        }
        case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE: {
            std::string name = object->node_case == PG_QUERY__NODE__NODE_LIST && object->list->n_items > 0
                                   ? string_value(object->list->items[object->list->n_items - 1])
                                   : string_value(object);
            if (!catalog_.find_enum_type(name)) {
                throw PgError(sqlstate::kUndefinedObject, "type \"" + name + "\" does not exist");
            }
            return plain("ALTER TYPE", StatementKind::kQuery);
        }
        case PG_QUERY__OBJECT_TYPE__OBJECT_DATABASE: return plain("ALTER DATABASE", StatementKind::kQuery);
        default: throw_unsupported("ALTER ... OWNER TO of this kind of object");
    }
}

std::string StatementTranslator::new_table_name(const PgQuery__RangeVar& rv, PgQuery__OnCommitAction on_commit,
                                                TranslatedStatement& t) {
    std::string relname = rv.relname;
    if (relname.rfind("_litegres_", 0) == 0 || relname.rfind("sqlite_", 0) == 0) {
        throw PgError(sqlstate::kInsufficientPrivilege,
                      "table name \"" + relname + "\" is reserved for litegres's own bookkeeping");
    }
    std::string schema = rv.schemaname != nullptr ? rv.schemaname : "";
    bool temporary = (rv.relpersistence != nullptr && rv.relpersistence[0] == 't') || schema == "pg_temp";
    bool on_commit_given = on_commit != PG_QUERY__ON_COMMIT_ACTION__ONCOMMIT_NOOP &&
                           on_commit != PG_QUERY__ON_COMMIT_ACTION__ON_COMMIT_ACTION_UNDEFINED;
    if (!temporary) {
        if (on_commit_given) {
            throw PgError(sqlstate::kInvalidTableDefinition, "ON COMMIT can only be used on temporary tables");
        }
        // The SQLite name (see NameResolver).
        return NameResolver(catalog_).creation_target(rv).sqlite_name();
    }
    if (on_commit_given && on_commit != PG_QUERY__ON_COMMIT_ACTION__ONCOMMIT_PRESERVE_ROWS) {
        throw_unsupported(on_commit == PG_QUERY__ON_COMMIT_ACTION__ONCOMMIT_DROP ? "ON COMMIT DROP"
                                                                                 : "ON COMMIT DELETE ROWS",
                          rv.location);
    }
    // A temporary table lives in the session's temp schema, made by its
    // first temporary table and dropped when the session ends.
    RelationName target = NameResolver(catalog_).temporary_target(schema, relname, rv.location);
    if (!catalog_.schema_exists(target.schema)) {
        t.sqlite_sql.push_back(SchemaTranslator::create_schema_sql(target.schema, ""));
    }
    t.creates_temp_schema = true;
    return target.sqlite_name();
}

TranslatedStatement StatementTranslator::create_table_as(const PgQuery__IntoClause& into,
                                                         const PgQuery__SelectStmt& query, bool if_not_exists) {
    const auto& rv = *into.rel;
    std::string relname = rv.relname;
    TranslatedStatement t = plain("SELECT", StatementKind::kQuery);
    t.writes = true;
    t.changes_schema = true;
    std::string table = new_table_name(rv, into.on_commit, t);
    if (catalog_.find_table(table)) {
        if (if_not_exists) {
            t.sqlite_sql.clear();
            t.tag = "CREATE TABLE AS";
            t.notices.push_back({sqlstate::kDuplicateTable, "relation \"" + relname + "\" already exists, skipping"});
            return t;
        }
        throw PgError(sqlstate::kDuplicateTable, "relation \"" + relname + "\" already exists");
    }

    QueryTranslator q(catalog_, parameter_types_);
    q.use_captured_common_tables(&captured_ctes_);
    SelectOutput out = q.select(query, nullptr);
    if (into.n_col_names > out.columns.size()) {
        throw PgError(sqlstate::kSyntaxError, "too many column names were specified");
    }
    std::vector<std::string> defs;
    std::vector<std::string> names;
    for (size_t i = 0; i < out.columns.size(); ++i) {
        std::string name = i < into.n_col_names ? string_value(into.col_names[i]) : out.columns[i].name;
        if (std::find(names.begin(), names.end(), name) != names.end()) {
            throw PgError(sqlstate::kDuplicateColumn, "column \"" + name + "\" specified more than once");
        }
        names.push_back(name);
        // An unknown-typed output (a string literal) is stored as text.
        PgType type = out.columns[i].type.is_unknown() ? kText : out.columns[i].type;
        std::string declared = column_declaration(type);
        if (pgwire::is_array_type(type.oid)) declared = quote_identifier(declared);
        defs.push_back(quote_identifier(name) + " " + declared);
    }
    t.sqlite_sql.push_back("CREATE TABLE " + quote_identifier(table) + " (" + join_strings(defs, ", ") + ")");
    t.sqlite_sql.push_back(ddl::register_relation_sql(table));
    if (into.skip_data) {
        t.tag = "CREATE TABLE AS";
    } else {
        // The last statement's change count is the tag's row count.
        t.sqlite_sql.push_back("INSERT INTO " + quote_identifier(table) + " SELECT * FROM (" + out.sql + ")");
        t.tag_style = TagStyle::kRowCount;
    }
    return t;
}

std::string StatementTranslator::check_references(const PgQuery__Constraint& c, const std::string& table) {
    NameResolver names(catalog_);
    // Unqualified, the table's own name means itself while it is created in
    // the first schema of the search path.
    RelationName self = names.of_sqlite_name(table);
    const char* schema = c.pktable->schemaname != nullptr ? c.pktable->schemaname : "";
    std::vector<std::string> path = schema[0] == '\0' ? names.existing_search_path() : std::vector<std::string>{schema};
    if (self.name == c.pktable->relname && !path.empty() && path.front() == self.schema) return table;
    std::optional<RelationName> parent = names.find(*c.pktable);
    if (!parent || !catalog_.find_table(parent->sqlite_name())) {
        throw PgError(sqlstate::kUndefinedTable, "relation \"" + NameResolver::display(*c.pktable) + "\" does not exist");
    }
    return parent->sqlite_name();
}

std::string StatementTranslator::column_definition(QueryTranslator& q, const PgQuery__ColumnDef& col,
                                                   const std::string& table, bool in_key, const Scope& table_scope,
                                                   std::vector<std::string>& after) {
    ResolvedTypeName type = resolve_type_name(*col.type_name, &catalog_);
    // SQLite makes an "integer" PRIMARY KEY an alias of the rowid, which
    // fills in NULLs and ignores the DEFAULT (a serial's sequence). Such
    // columns are declared "int4", which SQLite never aliases.
    std::string declared = type.type == kInt4 && (type.serial || in_key) ? "int4" : column_declaration(type.type);
    // SQLite would read the brackets of "integer[]" as a quoted name.
    if (pgwire::is_array_type(type.type.oid)) declared = quote_identifier(declared);
    std::string def = quote_identifier(col.colname) + " " + declared;
    // Key columns are NOT NULL in PostgreSQL; SQLite lets NULL into a
    // non-rowid PRIMARY KEY.
    bool not_null = col.is_not_null || in_key;
    std::string default_sql;
    // Constraint and sequence names are made from the relation's own name,
    // in its schema.
    RelationName relation = NameResolver(catalog_).of_sqlite_name(table);
    // serial, and GENERATED ... AS IDENTITY: a sequence owned by the column.
    auto owned_sequence = [&](PgQuery__Node** options, size_t n_options, char identity) {
        std::string seq = SequenceTranslator(catalog_).owned_sequence_name(table, col.colname, options, n_options);
        default_sql = "litegres_nextval(" + quote_string(seq) + ")";
        not_null = true;
        after.push_back(SequenceTranslator(catalog_).owned_sequence_sql(seq, table, col.colname, type.type, options,
                                                                        n_options, identity));
        after.push_back(ddl::register_relation_sql(seq));
    };
    if (type.serial) owned_sequence(nullptr, 0, 0);
    std::string constraints;
    // Column constraints are named as PostgreSQL names them (t_a_key,
    // t_a_check, ...), so that violations and DROP CONSTRAINT can name them.
    auto named = [](const PgQuery__Constraint& c, const std::string& generated) {
        std::string name = c.conname != nullptr && c.conname[0] != '\0' ? c.conname : generated;
        return " CONSTRAINT " + quote_identifier(name) + " ";
    };
    for (size_t k = 0; k < col.n_constraints; ++k) {
        const auto& c = *col.constraints[k]->constraint;
        switch (c.contype) {
            case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL: not_null = true; break;
            case PG_QUERY__CONSTR_TYPE__CONSTR_NULL: break;
            case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT: {
                Scope none;
                TypedSql v = q.expression(c.raw_expr, none);
                if (v.unknown_literal && type.type.oid == pgwire::oid::kNumeric &&
                    type.type.typmod >= 0) {
                    // As PostgreSQL keeps it: the literal as a numeric
                    // constant under the column's typmod coercion, so the
                    // default prints as written ('0'::numeric, not 0.00).
                    v = TypedSql{q.assignment(v, PgType{pgwire::oid::kNumeric, -1}, c.location),
                                 PgType{pgwire::oid::kNumeric, -1}};
                }
                default_sql = q.assignment(v, type.type, c.location);
                break;
            }
            case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
                constraints += named(c, relation.name + "_pkey") + "PRIMARY KEY";
                break;
            case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
                constraints += named(c, IndexTranslator::choose_name(catalog_, relation, {col.colname}, "key")) + "UNIQUE";
                break;
            case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN:
                constraints += named(c, IndexTranslator::choose_name(catalog_, relation, {col.colname}, "fkey")) +
                               references_clause(c, check_references(c, table)).substr(1);
                break;
            case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
                constraints += named(c, IndexTranslator::choose_name(catalog_, relation, {col.colname}, "check")) +
                               "CHECK (" + q.expression(c.raw_expr, table_scope).sql + ")";
                break;
            case PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY:
                owned_sequence(c.options, c.n_options, c.generated_when != nullptr ? c.generated_when[0] : 'a');
                break;
            case PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED: throw_unsupported("generated columns", c.location);
            default: throw_unsupported("this column constraint", c.location);
        }
    }
    if (not_null) def += " NOT NULL";
    if (!default_sql.empty()) def += " DEFAULT (" + default_sql + ")";
    return def + constraints;
}

std::string StatementTranslator::table_constraint(QueryTranslator& q, const PgQuery__Constraint& c,
                                                  const std::string& table, const Scope& table_scope) {
    // Unnamed constraints get PostgreSQL's generated names, so that
    // violations and ALTER TABLE ... DROP CONSTRAINT can name them.
    std::string name = c.conname != nullptr ? c.conname : "";
    RelationName relation = NameResolver(catalog_).of_sqlite_name(table);
    auto key_names = [](PgQuery__Node** items, size_t n) {
        std::vector<std::string> names;
        for (size_t i = 0; i < n; ++i) names.push_back(string_value(items[i]));
        return names;
    };
    if (name.empty()) {
        switch (c.contype) {
            case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY: name = relation.name + "_pkey"; break;
            case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
                name = IndexTranslator::choose_name(catalog_, relation, key_names(c.keys, c.n_keys), "key");
                break;
            case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN:
                name = IndexTranslator::choose_name(catalog_, relation, key_names(c.fk_attrs, c.n_fk_attrs), "fkey");
                break;
            default: break;
        }
    }
    std::string prefix = name.empty() ? "" : "CONSTRAINT " + quote_identifier(name) + " ";
    switch (c.contype) {
        case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
            return prefix + "PRIMARY KEY (" + identifier_list(c.keys, c.n_keys) + ")";
        case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE: return prefix + "UNIQUE (" + identifier_list(c.keys, c.n_keys) + ")";
        case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN:
            return prefix + "FOREIGN KEY (" + identifier_list(c.fk_attrs, c.n_fk_attrs) + ")" +
                   references_clause(c, check_references(c, table));
        case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK: {
            std::string check = q.expression(c.raw_expr, table_scope).sql;
            if (name.empty()) {
                // table_col_check when the expression uses one column, else table_check.
                std::vector<std::string> used;
                for (const auto& column : table_scope.entries.front().columns) {
                    if (check.find(quote_identifier(column.name)) != std::string::npos) used.push_back(column.name);
                }
                if (used.size() != 1) used.clear();
                name = IndexTranslator::choose_name(catalog_, relation, used, "check");
                prefix = "CONSTRAINT " + quote_identifier(name) + " ";
            }
            return prefix + "CHECK (" + check + ")";
        }
        default: throw_unsupported("this table constraint", c.location);
    }
}

TranslatedStatement StatementTranslator::transaction(const PgQuery__TransactionStmt& stmt) {
    switch (stmt.kind) {
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_BEGIN:
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_START: {
            TranslatedStatement t = plain(
                stmt.kind == PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_BEGIN ? "BEGIN" : "START TRANSACTION",
                StatementKind::kBegin);
            for (size_t i = 0; i < stmt.n_options; ++i) {
                const auto* opt = stmt.options[i]->def_elem;
                if (std::string(opt->defname) == "transaction_read_only" && opt->arg != nullptr &&
                    opt->arg->node_case == PG_QUERY__NODE__NODE_A_CONST &&
                    opt->arg->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL) {
                    t.read_only_transaction = opt->arg->a_const->ival->ival != 0;
                }
            }
            return t;
        }
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT: return plain("COMMIT", StatementKind::kCommit);
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK:
            return plain("ROLLBACK", StatementKind::kRollback);
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_SAVEPOINT: {
            TranslatedStatement t = plain("SAVEPOINT", StatementKind::kSavepoint);
            t.object_name = stmt.savepoint_name;
            return t;
        }
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_RELEASE: {
            TranslatedStatement t = plain("RELEASE", StatementKind::kRelease);
            t.object_name = stmt.savepoint_name;
            return t;
        }
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK_TO: {
            TranslatedStatement t = plain("ROLLBACK", StatementKind::kRollbackTo);
            t.object_name = stmt.savepoint_name;
            return t;
        }
        default: throw_unsupported("two-phase commit");
    }
}

TranslatedStatement StatementTranslator::lock(const PgQuery__LockStmt& stmt) {
    for (size_t i = 0; i < stmt.n_relations; ++i) {
        const auto& rv = *stmt.relations[i]->range_var;
        auto relation = NameResolver(catalog_).find(rv);
        auto object = relation ? catalog_.find_object(relation->sqlite_name()) : std::nullopt;
        if (!object) {
            throw PgError(sqlstate::kUndefinedTable, "relation \"" + NameResolver::display(rv) + "\" does not exist",
                          error_position(rv.location));
        }
        if (object->kind != "table" && object->kind != "view") {
            throw PgError(sqlstate::kWrongObjectType, "cannot lock relation \"" + relation->name + "\"")
                .with_detail("This operation is not supported for " + object->kind + (object->kind == "index" ? "es." : "s."));
        }
    }
    TranslatedStatement t = plain("LOCK TABLE", StatementKind::kLock);
    t.lock_mode = stmt.mode;
    return t;
}

TranslatedStatement StatementTranslator::set_variable(const PgQuery__VariableSetStmt& stmt) {
    TranslatedStatement t = plain("SET", StatementKind::kSet);
    t.set_local = stmt.is_local;
    switch (stmt.kind) {
        case PG_QUERY__VARIABLE_SET_KIND__VAR_SET_VALUE: {
            t.object_name = stmt.name;
            std::vector<std::string> parts;
            for (size_t i = 0; i < stmt.n_args; ++i) {
                const PgQuery__Node* arg = stmt.args[i];
                if (std::optional<std::string> hours = interval_zone_hours(arg)) {
                    parts.push_back(*hours);
                    continue;
                }
                if (arg->node_case != PG_QUERY__NODE__NODE_A_CONST) {
                    throw_unsupported("SET with a non-constant value");
                }
                const auto& c = *arg->a_const;
                switch (c.val_case) {
                    case PG_QUERY__A__CONST__VAL_SVAL: parts.push_back(c.sval->sval); break;
                    case PG_QUERY__A__CONST__VAL_IVAL: parts.push_back(std::to_string(c.ival->ival)); break;
                    case PG_QUERY__A__CONST__VAL_FVAL: parts.push_back(c.fval->fval); break;
                    case PG_QUERY__A__CONST__VAL_BOOLVAL: parts.push_back(c.boolval->boolval ? "on" : "off"); break;
                    default: break;
                }
            }
            // Its items are schema names, each quoted where needed ("$user").
            t.setting_value = t.object_name == "search_path" ? SearchPath::setting_text(parts) : join_strings(parts, ", ");
            return t;
        }
        case PG_QUERY__VARIABLE_SET_KIND__VAR_SET_DEFAULT:
        case PG_QUERY__VARIABLE_SET_KIND__VAR_RESET:
            t.object_name = stmt.name;
            if (stmt.kind == PG_QUERY__VARIABLE_SET_KIND__VAR_RESET) t.tag = "RESET";
            return t;
        case PG_QUERY__VARIABLE_SET_KIND__VAR_RESET_ALL:
            t.tag = "RESET";
            t.object_name = "all";
            return t;
        case PG_QUERY__VARIABLE_SET_KIND__VAR_SET_MULTI:
            // SET TRANSACTION ... / SET SESSION CHARACTERISTICS: accepted, as
            // every litegres transaction is already serializable.
            return t;
        default: throw_unsupported("SET ... FROM CURRENT");
    }
}

}  // namespace litegres::translate
