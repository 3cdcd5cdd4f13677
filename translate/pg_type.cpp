// pg_type.cpp — type names: AST TypeName ► PgType ► declared text and back.
#include "translate/pg_type.h"

#include <pg_query/pg_query.pb-c.h>

#include <algorithm>
#include <cctype>

#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"
#include "translate/catalog.h"
#include "translate/enum_type.h"

namespace litegres::translate {

namespace oid = pgwire::oid;

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return out;
}

struct NamedType {
    const char* name;
    Oid oid;
    bool serial;
};

// Internal names (after gram.y's renaming, e.g. INTEGER ► int4) and the
// spellings users write.
constexpr NamedType kNamedTypes[] = {
    {"bool", oid::kBool, false},
    {"boolean", oid::kBool, false},
    {"int2", oid::kInt2, false},
    {"smallint", oid::kInt2, false},
    {"int4", oid::kInt4, false},
    {"int", oid::kInt4, false},
    {"integer", oid::kInt4, false},
    {"int8", oid::kInt8, false},
    {"bigint", oid::kInt8, false},
    {"smallserial", oid::kInt2, true},
    {"serial2", oid::kInt2, true},
    {"serial", oid::kInt4, true},
    {"serial4", oid::kInt4, true},
    {"bigserial", oid::kInt8, true},
    {"serial8", oid::kInt8, true},
    {"float4", oid::kFloat4, false},
    {"real", oid::kFloat4, false},
    {"float8", oid::kFloat8, false},
    {"numeric", oid::kNumeric, false},
    {"decimal", oid::kNumeric, false},
    {"text", oid::kText, false},
    {"varchar", oid::kVarchar, false},
    {"bpchar", oid::kBpchar, false},
    {"char", oid::kChar, false},  // quoted "char"; the grammar turns CHAR(n) into bpchar
    {"name", oid::kName, false},
    {"bytea", oid::kBytea, false},
    {"date", oid::kDate, false},
    {"time", oid::kTime, false},
    {"timetz", oid::kTimetz, false},
    {"timestamp", oid::kTimestamp, false},
    {"timestamptz", oid::kTimestamptz, false},
    {"interval", oid::kInterval, false},
    {"uuid", oid::kUuid, false},
    {"json", oid::kJson, false},
    {"jsonb", oid::kJsonb, false},
    {"oid", oid::kOid, false},
    {"regproc", oid::kRegproc, false},
    {"regclass", oid::kRegclass, false},
    {"regtype", oid::kRegtype, false},
    {"regnamespace", oid::kRegnamespace, false},
};

const NamedType* find_named_type(std::string_view name) {
    for (const auto& t : kNamedTypes) {
        if (name == t.name) return &t;
    }
    return nullptr;
}

int32_t integer_typmod_arg(const PgQuery__Node* node) {
    if (node != nullptr && node->node_case == PG_QUERY__NODE__NODE_A_CONST &&
        node->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL) {
        return node->a_const->ival->ival;
    }
    throw pgwire::PgError(pgwire::sqlstate::kSyntaxError, "type modifiers must be simple constants");
}

}  // namespace

