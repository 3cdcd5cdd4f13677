// copy_statement.cpp — COPY ... FROM STDIN / TO STDOUT ► a TranslatedStatement
// the session runs over the COPY sub-protocol. COPY FROM becomes a prepared
// INSERT whose parameters are the row's fields, so every value goes through
// the column type's input rules and the table's constraints exactly as an
// INSERT would; COPY TO becomes the SELECT whose rows are sent.
#include <string>
#include <vector>

#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"
#include "translate/name_resolver.h"
#include "translate/parsed_query.h"
#include "translate/sql_text.h"
#include "translate/statement_translator.h"

namespace litegres::translate {

namespace sqlstate = pgwire::sqlstate;
using pgwire::PgError;

namespace {

std::string option_text(const PgQuery__DefElem& option) {
    const PgQuery__Node* arg = option.arg;
    if (arg == nullptr) return "true";
    switch (arg->node_case) {
        case PG_QUERY__NODE__NODE_STRING:
            return arg->string->sval;
        case PG_QUERY__NODE__NODE_BOOLEAN:
            return arg->boolean->boolval ? "true" : "false";
        case PG_QUERY__NODE__NODE_INTEGER:
            return std::to_string(arg->integer->ival);
        default:
            throw PgError(sqlstate::kSyntaxError,
                          std::string("invalid value for COPY option \"") + option.defname + "\"");
    }
}

char single_byte_option(const PgQuery__DefElem& option, const char* what) {
    std::string value = option_text(option);
    if (value.size() != 1) {
        throw PgError(sqlstate::kFeatureNotSupported,
                      std::string("COPY ") + what + " must be a single one-byte character");
    }
    return value[0];
}

pgwire::CopyOptions copy_options(const PgQuery__CopyStmt& stmt) {
    pgwire::CopyOptions options;
    bool delimiter_set = false, null_set = false, escape_set = false;
    for (size_t i = 0; i < stmt.n_options; ++i) {
        const auto& option = *stmt.options[i]->def_elem;
        std::string name = option.defname;
        if (name == "format") {
            std::string format = option_text(option);
            if (format == "csv") {
                options.csv = true;
            } else if (format == "binary") {
                options.binary = true;
            } else if (format != "text") {
                throw PgError(sqlstate::kInvalidParameterValue,
                              "COPY format \"" + format + "\" not recognized");
            }
        } else if (name == "delimiter") {
            options.delimiter = single_byte_option(option, "delimiter");
            delimiter_set = true;
        } else if (name == "null") {
            options.null_string = option_text(option);
            null_set = true;
        } else if (name == "header") {
            std::string value = option_text(option);
            options.header = value == "true" || value == "on" || value == "1" || value == "match";
        } else if (name == "quote") {
            options.quote = single_byte_option(option, "quote");
        } else if (name == "escape") {
            options.escape = single_byte_option(option, "escape");
            escape_set = true;
        } else if (name == "freeze" || name == "encoding") {
            // FREEZE is a storage hint; the encoding is always UTF8.
        } else {
            throw PgError(sqlstate::kFeatureNotSupported,
                          "COPY option \"" + name + "\" is not supported yet");
        }
    }
    if (options.csv) {
        if (!delimiter_set) options.delimiter = ',';
        if (!null_set) options.null_string = "";
        if (!escape_set) options.escape = options.quote;
    } else if (options.header) {
        throw PgError(sqlstate::kFeatureNotSupported, "COPY HEADER available only in CSV mode");
    }
    return options;
}

}  // namespace

TranslatedStatement StatementTranslator::copy(const PgQuery__CopyStmt& stmt) {
    if (stmt.is_program || (stmt.filename != nullptr && stmt.filename[0] != '\0')) {
        throw PgError(
            sqlstate::kFeatureNotSupported,
            "COPY to or from a file or program is not supported; use STDIN/STDOUT (psql's \\copy)");
    }
    if (stmt.where_clause != nullptr) throw_unsupported("COPY ... WHERE");
    pgwire::CopyOptions options = copy_options(stmt);

    std::vector<std::string> columns;
    for (size_t i = 0; i < stmt.n_attlist; ++i) columns.push_back(stmt.attlist[i]->string->sval);
    TranslatedStatement t;
    if (stmt.relation != nullptr) {
        std::optional<RelationName> found = NameResolver(catalog_).find(*stmt.relation);
        // Its SQLite name (see NameResolver).
        std::string table = found ? found->sqlite_name() : NameResolver::display(*stmt.relation);
        auto info = found ? catalog_.find_table(table) : std::nullopt;
        if (!info)
            throw PgError(sqlstate::kUndefinedTable, "relation \"" + table + "\" does not exist");
        if (columns.empty()) {
            for (const auto& c : info->columns) columns.push_back(c.name);
        }
        std::vector<std::string> quoted;
        std::vector<PgType> types;
        for (const auto& name : columns) {
            const ColumnInfo* c = info->find_column(name);
            if (c == nullptr) {
                throw PgError(sqlstate::kUndefinedColumn, "column \"" + name + "\" of relation \"" +
                                                              table + "\" does not exist");
            }
            quoted.push_back(quote_identifier(name));
            types.push_back(c->type);
        }
        std::string list;
        for (const auto& q : quoted) list += (list.empty() ? "" : ", ") + q;
        // The statement names the relation by schema, whatever the search path.
        std::string relation = quote_identifier(found->schema) + "." + quote_identifier(found->name);
        std::string sql;
        if (stmt.is_from) {
            std::string values;
            for (size_t i = 0; i < columns.size(); ++i)
                values += (i > 0 ? ", $" : "$") + std::to_string(i + 1);
            // COPY writes identity columns as given, GENERATED ALWAYS too (pg_dump's data).
            sql = "INSERT INTO " + relation + " (" + list + ") OVERRIDING SYSTEM VALUE VALUES (" + values + ")";
        } else {
            sql = "SELECT " + list + " FROM " + relation;
        }
        ParsedQuery parsed(sql);
        StatementTranslator inner(catalog_, stmt.is_from ? types : std::vector<PgType>{});
        t = inner.translate(parsed.statement(0));
        if (stmt.is_from) {
            // The row's fields, in order: the INSERT's parameters.
            t.columns.clear();
            for (size_t i = 0; i < columns.size(); ++i) t.columns.push_back({columns[i], types[i]});
        }
    } else {
        if (stmt.is_from) throw PgError(sqlstate::kSyntaxError, "COPY FROM requires a table");
        if (stmt.query->node_case != PG_QUERY__NODE__NODE_SELECT_STMT)
            throw_unsupported("COPY (data-modifying statement) TO");
        QueryTranslator q(catalog_, parameter_types_);
        SelectOutput out = q.select(*stmt.query->select_stmt, nullptr);
        t.sqlite_sql.push_back(std::move(out.sql));
        t.columns = std::move(out.columns);
    }
    if (stmt.is_from && options.binary) throw_unsupported("COPY FROM in binary format");
    t.kind = stmt.is_from ? StatementKind::kCopyFrom : StatementKind::kCopyTo;
    t.tag = "COPY";
    t.writes = stmt.is_from;
    t.returns_rows = false;
    t.copy_options = std::move(options);
    return t;
}

}  // namespace litegres::translate
