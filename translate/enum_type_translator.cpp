// enum_type_translator.cpp — enum type DDL as statements on litegres's
// bookkeeping tables (plus, for RENAME VALUE, rewriting the stored labels and,
// for DROP ... CASCADE, dropping the columns of the type).
#include "translate/enum_type_translator.h"

#include <algorithm>
#include <map>

#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"
#include "translate/alter_table_translator.h"
#include "translate/ddl_text.h"
#include "translate/enum_type.h"
#include "translate/object_oid.h"
#include "translate/parsed_query.h"

namespace litegres::translate {

using pgwire::PgError;
namespace sqlstate = pgwire::sqlstate;

namespace {

// PostgreSQL's NAMEDATALEN - 1.
constexpr size_t kMaxLabelBytes = 63;

std::string type_name_of(PgQuery__Node** names, size_t count) {
    if (count > 1 && std::string(ddl::string_value(names[count - 2])) != "public") {
        throw_unsupported("schemas other than public");
    }
    return ddl::string_value(names[count - 1]);
}

void check_label(const std::string& label) {
    if (label.empty() || label.size() > kMaxLabelBytes) {
        throw PgError(sqlstate::kInvalidName, "invalid enum label \"" + label + "\"")
            .with_detail("Labels must be " + std::to_string(kMaxLabelBytes) + " bytes or less.");
    }
}

std::string type_oid_sql(const std::string& name) {
    return "(SELECT oid FROM _litegres_enum_type WHERE name = " + quote_string(name) + ")";
}

// What every enum DDL ends with: this connection forgets the label orders it
// cached (they may be rolled back), and the OIDs given out stay given out.
void finish(TranslatedStatement& t) {
    t.sqlite_sql.push_back(
        std::string("INSERT OR REPLACE INTO _litegres_type_oid_high_water (id, oid) SELECT 1, ") +
        next_object_oid_sql() + " - 1");
    t.sqlite_sql.push_back("SELECT litegres_enum_forget()");
}

}  // namespace

bool EnumTypeTranslator::handles(const PgQuery__Node& node) {
    switch (node.node_case) {
        case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT:
        case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT:
            return true;
        case PG_QUERY__NODE__NODE_DROP_STMT:
            return node.drop_stmt->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_TYPE;
        case PG_QUERY__NODE__NODE_RENAME_STMT:
            return node.rename_stmt->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_TYPE;
        default:
            return false;
    }
}

TranslatedStatement EnumTypeTranslator::translate(const PgQuery__Node& node) {
    switch (node.node_case) {
        case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT:
            return create(*node.create_enum_stmt);
        case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT:
            return alter(*node.alter_enum_stmt);
        case PG_QUERY__NODE__NODE_DROP_STMT:
            return drop(*node.drop_stmt);
        default:
            return rename(*node.rename_stmt);
    }
}

EnumType EnumTypeTranslator::existing_type(PgQuery__Node** names, size_t count) {
    std::string name = type_name_of(names, count);
    auto type = catalog_.find_enum_type(name);
    if (!type) throw PgError(sqlstate::kUndefinedObject, "type \"" + name + "\" does not exist");
    return *type;
}

void EnumTypeTranslator::check_name_free(const std::string& name) {
    auto relation = catalog_.find_object(name);
    bool relation_type = relation && relation->kind != "index" && relation->kind != "trigger";
    if (catalog_.find_enum_type(name) || relation_type || !type_from_declared(name).is_unknown()) {
        throw PgError(sqlstate::kDuplicateObject, "type \"" + name + "\" already exists");
    }
}

TranslatedStatement EnumTypeTranslator::create(const PgQuery__CreateEnumStmt& stmt) {
    std::string name = type_name_of(stmt.type_name, stmt.n_type_name);
    check_name_free(name);
    TranslatedStatement t = ddl::schema_change("CREATE TYPE");
    t.sqlite_sql.push_back("INSERT INTO _litegres_enum_type (oid, name, array_oid) SELECT n, " +
                           quote_string(name) + ", n + 1 FROM (SELECT " + next_object_oid_sql() +
                           " + " + next_object_oid_sql() + " % 2 AS n)");
    std::vector<std::string> seen;
    for (size_t i = 0; i < stmt.n_vals; ++i) {
        std::string label = ddl::string_value(stmt.vals[i]);
        check_label(label);
        if (std::find(seen.begin(), seen.end(), label) != seen.end()) {
            // PostgreSQL reports its catalog's unique index.
            throw PgError(
                sqlstate::kUniqueViolation,
                "duplicate key value violates unique constraint \"pg_enum_typid_label_index\"");
        }
        seen.push_back(label);
        t.sqlite_sql.push_back(
            std::string("INSERT INTO _litegres_enum (oid, type_oid, sort_order, label) SELECT ") +
            next_object_oid_sql() + ", " + type_oid_sql(name) + ", " + std::to_string(i + 1) +
            ", " + quote_string(label));
    }
    finish(t);
    return t;
}

TranslatedStatement EnumTypeTranslator::alter(const PgQuery__AlterEnumStmt& stmt) {
    EnumType type = existing_type(stmt.type_name, stmt.n_type_name);
    TranslatedStatement t = ddl::schema_change("ALTER TYPE");
    t.sqlite_sql.push_back("SELECT litegres_enum_forget()");
    auto has = [&](const std::string& label) {
        return std::find(type.labels.begin(), type.labels.end(), label) != type.labels.end();
    };
    std::string oid = std::to_string(type.oid);
    if (stmt.old_val != nullptr && stmt.old_val[0] != '\0') {
        // RENAME VALUE: the label changes in the catalog and in every stored value.
        std::string from = stmt.old_val, to = stmt.new_val;
        if (!has(from))
            throw PgError(sqlstate::kInvalidParameterValue,
                          "\"" + from + "\" is not an existing enum label");
        if (has(to))
            throw PgError(sqlstate::kDuplicateObject, "enum label \"" + to + "\" already exists");
        check_label(to);
        t.sqlite_sql.push_back("UPDATE _litegres_enum SET label = " + quote_string(to) +
                               " WHERE type_oid = " + oid + " AND label = " + quote_string(from));
        for (const auto& column : catalog_.columns_of_type(enum_declared_type(type.oid))) {
            t.sqlite_sql.push_back("UPDATE " + quote_identifier(column.table) + " SET " +
                                   quote_identifier(column.column) + " = " + quote_string(to) +
                                   " WHERE " + quote_identifier(column.column) + " = " +
                                   quote_string(from));
        }
        finish(t);
        return t;
    }
    std::string label = stmt.new_val;
    if (has(label)) {
        if (!stmt.skip_if_new_val_exists) {
            throw PgError(sqlstate::kDuplicateObject,
                          "enum label \"" + label + "\" already exists");
        }
        TranslatedStatement skipped = ddl::schema_change("ALTER TYPE");
        skipped.notices.push_back(
            {sqlstate::kDuplicateObject, "enum label \"" + label + "\" already exists, skipping"});
        return skipped;
    }
    check_label(label);
    // PostgreSQL's placement: after the last label by default; before the
    // first or after the last one step out; otherwise halfway between
    // neighbours (enumsortorder is a float4).
    std::string sort_order;
    std::string labels_of_type = "FROM _litegres_enum WHERE type_oid = " + oid;
    if (stmt.new_val_neighbor == nullptr || stmt.new_val_neighbor[0] == '\0') {
        sort_order = "(SELECT coalesce(max(sort_order), 0) + 1 " + labels_of_type + ")";
    } else {
        std::string neighbour = stmt.new_val_neighbor;
        if (!has(neighbour)) {
            throw PgError(sqlstate::kInvalidParameterValue,
                          "\"" + neighbour + "\" is not an existing enum label");
        }
        std::string at = "(SELECT sort_order " + labels_of_type +
                         " AND label = " + quote_string(neighbour) + ")";
        std::string beyond =
            stmt.new_val_is_after
                ? "(SELECT min(sort_order) " + labels_of_type + " AND sort_order > " + at + ")"
                : "(SELECT max(sort_order) " + labels_of_type + " AND sort_order < " + at + ")";
        std::string step = stmt.new_val_is_after ? " + 1" : " - 1";
        sort_order = "CASE WHEN " + beyond + " IS NULL THEN " + at + step + " ELSE (" + at + " + " +
                     beyond + ") / 2.0 END";
    }
    t.sqlite_sql.push_back(
        std::string("INSERT INTO _litegres_enum (oid, type_oid, sort_order, label) SELECT ") +
        next_object_oid_sql() + ", " + oid + ", " + sort_order + ", " + quote_string(label));
    finish(t);
    return t;
}

TranslatedStatement EnumTypeTranslator::rename(const PgQuery__RenameStmt& stmt) {
    const PgQuery__List* names =
        stmt.object != nullptr && stmt.object->node_case == PG_QUERY__NODE__NODE_LIST
            ? stmt.object->list
            : nullptr;
    if (names == nullptr || names->n_items == 0)
        throw_unsupported("this form of ALTER TYPE ... RENAME");
    EnumType type = existing_type(names->items, names->n_items);
    std::string new_name = stmt.newname;
    check_name_free(new_name);
    TranslatedStatement t = ddl::schema_change("ALTER TYPE");
    t.sqlite_sql.push_back("UPDATE _litegres_enum_type SET name = " + quote_string(new_name) +
                           " WHERE oid = " + std::to_string(type.oid));
    finish(t);
    return t;
}

TranslatedStatement EnumTypeTranslator::drop(const PgQuery__DropStmt& stmt) {
    TranslatedStatement t = ddl::schema_change("DROP TYPE");
    bool cascade = stmt.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
    std::map<std::string, std::vector<std::string>> dropped_columns;  // table ► columns
    std::vector<std::string> cascaded;
    for (size_t i = 0; i < stmt.n_objects; ++i) {
        const PgQuery__Node* object = stmt.objects[i];
        std::string name;
        if (object->node_case == PG_QUERY__NODE__NODE_TYPE_NAME) {
            name = type_name_of(object->type_name->names, object->type_name->n_names);
        } else if (object->node_case == PG_QUERY__NODE__NODE_LIST) {
            name = type_name_of(object->list->items, object->list->n_items);
        }
        auto type = catalog_.find_enum_type(name);
        if (!type) {
            auto relation = catalog_.find_object(name);
            if (relation && relation->kind == "table") {
                throw PgError(
                    sqlstate::kDependentObjectsStillExist,
                    "cannot drop type " + name + " because table " + name + " requires it")
                    .with_hint("You can drop table " + name + " instead.");
            }
            std::string message = "type \"" + name + "\" does not exist";
            if (!stmt.missing_ok) throw PgError(sqlstate::kUndefinedObject, message);
            t.notices.push_back({sqlstate::kSuccessfulCompletion, message + ", skipping"});
            continue;
        }
        std::vector<std::string> dependents;
        for (const auto& column : catalog_.columns_of_type(enum_declared_type(type->oid))) {
            dependents.push_back("column " + column.column + " of table " + column.table);
            dropped_columns[column.table].push_back(column.column);
        }
        if (!dependents.empty() && !cascade) {
            throw PgError(sqlstate::kDependentObjectsStillExist,
                          "cannot drop type " + name + " because other objects depend on it")
                .with_detail(ddl::join(dependents, "\n"))
                .with_hint("Use DROP ... CASCADE to drop the dependent objects too.");
        }
        cascaded.insert(cascaded.end(), dependents.begin(), dependents.end());
        std::string oid = std::to_string(type->oid);
        t.sqlite_sql.push_back("DELETE FROM _litegres_enum WHERE type_oid = " + oid);
        t.sqlite_sql.push_back("DELETE FROM _litegres_enum_type WHERE oid = " + oid);
    }
    if (cascaded.size() == 1) {
        t.notices.push_back({sqlstate::kSuccessfulCompletion, "drop cascades to " + cascaded[0]});
    } else if (cascaded.size() > 1) {
        t.notices.push_back(
            {sqlstate::kSuccessfulCompletion,
             "drop cascades to " + std::to_string(cascaded.size()) + " other objects"});
    }
    // The columns go first, each table rebuilt once by ALTER TABLE's own translator.
    std::vector<std::string> column_drops;
    for (const auto& [table, columns] : dropped_columns) {
        std::vector<std::string> actions;
        for (const auto& c : columns) actions.push_back("DROP COLUMN " + quote_identifier(c));
        ParsedQuery parsed("ALTER TABLE " + quote_identifier(table) + " " +
                           ddl::join(actions, ", "));
        TranslatedStatement alter = AlterTableTranslator(catalog_, parameter_types_)
                                        .alter(*parsed.statement(0).stmt->alter_table_stmt);
        column_drops.insert(column_drops.end(), alter.sqlite_sql.begin(), alter.sqlite_sql.end());
    }
    t.sqlite_sql.insert(t.sqlite_sql.begin(), column_drops.begin(), column_drops.end());
    finish(t);
    return t;
}

}  // namespace litegres::translate
