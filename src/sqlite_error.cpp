// sqlite_error.cpp — SQLite result codes and messages ► SQLSTATE + message.
#include "src/sqlite_error.h"

#include <string>

#include "pgwire/sqlstate.h"

namespace litegres {

namespace sqlstate = pgwire::sqlstate;
using pgwire::PgError;

namespace {

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// "UNIQUE constraint failed: t.a, t.b" ► table "t", columns "a, b".
void split_constraint_target(const std::string& target, std::string& table, std::string& columns) {
    size_t start = 0;
    while (start < target.size()) {
        size_t comma = target.find(", ", start);
        std::string item = target.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        // The table of another schema than public is "schema.name" (NameResolver).
        size_t dot = item.rfind('.');
        if (dot != std::string::npos) {
            table = item.substr(0, dot);
            if (!columns.empty()) columns += "_";
            columns += item.substr(dot + 1);
        }
        if (comma == std::string::npos) break;
        start = comma + 2;
    }
}

// The name PostgreSQL gives the unique index or constraint that failed:
// a CREATE [UNIQUE] INDEX keeps its own name; the index SQLite made for a
// UNIQUE / PRIMARY KEY constraint is named as PostgreSQL names the constraint.
std::string unique_index_name(sqlite3* db, const std::string& table, const std::string& columns, bool primary) {
    const char* sql =
        "SELECT l.name FROM pragma_index_list(?1) l WHERE l.\"unique\" AND l.origin = 'c' "
        "AND (SELECT group_concat(name, '_') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = ?2";
    std::string name;
    sqlite3_stmt* stmt = nullptr;
    if (!primary && sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK) {
        sqlite3_bind_text(stmt, 1, table.c_str(), int(table.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(stmt, 2, columns.c_str(), int(columns.size()), SQLITE_TRANSIENT);
        if (sqlite3_step(stmt) == SQLITE_ROW) name = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    }
    sqlite3_finalize(stmt);
    if (!name.empty()) return name;
    return primary ? table + "_pkey" : table + "_" + columns + "_key";
}

// A SQLite table name ► its schema and its own name ("s.t" is t of schema s
// when s is a schema: see translate::NameResolver).
std::pair<std::string, std::string> schema_and_name(sqlite3* db, const std::string& table) {
    size_t dot = table.find('.');
    if (dot == std::string::npos) return {"public", table};
    std::string schema = table.substr(0, dot);
    sqlite3_stmt* stmt = nullptr;
    bool found = false;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM main._litegres_namespace WHERE name = ?1", -1, &stmt, nullptr) ==
        SQLITE_OK) {
        sqlite3_bind_text(stmt, 1, schema.c_str(), int(schema.size()), SQLITE_TRANSIENT);
        found = sqlite3_step(stmt) == SQLITE_ROW;
    }
    sqlite3_finalize(stmt);
    return found ? std::pair{schema, table.substr(dot + 1)} : std::pair{std::string("public"), table};
}

}  // namespace

PgError sqlite_error(sqlite3* db, int rc) {
    std::string message = sqlite3_errmsg(db);
    int primary = rc & 0xff;
    if (starts_with(message, "litegres:") && message.size() > 15) {
        // An optional DETAIL, then HINT, follow the message after unit separators.
        size_t detail = message.find('\x1f', 15);
        PgError error(message.substr(9, 5), message.substr(15, detail == std::string::npos ? detail : detail - 15));
        if (detail != std::string::npos) {
            size_t hint = message.find('\x1f', detail + 1);
            error.with_detail(message.substr(detail + 1, hint == std::string::npos ? hint : hint - detail - 1));
            if (hint != std::string::npos) error.with_hint(message.substr(hint + 1));
        }
        return error;
    }
    if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
        std::string table, columns, name;
        std::string target = message.substr(message.find(": ") + 2);
        if (starts_with(target, "index '")) {
            // An expression index names itself.
            name = target.substr(7, target.size() - 8);
        } else {
            split_constraint_target(target, table, columns);
            name = unique_index_name(db, table, columns, rc == SQLITE_CONSTRAINT_PRIMARYKEY);
        }
        auto [schema, relation] = schema_and_name(db, table);
        // An index of another schema is "schema.name" in SQLite too.
        if (name.rfind(schema + ".", 0) == 0) name = name.substr(schema.size() + 1);
        PgError error(sqlstate::kUniqueViolation, "duplicate key value violates unique constraint \"" + name + "\"");
        error.with_object(schema, relation, "", name);
        return error;
    }
    if (rc == SQLITE_CONSTRAINT_NOTNULL) {
        std::string table, column;
        split_constraint_target(message.substr(message.find(": ") + 2), table, column);
        auto [schema, relation] = schema_and_name(db, table);
        PgError error(sqlstate::kNotNullViolation,
                      "null value in column \"" + column + "\" of relation \"" + relation + "\" violates not-null constraint");
        error.with_object(schema, relation, column, "");
        return error;
    }
    // ON DELETE RESTRICT fails with a plain SQLITE_CONSTRAINT.
    if (rc == SQLITE_CONSTRAINT_FOREIGNKEY || message == "FOREIGN KEY constraint failed") {
        return PgError(sqlstate::kForeignKeyViolation, "insert or update on table violates foreign key constraint");
    }
    if (rc == SQLITE_CONSTRAINT_CHECK) {
        std::string name = message.substr(message.find(": ") + 2);
        return PgError(sqlstate::kCheckViolation, "new row violates check constraint \"" + name + "\"");
    }
    if (starts_with(message, "no such table: ")) {
        return PgError(sqlstate::kUndefinedTable, "relation \"" + message.substr(15) + "\" does not exist");
    }
    if (starts_with(message, "no such column: ")) {
        return PgError(sqlstate::kUndefinedColumn, "column \"" + message.substr(16) + "\" does not exist");
    }
    if (message == "ON CONFLICT clause does not match any PRIMARY KEY or UNIQUE constraint") {
        return PgError(sqlstate::kInvalidColumnReference,
                       "there is no unique or exclusion constraint matching the ON CONFLICT specification");
    }
    if (message == "integer overflow") return PgError(sqlstate::kNumericValueOutOfRange, "bigint out of range");
    switch (primary) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return PgError(sqlstate::kSerializationFailure,
                           "could not serialize access due to concurrent update (" + message + ")");
        case SQLITE_FULL: return PgError(sqlstate::kDiskFull, "could not extend file: " + message);
        case SQLITE_NOMEM: return PgError(sqlstate::kOutOfMemory, "out of memory");
        case SQLITE_INTERRUPT: return PgError(sqlstate::kQueryCanceled, "canceling statement due to user request");
        case SQLITE_TOOBIG: return PgError(sqlstate::kProgramLimitExceeded, message);
        case SQLITE_CORRUPT: return PgError(sqlstate::kDataCorrupted, message);
        case SQLITE_READONLY: return PgError(sqlstate::kReadOnlySqlTransaction, message);
        default: return PgError(sqlstate::kInternalError, message);
    }
}

}  // namespace litegres
