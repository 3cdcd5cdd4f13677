// identity_column.h — PostgreSQL's rules for GENERATED ALWAYS AS IDENTITY
// columns: an explicit value is refused (428C9) unless INSERT says
// OVERRIDING SYSTEM VALUE; UPDATE may only set it to DEFAULT.
#pragma once

#include "translate/catalog.h"

namespace litegres::translate {

void check_identity_insert(const ColumnInfo& column, bool overriding_system_value);
void check_identity_update(const ColumnInfo& column);

}  // namespace litegres::translate
