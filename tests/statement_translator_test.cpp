// statement_translator_test.cpp — StatementTranslator: DDL, DML, command tags, session commands.
#include "translate/statement_translator.h"

#include <doctest/doctest.h>

#include <string>

#include "translate_harness.h"

using litegres::pgwire::PgError;
using litegres::translate::StatementKind;
using litegres::translate::TagStyle;
using litegres::translate::TranslatedStatement;
using namespace litegres::test;
namespace tr = litegres::translate;

namespace {

const char* kItems =
    "CREATE TABLE items (id serial PRIMARY KEY, name varchar(20) NOT NULL, "
    "price numeric(10,2), qty integer DEFAULT 1, created timestamptz, active boolean)";

// name|declared type|notnull for each column of `table`, in order. The type is
// lowercased: SQLite itself spells its own standard type names (INTEGER, TEXT,
// REAL) in uppercase, whatever case the CREATE TABLE used.
std::string table_info(SqlHarness& sql, const std::string& table) {
    return text(sql.sqlite("SELECT name, lower(type), \"notnull\" FROM pragma_table_info('" +
                           table + "') ORDER BY cid"));
}

}  // namespace

TEST_CASE(
    "CREATE TABLE keeps the PostgreSQL type text as the SQLite declared type, numeric with TEXT "
    "affinity") {
    SqlHarness sql;
    sql.run(
        "CREATE TABLE t (a integer, b bigint, c smallint, d varchar(20), e char(3), f text, "
        "g numeric(10,2), h numeric, i real, j double precision, k boolean, l date, "
        "m timestamp, n timestamptz, o uuid, p jsonb, q bytea, r int8 NOT NULL)");
    CHECK(table_info(sql, "t") ==
          "a|integer|0,b|bigint|0,c|smallint|0,d|character varying(20)|0,e|character(3)|0,"
          "f|text|0,g|numeric text(10,2)|0,h|numeric text|0,i|real|0,j|double "
          "precision|0,k|boolean|0,"
          "l|date|0,m|timestamp without time zone|0,n|timestamp with time zone|0,o|uuid|0,"
          "p|jsonb|0,q|bytea|0,r|bigint|1");
}

TEST_CASE("CREATE TABLE is a plain-tagged schema change on the writer") {
    SqlHarness sql;
    TranslatedStatement t = sql.translate(kItems);
    CHECK(t.kind == StatementKind::kQuery);
    CHECK(t.tag == "CREATE TABLE");
    CHECK(t.tag_style == TagStyle::kPlain);
    CHECK(t.writes);
    CHECK(t.changes_schema);
    CHECK_FALSE(t.returns_rows);
    // The table, its OID, then its serial column's sequence and that one's OID.
    REQUIRE(t.sqlite_sql.size() == 4);
    CHECK(t.sqlite_sql[0].rfind("CREATE TABLE \"items\" (", 0) == 0);
    CHECK(t.sqlite_sql[1].find("_litegres_relation") != std::string::npos);
    CHECK(t.sqlite_sql[2].find("_litegres_sequence") != std::string::npos);
    CHECK(t.sqlite_sql[3].find("_litegres_relation") != std::string::npos);
}

TEST_CASE("CREATE TABLE AS declares the query's column types and is tagged with its row count") {
    SqlHarness sql;
    sql.run(kItems);
    TranslatedStatement t =
        sql.translate("CREATE TABLE copy (n, p) AS SELECT name, price, 'x' AS lit FROM items");
    CHECK(t.tag == "SELECT");
    CHECK(t.tag_style == TagStyle::kRowCount);
    CHECK(t.writes);
    CHECK(t.changes_schema);
    CHECK_FALSE(t.returns_rows);
    sql.run("CREATE TABLE copy (n, p) AS SELECT name, price, 'x' AS lit FROM items");
    // Names from the list, then from the query; an unknown literal is text.
    CHECK(table_info(sql, "copy") == "n|character varying(20)|0,p|numeric text(10,2)|0,lit|text|0");
    CHECK(pg_error_of([&] { sql.run("CREATE TABLE bad (a, b) AS SELECT 1"); }).sqlstate() ==
          "42601");
    CHECK(pg_error_of([&] { sql.run("CREATE TABLE bad AS SELECT 1 AS a, 2 AS a"); }).sqlstate() ==
          "42701");
    CHECK(pg_error_of([&] { sql.run("CREATE MATERIALIZED VIEW mv AS SELECT 1"); }).sqlstate() ==
          "0A000");
}

