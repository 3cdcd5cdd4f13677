// sequence_translator.cpp — CREATE / ALTER SEQUENCE, owned sequences.
#include "translate/sequence_translator.h"

#include <cerrno>
#include <cstdlib>
#include <limits>

#include "pgwire/pg_error.h"
#include "pgwire/sqlstate.h"
#include "translate/ddl_text.h"
#include "translate/index_translator.h"
#include "translate/name_resolver.h"
#include "translate/query_translator.h"

namespace litegres::translate {

using pgwire::PgError;
namespace sqlstate = pgwire::sqlstate;

namespace {

int64_t type_max(const std::string& data_type) {
    if (data_type == "smallint") return std::numeric_limits<int16_t>::max();
    if (data_type == "integer") return std::numeric_limits<int32_t>::max();
    return std::numeric_limits<int64_t>::max();
}

int64_t type_min(const std::string& data_type) {
    if (data_type == "smallint") return std::numeric_limits<int16_t>::min();
    if (data_type == "integer") return std::numeric_limits<int32_t>::min();
    return std::numeric_limits<int64_t>::min();
}

std::string data_type_of(PgType type) {
    if (type == kInt2) return "smallint";
    if (type == kInt4) return "integer";
    if (type == kInt8) return "bigint";
    throw PgError(sqlstate::kInvalidParameterValue, "sequence type must be smallint, integer, or bigint");
}

int64_t integer_value(const PgQuery__DefElem& option) {
    const PgQuery__Node* arg = option.arg;
    if (arg != nullptr && arg->node_case == PG_QUERY__NODE__NODE_INTEGER) return arg->integer->ival;
    if (arg != nullptr && arg->node_case == PG_QUERY__NODE__NODE_FLOAT) {
        errno = 0;
        char* end = nullptr;
        long long v = std::strtoll(arg->float_->fval, &end, 10);
        if (errno == 0 && end != nullptr && *end == '\0') return v;
        throw PgError(sqlstate::kNumericValueOutOfRange,
                      std::string("value \"") + arg->float_->fval + "\" is out of range for type bigint");
    }
    throw PgError(sqlstate::kSyntaxError, std::string(option.defname) + " requires a numeric value");
}

}  // namespace

bool SequenceTranslator::apply_options(SequenceInfo& seq, PgQuery__Node** options, size_t n_options, bool creating,
                                       int64_t& restart) {
    bool has_restart = false, has_min = false, has_max = false, has_start = false, has_increment = false;
    bool type_changed = false;
    std::optional<int64_t> min, max;
    for (size_t i = 0; i < n_options; ++i) {
        const auto& option = *options[i]->def_elem;
        std::string name = option.defname;
        if (name == "as") {
            seq.data_type = data_type_of(resolve_type_name(*option.arg->type_name).type);
            type_changed = true;
        } else if (name == "increment") {
            seq.increment = integer_value(option);
            has_increment = true;
            if (seq.increment == 0) throw PgError(sqlstate::kInvalidParameterValue, "INCREMENT must not be zero");
        } else if (name == "start") {
            seq.start = integer_value(option);
            has_start = true;
        } else if (name == "restart") {
            has_restart = true;
            restart = option.arg != nullptr ? integer_value(option) : std::numeric_limits<int64_t>::min();
        } else if (name == "minvalue") {
            has_min = true;
            if (option.arg != nullptr) min = integer_value(option);
        } else if (name == "maxvalue") {
            has_max = true;
            if (option.arg != nullptr) max = integer_value(option);
        } else if (name == "cache") {
            seq.cache = integer_value(option);
            if (seq.cache <= 0) {
                throw PgError(sqlstate::kInvalidParameterValue,
                              "CACHE (" + std::to_string(seq.cache) + ") must be greater than zero");
            }
        } else if (name == "cycle") {
            seq.cycle = option.arg != nullptr && option.arg->node_case == PG_QUERY__NODE__NODE_BOOLEAN
                            ? option.arg->boolean->boolval
                            : true;
        } else if (name == "owned_by") {
            const auto& owner = *option.arg->list;
            std::string first = ddl::string_value(owner.items[0]);
            if (owner.n_items == 1 && first == "none") {
                seq.owner_table.clear();
                seq.owner_column.clear();
                continue;
            }
            if (owner.n_items < 2) throw PgError(sqlstate::kSyntaxError, "invalid OWNED BY option");
            std::string column = ddl::string_value(owner.items[owner.n_items - 1]);
            PgQuery__List table_names = owner;
            table_names.n_items = owner.n_items - 1;
            std::optional<RelationName> found = NameResolver(catalog_).find(table_names);
            std::string table = found ? found->sqlite_name() : NameResolver::display(table_names);
            auto info = found ? catalog_.find_table(table) : std::nullopt;
            if (!info) throw PgError(sqlstate::kUndefinedTable, "relation \"" + table + "\" does not exist");
            if (info->find_column(column) == nullptr) {
                throw PgError(sqlstate::kUndefinedColumn,
                              "column \"" + column + "\" of relation \"" + table + "\" does not exist");
            }
            seq.owner_table = table;
            seq.owner_column = column;
        } else if (name == "sequence_name") {
            // CREATE TABLE ... GENERATED AS IDENTITY (SEQUENCE NAME x).
            const auto& names = *option.arg->list;
            std::string_view schema = names.n_items > 1 ? ddl::string_value(names.items[names.n_items - 2]) : "";
            seq.name = NameResolver(catalog_)
                           .creation_target(schema, ddl::string_value(names.items[names.n_items - 1]))
                           .sqlite_name();
        } else {
            throw_unsupported("sequence option " + name);
        }
    }
    // Defaults follow the direction and the data type (PostgreSQL's init_params).
    bool ascending = seq.increment > 0;
    if (has_max) {
        seq.max = max ? *max : (ascending ? type_max(seq.data_type) : -1);
    } else if (creating || type_changed || has_increment) {
        if (creating || type_changed) seq.max = ascending ? type_max(seq.data_type) : -1;
    }
    if (has_min) {
        seq.min = min ? *min : (ascending ? 1 : type_min(seq.data_type));
    } else if (creating || type_changed) {
        seq.min = ascending ? 1 : type_min(seq.data_type);
    }
    const std::string& t = seq.data_type;
    if (seq.max > type_max(t) || seq.max < type_min(t)) {
        throw PgError(sqlstate::kInvalidParameterValue, "MAXVALUE (" + std::to_string(seq.max) +
                                                            ") is out of range for sequence data type " + t);
    }
    if (seq.min > type_max(t) || seq.min < type_min(t)) {
        throw PgError(sqlstate::kInvalidParameterValue, "MINVALUE (" + std::to_string(seq.min) +
                                                            ") is out of range for sequence data type " + t);
    }
    if (seq.min >= seq.max) {
        throw PgError(sqlstate::kInvalidParameterValue, "MINVALUE (" + std::to_string(seq.min) +
                                                            ") must be less than MAXVALUE (" +
                                                            std::to_string(seq.max) + ")");
    }
    if (creating && !has_start) seq.start = ascending ? seq.min : seq.max;
    if (seq.start < seq.min) {
        throw PgError(sqlstate::kInvalidParameterValue, "START value (" + std::to_string(seq.start) +
                                                            ") cannot be less than MINVALUE (" +
                                                            std::to_string(seq.min) + ")");
    }
    if (seq.start > seq.max) {
        throw PgError(sqlstate::kInvalidParameterValue, "START value (" + std::to_string(seq.start) +
                                                            ") cannot be greater than MAXVALUE (" +
                                                            std::to_string(seq.max) + ")");
    }
    if (has_restart) {
        if (restart == std::numeric_limits<int64_t>::min()) restart = seq.start;
        if (restart < seq.min) {
            throw PgError(sqlstate::kInvalidParameterValue, "RESTART value (" + std::to_string(restart) +
                                                                ") cannot be less than MINVALUE (" +
                                                                std::to_string(seq.min) + ")");
        }
        if (restart > seq.max) {
            throw PgError(sqlstate::kInvalidParameterValue, "RESTART value (" + std::to_string(restart) +
                                                                ") cannot be greater than MAXVALUE (" +
                                                                std::to_string(seq.max) + ")");
        }
    }
    return has_restart;
}

std::string SequenceTranslator::insert_sql(const SequenceInfo& seq, char identity) {
    auto owner = [](const std::string& s) { return s.empty() ? std::string("NULL") : quote_string(s); };
    return "INSERT INTO _litegres_sequence (name, last_value, increment_by, is_called, owner_table, owner_column, "
           "start_value, min_value, max_value, cycle, cache_size, data_type, identity) VALUES (" +
           quote_string(seq.name) + ", " + std::to_string(seq.start) + ", " + std::to_string(seq.increment) + ", 0, " +
           owner(seq.owner_table) + ", " + owner(seq.owner_column) + ", " + std::to_string(seq.start) + ", " +
           std::to_string(seq.min) + ", " + std::to_string(seq.max) + ", " + (seq.cycle ? "1" : "0") + ", " +
           std::to_string(seq.cache) + ", " + quote_string(seq.data_type) + ", " +
           quote_string(identity != 0 ? std::string(1, identity) : std::string()) + ")";
}

TranslatedStatement SequenceTranslator::create(const PgQuery__CreateSeqStmt& stmt) {
    const auto& rv = *stmt.sequence;
    if (rv.relpersistence != nullptr && rv.relpersistence[0] == 't') throw_unsupported("TEMPORARY sequences");
    std::string relname = rv.relname;
    SequenceInfo seq;
    seq.data_type = "bigint";
    if (relname.rfind("_litegres_", 0) == 0 || relname.rfind("sqlite_", 0) == 0) {
        throw PgError(sqlstate::kInsufficientPrivilege,
                      "relation name \"" + relname + "\" is reserved for litegres's own bookkeeping");
    }
    seq.name = NameResolver(catalog_).creation_target(rv).sqlite_name();
    TranslatedStatement t = ddl::schema_change("CREATE SEQUENCE");
    if (catalog_.find_object(seq.name)) {
        if (stmt.if_not_exists) {
            t.notices.push_back({sqlstate::kDuplicateTable, "relation \"" + relname + "\" already exists, skipping"});
            return t;
        }
        throw PgError(sqlstate::kDuplicateTable, "relation \"" + relname + "\" already exists");
    }
    int64_t restart = 0;
    apply_options(seq, stmt.options, stmt.n_options, true, restart);
    t.sqlite_sql.push_back(insert_sql(seq, 0));
    t.sqlite_sql.push_back(ddl::register_relation_sql(seq.name));
    return t;
}

TranslatedStatement SequenceTranslator::alter(const PgQuery__AlterSeqStmt& stmt) {
    const auto& rv = *stmt.sequence;
    TranslatedStatement t = ddl::schema_change("ALTER SEQUENCE");
    std::optional<RelationName> found = NameResolver(catalog_).find(rv);
    auto seq = found ? catalog_.find_sequence(found->sqlite_name()) : std::nullopt;
    if (!seq) {
        if (found) throw PgError(sqlstate::kWrongObjectType, "\"" + std::string(rv.relname) + "\" is not a sequence");
        std::string message = "relation \"" + NameResolver::display(rv) + "\" does not exist";
        if (!stmt.missing_ok) throw PgError(sqlstate::kUndefinedTable, message);
        t.notices.push_back({sqlstate::kSuccessfulCompletion, message + ", skipping"});
        return t;
    }
    int64_t restart = 0;
    bool restarts = apply_options(*seq, stmt.options, stmt.n_options, false, restart);
    auto owner = [](const std::string& s) { return s.empty() ? std::string("NULL") : quote_string(s); };
    std::string sql = "UPDATE _litegres_sequence SET increment_by = " + std::to_string(seq->increment) +
                      ", start_value = " + std::to_string(seq->start) + ", min_value = " + std::to_string(seq->min) +
                      ", max_value = " + std::to_string(seq->max) + ", cycle = " + (seq->cycle ? "1" : "0") +
                      ", cache_size = " + std::to_string(seq->cache) + ", data_type = " +
                      quote_string(seq->data_type) + ", owner_table = " + owner(seq->owner_table) +
                      ", owner_column = " + owner(seq->owner_column);
    if (restarts) sql += ", last_value = " + std::to_string(restart) + ", is_called = 0";
    t.sqlite_sql.push_back(sql + " WHERE name = " + quote_string(seq->name));
    return t;
}

std::string SequenceTranslator::owned_sequence_name(const std::string& table, const std::string& column,
                                                    PgQuery__Node** options, size_t n_options) {
    for (size_t i = 0; i < n_options; ++i) {
        const auto& option = *options[i]->def_elem;
        if (std::string(option.defname) != "sequence_name") continue;
        const auto& names = *option.arg->list;
        std::string_view schema = names.n_items > 1 ? ddl::string_value(names.items[names.n_items - 2]) : "";
        return NameResolver(catalog_)
            .creation_target(schema, ddl::string_value(names.items[names.n_items - 1]))
            .sqlite_name();
    }
    RelationName relation = NameResolver(catalog_).of_sqlite_name(table);
    return NameResolver::sqlite_name(relation.schema, IndexTranslator::choose_name(catalog_, relation, {column}, "seq"));
}

std::string SequenceTranslator::owned_sequence_sql(const std::string& name, const std::string& table,
                                                   const std::string& column, PgType column_type,
                                                   PgQuery__Node** options, size_t n_options, char identity) {
    SequenceInfo seq;
    seq.name = name;
    seq.data_type = data_type_of(column_type);
    seq.owner_table = table;
    seq.owner_column = column;
    int64_t restart = 0;
    apply_options(seq, options, n_options, true, restart);
    return insert_sql(seq, identity);
}

}  // namespace litegres::translate
