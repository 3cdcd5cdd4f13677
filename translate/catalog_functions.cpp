// catalog_functions.cpp — reading litegres's schema text back into
// PostgreSQL's catalog facts (see catalog_functions.h).
#include "translate/catalog_functions.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "pgwire/pg_error.h"
#include "translate/ast_walk.h"
#include "translate/function_error.h"
#include "translate/parsed_query.h"
#include "translate/pg_expression_text.h"
#include "translate/qualified_name.h"
#include "translate/query_translator.h"
#include "translate/session_context.h"
#include "translate/sql_text.h"
#include "translate/table_definition.h"
#include "translate/sqlite_value.h"
#include "pgwire/json_value.h"

namespace litegres::translate {

namespace {

const char* node_string(const PgQuery__Node* node) {
    return node != nullptr && node->node_case == PG_QUERY__NODE__NODE_STRING ? node->string->sval
                                                                             : "";
}

std::string json_numbers(const std::vector<int>& numbers) {
    std::string out = "[";
    for (size_t i = 0; i < numbers.size(); ++i)
        out += (i > 0 ? "," : "") + std::to_string(numbers[i]);
    return out + "]";
}

struct TableColumn {
    std::string name;
    PgType type;
    int pk = 0;
};

// The table's columns as SQLite reports them (declared types).
std::vector<TableColumn> table_columns(sqlite3* db, const std::string& table) {
    std::vector<TableColumn> columns;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid", -1,
                           &stmt, nullptr) != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return columns;
    }
    sqlite3_bind_text(stmt, 1, table.c_str(), int(table.size()), SQLITE_TRANSIENT);
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        auto text = [&](int i) {
            const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
            return std::string(p != nullptr ? p : "");
        };
        columns.push_back(
            TableColumn{text(0), type_from_declared(text(1)), sqlite3_column_int(stmt, 2)});
    }
    sqlite3_finalize(stmt);
    return columns;
}

std::map<std::string, PgType> types_of(const std::vector<TableColumn>& columns) {
    std::map<std::string, PgType> types;
    for (const auto& c : columns) types[c.name] = c.type;
    return types;
}

int attnum_of(const std::vector<TableColumn>& columns, const std::string& name) {
    for (size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].name == name) return int(i) + 1;
    }
    return 0;
}

std::string name_list(const std::vector<std::string>& names) {
    std::string out;
    for (size_t i = 0; i < names.size(); ++i)
        out += (i > 0 ? ", " : "") + PgExpressionText::identifier(names[i]);
    return out;
}

const char* action_text(const char* action) {
    switch (action != nullptr ? action[0] : 'a') {
        case 'r':
            return "RESTRICT";
        case 'c':
            return "CASCADE";
        case 'n':
            return "SET NULL";
        case 'd':
            return "SET DEFAULT";
        default:
            return nullptr;
    }
}