ResolvedTypeName resolve_type_name(const PgQuery__TypeName& name, Catalog* catalog) {
    if (name.n_names == 0) throw pgwire::PgError(pgwire::sqlstate::kSyntaxError, "empty type name");
    const PgQuery__Node* last = name.names[name.n_names - 1];
    std::string type_name = last->node_case == PG_QUERY__NODE__NODE_STRING ? last->string->sval : "";
    const NamedType* named = find_named_type(type_name);
    bool qualified_builtin = name.n_names > 1 && name.names[0]->node_case == PG_QUERY__NODE__NODE_STRING &&
                             std::string_view(name.names[0]->string->sval) == "pg_catalog";
    if (named == nullptr && catalog != nullptr && !qualified_builtin) {
        if (auto user = catalog->find_enum_type(type_name); user && user->oid != 0 && user->name == type_name) {
            if (name.n_array_bounds > 0) {
                throw pgwire::PgError(pgwire::sqlstate::kFeatureNotSupported,
                                      "array type " + type_name + "[] is not supported yet")
                    .with_position(name.location + 1);
            }
            return ResolvedTypeName{PgType{user->oid, -1}, false};
        }
    }
    if (named == nullptr) {
        throw pgwire::PgError(pgwire::sqlstate::kUndefinedObject,
                              "type \"" + type_name + "\" does not exist")
            .with_position(name.location + 1);
    }
    if (name.n_array_bounds > 0 && (named->serial || pgwire::array_type_of(named->oid) == 0)) {
        throw pgwire::PgError(pgwire::sqlstate::kFeatureNotSupported,
                              "array type " + type_name + "[] is not supported yet")
            .with_position(name.location + 1);
    }
    ResolvedTypeName resolved{PgType{named->oid, -1}, named->serial};
    switch (named->oid) {
        case oid::kVarchar:
            if (name.n_typmods >= 1) resolved.type.typmod = integer_typmod_arg(name.typmods[0]) + 4;
            break;
        case oid::kBpchar:
            // CHAR without a length is char(1), which the grammar spells
            // with a typmod; the type name bpchar alone has no length limit.
            if (name.n_typmods >= 1) resolved.type.typmod = integer_typmod_arg(name.typmods[0]) + 4;
            break;
        case oid::kNumeric:
            if (name.n_typmods == 1) {
                resolved.type.typmod = numeric_typmod(integer_typmod_arg(name.typmods[0]), 0);
            } else if (name.n_typmods == 2) {
                resolved.type.typmod = numeric_typmod(integer_typmod_arg(name.typmods[0]),
                                                      integer_typmod_arg(name.typmods[1]));
            }
            break;
        case oid::kInterval:
            // interval '1' hour / hour to minute / second(2) / interval(2): (range << 16) | precision.
            if (name.n_typmods >= 1) {
                int32_t precision = name.n_typmods >= 2 ? std::min(integer_typmod_arg(name.typmods[1]), 6) : 0xffff;
                resolved.type.typmod = (integer_typmod_arg(name.typmods[0]) << 16) | precision;
            }
            break;
        case oid::kTimestamp:
        case oid::kTimestamptz:
        case oid::kTime:
        case oid::kTimetz:
            // Fractional-second precision, 0..6.
            if (name.n_typmods >= 1) resolved.type.typmod = std::min(integer_typmod_arg(name.typmods[0]), 6);
            break;
        default:
            break;
    }
    // An array keeps its element's modifier, as PostgreSQL's varchar(10)[].
    if (name.n_array_bounds > 0) resolved.type.oid = pgwire::array_type_of(resolved.type.oid);
    return resolved;
}

std::string format_type(PgType type, Catalog* catalog) {
    if (is_user_type(type)) {
        auto user = catalog != nullptr ? catalog->find_enum_type(type.oid) : std::nullopt;
        if (!user) return "unknown";
        return displayed_type_name(user->name) + (user->oid == type.oid ? "" : "[]");
    }
    auto with_precision = [&](const char* base, const char* zone) {
        return std::string(base) + (type.typmod >= 0 ? "(" + std::to_string(type.typmod) + ")" : "") + zone;
    };
    auto with_length = [&](const char* base) {
        return type.typmod >= 4 ? std::string(base) + "(" + std::to_string(type.typmod - 4) + ")"
                                : std::string(base);
    };
    if (Oid element = pgwire::array_element_type(type.oid); element != 0) {
        return format_type(PgType{element, type.typmod}) + "[]";
    }
    switch (type.oid) {
        case oid::kBool: return "boolean";
        case oid::kInt2: return "smallint";
        case oid::kInt4: return "integer";
        case oid::kInt8: return "bigint";
        case oid::kFloat4: return "real";
        case oid::kFloat8: return "double precision";
        case oid::kNumeric:
            if (type.typmod >= 4) {
                return "numeric(" + std::to_string(numeric_precision(type.typmod)) + "," +
                       std::to_string(numeric_scale(type.typmod)) + ")";
            }
            return "numeric";
        case oid::kText: return "text";
        case oid::kVarchar: return with_length("character varying");
        case oid::kBpchar: return with_length("character");
        case oid::kName: return "name";
        case oid::kChar: return "\"char\"";
        case oid::kBytea: return "bytea";
        case oid::kDate: return "date";
        case oid::kTime: return with_precision("time", " without time zone");
        case oid::kTimetz: return with_precision("time", " with time zone");
        case oid::kTimestamp: return with_precision("timestamp", " without time zone");
        case oid::kTimestamptz: return with_precision("timestamp", " with time zone");
        case oid::kInterval: return "interval";
        case oid::kUuid: return "uuid";
        case oid::kJson: return "json";
        case oid::kJsonb: return "jsonb";
        case oid::kRecord: return "record";
        case 2278: return "void";
        case oid::kOid: return "oid";
        case oid::kRegtype: return "regtype";
        case oid::kRegproc: return "regproc";
        case oid::kRegclass: return "regclass";
        case oid::kRegnamespace: return "regnamespace";
        default: return "unknown";
    }
}