TEST_CASE("SELECT INTO creates the table as CREATE TABLE AS does; WITH NO DATA leaves it empty") {
    SqlHarness sql;
    sql.run(kItems);
    sql.run("INSERT INTO items (name) VALUES ('a'), ('b')");
    sql.run("SELECT id, name INTO picked FROM items WHERE name = 'b'");
    CHECK(sql.text("SELECT id, name FROM picked") == "2|b");
    TranslatedStatement empty =
        sql.translate("CREATE TABLE shape AS SELECT * FROM items WITH NO DATA");
    CHECK(empty.tag == "CREATE TABLE AS");
    CHECK(empty.tag_style == TagStyle::kPlain);
}

TEST_CASE("primary key and serial columns are NOT NULL, serial is declared int4") {
    SqlHarness sql;
    sql.run(kItems);
    CHECK(table_info(sql, "items") ==
          "id|int4|1,name|character varying(20)|1,price|numeric text(10,2)|0,qty|integer|0,"
          "created|timestamp with time zone|0,active|boolean|0");
    sql.run("CREATE TABLE pair (a int, b int, PRIMARY KEY (a, b))");
    CHECK(table_info(sql, "pair") == "a|int4|1,b|int4|1");
    PgError e = pg_error_of([&] { sql.run("INSERT INTO pair (a) VALUES (1)"); });
    CHECK(e.sqlstate() == "23502");
}

TEST_CASE("serial columns take successive values from their sequence") {
    SqlHarness sql;
    sql.run(kItems);
    sql.run("INSERT INTO items (name) VALUES ('a')");
    sql.run("INSERT INTO items (name) VALUES ('b')");
    sql.run("INSERT INTO items (name) VALUES ('c')");
    CHECK(sql.text("SELECT id, name FROM items ORDER BY id") == "1|a,2|b,3|c");
    // An explicit DEFAULT uses the sequence too.
    sql.run("INSERT INTO items (id, name) VALUES (DEFAULT, 'd')");
    CHECK(sql.value("SELECT id FROM items WHERE name = 'd'") == Value("4"));
    // Several rows in one statement each take the next value.
    sql.run("INSERT INTO items (name) VALUES ('e'), ('f')");
    CHECK(sql.text("SELECT id FROM items WHERE name IN ('e', 'f') ORDER BY id") == "5,6");
    // nextval() on the sequence continues it.
    CHECK(sql.value("SELECT nextval('items_id_seq')") == Value("7"));
    sql.run("INSERT INTO items (name) VALUES ('g')");
    CHECK(sql.value("SELECT id FROM items WHERE name = 'g'") == Value("8"));
}

TEST_CASE("bigserial and DEFAULT VALUES use the sequence as well") {
    SqlHarness sql;
    sql.run("CREATE TABLE log (id bigserial, note text DEFAULT 'none')");
    CHECK(table_info(sql, "log") == "id|bigint|1,note|text|0");
    sql.run("INSERT INTO log DEFAULT VALUES");
    sql.run("INSERT INTO log (note) VALUES (DEFAULT)");
    sql.run("INSERT INTO log (note) VALUES ('x')");
    CHECK(sql.text("SELECT id, note FROM log ORDER BY id") == "1|none,2|none,3|x");
}