std::string table_constraints(sqlite3* db, const std::string& table,
                              const std::string& create_sql) {
    TableDefinition definition = TableDefinition::parse(create_sql);
    std::vector<TableColumn> columns = table_columns(db, table);
    PgExpressionText printer(types_of(columns));
    PgExpressionText plain_printer(types_of(columns), false);
    // The constraint clauses, re-read by PostgreSQL's own grammar.
    std::string statement = "CREATE TABLE t (";
    bool first = true;
    for (const auto& column : definition.columns) {
        statement += std::string(first ? "" : ", ") + quote_identifier(column.name) + " int " +
                     column.constraints;
        first = false;
    }
    for (const auto& constraint : definition.table_constraints) {
        statement += std::string(first ? "" : ", ") + constraint;
        first = false;
    }
    ParsedQuery parsed(statement + ")");
    const auto& create = *parsed.statement(0).stmt->create_stmt;
    std::string out = "[";
    auto add = [&](const PgQuery__Constraint& c, const std::string& column) {
        std::vector<std::string> keys;
        for (size_t i = 0; i < c.n_keys; ++i) keys.push_back(node_string(c.keys[i]));
        for (size_t i = 0; i < c.n_fk_attrs; ++i) keys.push_back(node_string(c.fk_attrs[i]));
        if (keys.empty() && !column.empty()) keys.push_back(column);
        std::string type, def, plain_def, references;
        std::vector<int> referenced_attnums;
        const char* upd = " ";
        const char* del = " ";
        switch (c.contype) {
            case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
                type = "p";
                def = "PRIMARY KEY (" + name_list(keys) + ")";
                break;
            case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
                type = "u";
                def = "UNIQUE (" + name_list(keys) + ")";
                break;
            case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
                type = "c";
                def = "CHECK (" + printer.print(c.raw_expr).text + ")";
                plain_def = "CHECK (" + plain_printer.print(c.raw_expr).text + ")";
                break;
            case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN: {
                type = "f";
                references = c.pktable->relname;
                std::vector<TableColumn> referenced = table_columns(db, references);
                std::vector<std::string> pk_names;
                for (size_t i = 0; i < c.n_pk_attrs; ++i)
                    pk_names.push_back(node_string(c.pk_attrs[i]));
                if (pk_names.empty()) {
                    // REFERENCES t: the referenced table's primary key, in key order.
                    std::map<int, std::string> by_position;
                    for (const auto& r : referenced) {
                        if (r.pk > 0) by_position[r.pk] = r.name;
                    }
                    for (const auto& [position, name] : by_position) pk_names.push_back(name);
                }
                for (const auto& name : pk_names)
                    referenced_attnums.push_back(attnum_of(referenced, name));
                def = "FOREIGN KEY (" + name_list(keys) + ") REFERENCES " +
                      qualified_relation_name(db, references) + "(" + name_list(pk_names) + ")";
                if (const char* a = action_text(c.fk_upd_action))
                    def += std::string(" ON UPDATE ") + a;
                if (const char* a = action_text(c.fk_del_action))
                    def += std::string(" ON DELETE ") + a;
                upd = c.fk_upd_action != nullptr && c.fk_upd_action[0] != '\0' ? c.fk_upd_action
                                                                               : "a";
                del = c.fk_del_action != nullptr && c.fk_del_action[0] != '\0' ? c.fk_del_action
                                                                               : "a";
                break;
            }
            default:
                return;
        }
        if (c.deferrable) def += " DEFERRABLE";
        if (c.initdeferred) def += " INITIALLY DEFERRED";
        if (plain_def.empty()) plain_def = def;
        std::vector<int> attnums;
        if (type == "c") {
            // A CHECK's key is the columns its expression reads, by attnum.
            std::vector<std::string> read;
            PgExpressionText::referenced_columns(c.raw_expr, read);
            for (const auto& name : read) attnums.push_back(attnum_of(columns, name));
            std::sort(attnums.begin(), attnums.end());
            attnums.erase(std::unique(attnums.begin(), attnums.end()), attnums.end());
            attnums.erase(std::remove(attnums.begin(), attnums.end(), 0), attnums.end());
        } else {
            for (const auto& k : keys) attnums.push_back(attnum_of(columns, k));
        }
        std::string name = c.conname != nullptr ? c.conname : "";
        out += std::string(out.size() > 1 ? "," : "") + "{\"name\":" + pgwire::json_string(name) +
               ",\"type\":\"" + type + "\",\"key\":" + json_numbers(attnums) +
               ",\"fkey\":" + (type == "f" ? json_numbers(referenced_attnums) : "null") +
               ",\"ref\":" + (type == "f" ? pgwire::json_string(references) : "null") + ",\"upd\":\"" +
               upd + "\",\"del\":\"" + del + "\",\"deferrable\":" + (c.deferrable ? "1" : "0") +
               ",\"deferred\":" + (c.initdeferred ? "1" : "0") + ",\"def\":" + pgwire::json_string(def) +
               ",\"plaindef\":" + pgwire::json_string(plain_def) + "}";
    };
    for (size_t i = 0; i < create.n_table_elts; ++i) {
        const auto* element = create.table_elts[i];
        if (element->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
            const auto& column = *element->column_def;
            for (size_t k = 0; k < column.n_constraints; ++k) {
                if (column.constraints[k]->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
                    add(*column.constraints[k]->constraint, column.colname);
                }
            }
        } else if (element->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
            add(*element->constraint, "");
        }
    }
    return out + "]";
}

