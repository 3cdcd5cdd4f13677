// describe_catalog.cpp — definitions of the describe catalogs (see
// describe_catalog.h). Constraint OIDs are the table's OID * 1000 plus the
// constraint's position; the index backing a PRIMARY KEY / UNIQUE constraint
// (SQLite's automatic index) gets the table's OID * 1000 + 500 + position and
// the constraint's name, as PostgreSQL names it.
#include "translate/describe_catalog.h"

#include "translate/catalog_column_types.h"

#include <string>

#include "translate/sql_text.h"

namespace litegres::translate {

namespace {

namespace oid = pgwire::oid;

using namespace catalog_column;

}  // namespace

const std::vector<CatalogRelation>& describe_relations() {
    static const std::vector<CatalogRelation> kRelations = {
        {"pg_constraint",
         {{"oid", kOidType},       {"conname", kName},        {"connamespace", kOidType},
          {"contype", kChar},      {"condeferrable", kBool},  {"condeferred", kBool},
          {"convalidated", kBool}, {"conrelid", kOidType},    {"contypid", kOidType},
          {"conindid", kOidType},  {"conparentid", kOidType}, {"confrelid", kOidType},
          {"confupdtype", kChar},  {"confdeltype", kChar},    {"confmatchtype", kChar},
          {"conislocal", kBool},   {"coninhcount", kInt4},    {"connoinherit", kBool},
          {"conkey", kInt2Array},  {"confkey", kInt2Array},   {"conbin", kNodeTree}},
         "WITH k (oid, conname, contype, condeferrable, condeferred, conrelid, conindid, "
         "confrelid, confupdtype, "
         "confdeltype, conkey, confkey, conbin) AS (SELECT r.oid * 1000 + j.key + 1, "
         "json_extract(j.value, '$.name'), "
         "json_extract(j.value, '$.type'), json_extract(j.value, '$.deferrable'), "
         "json_extract(j.value, '$.deferred'), "
         "r.oid, CASE WHEN json_extract(j.value, '$.type') IN ('p', 'u') THEN r.oid * 1000 + 500 + "
         "j.key ELSE 0 END, "
         "coalesce((SELECT f.oid FROM main._litegres_relation f WHERE f.name = "
         "json_extract(j.value, '$.ref')), 0), "
         "json_extract(j.value, '$.upd'), json_extract(j.value, '$.del'), json_extract(j.value, "
         "'$.key'), "
         "json_extract(j.value, '$.fkey'), "
         "CASE json_extract(j.value, '$.type') WHEN 'c' THEN json_extract(j.value, '$.plaindef') "
         "END "
         "FROM main._litegres_relation r JOIN main.sqlite_schema s ON s.name = r.name AND s.type = "
         "'table', "
         "json_each(litegres_table_constraints(r.name, s.sql)) j) "
         // A foreign key's index is the referenced key's.
         "SELECT k.oid, k.conname, coalesce((SELECT n.nspoid FROM _litegres_relation_namespace n "
         "WHERE n.oid = k.conrelid), 2200), k.contype, k.condeferrable, k.condeferred, 1, "
         "k.conrelid, "
         "0, "
         "CASE k.contype WHEN 'f' THEN coalesce((SELECT u.conindid FROM k u WHERE u.conrelid = "
         "k.confrelid "
         "AND u.contype IN ('p', 'u') AND u.conkey = k.confkey), 0) ELSE k.conindid END, 0, "
         "k.confrelid, "
         "k.confupdtype, k.confdeltype, CASE k.contype WHEN 'f' THEN 's' ELSE ' ' END, 1, 0, 0, "
         "k.conkey, k.confkey, "
         "k.conbin FROM k"},
        // CREATE INDEX indexes, then the indexes of PRIMARY KEY / UNIQUE
        // constraints. indkey and indoption are int2vector text ("1 2"; indkey
        // 0 for an expression); indpred holds the predicate as pg_get_expr
        // prints it.
        {"pg_index",
         {{"indexrelid", kOidType},
          {"indrelid", kOidType},
          {"indnatts", kInt2},
          {"indnkeyatts", kInt2},
          {"indisunique", kBool},
          {"indnullsnotdistinct", kBool},
          {"indisprimary", kBool},
          {"indisexclusion", kBool},
          {"indimmediate", kBool},
          {"indisclustered", kBool},
          {"indisvalid", kBool},
          {"indcheckxmin", kBool},
          {"indisready", kBool},
          {"indislive", kBool},
          {"indisreplident", kBool},
          {"indkey", kInt2Vector},
          {"indoption", kInt2Vector},
          {"indexprs", kNodeTree},
          {"indpred", kNodeTree}},
         "SELECT ir.oid, tr.oid, (SELECT count(*) FROM pragma_index_info(s.name)), "
         "(SELECT count(*) FROM pragma_index_info(s.name)), l.\"unique\", 0, 0, 0, 1, 0, 1, 0, 1, "
         "1, 0, "
         "(SELECT group_concat(CASE WHEN x.cid >= 0 THEN x.cid + 1 ELSE 0 END, ' ') FROM "
         "pragma_index_info(s.name) x), "
         // indoption: bit 0 DESC, bit 1 NULLS FIRST, which DESC implies.
         "(SELECT group_concat(CASE WHEN x.\"desc\" THEN 3 ELSE 0 END, ' ') FROM "
         "pragma_index_xinfo(s.name) x WHERE x.key), "
         "CASE WHEN EXISTS (SELECT 1 FROM pragma_index_info(s.name) x WHERE x.cid < 0) "
         "THEN litegres_index_definition(s.name, s.tbl_name, s.sql, '', 0, 0, 0) END, "
         "CASE WHEN l.partial THEN litegres_index_definition(s.name, s.tbl_name, s.sql, '', 0, -1, "
         "1) END "
         "FROM main.sqlite_schema s JOIN main._litegres_relation ir ON ir.name = s.name "
         "JOIN main._litegres_relation tr ON tr.name = s.tbl_name "
         "JOIN pragma_index_list(s.tbl_name) l ON l.name = s.name "
         "WHERE s.type = 'index' AND s.sql IS NOT NULL "
         "UNION ALL SELECT c.conindid, c.conrelid, json_array_length(c.conkey), "
         "json_array_length(c.conkey), 1, 0, "
         "c.contype = 'p', 0, 1, 0, 1, 0, 1, 1, 0, (SELECT group_concat(k.value, ' ') FROM "
         "json_each(c.conkey) k), "
         "(SELECT group_concat(0, ' ') FROM json_each(c.conkey)), NULL, NULL FROM pg_constraint c "
         "WHERE c.contype IN ('p', 'u')"},
        {"pg_inherits",
         {{"inhrelid", kOidType},
          {"inhparent", kOidType},
          {"inhseqno", kInt4},
          {"inhdetachpending", kBool}},
         "SELECT 0, 0, 0, 0 WHERE 0"},
        {"pg_policy",
         {{"oid", kOidType},
          {"polname", kName},
          {"polrelid", kOidType},
          {"polcmd", kChar},
          {"polpermissive", kBool},
          {"polroles", kOidArray},
          {"polqual", kNodeTree},
          {"polwithcheck", kNodeTree}},
         "SELECT 0, '', 0, '*', 1, '[]', NULL, NULL WHERE 0"},
        {"pg_statistic_ext",
         {{"oid", kOidType},
          {"stxrelid", kOidType},
          {"stxname", kName},
          {"stxnamespace", kOidType},
          {"stxowner", kOidType},
          {"stxstattarget", kInt4},
          {"stxkeys", kInt2Vector},
          {"stxkind", kCharArray},
          {"stxexprs", kNodeTree}},
         "SELECT 0, 0, '', 0, 0, -1, '', '[]', NULL WHERE 0"},
        {"pg_publication",
         {{"oid", kOidType},
          {"pubname", kName},
          {"pubowner", kOidType},
          {"puballtables", kBool},
          {"pubinsert", kBool},
          {"pubupdate", kBool},
          {"pubdelete", kBool},
          {"pubtruncate", kBool},
          {"pubviaroot", kBool}},
         "SELECT 0, '', 0, 0, 0, 0, 0, 0, 0 WHERE 0"},
        {"pg_publication_rel",
         {{"oid", kOidType},
          {"prpubid", kOidType},
          {"prrelid", kOidType},
          {"prqual", kNodeTree},
          {"prattrs", kInt2Array}},  // int2vector in PostgreSQL; always empty here
         "SELECT 0, 0, 0, NULL, NULL WHERE 0"},
        {"pg_publication_namespace",
         {{"oid", kOidType}, {"pnpubid", kOidType}, {"pnnspid", kOidType}},
         "SELECT 0, 0, 0 WHERE 0"},
        {"pg_trigger",
         {{"oid", kOidType},
          {"tgrelid", kOidType},
          {"tgparentid", kOidType},
          {"tgname", kName},
          {"tgfoid", kOidType},
          {"tgtype", kInt2},
          {"tgenabled", kChar},
          {"tgisinternal", kBool},
          {"tgconstrrelid", kOidType},
          {"tgconstrindid", kOidType},
          {"tgconstraint", kOidType},
          {"tgdeferrable", kBool},
          {"tginitdeferred", kBool},
          {"tgnargs", kInt2},
          {"tgattr", kInt2Vector},
          {"tgargs", kBytea},
          {"tgqual", kNodeTree},
          {"tgoldtable", kName},
          {"tgnewtable", kName}},
         "SELECT 0, 0, 0, '', 0, 0, 'O', 0, 0, 0, 0, 0, 0, 0, '', NULL, NULL, NULL, NULL WHERE 0"},
        {"pg_collation",
         {{"oid", kOidType},
          {"collname", kName},
          {"collnamespace", kOidType},
          {"collowner", kOidType},
          {"collprovider", kChar},
          {"collisdeterministic", kBool},
          {"collencoding", kInt4},
          {"collcollate", kText},
          {"collctype", kText},
          {"colliculocale", kText},
          {"collversion", kText}},
         "VALUES (100, 'default', 11, 10, 'd', 1, -1, NULL, NULL, NULL, NULL), "
         "(950, 'C', 11, 10, 'c', 1, -1, 'C', 'C', NULL, NULL), "
         "(951, 'POSIX', 11, 10, 'c', 1, -1, 'POSIX', 'POSIX', NULL, NULL)"},
        // A view is its _RETURN rule.
        {"pg_rewrite",
         {{"oid", kOidType},
          {"rulename", kName},
          {"ev_class", kOidType},
          {"ev_type", kChar},
          {"ev_enabled", kChar},
          {"is_instead", kBool},
          {"ev_qual", kNodeTree},
          {"ev_action", kNodeTree}},
         "SELECT r.oid * 1000 + 999, '_RETURN', r.oid, '1', 'O', 1, NULL, NULL "
         "FROM main._litegres_relation r JOIN main.sqlite_schema s ON s.name = r.name AND s.type = "
         "'view'"},
        {"pg_sequence",
         {{"seqrelid", kOidType},
          {"seqtypid", kOidType},
          {"seqstart", kInt8},
          {"seqincrement", kInt8},
          {"seqmax", kInt8},
          {"seqmin", kInt8},
          {"seqcache", kInt8},
          {"seqcycle", kBool}},
         "SELECT r.oid, CASE q.data_type WHEN 'integer' THEN 23 WHEN 'smallint' THEN 21 ELSE 20 "
         "END, "
         "q.start_value, q.increment_by, q.max_value, q.min_value, q.cache_size, q.cycle "
         "FROM main._litegres_sequence q JOIN main._litegres_relation r ON r.name = q.name"},
        // A sequence owned by a column (serial: 'a', identity: 'i'); a
        // column default on its column ('a') and on the sequences it calls
        // nextval on ('n'); a view's _RETURN rule on its view ('i') and on
        // the relations it reads ('n', on the whole relation rather than on
        // each column read); plpgsql's language and functions as members of
        // its extension ('e').
        {"pg_depend",
         {{"classid", kOidType},
          {"objid", kOidType},
          {"objsubid", kInt4},
          {"refclassid", kOidType},
          {"refobjid", kOidType},
          {"refobjsubid", kInt4},
          {"deptype", kChar}},
         "SELECT 1259, r.oid, 0, 1259, t.oid, p.cid + 1, CASE WHEN q.identity <> '' THEN 'i' ELSE "
         "'a' END "
         "FROM main._litegres_sequence q JOIN main._litegres_relation r ON r.name = q.name "
         "JOIN main._litegres_relation t ON t.name = q.owner_table "
         "JOIN pragma_table_info(q.owner_table) p ON p.name = q.owner_column "
         "UNION ALL SELECT 2604, d.oid, 0, 1259, d.adrelid, d.adnum, 'a' FROM pg_attrdef d "
         "UNION ALL SELECT 2604, d.oid, 0, 1259, q.oid, 0, 'n' FROM pg_attrdef d "
         "JOIN main._litegres_relation r ON r.oid = d.adrelid JOIN pragma_table_info(r.name) p ON p.cid + 1 = d.adnum "
         "JOIN main._litegres_relation q ON instr(p.dflt_value, 'litegres_nextval(''' || q.name || '''') > 0 "
         "UNION ALL SELECT 2618, r.oid * 1000 + 999, 0, 1259, r.oid, 0, 'i' "
         "FROM main._litegres_relation r JOIN main.sqlite_schema s ON s.name = r.name AND s.type = 'view' "
         "UNION ALL SELECT DISTINCT 2618, r.oid * 1000 + 999, 0, 1259, t.oid, 0, 'n' "
         "FROM main._litegres_relation r JOIN main.sqlite_schema s ON s.name = r.name AND s.type = 'view', "
         "json_each(litegres_view_relations(s.sql)) j JOIN main._litegres_relation t ON t.name = j.value "
         "UNION ALL VALUES (1255, 13560, 0, 3079, 13559, 0, 'e'), (1255, 13561, 0, 3079, 13559, 0, 'e'), "
         "(1255, 13562, 0, 3079, 13559, 0, 'e'), (2612, 13563, 0, 3079, 13559, 0, 'e')"},
        {"pg_database",
         {{"oid", kOidType},
          {"datname", kName},
          {"datdba", kOidType},
          {"encoding", kInt4},
          {"datlocprovider", kChar},
          {"datistemplate", kBool},
          {"datallowconn", kBool},
          {"datconnlimit", kInt4},
          {"dattablespace", kOidType},
          {"datcollate", kText},
          {"datctype", kText},
          {"daticulocale", kText},
          {"datcollversion", kText},
          {"datacl", kAclArray},
          {"datfrozenxid", kXid},
          {"datminmxid", kXid}},
         // No transaction IDs: datfrozenxid and datminmxid are 0 (invalid).
         "SELECT CASE d.value WHEN 'postgres' THEN 5 ELSE 16384 + d.key END, d.value, 10, 6, 'c', "
         "0, 1, -1, 1663, "
         "'C.UTF-8', 'C.UTF-8', NULL, NULL, NULL, 0, 0 FROM json_each(litegres_database_names()) d"},
        {"pg_tablespace",
         {{"oid", kOidType},
          {"spcname", kName},
          {"spcowner", kOidType},
          {"spcacl", kAclArray},
          {"spcoptions", kTextArray}},
         "VALUES (1663, 'pg_default', 10, NULL, NULL), (1664, 'pg_global', 10, NULL, NULL)"},
        // The session's user is the superuser that owns everything (OID 10).
        {"pg_roles",
         {{"rolname", kName},
          {"rolsuper", kBool},
          {"rolinherit", kBool},
          {"rolcreaterole", kBool},
          {"rolcreatedb", kBool},
          {"rolcanlogin", kBool},
          {"rolreplication", kBool},
          {"rolconnlimit", kInt4},
          {"rolpassword", kText},
          {"rolvaliduntil", kTimestamptz},
          {"rolbypassrls", kBool},
          {"rolconfig", kTextArray},
          {"oid", kOidType}},
         "SELECT litegres_session_user(), 1, 1, 1, 1, 1, 1, -1, '********', NULL, 1, NULL, 10 "
         "UNION ALL SELECT 'pg_database_owner', 0, 1, 0, 0, 0, 0, -1, '********', NULL, 0, NULL, "
         "6171"},
        {"pg_authid",
         {{"oid", kOidType},
          {"rolname", kName},
          {"rolsuper", kBool},
          {"rolinherit", kBool},
          {"rolcreaterole", kBool},
          {"rolcreatedb", kBool},
          {"rolcanlogin", kBool},
          {"rolreplication", kBool},
          {"rolbypassrls", kBool},
          {"rolconnlimit", kInt4},
          {"rolpassword", kText},
          {"rolvaliduntil", kTimestamptz}},
         "SELECT oid, rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, "
         "rolreplication, "
         "rolbypassrls, rolconnlimit, NULL, rolvaliduntil FROM pg_roles"},
        {"pg_user",
         {{"usename", kName},
          {"usesysid", kOidType},
          {"usecreatedb", kBool},
          {"usesuper", kBool},
          {"userepl", kBool},
          {"usebypassrls", kBool},
          {"passwd", kText},
          {"valuntil", kTimestamptz},
          {"useconfig", kTextArray}},
         "SELECT rolname, oid, rolcreatedb, rolsuper, rolreplication, rolbypassrls, '********', "
         "rolvaliduntil, "
         "rolconfig FROM pg_roles WHERE rolcanlogin"},
        {"pg_auth_members",
         {{"roleid", kOidType},
          {"member", kOidType},
          {"grantor", kOidType},
          {"admin_option", kBool}},
         "SELECT 0, 0, 0, 0 WHERE 0"},
        // Block I/O statistics of user tables: litegres reads no blocks
        // through PostgreSQL's buffer manager, so every counter is 0 (NULL
        // where PostgreSQL has nothing to count: no index, no TOAST table).
        {"pg_statio_all_tables",
         {{"relid", kOidType},
          {"schemaname", kName},
          {"relname", kName},
          {"heap_blks_read", kInt8},
          {"heap_blks_hit", kInt8},
          {"idx_blks_read", kInt8},
          {"idx_blks_hit", kInt8},
          {"toast_blks_read", kInt8},
          {"toast_blks_hit", kInt8},
          {"tidx_blks_read", kInt8},
          {"tidx_blks_hit", kInt8}},
         "SELECT oid, nspname, relname, 0, 0, indexed, indexed, NULL, NULL, NULL, NULL "
         // The index counters are NULL for a table without indexes.
         "FROM (SELECT r.oid, r.nspname, r.relname, CASE WHEN EXISTS (SELECT 1 FROM pg_index x "
         "WHERE x.indrelid = r.oid) THEN 0 END AS indexed FROM _litegres_relation_namespace r "
         "JOIN main.sqlite_schema s ON s.name = r.name AND s.type = 'table')"},
        {"pg_extension",
         {{"oid", kOidType},
          {"extname", kName},
          {"extowner", kOidType},
          {"extnamespace", kOidType},
          {"extrelocatable", kBool},
          {"extversion", kText},
          {"extconfig", kOidArray},
          {"extcondition", kTextArray}},
         "VALUES (13559, 'plpgsql', 10, 11, 0, '1.0', NULL, NULL)"},
    };
    return kRelations;
}

namespace {

constexpr std::pair<const char*, Oid> kOids[] = {
    {"pg_type", 1247},          {"pg_attribute", 1249},
    {"pg_proc", 1255},          {"pg_class", 1259},
    {"pg_authid", 1260},        {"pg_database", 1262},
    {"pg_tablespace", 1213},    {"pg_namespace", 2615},
    {"pg_constraint", 2606},    {"pg_description", 2609},
    {"pg_index", 2610},         {"pg_rewrite", 2618},
    {"pg_trigger", 2620},       {"pg_am", 2601},
    {"pg_attrdef", 2604},       {"pg_depend", 2608},
    {"pg_inherits", 2611},      {"pg_collation", 3456},
    {"pg_extension", 3079},     {"pg_sequence", 2224},
    {"pg_policy", 3256},        {"pg_range", 3541},
    {"pg_statistic_ext", 3381}, {"pg_publication", 6104},
    {"pg_publication_rel", 6106}, {"pg_publication_namespace", 6237},
    {"pg_auth_members", 1261},  {"pg_language", 2612},
    {"pg_init_privs", 3394},    {"pg_operator", 2617},
    {"pg_opclass", 2616},       {"pg_opfamily", 2753},
    {"pg_amop", 2602},          {"pg_amproc", 2603},
    {"pg_ts_parser", 3601},     {"pg_ts_template", 3764},
    {"pg_ts_dict", 3600},       {"pg_ts_config", 3602},
    {"pg_foreign_data_wrapper", 2328}, {"pg_foreign_server", 1417},
    {"pg_foreign_table", 3118}, {"pg_default_acl", 826},
    {"pg_conversion", 2607},    {"pg_cast", 2605},
    {"pg_transform", 3576},     {"pg_event_trigger", 3466},
    {"pg_partitioned_table", 3350}, {"pg_subscription", 6100},
    {"pg_largeobject_metadata", 2995}, {"pg_enum", 3501},
    {"pg_shseclabel", 3592},    {"pg_db_role_setting", 2964},
    {"pg_parameter_acl", 6243},
};

}  // namespace

std::optional<Oid> system_relation_oid(std::string_view name) {
    for (const auto& [relation, relation_oid] : kOids) {
        if (name == relation) return relation_oid;
    }
    return std::nullopt;
}

std::string system_relation_oid_sql(const std::string& name_sql) {
    std::string sql = "(CASE " + name_sql;
    for (const auto& [relation, relation_oid] : kOids) {
        sql += " WHEN '" + std::string(relation) + "' THEN " + std::to_string(relation_oid);
    }
    return sql + " ELSE 0 END)";
}

void name_object_identifiers(SelectOutput& out) {
    bool any = false;
    for (const auto& c : out.columns) any = any || c.type.oid == oid::kRegclass;
    if (!any) return;
    // A WITH column list names the query's columns by position, so that
    // duplicate names cannot be confused.
    std::string names, list;
    for (size_t i = 0; i < out.columns.size(); ++i) {
        std::string column = "litegres_column_" + std::to_string(i);
        names += (i > 0 ? ", " : "") + column;
        std::string name = quote_identifier(out.columns[i].name);
        list += (i > 0 ? ", " : "") +
                (out.columns[i].type.oid == oid::kRegclass ? "litegres_regclass_out(" + column + ")"
                                                           : column) +
                " AS " + name;
    }
    out.sql = "WITH litegres_named(" + names + ") AS (" + out.sql + ") SELECT " + list +
              " FROM litegres_named";
}

std::optional<TypedSql> object_identifier_text(const TypedSql& value, PgType target) {
    bool to_text = is_string_type(target) && !target.is_unknown();
    if (target.oid == oid::kRegnamespace &&
        (value.type.oid == oid::kOid || is_integer_type(value.type))) {
        return TypedSql{value.sql, target};
    }
    if (value.type.oid == oid::kRegnamespace && to_text) {
        return TypedSql{"coalesce((SELECT n.nspname FROM pg_namespace n WHERE n.oid = " +
                            value.sql + "), " + value.sql + ")",
                        target};
    }
    if (value.type.oid == oid::kRegclass && to_text)
        return TypedSql{"litegres_regclass_out(" + value.sql + ")", target};
    return std::nullopt;
}

}  // namespace litegres::translate
