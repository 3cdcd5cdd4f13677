// parameter_binder.h — Bind's parameter values ► SQLite values. Each value
// is checked against its parameter's PostgreSQL type at Bind time, as
// PostgreSQL's input (text format) and receive (binary format) functions do,
// so a bad value fails the Bind with 22P02 / 22P03 and never reaches SQLite.
#pragma once

#include <sqlite3.h>

#include <string>
#include <vector>

#include "pgwire/frontend_message.h"
#include "translate/literal_coercion.h"
#include "translate/pg_type.h"

namespace litegres {

// Throws PgError 08P01 when the counts disagree, 22P02/22P03/22003/... for
// a value that is not valid for its type.
std::vector<translate::SqlValue> convert_parameters(const std::vector<translate::PgType>& types,
                                                    const pgwire::Bind& bind);

void bind_parameters(sqlite3_stmt* stmt, const std::vector<translate::SqlValue>& values);

// A format code per column from Bind's list (none: text; one: for all).
// Throws PgError 08P01 for a list of another length.
std::vector<int16_t> expand_formats(const std::vector<int16_t>& formats, size_t count);

}  // namespace litegres