struct IndexColumn {
    std::string name;  // the attribute name PostgreSQL gives it
    std::string definition;
    std::string options;  // " DESC", " NULLS FIRST": in the index's definition only
    PgType type;
};

// The key columns of an index: from its CREATE INDEX text, or (constraint
// indexes, create_sql NULL) from its indkey.
std::vector<IndexColumn> index_columns(sqlite3* db, const std::string& table,
                                       sqlite3_value* create_sql, const std::string& indkey,
                                       std::string* predicate, bool pretty) {
    std::vector<TableColumn> columns = table_columns(db, table);
    std::vector<IndexColumn> out;
    if (sqlite3_value_type(create_sql) == SQLITE_NULL) {
        std::istringstream keys(indkey);
        int attnum = 0;
        while (keys >> attnum) {
            if (attnum < 1 || attnum > int(columns.size())) continue;
            const auto& c = columns[size_t(attnum - 1)];
            out.push_back(IndexColumn{c.name, PgExpressionText::identifier(c.name), "", c.type});
        }
        return out;
    }
    ParsedQuery parsed(value_string(create_sql));
    if (parsed.statement_count() != 1 ||
        parsed.statement(0).stmt->node_case != PG_QUERY__NODE__NODE_INDEX_STMT) {
        throw_unsupported("an index litegres did not create");
    }
    const auto& index = *parsed.statement(0).stmt->index_stmt;
    PgExpressionText printer(types_of(columns), pretty);
    for (size_t i = 0; i < index.n_index_params; ++i) {
        const auto& element = *index.index_params[i]->index_elem;
        IndexColumn column;
        if (element.name != nullptr && element.name[0] != '\0') {
            column.name = element.name;
            column.definition = PgExpressionText::identifier(element.name);
            for (const auto& c : columns) {
                if (c.name == column.name) column.type = c.type;
            }
        } else {
            PgExpressionText::Printed printed = printer.print(element.expr);
            column.definition = printed.function ? printed.text : "(" + printed.text + ")";
            // PostgreSQL names an expression column after its function, else "expr".
            bool call =
                printed.function && element.expr->node_case == PG_QUERY__NODE__NODE_FUNC_CALL;
            column.name = call
                              ? node_string(element.expr->func_call
                                                ->funcname[element.expr->func_call->n_funcname - 1])
                              : "expr";
            column.type = printed.type;
        }
        if (element.ordering == PG_QUERY__SORT_BY_DIR__SORTBY_DESC) column.options += " DESC";
        if (element.nulls_ordering == PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_FIRST &&
            element.ordering != PG_QUERY__SORT_BY_DIR__SORTBY_DESC) {
            column.options += " NULLS FIRST";
        }
        if (element.nulls_ordering == PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_LAST &&
            element.ordering == PG_QUERY__SORT_BY_DIR__SORTBY_DESC) {
            column.options += " NULLS LAST";
        }
        out.push_back(std::move(column));
    }
    if (predicate != nullptr && index.where_clause != nullptr)
        *predicate = printer.print(index.where_clause).text;
    return out;
}

// Schema text litegres did not write (or cannot print) yields NULL rather
// than an error: the catalogs must stay readable. No exception may cross
// SQLite's C frames.
template <typename F>
void guarded(sqlite3_context* ctx, F&& body) {
    try {
        body();
    } catch (const std::exception&) {
        sqlite3_result_null(ctx);
    }
}

