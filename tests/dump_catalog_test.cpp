// dump_catalog_test.cpp — the catalog rows pg_dump reads, over a schema
// written by litegres's own DDL: languages and extension membership,
// privileges (acldefault, nspacl, pg_init_privs), dependencies that order a
// dump (defaults on sequences, views on their tables), system columns, a
// sequence read as a relation, and names qualified off the search path.
#include "translate/dump_catalog.h"

#include <doctest/doctest.h>

#include "translate/session_context.h"
#include "translate_harness.h"

using namespace litegres::test;
namespace tr = litegres::translate;

namespace {

struct DumpDb {
    SqlHarness sql;
    DumpDb() {
        sql.run("CREATE SEQUENCE counter START 100");
        sql.run(
            "CREATE TABLE t (id serial PRIMARY KEY, n integer DEFAULT nextval('counter'), label "
            "text)");
        sql.run("CREATE TABLE u (id integer PRIMARY KEY, t_id integer REFERENCES t(id))");
        sql.run("CREATE VIEW v AS SELECT t.id, u.id AS u_id FROM t JOIN u ON u.t_id = t.id");
    }
};

}  // namespace

TEST_CASE("plpgsql is a language that belongs to its extension, as in PostgreSQL") {
    SqlHarness sql;
    CHECK(sql.text("SELECT oid, lanname, lanispl, lanplcallfoid FROM pg_language ORDER BY oid") ==
          "12|internal|0|0,13|c|0|0,14|sql|0|0,13563|plpgsql|1|13560");
    CHECK(
        sql.text(
            "SELECT classid, objid FROM pg_depend WHERE refclassid = 'pg_extension'::regclass AND "
            "deptype = 'e' ORDER BY 1, 2") == "1255|13560,1255|13561,1255|13562,2612|13563");
}

// (Arrays as SQLite stores them: JSON arrays of the items' text.)
TEST_CASE("acldefault gives each object kind's default privileges for its owner") {
    SqlHarness sql;
    CHECK(sql.text("SELECT acldefault('r', 10), acldefault('s', 10), acldefault('n', 10), "
                   "acldefault('c', 10)") ==
          R"(["postgres=arwdDxt/postgres"]|["postgres=rwU/postgres"]|["postgres=UC/postgres"]|[])");
    CHECK(sql.text("SELECT acldefault('T', 10), acldefault('f', 10)") ==
          R"(["=U/postgres","postgres=U/postgres"]|["=X/postgres","postgres=X/postgres"])");
    CHECK(sql.text("SELECT acldefault('n', 6171)") ==
          R"(["pg_database_owner=UC/pg_database_owner"])");
}

TEST_CASE("schema public keeps its initial privileges, a new schema the default") {
    SqlHarness sql;
    sql.run("CREATE SCHEMA extra");
    CHECK(sql.text("SELECT nspname, nspacl FROM pg_namespace WHERE nspname IN ('public', 'extra') "
                   "ORDER BY 1") ==
          R"(extra|NULL,public|["pg_database_owner=UC/pg_database_owner","=U/pg_database_owner"])");
    CHECK(sql.text("SELECT p.initprivs = n.nspacl FROM pg_init_privs p JOIN pg_namespace n ON "
                   "n.oid = p.objoid "
                   "WHERE n.nspname = 'public'") == "1");
}

TEST_CASE(
    "a default depends on the sequences it calls nextval on, a view's rule on what it reads") {
    DumpDb db;
    CHECK(db.sql.text(
              "SELECT f.adnum, s.relname FROM pg_depend d JOIN pg_attrdef f ON f.oid = d.objid "
              "JOIN pg_class s ON s.oid = d.refobjid "
              "WHERE d.classid = 'pg_attrdef'::regclass AND d.deptype = 'n' ORDER BY 1") ==
          "1|t_id_seq,2|counter");
    CHECK(db.sql.text(
              "SELECT c.relname, d.deptype FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid "
              "JOIN pg_class c ON c.oid = d.refobjid WHERE d.classid = 'pg_rewrite'::regclass "
              "ORDER BY 2, 1") == "v|i,t|n,u|n");
}

TEST_CASE("a join of pg_attrdef, pg_attribute and another catalog keeps its rows under ORDER BY") {
    DumpDb db;
    std::string join =
        "SELECT a.attname FROM pg_constraint c JOIN pg_attrdef f ON f.adrelid = c.conrelid "
        "JOIN pg_attribute a ON a.attrelid = f.adrelid AND a.attnum = f.adnum";
    CHECK(db.sql.text(join + " ORDER BY 1") == "id,n");
    CHECK(db.sql.text("SELECT a.attname FROM pg_depend d JOIN pg_attrdef f ON f.oid = d.objid "
                      "JOIN pg_attribute a ON a.attrelid = f.adrelid AND a.attnum = f.adnum "
                      "WHERE d.deptype = 'n' ORDER BY 1") == "id,n");
}

TEST_CASE("catalogs have a tableoid system column, which * leaves out") {
    SqlHarness sql;
    CHECK(sql.text("SELECT n.tableoid, tableoid FROM pg_namespace n, (SELECT 1) x LIMIT 1") ==
          "2615|2615");
    CHECK(sql.text("SELECT tableoid, count(*) FROM pg_language GROUP BY 1") == "2612|4");
    CHECK(sql.run("SELECT * FROM pg_language LIMIT 1")[0].size() == 9);
}

TEST_CASE("a sequence reads as a relation of its one row") {
    DumpDb db;
    db.sql.run("SELECT nextval('counter')");
    CHECK(db.sql.text("SELECT last_value, log_cnt, is_called FROM counter") == "100|0|1");
    CHECK(db.sql.text("SELECT s.last_value FROM public.t_id_seq s") == "1");
}

TEST_CASE("with search_path empty, catalog text qualifies names as PostgreSQL's does") {
    DumpDb db;
    db.sql.run("CREATE TYPE mood AS ENUM ('sad', 'ok')");
    db.sql.run("ALTER TABLE t ADD COLUMN m mood");
    tr::SessionContext session;
    session.search_path = {};
    tr::SessionContextScope scope(session);
    CHECK(db.sql.text("SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef ORDER BY adnum") ==
          "nextval('public.t_id_seq'::regclass),nextval('public.counter'::regclass)");
    CHECK(db.sql.text("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'f'") ==
          "FOREIGN KEY (t_id) REFERENCES public.t(id)");
    CHECK(db.sql.text(
              "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attname = 'm'") ==
          "public.mood");
    CHECK(db.sql.text("SELECT pg_get_viewdef('v'::regclass)") ==
          " SELECT t.id,\n    u.id AS u_id\n   FROM (public.t\n     JOIN public.u ON ((u.t_id = "
          "t.id)));");
}
