// information_schema.cpp — see information_schema.h. Column types are what
// PostgreSQL reports for its information_schema domains: sql_identifier is
// name, character_data and yes_or_no are varchar, cardinal_number is int4.
// Per-column type facts (data_type, precision, ...) come from
// litegres_column_fact(declared type, fact), registered here as well.
#include "translate/information_schema.h"

#include <cctype>
#include <charconv>
#include <cstdint>
#include <string>
#include <vector>

#include "pgwire/type_oid.h"
#include "pgwire/array_value.h"
#include "translate/enum_label_order.h"
#include "translate/enum_type.h"
#include "translate/pg_type.h"
#include "translate/qualified_name.h"
#include "translate/sql_text.h"
#include "translate/sqlite_value.h"

namespace litegres::translate {

namespace {

constexpr PgType kIdentifier{pgwire::oid::kName, -1};
constexpr PgType kCharacterData{pgwire::oid::kVarchar, -1};
constexpr PgType kCardinal{pgwire::oid::kInt4, -1};

struct InformationSchemaView {
    const char* name;
    std::vector<std::pair<const char*, PgType>> columns;
    const char* definition;
};

const std::vector<InformationSchemaView>& views() {
    static const std::vector<InformationSchemaView> kViews = {
        {"tables",
         {{"table_catalog", kIdentifier},
          {"table_schema", kIdentifier},
          {"table_name", kIdentifier},
          {"table_type", kCharacterData},
          {"self_referencing_column_name", kIdentifier},
          {"reference_generation", kCharacterData},
          {"user_defined_type_catalog", kIdentifier},
          {"user_defined_type_schema", kIdentifier},
          {"user_defined_type_name", kIdentifier},
          {"is_insertable_into", kCharacterData},
          {"is_typed", kCharacterData},
          {"commit_action", kCharacterData}},
         "SELECT litegres_current_database(), r.nspname, r.relname, "
         "CASE s.type WHEN 'view' THEN 'VIEW' ELSE 'BASE TABLE' END, NULL, NULL, NULL, NULL, NULL, "
         "CASE s.type WHEN 'view' THEN 'NO' ELSE 'YES' END, 'NO', NULL "
         "FROM _litegres_relation_namespace r JOIN main.sqlite_schema s ON s.name = r.name "
         "AND s.type IN ('table', 'view')"},
        // PRIMARY KEY, UNIQUE, FOREIGN KEY and CHECK constraints of pg_constraint,
        // and each NOT NULL column as the CHECK constraint PostgreSQL 15 lists
        // for it (named nspoid_reloid_attnum_not_null).
        {"table_constraints",
         {{"constraint_catalog", kIdentifier},
          {"constraint_schema", kIdentifier},
          {"constraint_name", kIdentifier},
          {"table_catalog", kIdentifier},
          {"table_schema", kIdentifier},
          {"table_name", kIdentifier},
          {"constraint_type", kCharacterData},
          {"is_deferrable", kCharacterData},
          {"initially_deferred", kCharacterData},
          {"enforced", kCharacterData},
          {"nulls_distinct", kCharacterData}},
         "SELECT litegres_current_database(), r.nspname, c.conname, litegres_current_database(), "
         "r.nspname, "
         "r.relname, CASE c.contype WHEN 'p' THEN 'PRIMARY KEY' WHEN 'u' THEN 'UNIQUE' WHEN 'f' "
         "THEN 'FOREIGN KEY' "
         "ELSE 'CHECK' END, CASE WHEN c.condeferrable THEN 'YES' ELSE 'NO' END, "
         "CASE WHEN c.condeferred THEN 'YES' ELSE 'NO' END, 'YES', CASE WHEN c.contype = 'u' THEN "
         "'YES' END "
         "FROM pg_constraint c JOIN _litegres_relation_namespace r ON r.oid = c.conrelid "
         "WHERE c.contype IN ('p', 'u', 'f', 'c') "
         "UNION ALL SELECT litegres_current_database(), r.nspname, r.nspoid || '_' || r.oid || '_' "
         "|| "
         "(p.cid + 1) || '_not_null', litegres_current_database(), r.nspname, r.relname, 'CHECK', "
         "'NO', 'NO', "
         "'YES', NULL FROM _litegres_relation_namespace r JOIN main.sqlite_schema s ON s.name = "
         "r.name "
         "AND s.type = 'table', pragma_table_info(r.name) p WHERE p.\"notnull\""},
        // The columns of PRIMARY KEY, UNIQUE and FOREIGN KEY constraints, in
        // key order; a foreign key's column also gives the position of the
        // column it references within the referenced key.
        {"key_column_usage",
         {{"constraint_catalog", kIdentifier},
          {"constraint_schema", kIdentifier},
          {"constraint_name", kIdentifier},
          {"table_catalog", kIdentifier},
          {"table_schema", kIdentifier},
          {"table_name", kIdentifier},
          {"column_name", kIdentifier},
          {"ordinal_position", kCardinal},
          {"position_in_unique_constraint", kCardinal}},
         "SELECT litegres_current_database(), r.nspname, c.conname, litegres_current_database(), "
         "r.nspname, "
         "r.relname, a.name, k.key + 1, CASE WHEN c.contype = 'f' THEN (SELECT j.key + 1 FROM "
         "pg_constraint u, "
         "json_each(u.conkey) j WHERE u.conrelid = c.confrelid AND u.contype IN ('p', 'u') AND "
         "u.conkey = c.confkey "
         "AND j.value = json_extract(c.confkey, '$[' || k.key || ']')) END "
         "FROM pg_constraint c JOIN _litegres_relation_namespace r ON r.oid = c.conrelid, "
         "json_each(c.conkey) k "
         "JOIN pragma_table_info(r.name) a ON a.cid + 1 = k.value WHERE c.contype IN ('p', 'u', "
         "'f')"},
        // The columns each constraint uses: a foreign key's referenced
        // columns, the constrained columns of the others.
        {"constraint_column_usage",
         {{"table_catalog", kIdentifier},
          {"table_schema", kIdentifier},
          {"table_name", kIdentifier},
          {"column_name", kIdentifier},
          {"constraint_catalog", kIdentifier},
          {"constraint_schema", kIdentifier},
          {"constraint_name", kIdentifier}},
         "SELECT litegres_current_database(), t.nspname, t.relname, a.name, "
         "litegres_current_database(), "
         "r.nspname, c.conname FROM pg_constraint c JOIN _litegres_relation_namespace r ON r.oid = "
         "c.conrelid "
         "JOIN _litegres_relation_namespace t ON t.oid = CASE WHEN c.contype = 'f' THEN "
         "c.confrelid ELSE "
         "c.conrelid END, json_each(CASE WHEN c.contype = 'f' THEN c.confkey ELSE c.conkey END) k "
         "JOIN pragma_table_info(t.name) a ON a.cid + 1 = k.value WHERE c.contype IN ('p', 'u', "
         "'f', 'c')"},
        {"columns",
         {{"table_catalog", kIdentifier},
          {"table_schema", kIdentifier},
          {"table_name", kIdentifier},
          {"column_name", kIdentifier},
          {"ordinal_position", kCardinal},
          {"column_default", kCharacterData},
          {"is_nullable", kCharacterData},
          {"data_type", kCharacterData},
          {"character_maximum_length", kCardinal},
          {"character_octet_length", kCardinal},
          {"numeric_precision", kCardinal},
          {"numeric_precision_radix", kCardinal},
          {"numeric_scale", kCardinal},
          {"datetime_precision", kCardinal},
          {"interval_type", kCharacterData},
          {"interval_precision", kCardinal},
          {"character_set_catalog", kIdentifier},
          {"character_set_schema", kIdentifier},
          {"character_set_name", kIdentifier},
          {"collation_catalog", kIdentifier},
          {"collation_schema", kIdentifier},
          {"collation_name", kIdentifier},
          {"domain_catalog", kIdentifier},
          {"domain_schema", kIdentifier},
          {"domain_name", kIdentifier},
          {"udt_catalog", kIdentifier},
          {"udt_schema", kIdentifier},
          {"udt_name", kIdentifier},
          {"scope_catalog", kIdentifier},
          {"scope_schema", kIdentifier},
          {"scope_name", kIdentifier},
          {"maximum_cardinality", kCardinal},
          {"dtd_identifier", kIdentifier},
          {"is_self_referencing", kCharacterData},
          {"is_identity", kCharacterData},
          {"identity_generation", kCharacterData},
          {"identity_start", kCharacterData},
          {"identity_increment", kCharacterData},
          {"identity_maximum", kCharacterData},
          {"identity_minimum", kCharacterData},
          {"identity_cycle", kCharacterData},
          {"is_generated", kCharacterData},
          {"generation_expression", kCharacterData},
          {"is_updatable", kCharacterData}},
         "SELECT litegres_current_database(), r.nspname, r.relname, p.name, p.cid + 1, "
         "litegres_column_fact(p.type, 'column_default', p.dflt_value), "
         "CASE WHEN p.\"notnull\" OR p.pk > 0 THEN 'NO' ELSE 'YES' END, "
         "litegres_column_fact(p.type, 'data_type', NULL), "
         "litegres_column_fact(p.type, 'character_maximum_length', NULL), "
         "litegres_column_fact(p.type, 'character_octet_length', NULL), "
         "litegres_column_fact(p.type, 'numeric_precision', NULL), "
         "litegres_column_fact(p.type, 'numeric_precision_radix', NULL), "
         "litegres_column_fact(p.type, 'numeric_scale', NULL), "
         "litegres_column_fact(p.type, 'datetime_precision', NULL), NULL, NULL, NULL, NULL, NULL, "
         "NULL, NULL, NULL, NULL, NULL, NULL, litegres_current_database(), "
         "CASE WHEN litegres_declared_type_oid(p.type) >= 16384 THEN 'public' ELSE 'pg_catalog' "
         "END, "
         "(SELECT t.typname FROM pg_type t WHERE t.oid = litegres_declared_type_oid(p.type)), "
         "NULL, NULL, NULL, NULL, CAST(p.cid + 1 AS TEXT), 'NO', 'NO', NULL, NULL, NULL, NULL, "
         "NULL, 'NO', "
         "'NEVER', NULL, CASE s.type WHEN 'view' THEN 'NO' ELSE 'YES' END "
         "FROM _litegres_relation_namespace r JOIN main.sqlite_schema s ON s.name = r.name "
         "AND s.type IN ('table', 'view'), pragma_table_info(r.name) p"},
        {"sequences",
         {{"sequence_catalog", kIdentifier},
          {"sequence_schema", kIdentifier},
          {"sequence_name", kIdentifier},
          {"data_type", kCharacterData},
          {"numeric_precision", kCardinal},
          {"numeric_precision_radix", kCardinal},
          {"numeric_scale", kCardinal},
          {"start_value", kCharacterData},
          {"minimum_value", kCharacterData},
          {"maximum_value", kCharacterData},
          {"increment", kCharacterData},
          {"cycle_option", kCharacterData}},
         "SELECT litegres_current_database(), r.nspname, r.relname, q.data_type, "
         "CASE q.data_type WHEN 'smallint' THEN 16 WHEN 'integer' THEN 32 ELSE 64 END, 2, 0, "
         "CAST(q.start_value AS TEXT), CAST(q.min_value AS TEXT), CAST(q.max_value AS TEXT), "
         "CAST(q.increment_by AS TEXT), CASE WHEN q.cycle THEN 'YES' ELSE 'NO' END "
         "FROM _litegres_relation_namespace r JOIN main._litegres_sequence q ON q.name = r.name"},
        // view_definition is NULL: the view's PostgreSQL text is not kept.
        {"views",
         {{"table_catalog", kIdentifier},
          {"table_schema", kIdentifier},
          {"table_name", kIdentifier},
          {"view_definition", kCharacterData},
          {"check_option", kCharacterData},
          {"is_updatable", kCharacterData},
          {"is_insertable_into", kCharacterData},
          {"is_trigger_updatable", kCharacterData},
          {"is_trigger_deletable", kCharacterData},
          {"is_trigger_insertable_into", kCharacterData}},
         "SELECT litegres_current_database(), r.nspname, r.relname, NULL, 'NONE', 'NO', 'NO', "
         "'NO', 'NO', 'NO' "
         "FROM _litegres_relation_namespace r JOIN main.sqlite_schema s ON s.name = r.name AND "
         "s.type = 'view'"},
        {"schemata",
         {{"catalog_name", kIdentifier},
          {"schema_name", kIdentifier},
          {"schema_owner", kIdentifier},
          {"default_character_set_catalog", kIdentifier},
          {"default_character_set_schema", kIdentifier},
          {"default_character_set_name", kIdentifier},
          {"sql_path", kCharacterData}},
         "SELECT litegres_current_database(), n.name, n.owner, NULL, NULL, NULL, NULL "
         "FROM (SELECT 'information_schema' AS name, 'postgres' AS owner UNION ALL SELECT "
         "'pg_catalog', 'postgres' "
         "UNION ALL SELECT 'pg_toast', 'postgres' UNION ALL SELECT 'public', 'postgres' "
         "UNION ALL SELECT name, owner FROM main._litegres_namespace) n"},
    };
    return kViews;
}

std::string sqlite_name(const char* view) {
    return std::string("information_schema.") + view;
}

// `sql` with each litegres_to_integer(expression, type, mode) (an integer
// expression's range check) replaced by its expression.
std::string without_range_checks(std::string sql) {
    const std::string check = "litegres_to_integer(";
    for (size_t at = sql.find(check); at != std::string::npos; at = sql.find(check)) {
        size_t begin = at + check.size(), comma = std::string::npos, end = std::string::npos;
        int depth = 0;
        bool quoted = false;
        for (size_t i = begin; i < sql.size() && end == std::string::npos; ++i) {
            char c = sql[i];
            if (c == '\'') quoted = !quoted;
            if (quoted) continue;
            if (c == '(') ++depth;
            if (c == ')' && depth-- == 0) end = i;
            if (c == ',' && depth == 0 && comma == std::string::npos) comma = i;
        }
        if (comma == std::string::npos || end == std::string::npos) break;
        sql = sql.substr(0, at) + sql.substr(begin, comma - begin) + sql.substr(end + 1);
    }
    return sql;
}

// The column default as PostgreSQL prints it, from litegres's SQLite
// spelling: nextval('seq'::regclass), true/false, 'x'::text, now(), a
// constant with the cast to its column's type. Expressions litegres wraps in
// functions of its own other than these stay in their SQLite spelling.
std::string pg_default(sqlite3* db, const std::string& sqlite_default, PgType type) {
    namespace oid = pgwire::oid;
    if (type.oid == oid::kBool && (sqlite_default == "1" || sqlite_default == "0")) {
        return sqlite_default == "1" ? "true" : "false";
    }
    bool quoted = sqlite_default.size() >= 2 && sqlite_default.front() == '\'' && sqlite_default.back() == '\'';
    // PostgreSQL names a constant's type as format_type does, but char(n)'s as bpchar.
    std::string type_name = type.oid == oid::kBpchar ? "bpchar" : format_type(PgType{type.oid, -1});
    if (quoted && pgwire::array_element_type(type.oid) != 0) {
        // An array constant is stored as JSON: '{a,b}'::text[]. (No exception
        // may leave this SQL function: a value that is no array stays as it is.)
        try {
            std::string text = pgwire::ArrayValue::from_storage(sqlite_default.substr(1, sqlite_default.size() - 2),
                                                                pgwire::array_element_type(type.oid))
                                   .to_text();
            return quote_string(text) + "::" + type_name;
        } catch (const std::exception&) {
            return sqlite_default;
        }
    }
    auto digits = [](const std::string& s) {
        return !s.empty() && s.find_first_not_of("0123456789.") == std::string::npos && std::isdigit(s[0]);
    };
    // A number as PostgreSQL prints the constant it parses to (ruleutils'
    // get_const_expr): an integer is int4, int8 or numeric by its size, a
    // fraction numeric; only a non-negative int4 or fraction goes bare.
    auto number = [&](const std::string& text) {
        bool negative = text.size() > 1 && text[0] == '-';
        std::string magnitude = negative ? text.substr(1) : text;
        if (!digits(magnitude)) return text;
        if (magnitude.find('.') != std::string::npos) return negative ? quote_string(text) + "::numeric" : text;
        int64_t value = 0;
        auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (error != std::errc() || end != text.data() + text.size()) return quote_string(text) + "::numeric";
        if (value < INT32_MIN || value > INT32_MAX) return quote_string(text) + "::bigint";
        return negative ? quote_string(text) + "::integer" : text;
    };
    // A quoted constant of a numeric column is a numeric constant:
    // 1.5 bare, '0'::numeric and '-2.5'::numeric labelled (get_const_expr).
    auto numeric_constant = [&](const std::string& text) {
        bool has_fraction = text.find_first_of(".eE") != std::string::npos;
        bool bare = !text.empty() && std::isdigit(static_cast<unsigned char>(text[0])) && has_fraction;
        return bare ? text : quote_string(text) + "::numeric";
    };
    if (quoted && type.oid == oid::kNumeric) {
        std::string inner = sqlite_default.substr(1, sqlite_default.size() - 2);
        if (digits(inner) || (inner.size() > 1 && inner[0] == '-' && digits(inner.substr(1)))) {
            return numeric_constant(inner);
        }
    }
    if (quoted) return sqlite_default + "::" + type_name;
    // A string constant checked against a char(n)/varchar(n) column's length.
    const std::string length_check = "litegres_char_length_check('";
    if (sqlite_default.rfind(length_check, 0) == 0) {
        size_t end = length_check.size();
        while (end < sqlite_default.size() && !(sqlite_default[end] == '\'' &&
                                                 (end + 1 >= sqlite_default.size() || sqlite_default[end + 1] != '\''))) {
            end += sqlite_default[end] == '\'' ? 2 : 1;
        }
        if (end < sqlite_default.size() && sqlite_default.compare(end + 1, 2, ", ") == 0) {
            return sqlite_default.substr(length_check.size() - 1, end - length_check.size() + 2) + "::" + type_name;
        }
    }
    // A numeric(p,s) default is the constant wrapped in its coercion.
    const std::string typmod = "litegres_numeric_typmod(";
    if (sqlite_default.rfind(typmod, 0) == 0 && sqlite_default.back() == ')') {
        size_t comma = sqlite_default.rfind(", ");
        if (comma != std::string::npos && comma > typmod.size()) {
            std::string inner = sqlite_default.substr(typmod.size(), comma - typmod.size());
            if (inner.size() >= 2 && inner.front() == '\'' && inner.back() == '\'') {
                return numeric_constant(inner.substr(1, inner.size() - 2));
            }
            return number(inner);
        }
    }
    // The transaction's clock, cast to the column's type (and rounded to its
    // precision): now() as PostgreSQL keeps it, CURRENT_DATE for a date.
    const std::string clock = "litegres_clock(0)";
    if (sqlite_default == "litegres_now()" || sqlite_default == clock) return "now()";
    if (sqlite_default.find(clock) != std::string::npos &&
        (sqlite_default.rfind("litegres_dt_cast(" + clock + ", 1184, ", 0) == 0 ||
         sqlite_default.rfind("litegres_datetime_round(litegres_dt_cast(" + clock + ", 1184, ", 0) == 0)) {
        return type.oid == oid::kDate ? "CURRENT_DATE" : "now()";
    }
    const std::string float_constant = "litegres_numeric_float('";
    if (sqlite_default.rfind(float_constant, 0) == 0 && sqlite_default.size() > float_constant.size() + 2) {
        std::string inner = sqlite_default.substr(float_constant.size(), sqlite_default.size() - float_constant.size() - 2);
        if (digits(inner) || (inner.size() > 1 && inner[0] == '-' && digits(inner.substr(1)))) return number(inner);
    }
    // bytea: X'00' ► '\x00'::bytea.
    if (type.oid == oid::kBytea && sqlite_default.size() >= 3 && (sqlite_default[0] == 'X' || sqlite_default[0] == 'x') &&
        sqlite_default[1] == '\'' && sqlite_default.back() == '\'') {
        std::string hex = sqlite_default.substr(2, sqlite_default.size() - 3);
        for (auto& c : hex) c = char(std::tolower(static_cast<unsigned char>(c)));
        return "'\\x" + hex + "'::bytea";
    }
    // An integer constant checked for the column's range, a numeric constant
    // kept as text: PostgreSQL shows the constant.
    // Integer arithmetic without its range checks: an expression of SQL
    // common to both (no function of litegres's own) prints as it is.
    if (sqlite_default.rfind("litegres_to_integer(", 0) == 0) {
        std::string inner = without_range_checks(sqlite_default);
        if (digits(inner)) return number(inner);
        if (!inner.empty() && inner.front() == '(' && inner.find("litegres_") == std::string::npos) return inner;
    }
    if (digits(sqlite_default) || (sqlite_default.size() > 1 && sqlite_default[0] == '-')) return number(sqlite_default);
    // An integer constant stored with the affinity of a numeric or float column.
    if (sqlite_default.rfind("CAST(", 0) == 0 && sqlite_default.back() == ')') {
        size_t as = sqlite_default.find(" AS ");
        std::string inner = as == std::string::npos ? "" : sqlite_default.substr(5, as - 5);
        std::string affinity = as == std::string::npos ? "" : sqlite_default.substr(as + 4, sqlite_default.size() - as - 5);
        if ((affinity == "TEXT" || affinity == "REAL" || affinity == "INTEGER") &&
            (digits(inner) || (inner.size() > 1 && inner[0] == '-' && digits(inner.substr(1))))) {
            return number(inner);
        }
    }
    if (sqlite_default == "litegres_gen_random_uuid()") return "gen_random_uuid()";
    const std::string prefix = "litegres_nextval('";
    size_t at = sqlite_default.find(prefix);
    if (at != std::string::npos) {
        size_t end = sqlite_default.find('\'', at + prefix.size());
        if (end != std::string::npos) {
            // The sequence as regclass prints it (qualified off the search path).
            std::string sequence =
                qualified_relation_name(db, sqlite_default.substr(at + prefix.size(), end - at - prefix.size()));
            return "nextval(" + quote_string(sequence) + "::regclass)";
        }
    }
    return sqlite_default;
}

// An enum column's default as PostgreSQL prints it: 'label'::type. litegres
// stores it as the label with the type's collation: ('label' COLLATE ...).
std::string enum_default(const std::string& sqlite_default, sqlite3* db, Oid type) {
    size_t open = sqlite_default.find('\''), close = sqlite_default.rfind('\'');
    if (open == std::string::npos || close <= open) return sqlite_default;
    return sqlite_default.substr(open, close - open + 1) + "::" + user_type_name(db, type);
}

// litegres_column_fact(declared type, fact, default): one information_schema
// fact about a column of that declared type.
void column_fact(sqlite3_context* ctx, int, sqlite3_value** argv) {
    namespace oid = pgwire::oid;
    std::string fact = value_string(argv[1]);
    PgType type = type_from_declared(value_string(argv[0]));
    if (type.is_unknown()) type = kText;
    if (fact == "column_default") {
        if (sqlite3_value_type(argv[2]) == SQLITE_NULL) return sqlite3_result_null(ctx);
        std::string text = is_user_type(type) ? enum_default(value_string(argv[2]), sqlite3_context_db_handle(ctx), type.oid)
                                              : pg_default(sqlite3_context_db_handle(ctx), value_string(argv[2]), type);
        return sqlite3_result_text(ctx, text.c_str(), int(text.size()), SQLITE_TRANSIENT);
    }
    auto integer = [&](int64_t v) { sqlite3_result_int64(ctx, v); };
    // An array column is data_type ARRAY; its element's facts are not the column's.
    if (pgwire::is_array_type(type.oid)) {
        return fact == "data_type" ? result_text(ctx, "ARRAY") : sqlite3_result_null(ctx);
    }
    if (fact == "data_type") {
        std::string name = is_user_type(type) ? "USER-DEFINED" : format_type(PgType{type.oid, -1});
        return sqlite3_result_text(ctx, name.c_str(), int(name.size()), SQLITE_TRANSIENT);
    }
    bool character = type.oid == oid::kVarchar || type.oid == oid::kBpchar;
    if (fact == "character_maximum_length") {
        if (character && type.typmod >= 4) return integer(type.typmod - 4);
        if (type.oid == oid::kBpchar) return integer(1);
        return sqlite3_result_null(ctx);
    }
    if (fact == "character_octet_length") {
        if (character && type.typmod >= 4) return integer(int64_t(type.typmod - 4) * 4);
        if (character || type.oid == oid::kText) return integer(1073741824);
        return sqlite3_result_null(ctx);
    }
    int precision = -1, radix = -1, scale = -1;
    switch (type.oid) {
        case oid::kInt2:
            precision = 16, radix = 2, scale = 0;
            break;
        case oid::kInt4:
            precision = 32, radix = 2, scale = 0;
            break;
        case oid::kInt8:
            precision = 64, radix = 2, scale = 0;
            break;
        case oid::kFloat4:
            precision = 24, radix = 2;
            break;
        case oid::kFloat8:
            precision = 53, radix = 2;
            break;
        case oid::kNumeric:
            radix = 10;
            precision = numeric_precision(type.typmod);
            scale = numeric_scale(type.typmod);
            break;
        default:
            break;
    }
    auto maybe = [&](int v) { v >= 0 ? integer(v) : sqlite3_result_null(ctx); };
    if (fact == "numeric_precision") return maybe(precision);
    if (fact == "numeric_precision_radix") return maybe(radix);
    if (fact == "numeric_scale") return maybe(scale);
    if (fact == "datetime_precision") {
        switch (type.oid) {
            case oid::kDate:
                return integer(0);
            case oid::kTime:
            case oid::kTimestamp:
            case oid::kTimestamptz:
            case oid::kInterval:
                return integer(type.typmod >= 0 ? type.typmod : 6);
            default:
                return sqlite3_result_null(ctx);
        }
    }
    sqlite3_result_null(ctx);
}

}  // namespace

std::optional<TableInfo> find_information_schema_relation(std::string_view name) {
    for (const auto& view : views()) {
        if (name != view.name) continue;
        TableInfo table;
        table.name = sqlite_name(view.name);
        for (const auto& [column, type] : view.columns)
            table.columns.push_back(ColumnInfo{column, type, false, ""});
        return table;
    }
    return std::nullopt;
}

int install_information_schema(sqlite3* db) {
    int rc = sqlite3_create_function_v2(db, "litegres_column_fact", 3,
                                        SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, column_fact,
                                        nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) return rc;
    for (const auto& view : views()) {
        std::string sql = "CREATE TEMP VIEW IF NOT EXISTS \"" + sqlite_name(view.name) + "\" (";
        for (size_t i = 0; i < view.columns.size(); ++i) {
            sql += (i > 0 ? ", \"" : "\"") + std::string(view.columns[i].first) + "\"";
        }
        sql += ") AS " + std::string(view.definition);
        rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK) return rc;
    }
    return SQLITE_OK;
}

}  // namespace litegres::translate