int64_t schema_version(sqlite3* db) {
    sqlite3_stmt* stmt = nullptr;
    int64_t version = -1;
    if (sqlite3_prepare_v2(db, "PRAGMA main.schema_version", -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW) {
        version = sqlite3_column_int64(stmt, 0);
    }
    sqlite3_finalize(stmt);
    return version;
}

// Catalog queries read every table's constraints, often several times per
// statement: the parse is kept per (database file, schema version, table text),
// since a table's constraints (and the columns its foreign keys reference)
// change only with the schema.
class ConstraintCache {
  public:
    std::optional<std::string> find(const std::string& key) {
        std::lock_guard lock(mutex_);
        auto it = entries_.find(key);
        if (it == entries_.end()) return std::nullopt;
        return it->second;
    }
    void store(const std::string& key, const std::string& value) {
        std::lock_guard lock(mutex_);
        if (entries_.size() >= kMaxEntries) entries_.clear();
        entries_[key] = value;
    }

  private:
    static constexpr size_t kMaxEntries = 4096;
    std::mutex mutex_;
    std::unordered_map<std::string, std::string> entries_;
};

ConstraintCache& constraint_cache() {
    static ConstraintCache cache;
    return cache;
}

void table_constraints_fn(sqlite3_context* ctx, int, sqlite3_value** argv) {
    guarded(ctx, [&] {
        if (sqlite3_value_type(argv[1]) == SQLITE_NULL) return result_text(ctx, "[]");
        sqlite3* db = sqlite3_context_db_handle(ctx);
        std::string table = value_string(argv[0]), sql = value_string(argv[1]);
        const char* file = sqlite3_db_filename(db, "main");
        // An in-memory database has no name to key the cache by.
        if (file == nullptr || file[0] == '\0')
            return result_text(ctx, table_constraints(db, table, sql));
        // A foreign key's referenced table is qualified off the search path.
        std::string path;
        if (const SessionContext* session = current_session_context()) {
            for (const auto& schema : session->search_path) path += schema + ",";
        }
        std::string key = std::string(file) + ":" + std::to_string(schema_version(db)) + ":" + path + ":" + table +
                          ":" + sql;
        if (std::optional<std::string> cached = constraint_cache().find(key))
            return result_text(ctx, *cached);
        std::string constraints = table_constraints(db, table, sql);
        constraint_cache().store(key, constraints);
        result_text(ctx, constraints);
    });
}

// litegres_index_definition(index, table, create_sql, indkey, unique, column, pretty):
// pg_get_indexdef's text, of the whole index (column 0) or one column; its
// predicate for column -1 (pg_index.indpred).
void index_definition_fn(sqlite3_context* ctx, int, sqlite3_value** argv) {
    guarded(ctx, [&] {
        std::string predicate;
        std::vector<IndexColumn> columns =
            index_columns(sqlite3_context_db_handle(ctx), value_string(argv[1]), argv[2],
                          value_string(argv[3]), &predicate, sqlite3_value_int(argv[6]) != 0);
        int column = sqlite3_value_int(argv[5]);
        // pg_get_indexdef qualifies the table whatever the search path.
        std::string table = value_string(argv[1]);
        std::string schema = relation_schema(sqlite3_context_db_handle(ctx), table);
        std::string table_name = PgExpressionText::identifier(schema) + "." +
                                 PgExpressionText::identifier(schema == "public" ? table : table.substr(schema.size() + 1));
        if (column < 0)
            return predicate.empty() ? sqlite3_result_null(ctx) : result_text(ctx, predicate);
        if (column > 0) {
            if (column > int(columns.size())) return result_text(ctx, "");
            return result_text(ctx, columns[size_t(column - 1)].definition);
        }
        std::string text = std::string(sqlite3_value_int(argv[4]) != 0 ? "CREATE UNIQUE INDEX "
                                                                       : "CREATE INDEX ") +
                           PgExpressionText::identifier(value_string(argv[0])) + " ON " + table_name +
                           " USING btree (";
        for (size_t i = 0; i < columns.size(); ++i) {
            text += (i > 0 ? ", " : "") + columns[i].definition + columns[i].options;
        }
        text += ")";
        if (!predicate.empty()) text += " WHERE " + predicate;
        result_text(ctx, text);
    });
}

// litegres_index_columns(table, create_sql, indkey): JSON [{name, type}].
void index_columns_fn(sqlite3_context* ctx, int, sqlite3_value** argv) {
    guarded(ctx, [&] {
        std::vector<IndexColumn> columns =
            index_columns(sqlite3_context_db_handle(ctx), value_string(argv[0]), argv[1],
                          value_string(argv[2]), nullptr, true);
        std::string out = "[";
        for (size_t i = 0; i < columns.size(); ++i) {
            PgType type = columns[i].type.is_unknown() ? kText : columns[i].type;
            out += std::string(i > 0 ? "," : "") + "{\"name\":" + pgwire::json_string(columns[i].name) +
                   ",\"type\":" + pgwire::json_string(format_type(type)) + "}";
        }
        result_text(ctx, out + "]");
    });
}

class ViewPrinter {
  public:
    ViewPrinter(sqlite3* db, bool pretty) : db_(db), pretty_(pretty) {}

    // `names`: the view's column names, which every branch of a set
    // operation takes.
    std::string select(const PgQuery__SelectStmt& s, const std::vector<std::string>& names) {
        return query(s, names) + ";";
    }

  private:
    std::string query(const PgQuery__SelectStmt& s, const std::vector<std::string>& names) {
        if (s.op != PG_QUERY__SET_OPERATION__SETOP_NONE && s.larg != nullptr && s.rarg != nullptr) {
            const char* word = s.op == PG_QUERY__SET_OPERATION__SETOP_UNION       ? "UNION"
                               : s.op == PG_QUERY__SET_OPERATION__SETOP_INTERSECT ? "INTERSECT"
                                                                                  : "EXCEPT";
            return query(*s.larg, names) + "\n" + word + (s.all ? " ALL" : "") + "\n" +
                   query(*s.rarg, names);
        }
        collect_columns(s);
        PgExpressionText printer(types_, pretty_);
        std::string out = " SELECT ";
        if (s.n_distinct_clause > 0) out += "DISTINCT ";
        for (size_t i = 0; i < s.n_target_list; ++i) {
            const auto& target = *s.target_list[i]->res_target;
            std::string value = printer.print(target.val).text;
            std::string natural;
            if (target.val->node_case == PG_QUERY__NODE__NODE_COLUMN_REF) {
                const auto& ref = *target.val->column_ref;
                natural = node_string(ref.fields[ref.n_fields - 1]);
            }
            std::string name =
                i < names.size() ? names[i] : (target.name != nullptr ? target.name : "");
            if (!name.empty() && natural != name)
                value += " AS " + PgExpressionText::identifier(name);
            if (i > 0) out += ",\n    ";
            // A CASE starts its own line.
            if (!value.empty() && value[0] == '\n') out.erase(out.find_last_not_of(" \n") + 1);
            out += value;
        }
        if (s.n_from_clause > 0) {
            out += "\n   FROM ";
            for (size_t i = 0; i < s.n_from_clause; ++i)
                out += (i > 0 ? ",\n    " : "") + from_item(s.from_clause[i], printer);
        }
        if (s.where_clause != nullptr) out += "\n  WHERE " + printer.print(s.where_clause).text;
        // ORDER BY / GROUP BY an output column name: PostgreSQL prints its expression.
        auto item = [&](const PgQuery__Node* node) {
            if (node->node_case == PG_QUERY__NODE__NODE_COLUMN_REF &&
                node->column_ref->n_fields == 1) {
                std::string name = node_string(node->column_ref->fields[0]);
                for (size_t i = 0; i < s.n_target_list; ++i) {
                    const auto& target = *s.target_list[i]->res_target;
                    if (target.name != nullptr && name == target.name)
                        return printer.print(target.val).text;
                }
            }
            return printer.print(node).text;
        };
        if (s.n_group_clause > 0) {
            out += "\n  GROUP BY ";
            for (size_t i = 0; i < s.n_group_clause; ++i)
                out += (i > 0 ? ", " : "") + item(s.group_clause[i]);
        }
        if (s.having_clause != nullptr) out += "\n HAVING " + printer.print(s.having_clause).text;
        if (s.n_sort_clause > 0) {
            out += "\n  ORDER BY ";
            for (size_t i = 0; i < s.n_sort_clause; ++i) {
                const auto& sort = *s.sort_clause[i]->sort_by;
                out += (i > 0 ? ", " : "") + item(sort.node);
                if (sort.sortby_dir == PG_QUERY__SORT_BY_DIR__SORTBY_DESC) out += " DESC";
            }
        }
        if (s.limit_count != nullptr) out += "\n LIMIT " + printer.print(s.limit_count).text;
        return out;
    }

    void collect_columns(const PgQuery__SelectStmt& s) {
        for (size_t i = 0; i < s.n_from_clause; ++i) collect_from(s.from_clause[i]);
    }
    void collect_from(const PgQuery__Node* node) {
        if (node->node_case == PG_QUERY__NODE__NODE_RANGE_VAR) {
            for (const auto& c : table_columns(db_, node->range_var->relname))
                types_.emplace(c.name, c.type);
        } else if (node->node_case == PG_QUERY__NODE__NODE_JOIN_EXPR) {
            collect_from(node->join_expr->larg);
            collect_from(node->join_expr->rarg);
        }
    }
    std::string from_item(const PgQuery__Node* node, const PgExpressionText& printer) {
        if (node->node_case == PG_QUERY__NODE__NODE_RANGE_VAR) {
            const auto& rv = *node->range_var;
            std::string out = qualified_relation_name(db_, rv.relname);
            // An alias that is the relation's own name is not printed (the
            // translator names each relation of another schema so).
            std::string schema = relation_schema(db_, rv.relname);
            std::string own = schema == "public" ? rv.relname : std::string(rv.relname).substr(schema.size() + 1);
            if (rv.alias != nullptr && own != rv.alias->aliasname) {
                out += " " + PgExpressionText::identifier(rv.alias->aliasname);
            }
            return out;
        }
        if (node->node_case == PG_QUERY__NODE__NODE_JOIN_EXPR) {
            const auto& join = *node->join_expr;
            const char* kind = " JOIN ";
            switch (join.jointype) {
                case PG_QUERY__JOIN_TYPE__JOIN_LEFT:
                    kind = " LEFT JOIN ";
                    break;
                case PG_QUERY__JOIN_TYPE__JOIN_RIGHT:
                    kind = " RIGHT JOIN ";
                    break;
                case PG_QUERY__JOIN_TYPE__JOIN_FULL:
                    kind = " FULL JOIN ";
                    break;
                default:
                    break;
            }
            std::string out =
                from_item(join.larg, printer) + "\n    " + kind + from_item(join.rarg, printer);
            // Without pretty printing PostgreSQL parenthesizes the join and its condition.
            if (join.quals != nullptr) {
                std::string condition = printer.print(join.quals).text;
                out += " ON " + (pretty_ ? condition : "(" + condition + ")");
            }
            return pretty_ ? out : "(" + out + ")";
        }
        throw_unsupported("printing this FROM item");
    }

    sqlite3* db_;
    bool pretty_;
    std::map<std::string, PgType> types_;
};

// litegres_view_relations(create_view_sql): JSON array of the SQLite names
// of the relations a view reads (its FROM items, at any depth).
void view_relations_fn(sqlite3_context* ctx, int, sqlite3_value** argv) {
    guarded(ctx, [&] {
        ParsedQuery parsed(value_string(argv[0]));
        std::vector<std::string> names;
        walk_messages(&parsed.statement(0).stmt->base, [&](const ProtobufCMessage& message) {
            if (message.descriptor == &pg_query__range_var__descriptor) {
                const auto& rv = reinterpret_cast<const PgQuery__RangeVar&>(message);
                if (std::find(names.begin(), names.end(), rv.relname) == names.end()) names.push_back(rv.relname);
            }
            return WalkStep::kDescend;
        });
        // The first is the view itself (CREATE VIEW's own name).
        std::string out = "[";
        for (size_t i = 1; i < names.size(); ++i) out += (i > 1 ? "," : "") + pgwire::json_string(names[i]);
        result_text(ctx, out + "]");
    });
}

void view_definition_fn(sqlite3_context* ctx, int, sqlite3_value** argv) {
    guarded(ctx, [&] {
        ParsedQuery parsed(value_string(argv[0]));
        const auto* stmt = parsed.statement(0).stmt;
        if (stmt->node_case != PG_QUERY__NODE__NODE_VIEW_STMT ||
            stmt->view_stmt->query->node_case != PG_QUERY__NODE__NODE_SELECT_STMT) {
            return sqlite3_result_null(ctx);
        }
        ViewPrinter printer(sqlite3_context_db_handle(ctx), sqlite3_value_int(argv[1]) != 0);
        std::vector<std::string> names;
        for (size_t i = 0; i < stmt->view_stmt->n_aliases; ++i)
            names.push_back(node_string(stmt->view_stmt->aliases[i]));
        result_text(ctx, printer.select(*stmt->view_stmt->query->select_stmt, names));
    });
}

// litegres_size_pretty(bytes): pg_size_pretty's text (bytes below 10 kB,
// then kB, MB, ... each rounded half up from the next smaller unit).
void size_pretty_fn(sqlite3_context* ctx, int, sqlite3_value** argv) {
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return sqlite3_result_null(ctx);
    struct Unit {
        const char* name;
        int64_t limit;
        bool round;
        int bits;
    };
    static const Unit kUnits[] = {{"bytes", 10 * 1024, false, 0},  {"kB", 20 * 1024 - 1, true, 10},
                                  {"MB", 20 * 1024 - 1, true, 20}, {"GB", 20 * 1024 - 1, true, 30},
                                  {"TB", 20 * 1024 - 1, true, 40}, {"PB", 20 * 1024 - 1, true, 50}};
    int64_t size = sqlite3_value_int64(argv[0]);
    constexpr size_t kCount = sizeof kUnits / sizeof kUnits[0];
    for (size_t i = 0; i < kCount; ++i) {
        const Unit& unit = kUnits[i];
        int64_t magnitude = size < 0 ? -size : size;
        if (i + 1 == kCount || magnitude < unit.limit) {
            if (unit.round) size = (size + (size < 0 ? -1 : 1)) / 2;
            return result_text(ctx, std::to_string(size) + " " + unit.name);
        }
        const Unit& next = kUnits[i + 1];
        int bits = next.bits - unit.bits - (next.round ? 1 : 0) + (unit.round ? 1 : 0);
        size /= int64_t(1) << bits;
    }
}

// litegres_regclass_out(oid): regclassout, the relation's name as
// quote_ident spells it, qualified when its schema is off the search path
// (its OID when there is no such relation, - for 0).
void regclass_out_fn(sqlite3_context* ctx, int, sqlite3_value** argv) {
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return sqlite3_result_null(ctx);
    int64_t relation = sqlite3_value_int64(argv[0]);
    if (relation == 0) return result_text(ctx, "-");
    sqlite3_stmt* stmt = nullptr;
    std::string name;
    if (sqlite3_prepare_v2(sqlite3_context_db_handle(ctx),
                           "SELECT c.relname, n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                           "WHERE c.oid = ?",
                           -1, &stmt, nullptr) == SQLITE_OK) {
        sqlite3_bind_int64(stmt, 1, relation);
        if (sqlite3_step(stmt) == SQLITE_ROW) {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
            const auto* schema = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 1));
            if (text != nullptr && schema != nullptr) name = qualified_name(schema, text);
        }
    }
    sqlite3_finalize(stmt);
    result_text(ctx, name.empty() ? std::to_string(relation) : name);
}