TEST_CASE("sequences of a dropped table are dropped with it") {
    SqlHarness sql;
    sql.run(kItems);
    CHECK(text(sql.sqlite("SELECT name FROM _litegres_sequence")) == "items_id_seq");
    TranslatedStatement drop = sql.translate("DROP TABLE items");
    CHECK(drop.tag == "DROP TABLE");
    CHECK(drop.tag_style == TagStyle::kPlain);
    CHECK(drop.changes_schema);
    sql.run("DROP TABLE items");
    CHECK(text(sql.sqlite("SELECT name FROM _litegres_sequence")).empty());
    CHECK(pg_error_of([&] { sql.run("SELECT * FROM items"); }).sqlstate() == "42P01");
}

TEST_CASE("CREATE TABLE of an existing name is 42P07, or a notice with IF NOT EXISTS") {
    SqlHarness sql;
    sql.run(kItems);
    PgError e = pg_error_of([&] { sql.translate(kItems); });
    CHECK(e.sqlstate() == "42P07");
    CHECK(std::string(e.what()) == "relation \"items\" already exists");

    TranslatedStatement t = sql.translate("CREATE TABLE IF NOT EXISTS items (x int)");
    CHECK(t.sqlite_sql.empty());
    CHECK(t.tag == "CREATE TABLE");
    REQUIRE(t.notices.size() == 1);
    CHECK(t.notices[0].sqlstate == "42P07");
    CHECK(t.notices[0].message == "relation \"items\" already exists, skipping");
}

TEST_CASE("DROP TABLE of a missing table is 42P01, or a notice with IF EXISTS") {
    SqlHarness sql;
    PgError e = pg_error_of([&] { sql.translate("DROP TABLE nope"); });
    CHECK(e.sqlstate() == "42P01");
    CHECK(std::string(e.what()) == "table \"nope\" does not exist");
    TranslatedStatement t = sql.translate("DROP TABLE IF EXISTS nope");
    CHECK(t.sqlite_sql.empty());
    REQUIRE(t.notices.size() == 1);
    CHECK(t.notices[0].message == "table \"nope\" does not exist, skipping");
}

TEST_CASE("CREATE TABLE refuses duplicate columns, unknown types and reserved names") {
    SqlHarness sql;
    CHECK(pg_error_of([&] { sql.translate("CREATE TABLE t (a int, a text)"); }).sqlstate() ==
          "42701");
    PgError type = pg_error_of([&] { sql.translate("CREATE TABLE t (a nosuchtype)"); });
    CHECK(type.sqlstate() == "42704");
    CHECK(std::string(type.what()) == "type \"nosuchtype\" does not exist");
    CHECK(type.position() == 19);
    CHECK(pg_error_of([&] { sql.translate("CREATE TABLE _litegres_x (a int)"); }).sqlstate() ==
          "42501");
    CHECK(pg_error_of([&] {
              sql.translate("CREATE TABLE t (a int REFERENCES nope)");
          }).sqlstate() == "42P01");
    CHECK(pg_error_of([&] { sql.translate("CREATE TABLE t (a serial[])"); }).sqlstate() == "0A000");
    CHECK(pg_error_of([&] { sql.translate("CREATE TEMP TABLE t (a int) ON COMMIT DELETE ROWS"); }).sqlstate() ==
          "0A000");
}

TEST_CASE("constraints are enforced by SQLite with PostgreSQL's SQLSTATEs") {
    SqlHarness sql;
    sql.run("CREATE TABLE parent (id int PRIMARY KEY, code text NOT NULL UNIQUE)");
    sql.run(
        "CREATE TABLE child (id int PRIMARY KEY, parent_id int REFERENCES parent (id), "
        "n int CHECK (n > 0))");
    sql.run("INSERT INTO parent VALUES (1, 'a')");
    sql.run("INSERT INTO child VALUES (1, 1, 5)");
    CHECK(pg_error_of([&] { sql.run("INSERT INTO parent VALUES (1, 'b')"); }).sqlstate() ==
          "23505");
    CHECK(pg_error_of([&] { sql.run("INSERT INTO parent VALUES (2, 'a')"); }).sqlstate() ==
          "23505");
    CHECK(pg_error_of([&] { sql.run("INSERT INTO child VALUES (2, 99, 5)"); }).sqlstate() ==
          "23503");
    CHECK(pg_error_of([&] { sql.run("INSERT INTO child VALUES (3, 1, 0)"); }).sqlstate() ==
          "23514");
    CHECK(pg_error_of([&] { sql.run("INSERT INTO parent (id) VALUES (3)"); }).sqlstate() ==
          "23502");
    CHECK(sql.text("SELECT id, parent_id, n FROM child") == "1|1|5");
}

