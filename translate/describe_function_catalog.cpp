// describe_function_catalog.cpp — each entry reads the describe catalogs
// (describe_catalog.cpp) or litegres's bookkeeping with a subquery, or calls
// a function of catalog_functions.cpp. Sizes come from SQLite's dbstat.
#include "translate/describe_function_catalog.h"

#include <map>
#include <utility>

namespace litegres::translate {

namespace oid = pgwire::oid;

namespace {

using Args = std::vector<TypedSql>;

constexpr PgType kOidType{oid::kOid, -1};

// The size in bytes of the named SQLite objects.
std::string pages_of(const std::string& names) {
    return "(SELECT coalesce(sum(d.pgsize), 0) FROM dbstat('main') d WHERE d.name IN (" + names +
           "))";
}

std::map<std::pair<std::string, int>, FunctionSignature> build() {
    std::map<std::pair<std::string, int>, FunctionSignature> c;
    auto add = [&](const std::string& name, int arity, PgType result, PgType unknown_type,
                   std::function<std::string(const Args&)> emit) {
        FunctionSignature f;
        f.sqlite_name = name;
        f.result = [result](const Args&) { return result; };
        f.unknown_argument_type = unknown_type;
        f.wrap = [emit](const std::string&, const Args& a) { return emit(a); };
        c[{name, arity}] = std::move(f);
    };
    auto constraint_def = [](const Args& a) {
        // Pretty (a second argument true) or plain text.
        std::string which = a.size() > 1
                                ? "CASE WHEN " + a[1].sql + " THEN '$.def' ELSE '$.plaindef' END"
                                : std::string("'$.plaindef'");
        return "(SELECT json_extract(litegres_j.value, " + which +
               ") FROM main._litegres_relation litegres_r "
               "JOIN main.sqlite_schema litegres_s ON litegres_s.name = litegres_r.name AND "
               "litegres_s.type = 'table', "
               "json_each(litegres_table_constraints(litegres_r.name, litegres_s.sql)) litegres_j "
               "WHERE litegres_r.oid = (" +
               a[0].sql + ") / 1000 AND litegres_j.key + 1 = (" + a[0].sql + ") % 1000)";
    };
    add("pg_get_constraintdef", 1, kText, kOidType, constraint_def);
    add("pg_get_constraintdef", 2, kText, kOidType, constraint_def);
    auto index_def = [](const std::string& oid_sql, const std::string& column,
                        const std::string& pretty) {
        return "(SELECT litegres_index_definition(litegres_c.relname, (SELECT litegres_n.name FROM "
               "main._litegres_relation litegres_n WHERE litegres_n.oid = litegres_t.oid), "
               "litegres_s.sql, "
               "litegres_i.indkey, litegres_i.indisunique, " +
               column + ", " + pretty +
               ") FROM pg_index litegres_i "
               "JOIN pg_class litegres_c ON litegres_c.oid = litegres_i.indexrelid JOIN pg_class "
               "litegres_t "
               "ON litegres_t.oid = litegres_i.indrelid LEFT JOIN main.sqlite_schema litegres_s "
               "ON litegres_s.type = 'index' AND litegres_s.name = litegres_c.relname WHERE "
               "litegres_i.indexrelid = " +
               oid_sql + ")";
    };
    add("pg_get_indexdef", 1, kText, kOidType,
        [index_def](const Args& a) { return index_def(a[0].sql, "0", "0"); });
    add("pg_get_indexdef", 3, kText, kOidType,
        [index_def](const Args& a) { return index_def(a[0].sql, a[1].sql, a[2].sql); });
    auto view_def = [](const Args& a) {
        std::string pretty = a.size() > 1 ? a[1].sql : "0";
        return "(SELECT litegres_view_definition(litegres_s.sql, " + pretty +
               ") FROM main._litegres_relation litegres_r JOIN main.sqlite_schema litegres_s "
               "ON litegres_s.name = litegres_r.name AND litegres_s.type = 'view' WHERE "
               "litegres_r.oid = " +
               a[0].sql + ")";
    };
    add("pg_get_viewdef", 1, kText, kOidType, view_def);
    add("pg_get_viewdef", 2, kText, kOidType, view_def);
    // No triggers, rules (beyond views), extended statistics or SQL functions.
    auto null_text = [](const Args&) { return std::string("NULL"); };
    for (int arity : {1, 2}) {
        add("pg_get_triggerdef", arity, kText, kOidType, null_text);
        add("pg_get_ruledef", arity, kText, kOidType, null_text);
    }
    add("pg_get_statisticsobjdef_columns", 1, kText, kOidType, null_text);
    add("pg_get_function_result", 1, kText, kOidType, null_text);
    add("pg_get_function_arguments", 1, kText, kOidType, null_text);
    add("pg_get_function_identity_arguments", 1, kText, kOidType, null_text);
    add("pg_get_function_sqlbody", 1, kText, kOidType, null_text);
    add("shobj_description", 2, kText, kText, null_text);
    add("pg_tablespace_location", 1, kText, kOidType,
        [](const Args&) { return std::string("''"); });
    add("pg_relation_is_publishable", 1, kBool, kOidType, [](const Args& a) {
        return "EXISTS (SELECT 1 FROM main._litegres_relation litegres_r JOIN main.sqlite_schema "
               "litegres_s ON litegres_s.name = litegres_r.name "
               "AND litegres_s.type = 'table' WHERE litegres_r.oid = " +
               a[0].sql + ")";
    });
    for (int arity : {2, 3})
        add("pg_has_role", arity, kBool, kText, [](const Args&) { return std::string("1"); });
    // Every litegres database is UTF8 (encoding 6).
    add("getdatabaseencoding", 0, PgType{oid::kName, -1}, kText,
        [](const Args&) { return std::string("'UTF8'"); });
    add("pg_char_to_encoding", 1, kInt4, PgType{oid::kName, -1}, [](const Args& a) {
        return "(CASE upper(" + a[0].sql +
               ") WHEN 'UTF8' THEN 6 WHEN 'SQL_ASCII' THEN 0 ELSE -1 END)";
    });
    add("pg_collation_is_visible", 1, kBool, kOidType,
        [](const Args&) { return std::string("1"); });
    add("pg_size_pretty", 1, kText, kInt8,
        [](const Args& a) { return "litegres_size_pretty(" + a[0].sql + ")"; });
    auto relation_name = [](const Args& a) {
        return "(SELECT litegres_r.name FROM main._litegres_relation litegres_r WHERE "
               "litegres_r.oid = " +
               a[0].sql + ")";
    };
    auto relation_size = [relation_name](const Args& a) { return pages_of(relation_name(a)); };
    add("pg_relation_size", 1, kInt8, kOidType, relation_size);
    add("pg_table_size", 1, kInt8, kOidType, relation_size);
    add("pg_indexes_size", 1, kInt8, kOidType, [relation_name](const Args& a) {
        return pages_of(
            "SELECT litegres_i.name FROM main.sqlite_schema litegres_i WHERE litegres_i.type = "
            "'index' AND litegres_i.tbl_name = " +
            relation_name(a));
    });
    add("pg_total_relation_size", 1, kInt8, kOidType, [relation_name](const Args& a) {
        return pages_of(
            "SELECT litegres_i.name FROM main.sqlite_schema litegres_i WHERE litegres_i.tbl_name "
            "= " +
            relation_name(a));
    });
    // Only the database of this connection has its file at hand.
    add("pg_database_size", 1, kInt8, PgType{oid::kName, -1}, [](const Args& a) {
        return "(CASE WHEN " + a[0].sql +
               " = litegres_current_database() THEN (SELECT litegres_p.page_count * "
               "litegres_s.page_size "
               "FROM pragma_page_count() litegres_p, pragma_page_size() litegres_s) END)";
    });
    // A SQLite snapshot belongs to its connection: another session cannot
    // SET TRANSACTION SNAPSHOT to it (pg_dump -j asks for one).
    add("pg_export_snapshot", 0, kText, kText, [](const Args&) {
        return std::string(
            "litegres_raise('0A000', 'pg_export_snapshot() is not supported: litegres cannot share a snapshot "
            "between sessions (pg_dump -j needs one; dump without -j)')");
    });
    // No standby: every litegres database accepts writes.
    add("pg_is_in_recovery", 0, kBool, kText, [](const Args&) { return std::string("0"); });
    add("acldefault", 2, PgType{1034, -1}, PgType{oid::kChar, -1}, [](const Args& a) {
        return "litegres_acl_default(" + a[0].sql + ", (SELECT litegres_o.rolname FROM pg_roles litegres_o "
               "WHERE litegres_o.oid = " + a[1].sql + "))";
    });
    return c;
}

}  // namespace

const FunctionSignature* find_describe_function(const std::string& name, size_t arg_count) {
    static const auto catalog = build();
    auto it = catalog.find({name, int(arg_count)});
    return it != catalog.end() ? &it->second : nullptr;
}

}  // namespace litegres::translate