// litegres_database_names(): JSON array of the data directory's databases.
void database_names_fn(sqlite3_context* ctx, int, sqlite3_value**) {
    guarded(ctx, [&] {
        std::vector<std::string> names;
        if (SessionContext* session = current_session_context()) {
            names = session->database_names ? session->database_names()
                                            : std::vector<std::string>{session->database};
        } else {
            names.push_back("postgres");
        }
        std::string out = "[";
        for (size_t i = 0; i < names.size(); ++i) out += (i > 0 ? "," : "") + pgwire::json_string(names[i]);
        result_text(ctx, out + "]");
    });
}

// litegres_acl_default(objtype, owner): acldefault, the privileges an
// object of that kind has before any GRANT or REVOKE (PostgreSQL's
// acldefault() in acl.c), as aclitem[].
void acl_default_fn(sqlite3_context* ctx, int, sqlite3_value** argv) {
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL || sqlite3_value_type(argv[1]) == SQLITE_NULL) {
        return sqlite3_result_null(ctx);
    }
    std::string owner = value_string(argv[1]);
        // aclitem output quotes a role name that is not plain letters, digits and _.
        bool plain = !owner.empty() && std::all_of(owner.begin(), owner.end(), [](unsigned char c) {
            return std::isalnum(c) || c == '_' || c >= 0x80;
        });
        if (!plain) {
            std::string quoted = "\"";
            for (char c : owner) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
            owner = quoted + "\"";
        }
        std::string type = value_string(argv[0]);
        // Stored as arrays are: a JSON array of the items' text.
        auto owner_only = [&](const std::string& privileges) {
            return "[" + pgwire::json_string(owner + "=" + privileges + "/" + owner) + "]";
        };
        auto with_public = [&](const std::string& public_privileges, const std::string& privileges) {
            return "[" + pgwire::json_string("=" + public_privileges + "/" + owner) + "," +
                   pgwire::json_string(owner + "=" + privileges + "/" + owner) + "]";
        };
        std::string acl;
        switch (type.empty() ? ' ' : type[0]) {
            case 'c': acl = "[]"; break;
            case 'r': acl = owner_only("arwdDxt"); break;
            case 's': acl = owner_only("rwU"); break;
            case 'd': acl = with_public("Tc", "CTc"); break;
            case 'f': acl = with_public("X", "X"); break;
            case 'l': acl = with_public("U", "U"); break;
            case 'L': acl = owner_only("rw"); break;
            case 'n': acl = owner_only("UC"); break;
            case 't': acl = owner_only("C"); break;
            case 'F': acl = owner_only("U"); break;
            case 'S': acl = owner_only("U"); break;
            case 'T': acl = with_public("U", "U"); break;
            case 'p': acl = owner_only("sA"); break;
            default: return report_error(ctx, "XX000", "unrecognized objtype abbreviation: " + type);
        }
        result_text(ctx, acl);
}