// PostgreSQL: INSERT INTO t (n) VALUES (1) with `id int PRIMARY KEY` fails with 23502
// (null value in column "id" of relation "t" violates not-null constraint). SQLite
// would make an "integer" primary key a rowid alias and fill in the NULL.
TEST_CASE("NULL into an integer PRIMARY KEY column is a not-null violation") {
    SqlHarness sql;
    sql.run("CREATE TABLE t (id int PRIMARY KEY, n int)");
    PgError e = pg_error_of([&] { sql.run("INSERT INTO t (n) VALUES (1)"); });
    CHECK(e.sqlstate() == "23502");
    CHECK(sql.text("SELECT count(*) FROM t") == "0");
    sql.run("CREATE TABLE u (id integer, n int, PRIMARY KEY (id))");
    CHECK(pg_error_of([&] { sql.run("INSERT INTO u (n) VALUES (1)"); }).sqlstate() == "23502");
}

TEST_CASE("INSERT is tagged with its row count in the INSERT 0 n style") {
    SqlHarness sql;
    sql.run(kItems);
    TranslatedStatement t = sql.translate("INSERT INTO items (name) VALUES ('a'), ('b')");
    CHECK(t.kind == StatementKind::kQuery);
    CHECK(t.tag == "INSERT");
    CHECK(t.tag_style == TagStyle::kInsertCount);
    CHECK(t.writes);
    CHECK_FALSE(t.changes_schema);
    CHECK_FALSE(t.returns_rows);
    CHECK(t.columns.empty());
}

TEST_CASE("INSERT ... RETURNING returns rows typed like the target columns") {
    SqlHarness sql;
    sql.run(kItems);
    TranslatedStatement t =
        sql.translate("INSERT INTO items (name) VALUES ('a') RETURNING id, name AS label");
    CHECK(t.returns_rows);
    REQUIRE(t.columns.size() == 2);
    CHECK(t.columns[0].name == "id");
    CHECK(t.columns[0].type == tr::kInt4);
    CHECK(t.columns[1].name == "label");
    CHECK(t.columns[1].type.oid == litegres::pgwire::oid::kVarchar);
    CHECK(sql.text("INSERT INTO items (name, qty) VALUES ('a', 5), ('b', 6) RETURNING id, qty") ==
          "1|5,2|6");
    CHECK(sql.text("DELETE FROM items WHERE qty = 6 RETURNING name") == "b");
}

TEST_CASE("UPDATE and DELETE are tagged with their row counts") {
    SqlHarness sql;
    sql.run(kItems);
    TranslatedStatement update = sql.translate("UPDATE items SET qty = 2 WHERE id = 1");
    CHECK(update.tag == "UPDATE");
    CHECK(update.tag_style == TagStyle::kRowCount);
    CHECK(update.writes);
    TranslatedStatement remove = sql.translate("DELETE FROM items");
    CHECK(remove.tag == "DELETE");
    CHECK(remove.tag_style == TagStyle::kRowCount);
    CHECK(remove.writes);
    TranslatedStatement select = sql.translate("SELECT * FROM items");
    CHECK(select.tag == "SELECT");
    CHECK(select.tag_style == TagStyle::kRowCount);
    CHECK(select.returns_rows);
    CHECK_FALSE(select.writes);
}