std::string declared_type_text(PgType type) {
    if (is_user_type(type)) return enum_declared_type(type.oid);
    std::string text = format_type(type);
    bool has_precision = type.oid == oid::kTimestamp || type.oid == oid::kTimestamptz || type.oid == oid::kTime ||
                         type.oid == oid::kTimetz;
    if (!has_precision || type.typmod < 0) return text;
    std::string precision = "(" + std::to_string(type.typmod) + ")";
    text.erase(text.find(precision), precision.size());
    return text + precision;
}

std::string column_declaration(PgType type) {
    if (is_user_type(type)) return enum_declared_type(type.oid) + " COLLATE " + enum_collation(type.oid);
    if (type.oid != oid::kNumeric) return declared_type_text(type);
    std::string modifier = type.typmod >= 4 ? "(" + std::to_string(numeric_precision(type.typmod)) + "," +
                                                  std::to_string(numeric_scale(type.typmod)) + ")"
                                            : "";
    return "numeric text" + modifier + " COLLATE litegres_numeric";
}

PgType type_from_declared(std::string_view declared) {
    std::string text = lower(declared);
    if (text.size() > 2 && text.compare(text.size() - 2, 2, "[]") == 0) {
        PgType element = type_from_declared(declared.substr(0, declared.size() - 2));
        Oid array = pgwire::array_type_of(element.oid);
        return array != 0 ? PgType{array, element.typmod} : kUnknown;
    }
    int32_t arg1 = -1, arg2 = -1;
    size_t paren = text.find('(');
    std::string base = text.substr(0, paren);
    while (!base.empty() && base.back() == ' ') base.pop_back();
    if (paren != std::string::npos) {
        arg1 = std::atoi(text.c_str() + paren + 1);
        size_t comma = text.find(',', paren);
        if (comma != std::string::npos) arg2 = std::atoi(text.c_str() + comma + 1);
    }
    if (base == "character varying" || base == "varchar") {
        return {oid::kVarchar, arg1 >= 0 ? arg1 + 4 : -1};
    }
    if (base == "character" || base == "char" || base == "bpchar") {
        return {oid::kBpchar, arg1 >= 0 ? arg1 + 4 : -1};
    }
    if (base == "numeric" || base == "decimal" || base == "numeric text") {
        if (arg1 < 0) return kNumeric;
        return {oid::kNumeric, numeric_typmod(arg1, arg2 < 0 ? 0 : arg2)};
    }
    if (base == "double precision" || base == "double" || base == "float") return kFloat8;
    if (base == "enum text" && arg1 >= int32_t(oid::kFirstUserOid)) return {Oid(arg1), -1};
    int32_t precision = paren != std::string::npos ? std::min(arg1, 6) : -1;
    if (base == "timestamp without time zone") return {oid::kTimestamp, precision};
    if (base == "timestamp with time zone") return {oid::kTimestamptz, precision};
    if (base == "time without time zone") return {oid::kTime, precision};
    if (base == "time with time zone") return {oid::kTimetz, precision};
    if (base == "timestamp" || base == "time" || base == "timestamptz") {
        // "timestamp(3) with time zone": the precision sits between name and zone.
        bool zoned = base == "timestamptz" || text.find(" with time zone") != std::string::npos;
        Oid t = base == "time" ? (zoned ? oid::kTimetz : oid::kTime) : zoned ? oid::kTimestamptz : oid::kTimestamp;
        return {t, paren != std::string::npos ? std::min(arg1, 6) : -1};
    }
    if (const NamedType* named = find_named_type(base); named != nullptr && !named->serial) {
        return {named->oid, -1};
    }
    return kUnknown;
}

bool is_integer_type(PgType type) {
    return type.oid == oid::kInt2 || type.oid == oid::kInt4 || type.oid == oid::kInt8;
}

bool is_numeric_category(PgType type) {
    return is_integer_type(type) || type.oid == oid::kNumeric || type.oid == oid::kFloat4 ||
           type.oid == oid::kFloat8;
}

bool is_string_type(PgType type) {
    return type.oid == oid::kText || type.oid == oid::kVarchar || type.oid == oid::kBpchar ||
           type.oid == oid::kName || type.oid == oid::kChar || type.oid == oid::kUnknownType;
}

}  // namespace litegres::translate