// litegres_settings(): JSON array of the session's run-time parameters
// ({name, value, default, context}), for pg_settings.
void settings_fn(sqlite3_context* ctx, int, sqlite3_value**) {
    guarded(ctx, [&] {
        std::string out = "[";
        SessionContext* session = current_session_context();
        if (session != nullptr && session->settings) {
            for (const auto& s : session->settings()) {
                out += std::string(out.size() > 1 ? "," : "") + "{\"name\":" + pgwire::json_string(s.name) +
                       ",\"value\":" + pgwire::json_string(s.value) + ",\"default\":" +
                       pgwire::json_string(s.default_value) + ",\"context\":\"" +
                       (s.read_only ? "internal" : "user") + "\"}";
            }
        }
        result_text(ctx, out + "]");
    });
}

}  // namespace

int register_catalog_functions(sqlite3* db) {
    static const ScalarFunction kEntries[] = {
        {"litegres_table_constraints", 2, table_constraints_fn, false},
        {"litegres_index_definition", 7, index_definition_fn, false},
        {"litegres_index_columns", 3, index_columns_fn, false},
        {"litegres_view_definition", 2, view_definition_fn, false},
        {"litegres_view_relations", 1, view_relations_fn, false},
        {"litegres_database_names", 0, database_names_fn, false},
        {"litegres_size_pretty", 1, size_pretty_fn, false},
        {"litegres_regclass_out", 1, regclass_out_fn, false},
        {"litegres_settings", 0, settings_fn, false},
        {"litegres_acl_default", 2, acl_default_fn, false},
    };
    return register_scalar_functions(db, kEntries);
}

}  // namespace litegres::translate
