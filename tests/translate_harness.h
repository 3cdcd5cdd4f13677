// translate_harness.h — test helper: translates PostgreSQL SQL with StatementTranslator against
// a real in-memory SQLite database (schema read through SqliteCatalog) and runs the emitted
// SQLite SQL, so translation rules are checked by what the SQL does.
#pragma once

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <optional>
#include <string>
#include <vector>

#include "pgwire/pg_error.h"
#include "printers.h"
#include "src/sqlite_catalog.h"
#include "src/sqlite_connection.h"
#include "src/sqlite_error.h"
#include "translate/information_schema.h"
#include "translate/system_catalog.h"
#include "translate/parsed_query.h"
#include "translate/statement_translator.h"

namespace litegres::test {

using Value = std::optional<std::string>;
using Row = std::vector<Value>;
using Rows = std::vector<Row>;

// Rows as text for readable assertions: cells joined by '|', rows by ','; NULL as "NULL".
inline std::string text(const Rows& rows) {
    std::string out;
    for (size_t r = 0; r < rows.size(); ++r) {
        if (r > 0) out += ",";
        for (size_t c = 0; c < rows[r].size(); ++c) {
            if (c > 0) out += "|";
            out += rows[r][c] ? *rows[r][c] : "NULL";
        }
    }
    return out;
}

class SqlHarness {
  public:
    SqlHarness() : connection_(":memory:", true), catalog_(connection_) {
        connection_.exec(translate::kBookkeepingSchemaSql);
        translate::install_system_catalog(connection_.handle());
        translate::install_information_schema(connection_.handle());
    }

    sqlite3* db() const { return connection_.handle(); }
    translate::Catalog& catalog() { return catalog_; }

    // The translation of a query string holding exactly one statement.
    translate::TranslatedStatement translate(const std::string& sql) {
        translate::ParsedQuery parsed(sql);
        REQUIRE(parsed.statement_count() == 1);
        translate::StatementTranslator translator(catalog_);
        return translator.translate(parsed.statement(0));
    }

    // Translates and runs every statement of `sql`; returns the rows of the
    // last one (raw SQLite values as text). Throws PgError like the server.
    Rows run(const std::string& sql) {
        translate::ParsedQuery parsed(sql);
        Rows rows;
        for (size_t i = 0; i < parsed.statement_count(); ++i) {
            translate::StatementTranslator translator(catalog_);
            translate::TranslatedStatement stmt = translator.translate(parsed.statement(i));
            rows.clear();
            for (const auto& s : stmt.sqlite_sql) rows = sqlite(s);
        }
        return rows;
    }

    // The single value of a one-row, one-column query.
    Value value(const std::string& sql) {
        Rows rows = run(sql);
        REQUIRE(rows.size() == 1);
        REQUIRE(rows[0].size() == 1);
        return rows[0][0];
    }

    // The result of `sql` rendered by text(Rows).
    std::string text(const std::string& sql) { return test::text(run(sql)); }

    // Runs SQLite SQL as it is (no translation).
    Rows sqlite(const std::string& sql) {
        sqlite3_stmt* stmt = nullptr;
        int rc = sqlite3_prepare_v2(db(), sql.c_str(), int(sql.size()), &stmt, nullptr);
        if (rc != SQLITE_OK) {
            sqlite3_finalize(stmt);
            throw sqlite_error(db(), rc);
        }
        Rows rows;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            Row row;
            for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
                if (sqlite3_column_type(stmt, c) == SQLITE_NULL) {
                    row.emplace_back(std::nullopt);
                } else {
                    row.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, c)));
                }
            }
            rows.push_back(std::move(row));
        }
        if (rc != SQLITE_DONE) {
            pgwire::PgError error = sqlite_error(db(), rc);
            sqlite3_finalize(stmt);
            throw error;
        }
        sqlite3_finalize(stmt);
        return rows;
    }

  private:
    SqliteConnection connection_;
    SqliteCatalog catalog_;
};

// The PgError `f` throws; fails the test when it throws none.
template <typename F>
pgwire::PgError pg_error_of(F&& f) {
    try {
        f();
    } catch (const pgwire::PgError& e) {
        return e;
    }
    FAIL("expected a PgError");
    return pgwire::PgError("", "");
}

}  // namespace litegres::test
