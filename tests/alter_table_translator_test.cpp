// alter_table_translator_test.cpp — ALTER TABLE rebuilds keep rows, indexes
// and the foreign keys other tables hold; TableDefinition round-trips.
#include "translate/alter_table_translator.h"

#include <doctest/doctest.h>

#include "translate/table_definition.h"
#include "translate_harness.h"

using namespace litegres::test;
namespace tr = litegres::translate;

TEST_CASE("TableDefinition takes litegres's CREATE TABLE apart and back") {
    std::string sql =
        "CREATE TABLE \"t\" (\"id\" int4 NOT NULL DEFAULT (litegres_nextval('t_id_seq')) CONSTRAINT \"t_pkey\" "
        "PRIMARY KEY, \"n\" character varying(20) CONSTRAINT \"t_n_check\" CHECK (length(\"n\") > 0), "
        "CONSTRAINT \"t_n_key\" UNIQUE (\"n\"))";
    tr::TableDefinition def = tr::TableDefinition::parse(sql);
    REQUIRE(def.columns.size() == 2);
    CHECK(def.columns[0].not_null);
    CHECK(def.columns[0].default_sql == "litegres_nextval('t_id_seq')");
    CHECK(def.columns[1].type == "character varying(20)");
    CHECK(def.create_sql("t") == sql);
    CHECK(def.drop_constraint("t_n_check"));
    CHECK(def.drop_constraint("t_n_key"));
    CHECK_FALSE(def.drop_constraint("nope"));
    CHECK(def.create_sql("t") ==
          "CREATE TABLE \"t\" (\"id\" int4 NOT NULL DEFAULT (litegres_nextval('t_id_seq')) CONSTRAINT \"t_pkey\" "
          "PRIMARY KEY, \"n\" character varying(20))");
}

TEST_CASE("a rebuilt parent keeps its children and their ON DELETE actions") {
    SqlHarness sql;
    sql.run("CREATE TABLE p (id integer PRIMARY KEY, name text)");
    sql.run("CREATE TABLE c (id integer PRIMARY KEY, p integer REFERENCES p (id) ON DELETE CASCADE)");
    sql.run("CREATE INDEX p_name ON p (name)");
    sql.run("INSERT INTO p VALUES (1, 'a'), (2, 'b'); INSERT INTO c VALUES (1, 1), (2, 2)");
    sql.run("ALTER TABLE p ALTER COLUMN name SET NOT NULL, ADD COLUMN extra integer DEFAULT 5");
    CHECK(sql.text("SELECT count(*) FROM c") == "2");
    CHECK(sql.text("SELECT id, name, extra FROM p ORDER BY id") == "1|a|5,2|b|5");
    CHECK(text(sql.sqlite("SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL")) == "p_name");
    sql.run("DELETE FROM p WHERE id = 1");
    CHECK(sql.text("SELECT id FROM c") == "2");
}

TEST_CASE("ALTER TABLE checks the rows already there") {
    // A fresh table each time: the harness runs without the transaction
    // that undoes a failed rebuild in the server.
    auto error_of = [](const std::string& alter) {
        SqlHarness sql;
        sql.run("CREATE TABLE t (a integer, b text)");
        sql.run("INSERT INTO t VALUES (1, NULL), (1, 'x')");
        return pg_error_of([&] { sql.run(alter); }).sqlstate();
    };
    CHECK(error_of("ALTER TABLE t ALTER COLUMN b SET NOT NULL") == "23502");
    CHECK(error_of("ALTER TABLE t ADD UNIQUE (a)") == "23505");
    CHECK(error_of("ALTER TABLE t ADD CHECK (a > 1)") == "23514");
    CHECK(error_of("ALTER TABLE t DROP COLUMN nope") == "42703");
    CHECK(error_of("ALTER TABLE t DROP CONSTRAINT nope") == "42704");
}