TEST_CASE("UPDATE and DELETE change exactly the rows their WHERE selects") {
    SqlHarness sql;
    sql.run(kItems);
    sql.run("INSERT INTO items (name, qty) VALUES ('a', 1), ('b', 2), ('c', 3)");
    sql.run("UPDATE items SET qty = qty * 10, name = 'B' WHERE name = 'b'");
    CHECK(sqlite3_changes(sql.db()) == 1);
    CHECK(sql.text("SELECT name, qty FROM items ORDER BY id") == "a|1,B|20,c|3");
    sql.run("UPDATE items SET qty = DEFAULT WHERE id = 3");
    CHECK(sql.value("SELECT qty FROM items WHERE id = 3") == Value("1"));
    sql.run("DELETE FROM items WHERE qty < 5");
    CHECK(sqlite3_changes(sql.db()) == 2);
    CHECK(sql.text("SELECT name FROM items") == "B");
}

TEST_CASE("values assigned to integer columns are rounded and range-checked as PostgreSQL does") {
    SqlHarness sql;
    sql.run("CREATE TABLE n (i int, s smallint, f float8)");
    sql.run("INSERT INTO n VALUES (2.5, 1, 3)");
    CHECK(sql.text("SELECT i, s, f FROM n") == "3|1|3.0");
    sql.run("UPDATE n SET i = 2.5::float8");
    CHECK(sql.value("SELECT i FROM n") == Value("2"));
    PgError e = pg_error_of([&] { sql.run("UPDATE n SET s = 40000 + i"); });
    CHECK(e.sqlstate() == "22003");
    CHECK(std::string(e.what()) == "smallint out of range");
}

TEST_CASE("literals in INSERT are checked against the column types at translation") {
    SqlHarness sql;
    sql.run(kItems);
    PgError bad_int =
        pg_error_of([&] { sql.translate("INSERT INTO items (name, qty) VALUES ('a', 'x')"); });
    CHECK(bad_int.sqlstate() == "22P02");
    PgError too_long = pg_error_of(
        [&] { sql.translate("INSERT INTO items (name) VALUES ('abcdefghijklmnopqrstuvwxyz')"); });
    CHECK(too_long.sqlstate() == "22001");
    CHECK(std::string(too_long.what()) == "value too long for type character varying(20)");
    PgError range = pg_error_of(
        [&] { sql.translate("INSERT INTO items (name, qty) VALUES ('a', '3000000000')"); });
    CHECK(range.sqlstate() == "22003");
    CHECK(std::string(range.what()) == "value \"3000000000\" is out of range for type integer");
    CHECK(pg_error_of([&] {
              sql.translate("INSERT INTO items (name, created) VALUES ('a', '2024-02-30')");
          }).sqlstate() == "22008");
    CHECK(pg_error_of([&] {
              sql.translate("INSERT INTO items (name, active) VALUES ('a', 'o')");
          }).sqlstate() == "22P02");
    // Accepted literals are stored in PostgreSQL's text form.
    sql.run(
        "INSERT INTO items (name, created, active) VALUES ('ok   ', '2024-01-15T10:20:30.50-01', "
        "'on')");
    CHECK(sql.text("SELECT name, created, active FROM items") ==
          "ok   |2024-01-15 11:20:30.5+00|1");
}

// PostgreSQL points a literal's input error at the literal, 1-based:
// INSERT INTO items (name, qty) VALUES ('a', 'x') reports position 44 and
// UPDATE items SET qty = 'x' reports 24.
TEST_CASE("a bad literal in INSERT or UPDATE is reported at the literal") {
    SqlHarness sql;
    sql.run(kItems);
    PgError insert =
        pg_error_of([&] { sql.translate("INSERT INTO items (name, qty) VALUES ('a', 'x')"); });
    CHECK(insert.sqlstate() == "22P02");
    CHECK(insert.position() == 44);
    PgError update = pg_error_of([&] { sql.translate("UPDATE items SET qty = 'x'"); });
    CHECK(update.sqlstate() == "22P02");
    CHECK(update.position() == 24);
    PgError date = pg_error_of(
        [&] { sql.translate("INSERT INTO items (name, created) VALUES ('a', '2024-02-30')"); });
    CHECK(date.sqlstate() == "22008");
    CHECK(date.position() == 48);
}

