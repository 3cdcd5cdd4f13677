// cursor_statement.cpp — DECLARE CURSOR, FETCH/MOVE and CLOSE ► instructions
// for the session, which keeps SQL cursors as portals (PostgreSQL's cursors
// and protocol portals share one namespace). Cursors scan forward only and
// end with their transaction, like PostgreSQL's default NO SCROLL, WITHOUT
// HOLD cursors; the other kinds are 0A000.
#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"
#include "translate/statement_translator.h"

namespace litegres::translate {

namespace sqlstate = pgwire::sqlstate;
using pgwire::PgError;

namespace {

// CURSOR_OPT_* of PostgreSQL's parsenodes.h.
constexpr int32_t kCursorBinary = 0x1;
constexpr int32_t kCursorScroll = 0x2;
constexpr int32_t kCursorHold = 0x20;

}  // namespace

TranslatedStatement StatementTranslator::declare_cursor(const PgQuery__DeclareCursorStmt& stmt) {
    if (stmt.options & kCursorHold) throw_unsupported("DECLARE ... WITH HOLD");
    if (stmt.options & kCursorScroll) throw_unsupported("DECLARE ... SCROLL");
    if (stmt.options & kCursorBinary) throw_unsupported("DECLARE BINARY");
    if (stmt.query == nullptr || stmt.query->node_case != PG_QUERY__NODE__NODE_SELECT_STMT) {
        throw PgError(sqlstate::kInvalidCursorDefinition, "cursor must be a SELECT");
    }
    TranslatedStatement t = select(*stmt.query->select_stmt);
    // The cursor's rows are sent by FETCH; DECLARE itself returns none.
    t.kind = StatementKind::kDeclareCursor;
    t.returns_rows = false;
    t.tag = "DECLARE CURSOR";
    t.tag_style = TagStyle::kPlain;
    t.object_name = stmt.portalname;
    return t;
}

TranslatedStatement StatementTranslator::fetch(const PgQuery__FetchStmt& stmt) {
    if (stmt.direction != PG_QUERY__FETCH_DIRECTION__FETCH_FORWARD || stmt.how_many < 0) {
        throw PgError(sqlstate::kObjectNotInPrerequisiteState, "cursor can only scan forward")
            .with_hint("Declare it with SCROLL option to enable backward scan.");
    }
    TranslatedStatement t;
    t.kind = StatementKind::kFetch;
    t.tag = stmt.ismove ? "MOVE" : "FETCH";
    t.object_name = stmt.portalname;
    t.fetch_count = stmt.how_many;
    t.returns_rows = !stmt.ismove;
    return t;
}

TranslatedStatement StatementTranslator::close_cursor(const PgQuery__ClosePortalStmt& stmt) {
    TranslatedStatement t;
    t.kind = StatementKind::kCloseCursor;
    t.tag = "CLOSE CURSOR";
    // An empty name is CLOSE ALL.
    if (stmt.portalname != nullptr) t.object_name = stmt.portalname;
    return t;
}

}  // namespace litegres::translate
