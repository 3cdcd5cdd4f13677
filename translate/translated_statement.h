// translated_statement.h — the translator's output for one PostgreSQL
// statement: the SQLite SQL to run and everything the executor must know to
// answer as PostgreSQL would (result columns with type OIDs, command tag,
// whether it writes). Immutable once built, so it can be cached and shared.
#pragma once

#include <string>
#include <vector>

#include "pgwire/copy_format.h"
#include "translate/pg_type.h"

namespace litegres::translate {

enum class StatementKind {
    kQuery,           // SELECT / INSERT / UPDATE / DELETE / DDL run on SQLite
    kBegin,
    kCommit,
    kRollback,
    kSavepoint,    // object_name: the savepoint
    kRelease,      // RELEASE [SAVEPOINT] object_name
    kRollbackTo,   // ROLLBACK TO [SAVEPOINT] object_name
    kCreateDatabase,
    kDropDatabase,
    kSet,
    kShow,
    kDeallocate,  // object_name, or empty for ALL
    kDiscard,     // object_name: ALL, PLANS, SEQUENCES or TEMP
    kCopyFrom,    // COPY ... FROM STDIN: sqlite_sql inserts one row; `columns` are its fields ($1, $2, ...)
    kCopyTo,      // COPY ... TO STDOUT: sqlite_sql yields the rows of `columns`
    kDeclareCursor,  // object_name: the cursor; sqlite_sql/columns: its query
    kFetch,          // FETCH/MOVE fetch_count rows of cursor object_name
    kCloseCursor,    // object_name, or empty for CLOSE ALL
    kLock,           // LOCK TABLE in lock_mode
    kEmpty,
};

// The command tag PostgreSQL sends, and how its row count is formed.
enum class TagStyle {
    kPlain,       // "CREATE TABLE"
    kRowCount,    // "SELECT 5", "UPDATE 2", "DELETE 0"
    kInsertCount  // "INSERT 0 3"
};

struct ResultColumn {
    std::string name;
    PgType type;
    // The table column it reads, when it is a plain column reference
    // (RowDescription's table OID and attribute number); else 0.
    Oid table_oid = 0;
    int16_t column_number = 0;
};

// A statement of sqlite_sql whose rows (RETURNING) the executor keeps in
// `table` (a TEMP table) for the statements after it: a data-modifying
// WITH query's rows (data_modifying_with.cpp).
struct RowCapture {
    size_t statement;
    std::string table;
};

struct TranslatedStatement {
    StatementKind kind = StatementKind::kQuery;
    // SQLite statements run in order; only the last may return rows.
    std::vector<std::string> sqlite_sql;
    std::vector<RowCapture> row_captures;
    std::vector<ResultColumn> columns;
    bool returns_rows = false;
    // $1, $2, ...: declared by the client or inferred (ParameterDescription).
    std::vector<PgType> parameter_types;
    std::string tag;
    TagStyle tag_style = TagStyle::kPlain;
    bool writes = false;          // needs the writer connection
    bool changes_schema = false;  // DDL: bumps the schema generation
    // Makes a relation in the session's temp schema (dropped when the session ends).
    bool creates_temp_schema = false;
    // CREATE/DROP DATABASE, SET/SHOW: the object or setting named.
    std::string object_name;
    std::string setting_value;  // SET: the value; empty means DEFAULT / RESET
    bool set_local = false;     // SET LOCAL: only until the transaction block ends
    bool missing_ok = false;
    bool read_only_transaction = false;  // BEGIN READ ONLY
    // A cached verdict that this shape cannot run with its literals lifted
    // out as parameters (see literal_extractor.h).
    bool requires_literals = false;
    // Notices PostgreSQL sends even when the statement succeeds.
    struct Notice {
        std::string sqlstate;
        std::string message;
    };
    std::vector<Notice> notices;
    pgwire::CopyOptions copy_options;  // kCopyFrom / kCopyTo
    int64_t fetch_count = 0;           // kFetch (INT64_MAX: ALL)
    int lock_mode = 0;                 // kLock: PostgreSQL's LOCKMODE, 1 (ACCESS SHARE) to 8 (ACCESS EXCLUSIVE)
};

}  // namespace litegres::translate
