// enum_expressions.cpp — the binder's rules for enum types: labels checked
// when a literal or parameter becomes an enum, comparisons only between
// values of one enum type (or an unknown literal), casts to and from text,
// and enum_first / enum_last / enum_range, which read the type's labels at
// bind time (ALTER TYPE moves the schema generation, so they are re-bound).
#include <algorithm>
#include <cstdio>

#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"
#include "translate/enum_type.h"
#include "translate/query_translator.h"
#include "translate/sql_text.h"
#include "translate/ast_text.h"
#include "pgwire/json_value.h"

namespace litegres::translate {

using pgwire::PgError;
namespace sqlstate = pgwire::sqlstate;

namespace {

}  // namespace

std::optional<EnumType> QueryTranslator::enum_type_of(PgType type) {
    if (!is_user_type(type)) return std::nullopt;
    auto found = catalog_.find_enum_type(type.oid);
    if (!found || found->oid != type.oid) return std::nullopt;
    return found;
}

std::string QueryTranslator::enum_sort_collation(PgType type) {
    return enum_type_of(type) ? " COLLATE " + enum_collation(type.oid) : "";
}

std::string QueryTranslator::enum_sort_key(const TypedSql& value) {
    if (!enum_type_of(value.type)) return value.sql;
    return "litegres_enum_sort_key(" + value.sql + ", " + std::to_string(value.type.oid) + ")";
}

TypedSql QueryTranslator::enum_value(const TypedSql& value, const EnumType& type, int location) {
    PgType target{type.oid, -1};
    std::string collate = " COLLATE " + enum_collation(type.oid);
    if (value.is_null_literal) return {"NULL", target};
    if (value.unknown_literal) {
        const std::string& label = *value.unknown_literal;
        if (std::find(type.labels.begin(), type.labels.end(), label) == type.labels.end()) {
            throw PgError(sqlstate::kInvalidTextRepresentation,
                          "invalid input value for enum " + displayed_type_name(type.name) +
                              ": \"" + label + "\"",
                          error_position(value.location >= 0 ? value.location : location));
        }
        return {"(" + quote_string(label) + collate + ")", target};
    }
    // A literal the session made a parameter is checked now, as PostgreSQL
    // checks it, not only when a row meets it.
    if (value.parameter > 0 && parameter_types_.from_literals()) throw NeedsLiterals();
    if (value.parameter > 0 && value.type.is_unknown())
        parameter_types_.set(value.parameter, target);
    // Text and parameters are checked when the statement runs.
    TypedSql checked{"(litegres_enum_in(" + value.sql + ", " + std::to_string(type.oid) + ", " +
                         quote_string(displayed_type_name(type.name)) + ")" + collate + ")",
                     target};
    return checked;
}

std::string QueryTranslator::stored_text(const TypedSql& value, PgType target) {
    auto type = enum_type_of(target);
    return type ? enum_value(value, *type, -1).sql : value.sql;
}

std::string QueryTranslator::enum_assignment(const TypedSql& value, const EnumType& type,
                                             int location) {
    PgType target{type.oid, -1};
    if (value.untyped() || value.is_null_literal || (value.parameter > 0 && value.type == target)) {
        return enum_value(value, type, location).sql;
    }
    if (value.type == target) return value.sql;
    throw PgError(sqlstate::kDatatypeMismatch,
                  "column is of type " + format_type(target, &catalog_) +
                      " but expression is of type " + format_type(value.type, &catalog_),
                  error_position(location))
        .with_hint("You will need to rewrite or cast the expression.");
}

std::optional<TypedSql> QueryTranslator::enum_cast(const TypedSql& value, PgType target,
                                                   int location) {
    if (auto type = enum_type_of(target)) {
        if (value.untyped() || value.is_null_literal || is_string_type(value.type) ||
            (value.parameter > 0 && value.type == target)) {
            return enum_value(value, *type, location);
        }
        if (value.type == target) return value;
    } else if (!enum_type_of(value.type)) {
        return std::nullopt;
    } else if (is_string_type(target)) {
        // The label as plain text, compared and sorted as text again
        // (and cut to a varchar(n) as text would be).
        return cast_to(TypedSql{"(" + value.sql + " COLLATE BINARY)", kText}, target, location);
    }
    throw PgError(sqlstate::kCannotCoerce,
                  "cannot cast type " + format_type(value.type, &catalog_) + " to " +
                      format_type(target, &catalog_),
                  error_position(location));
}

std::optional<TypedSql> QueryTranslator::enum_operator(const std::string& op, TypedSql& l,
                                                       TypedSql& r, int location) {
    static const char* kComparisons[] = {"=", "<>", "!=", "<", ">", "<=", ">="};
    if (std::find(std::begin(kComparisons), std::end(kComparisons), op) == std::end(kComparisons))
        return std::nullopt;
    auto left = enum_type_of(l.type), right = enum_type_of(r.type);
    if (!left && !right) return std::nullopt;
    const EnumType& type = left ? *left : *right;
    // Untyped operands take the enum type; a parameter the client typed as
    // the enum is checked like one that took it from here.
    if ((!left && (l.untyped() || l.is_null_literal)) || (left && l.parameter > 0))
        l = enum_value(l, type, location);
    if ((!right && (r.untyped() || r.is_null_literal)) || (right && r.parameter > 0))
        r = enum_value(r, type, location);
    if (l.type != r.type) {
        throw PgError(sqlstate::kUndefinedFunction,
                      "operator does not exist: " + format_type(l.type, &catalog_) + " " + op +
                          " " + format_type(r.type, &catalog_),
                      error_position(location))
            .with_hint(
                "No operator matches the given name and argument types. You might need to add "
                "explicit "
                "type casts.");
    }
    return TypedSql{"(" + l.sql + " " + (op == "!=" ? "<>" : op) + " (" + r.sql + ") COLLATE " +
                        enum_collation(type.oid) + ")",
                    kBool};
}

std::optional<TypedSql> QueryTranslator::enum_function(const std::string& name,
                                                       std::vector<TypedSql>& args, int location) {
    if (name != "enum_first" && name != "enum_last" && name != "enum_range") return std::nullopt;
    if (args.empty() || args.size() > 2) return std::nullopt;
    auto type = enum_type_of(args[0].type);
    if (!type && args.size() == 2) type = enum_type_of(args[1].type);
    if (!type) return std::nullopt;
    PgType enum_pg{type->oid, -1};
    auto label = [&](const std::string& l) {
        return TypedSql{"(" + quote_string(l) + " COLLATE " + enum_collation(type->oid) + ")",
                        enum_pg};
    };
    if (args.size() == 1 && name == "enum_first")
        return type->labels.empty() ? TypedSql{"NULL", enum_pg} : label(type->labels.front());
    if (args.size() == 1 && name == "enum_last")
        return type->labels.empty() ? TypedSql{"NULL", enum_pg} : label(type->labels.back());
    if (name != "enum_range") return std::nullopt;
    // An array's storage form (pgwire/array_value.h).
    std::string json = "[";
    for (size_t i = 0; i < type->labels.size(); ++i)
        json += (i > 0 ? "," : "") + pgwire::json_string(type->labels[i]);
    json += "]";
    if (args.size() == 1) return TypedSql{quote_string(json), PgType{type->array_oid, -1}};
    throw_unsupported("enum_range with two arguments", location);
}

TypedSql QueryTranslator::enum_extremum(const std::vector<std::string>& values, PgType type,
                                        bool greatest) {
    // GREATEST / LEAST skip NULLs, as the aggregates do; the aggregate
    // compares in the type's order.
    std::vector<std::string> rows;
    for (const auto& v : values) rows.push_back("SELECT " + v + " AS v");
    std::string rows_sql;
    for (size_t i = 0; i < rows.size(); ++i) rows_sql += (i > 0 ? " UNION ALL " : "") + rows[i];
    return {std::string("(SELECT ") + (greatest ? "max" : "min") + "(v" +
                enum_sort_collation(type) + ") FROM (" + rows_sql + "))",
            type};
}

}  // namespace litegres::translate