TEST_CASE("INSERT names its column errors as PostgreSQL does") {
    SqlHarness sql;
    sql.run(kItems);
    PgError missing = pg_error_of([&] { sql.translate("INSERT INTO items (nope) VALUES (1)"); });
    CHECK(missing.sqlstate() == "42703");
    CHECK(std::string(missing.what()) == "column \"nope\" of relation \"items\" does not exist");
    CHECK(missing.position() == 20);
    CHECK(pg_error_of([&] {
              sql.translate("INSERT INTO items (name) VALUES ('a', 1)");
          }).sqlstate() == "42601");
    CHECK(pg_error_of([&] {
              sql.translate("INSERT INTO items (name, qty) VALUES ('a')");
          }).sqlstate() == "42601");
    PgError table = pg_error_of([&] { sql.translate("INSERT INTO nope VALUES (1)"); });
    CHECK(table.sqlstate() == "42P01");
    CHECK(table.position() == 13);
    PgError update = pg_error_of([&] { sql.translate("UPDATE items SET nope = 1"); });
    CHECK(update.sqlstate() == "42703");
    CHECK(std::string(update.what()) == "column \"nope\" of relation \"items\" does not exist");
}

TEST_CASE("INSERT ... SELECT copies rows") {
    SqlHarness sql;
    sql.run(kItems);
    sql.run("INSERT INTO items (name, qty) VALUES ('a', 1), ('b', 2)");
    sql.run("INSERT INTO items (name, qty) SELECT name || '2', qty + 10 FROM items WHERE qty > 1");
    CHECK(sql.text("SELECT id, name, qty FROM items ORDER BY id") == "1|a|1,2|b|2,3|b2|12");
}

TEST_CASE("transaction control becomes session instructions") {
    SqlHarness sql;
    TranslatedStatement begin = sql.translate("BEGIN");
    CHECK(begin.kind == StatementKind::kBegin);
    CHECK(begin.tag == "BEGIN");
    CHECK_FALSE(begin.read_only_transaction);
    TranslatedStatement start = sql.translate("START TRANSACTION");
    CHECK(start.kind == StatementKind::kBegin);
    CHECK(start.tag == "START TRANSACTION");
    CHECK(sql.translate("BEGIN READ ONLY").read_only_transaction);
    CHECK(sql.translate("BEGIN ISOLATION LEVEL SERIALIZABLE, READ ONLY").read_only_transaction);
    CHECK_FALSE(sql.translate("BEGIN READ WRITE").read_only_transaction);
    CHECK(sql.translate("COMMIT").kind == StatementKind::kCommit);
    CHECK(sql.translate("END").kind == StatementKind::kCommit);
    CHECK(sql.translate("ROLLBACK").kind == StatementKind::kRollback);
    CHECK(sql.translate("ABORT").kind == StatementKind::kRollback);
    TranslatedStatement savepoint = sql.translate("SAVEPOINT s");
    CHECK(savepoint.kind == StatementKind::kSavepoint);
    CHECK(savepoint.object_name == "s");
    CHECK(sql.translate("RELEASE s").kind == StatementKind::kRelease);
    TranslatedStatement back = sql.translate("ROLLBACK TO SAVEPOINT \"S 1\"");
    CHECK(back.kind == StatementKind::kRollbackTo);
    CHECK(back.object_name == "S 1");
    CHECK(back.tag == "ROLLBACK");
}

