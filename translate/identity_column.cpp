// identity_column.cpp — the 428C9 errors of identity columns.
#include "translate/identity_column.h"

#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"

namespace litegres::translate {

using pgwire::PgError;
namespace sqlstate = pgwire::sqlstate;

void check_identity_insert(const ColumnInfo& column, bool overriding_system_value) {
    if (column.identity != 'a' || overriding_system_value) return;
    PgError error(sqlstate::kGeneratedAlways, "cannot insert a non-DEFAULT value into column \"" + column.name + "\"");
    error.with_detail("Column \"" + column.name + "\" is an identity column defined as GENERATED ALWAYS.");
    error.with_hint("Use OVERRIDING SYSTEM VALUE to override.");
    throw error;
}

void check_identity_update(const ColumnInfo& column) {
    if (column.identity != 'a') return;
    PgError error(sqlstate::kGeneratedAlways, "column \"" + column.name + "\" can only be updated to DEFAULT");
    error.with_detail("Column \"" + column.name + "\" is an identity column defined as GENERATED ALWAYS.");
    throw error;
}

}  // namespace litegres::translate