TEST_CASE("SET, RESET and SHOW name the setting and value") {
    SqlHarness sql;
    TranslatedStatement set = sql.translate("SET TimeZone TO 'UTC'");
    CHECK(set.kind == StatementKind::kSet);
    CHECK(set.tag == "SET");
    CHECK(set.object_name == "timezone");
    CHECK(set.setting_value == "UTC");
    CHECK(sql.translate("SET extra_float_digits = 3").setting_value == "3");
    CHECK(sql.translate("SET search_path TO public, other").setting_value == "public, other");
    TranslatedStatement def = sql.translate("SET application_name TO DEFAULT");
    CHECK(def.object_name == "application_name");
    CHECK(def.setting_value.empty());
    TranslatedStatement reset = sql.translate("RESET DateStyle");
    CHECK(reset.tag == "RESET");
    CHECK(reset.object_name == "datestyle");
    TranslatedStatement all = sql.translate("RESET ALL");
    CHECK(all.tag == "RESET");
    CHECK(all.object_name == "all");
    TranslatedStatement show = sql.translate("SHOW server_version");
    CHECK(show.kind == StatementKind::kShow);
    CHECK(show.object_name == "server_version");
}

TEST_CASE("CREATE and DROP DATABASE name the database") {
    SqlHarness sql;
    TranslatedStatement create = sql.translate("CREATE DATABASE shop");
    CHECK(create.kind == StatementKind::kCreateDatabase);
    CHECK(create.tag == "CREATE DATABASE");
    CHECK(create.object_name == "shop");
    TranslatedStatement drop = sql.translate("DROP DATABASE IF EXISTS shop");
    CHECK(drop.kind == StatementKind::kDropDatabase);
    CHECK(drop.object_name == "shop");
    CHECK(drop.missing_ok);
    CHECK_FALSE(sql.translate("DROP DATABASE shop").missing_ok);
}

TEST_CASE("statements litegres does not translate yet are refused with 0A000") {
    SqlHarness sql;
    PgError function = pg_error_of(
        [&] { sql.translate("CREATE FUNCTION f() RETURNS integer AS 'SELECT 1' LANGUAGE sql"); });
    CHECK(function.sqlstate() == "0A000");
    CHECK(std::string(function.what()) == "statement CreateFunctionStmt is not supported yet");
}

TEST_CASE("cursor statements become session instructions") {
    SqlHarness sql;
    sql.run("CREATE TABLE t (id integer)");
    TranslatedStatement declare = sql.translate("DECLARE c CURSOR FOR SELECT id FROM t");
    CHECK(declare.kind == StatementKind::kDeclareCursor);
    CHECK(declare.object_name == "c");
    CHECK_FALSE(declare.returns_rows);
    CHECK(declare.columns.size() == 1);
    TranslatedStatement fetch = sql.translate("FETCH 5 FROM c");
    CHECK(fetch.kind == StatementKind::kFetch);
    CHECK(fetch.fetch_count == 5);
    CHECK(fetch.tag == "FETCH");
    CHECK(sql.translate("MOVE ALL IN c").tag == "MOVE");
    CHECK(sql.translate("CLOSE ALL").object_name.empty());
    CHECK(pg_error_of([&] { sql.translate("FETCH PRIOR FROM c"); }).sqlstate() == "55000");
    CHECK(pg_error_of([&] {
              sql.translate("DECLARE h CURSOR WITH HOLD FOR SELECT 1");
          }).sqlstate() == "0A000");
}

TEST_CASE("LOCK TABLE checks its relations and carries the lock mode to the session") {
    SqlHarness sql;
    sql.run(kItems);
    sql.run("CREATE SEQUENCE s");
    TranslatedStatement t = sql.translate("LOCK TABLE public.items IN ACCESS SHARE MODE");
    CHECK(t.kind == StatementKind::kLock);
    CHECK(t.tag == "LOCK TABLE");
    CHECK(t.lock_mode == 1);
    CHECK(sql.translate("LOCK items").lock_mode == 8);  // ACCESS EXCLUSIVE by default
    CHECK(pg_error_of([&] { sql.translate("LOCK TABLE missing"); }).sqlstate() == "42P01");
    CHECK(pg_error_of([&] { sql.translate("LOCK TABLE s"); }).sqlstate() == "42809");
}
