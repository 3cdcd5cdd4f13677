/* libpq workload: connection parameter statuses, notices, multi-statement
 * simple queries, a named prepared statement with its ParameterDescription
 * and RowDescription, rows inserted with text parameters and with binary
 * parameters of every type in the schema, results fetched in text and in
 * binary format (binary values printed as raw hex), column type oids and
 * modifiers, filtered SELECTs, UPDATE/DELETE row counts, transaction status
 * through a rolled-back and a failed transaction, a unique violation
 * (PGRES_FATAL_ERROR with SQLSTATE 23505), single-row mode for a
 * row-at-a-time fetch, and pipeline mode with an error aborting the rest of
 * its batch up to the next sync.
 *
 * Build: cc -o libpq_workload libpq_workload.c -I"$(pg_config --includedir)" -lpq
 * Run:   libpq_workload postgresql://...
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#define NCOLS 17

static const char *const COLUMNS[NCOLS] = {"flag", "small", "num",     "big",   "ratio", "score",
                                           "price", "name",  "code",    "tag",   "payload",
                                           "ident", "day",   "at",      "at_tz", "doc",
                                           "docb"};

static PGconn *conn;

static void die(const char *what) {
    printf("fatal: %s: %s", what, PQerrorMessage(conn));
    PQfinish(conn);
    exit(1);
}

static void on_notice(void *arg, const PGresult *res) {
    (void)arg;
    printf("notice %s %s %s\n", PQresultErrorField(res, PG_DIAG_SEVERITY_NONLOCALIZED),
           PQresultErrorField(res, PG_DIAG_SQLSTATE), PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY));
}

static const char *or_null(const char *s) { return s ? s : "(none)"; }

/* One line for a result's status: status, command tag, affected rows, and
 * for errors the SQLSTATE and severity. */
static void print_status(const char *label, const PGresult *res) {
    ExecStatusType st = PQresultStatus(res);
    printf("%s: %s", label, PQresStatus(st));
    if (st == PGRES_FATAL_ERROR || st == PGRES_NONFATAL_ERROR)
        printf(" sqlstate=%s severity=%s", or_null(PQresultErrorField(res, PG_DIAG_SQLSTATE)),
               or_null(PQresultErrorField(res, PG_DIAG_SEVERITY_NONLOCALIZED)));
    else
        printf(" tag='%s' rows='%s'", PQcmdStatus((PGresult *)res), PQcmdTuples((PGresult *)res));
    printf("\n");
}

static void print_hex(const char *p, int n) {
    printf("\\x");
    for (int i = 0; i < n; i++) printf("%02x", (unsigned char)p[i]);
}

static void print_fields(const char *label, const PGresult *res) {
    printf("%s:", label);
    for (int c = 0; c < PQnfields(res); c++)
        printf(" %s(type=%u mod=%d size=%d format=%d tablecol=%d from_table=%s)", PQfname(res, c),
               PQftype(res, c), PQfmod(res, c), PQfsize(res, c), PQfformat(res, c), PQftablecol(res, c),
               PQftable(res, c) != InvalidOid ? "yes" : "no");
    printf("\n");
}

/* Rows: text values as they are, binary values as hex. */
static void print_rows(const char *label, const PGresult *res) {
    for (int r = 0; r < PQntuples(res); r++) {
        printf("%s:", label);
        for (int c = 0; c < PQnfields(res); c++) {
            printf(c ? " | " : " ");
            if (PQgetisnull(res, r, c))
                printf("NULL");
            else if (PQfformat(res, c) == 1)
                print_hex(PQgetvalue(res, r, c), PQgetlength(res, r, c));
            else
                printf("%s", PQgetvalue(res, r, c));
        }
        printf("\n");
    }
}

static PGresult *exec_checked(const char *label, PGresult *res) {
    if (!res) die(label);
    print_status(label, res);
    return res;
}

static void run_simple(const char *label, const char *sql) {
    PQclear(exec_checked(label, PQexec(conn, sql)));
}

/* Binary encoders (network byte order). */
static void put16(char *p, uint16_t v) {
    p[0] = (char)(v >> 8);
    p[1] = (char)v;
}
static void put32(char *p, uint32_t v) {
    for (int i = 0; i < 4; i++) p[i] = (char)(v >> (24 - 8 * i));
}
static void put64(char *p, uint64_t v) {
    for (int i = 0; i < 8; i++) p[i] = (char)(v >> (56 - 8 * i));
}

static void insert_sql(char *buf, size_t size) {
    int n = snprintf(buf, size, "INSERT INTO items (");
    for (int i = 0; i < NCOLS; i++) n += snprintf(buf + n, size - n, "%s%s", i ? ", " : "", COLUMNS[i]);
    n += snprintf(buf + n, size - n, ") VALUES (");
    for (int i = 0; i < NCOLS; i++) n += snprintf(buf + n, size - n, "%s$%d", i ? ", " : "", i + 1);
    snprintf(buf + n, size - n, ") RETURNING id");
}

static void connection_facts(void) {
    static const char *const params[] = {"server_encoding", "client_encoding", "DateStyle", "IntervalStyle",
                                         "TimeZone", "integer_datetimes", "standard_conforming_strings",
                                         "is_superuser", "session_authorization", "application_name"};
    printf("protocol %d, server major %d\n", PQprotocolVersion(conn), PQserverVersion(conn) / 10000);
    for (size_t i = 0; i < sizeof params / sizeof *params; i++)
        printf("parameter %s = %s\n", params[i], or_null(PQparameterStatus(conn, params[i])));
}

static void schema_and_simple_queries(void) {
    run_simple("drop", "DROP TABLE IF EXISTS items");
    run_simple("create",
               "CREATE TABLE items ("
               " id serial PRIMARY KEY,"
               " flag boolean, small smallint, num integer, big bigint,"
               " ratio real, score double precision, price numeric(12,3),"
               " name text NOT NULL UNIQUE, code varchar(10), tag char(4),"
               " payload bytea, ident uuid,"
               " day date, at timestamp, at_tz timestamptz,"
               " doc json, docb jsonb)");
    /* Several statements in one Query message: one result each. */
    if (!PQsendQuery(conn, "SELECT 1 AS one; SELECT 'two'::text AS two, NULL::int AS nothing; SELECT 3 WHERE false"))
        die("multi");
    PGresult *res;
    while ((res = PQgetResult(conn))) {
        print_status("multi", res);
        print_fields("multi fields", res);
        print_rows("multi row", res);
        PQclear(res);
    }
    PGresult *empty = exec_checked("empty query", PQexec(conn, ""));
    PQclear(empty);
}

static void insert_rows(void) {
    char sql[1024];
    insert_sql(sql, sizeof sql);
    PQclear(exec_checked("prepare insert_item", PQprepare(conn, "insert_item", sql, NCOLS, NULL)));
    PGresult *desc = exec_checked("describe insert_item", PQdescribePrepared(conn, "insert_item"));
    printf("insert_item params:");
    for (int i = 0; i < PQnparams(desc); i++) printf(" %u", PQparamtype(desc, i));
    printf("\n");
    print_fields("insert_item fields", desc);
    PQclear(desc);

    /* Row 1: every parameter in text format. */
    const char *text1[NCOLS] = {"t",          "7",          "42",
                                "1099511627776", "1.5",     "2.25",
                                "12.5",       "alpha",      "A-1",
                                "ab",         "\\x0001feff", "12345678-1234-5678-1234-567812345678",
                                "2024-01-15", "2024-01-15 10:30:05.123", "2024-01-15 10:30:00+00",
                                "{\"a\": 1}", "{\"b\": [1, 2]}"};
    PGresult *res = exec_checked("insert text row", PQexecPrepared(conn, "insert_item", NCOLS, text1, NULL, NULL, 0));
    print_rows("inserted id", res);
    PQclear(res);

    /* Row 2: every parameter in binary format. */
    char b_flag[1] = {0}, b_small[2], b_num[4], b_big[8], b_ratio[4], b_score[8], b_price[10], b_ident[16],
         b_day[4], b_at[8], b_at_tz[8], b_docb[16];
    put16(b_small, (uint16_t)-3);
    put32(b_num, (uint32_t)-1);
    put64(b_big, (uint64_t)-(INT64_C(1) << 40));
    float ratio = -0.5f;
    uint32_t ratio_bits;
    memcpy(&ratio_bits, &ratio, 4);
    put32(b_ratio, ratio_bits);
    double score = 1e-05;
    uint64_t score_bits;
    memcpy(&score_bits, &score, 8);
    put64(b_score, score_bits);
    /* numeric -0.25: ndigits 1, weight -1, sign negative, dscale 2, digit 2500 */
    put16(b_price, 1);
    put16(b_price + 2, (uint16_t)-1);
    put16(b_price + 4, 0x4000);
    put16(b_price + 6, 2);
    put16(b_price + 8, 2500);
    memset(b_ident, 0, sizeof b_ident);
    b_ident[15] = 1;
    put32(b_day, (uint32_t)-1);                         /* 1999-12-31: one day before 2000-01-01 */
    put64(b_at, (uint64_t)INT64_C(-1000000));           /* 1999-12-31 23:59:59 */
    put64(b_at_tz, (uint64_t)INT64_C(12) * 3600 * 1000000); /* 2000-01-01 12:00 UTC */
    const char *docb = "{\"c\": null}";
    b_docb[0] = 1; /* jsonb binary format version */
    memcpy(b_docb + 1, docb, strlen(docb));
    const char *values2[NCOLS] = {b_flag, b_small, b_num,  b_big,   b_ratio, b_score, b_price, "beta",  "B-2",
                                  "cdef", "",      b_ident, b_day, b_at,    b_at_tz, "[1, 2]", b_docb};
    int lengths2[NCOLS] = {1, 2, 4, 8, 4, 8, 10, 4, 3, 4, 0, 16, 4, 8, 8, 6, 1 + (int)strlen(docb)};
    int formats2[NCOLS];
    for (int i = 0; i < NCOLS; i++) formats2[i] = 1;
    res = exec_checked("insert binary row",
                       PQexecPrepared(conn, "insert_item", NCOLS, values2, lengths2, formats2, 0));
    print_rows("inserted id", res);
    PQclear(res);

    /* Row 3: NULLs except the name. */
    const char *values3[NCOLS] = {NULL};
    values3[7] = "gamma";
    res = exec_checked("insert null row", PQexecPrepared(conn, "insert_item", NCOLS, values3, NULL, NULL, 1));
    print_rows("inserted id (binary)", res);
    PQclear(res);
}

static void fetch_rows(void) {
    const char *select_all =
        "SELECT id, flag, small, num, big, ratio, score, price, name, code, tag, payload, ident, day, at, at_tz,"
        " doc, docb FROM items ORDER BY id";
    PGresult *res = exec_checked("select text", PQexecParams(conn, select_all, 0, NULL, NULL, NULL, NULL, 0));
    print_fields("text fields", res);
    print_rows("text row", res);
    PQclear(res);
    res = exec_checked("select binary", PQexecParams(conn, select_all, 0, NULL, NULL, NULL, NULL, 1));
    print_fields("binary fields", res);
    print_rows("binary row", res);
    PQclear(res);
    res = exec_checked("select simple", PQexec(conn, select_all));
    print_rows("simple row", res);
    PQclear(res);
}

static void filtered(void) {
    const char *p1[2] = {"0", "true"};
    PGresult *res = exec_checked(
        "filtered", PQexecParams(conn, "SELECT name, price FROM items WHERE num > $1 AND flag = $2", 2, NULL, p1,
                                 NULL, NULL, 0));
    print_rows("filtered row", res);
    PQclear(res);

    /* Typed binary parameters, binary results. */
    Oid types[2] = {23, 17};
    char num[4];
    put32(num, (uint32_t)-1);
    const char bytes[4] = {0x00, 0x01, (char)0xfe, (char)0xff};
    const char *p2[2] = {num, bytes};
    int lengths[2] = {4, 4}, formats[2] = {1, 1};
    res = exec_checked("typed binary filter",
                       PQexecParams(conn, "SELECT name, num + $1 AS shifted FROM items WHERE num = $1 OR payload = $2"
                                          " ORDER BY id",
                                    2, types, p2, lengths, formats, 1));
    print_fields("typed binary fields", res);
    print_rows("typed binary row", res);
    PQclear(res);

    const char *p3[3] = {"2000-01-01", "2000-01-01 00:00:00+00", "12345678-1234-5678-1234-567812345678"};
    res = exec_checked("date/time/uuid filter",
                       PQexecParams(conn, "SELECT name FROM items WHERE day < $1 OR at_tz > $2 OR ident = $3 ORDER BY id",
                                    3, NULL, p3, NULL, NULL, 0));
    print_rows("date/time/uuid row", res);
    PQclear(res);
}

static void update_delete_transactions(void) {
    const char *p1[2] = {"2", "alpha"};
    PQclear(exec_checked("update",
                         PQexecParams(conn, "UPDATE items SET score = score * $1 WHERE name = $2", 2, NULL, p1, NULL,
                                      NULL, 0)));
    const char *p2[1] = {"nobody"};
    PQclear(exec_checked("update none",
                         PQexecParams(conn, "UPDATE items SET code = 'x' WHERE name = $1", 1, NULL, p2, NULL, NULL, 0)));
    printf("transaction status idle: %d\n", PQtransactionStatus(conn));

    run_simple("begin", "BEGIN");
    printf("transaction status in block: %d\n", PQtransactionStatus(conn));
    const char *p3[1] = {"beta"};
    PQclear(exec_checked("delete in transaction",
                         PQexecParams(conn, "DELETE FROM items WHERE name = $1", 1, NULL, p3, NULL, NULL, 0)));
    run_simple("rollback", "ROLLBACK");
    PGresult *res = exec_checked("count", PQexec(conn, "SELECT count(*) FROM items"));
    print_rows("count after rollback", res);
    PQclear(res);

    /* An error inside a transaction block: the block is aborted. */
    run_simple("begin", "BEGIN");
    const char *p4[1] = {"alpha"};
    PQclear(exec_checked("unique violation in block",
                         PQexecParams(conn, "INSERT INTO items (name) VALUES ($1)", 1, NULL, p4, NULL, NULL, 0)));
    printf("transaction status after error: %d\n", PQtransactionStatus(conn));
    PQclear(exec_checked("statement in aborted block", PQexec(conn, "SELECT 1")));
    run_simple("rollback", "ROLLBACK");
    printf("transaction status after rollback: %d\n", PQtransactionStatus(conn));

    /* Outside a block. */
    res = PQexecParams(conn, "INSERT INTO items (name) VALUES ($1)", 1, NULL, p4, NULL, NULL, 0);
    print_status("unique violation", res);
    PQclear(res);
    res = exec_checked("after error", PQexec(conn, "SELECT 'usable'"));
    print_rows("after error row", res);
    PQclear(res);
}

static void single_row_mode(void) {
    const char *p[1] = {"bulk"};
    for (int k = 1; k <= 6; k++) {
        char name[16], num[16];
        snprintf(name, sizeof name, "bulk%d", k);
        snprintf(num, sizeof num, "%d", k);
        const char *v[2] = {name, num};
        PQclear(PQexecParams(conn, "INSERT INTO items (name, num) VALUES ($1, $2)", 2, NULL, v, NULL, NULL, 0));
    }
    if (!PQsendQueryParams(conn, "SELECT name, num FROM items WHERE name LIKE $1 || '%' ORDER BY num", 1, NULL, p,
                           NULL, NULL, 0))
        die("send single row");
    if (!PQsetSingleRowMode(conn)) die("single row mode");
    PGresult *res;
    while ((res = PQgetResult(conn))) {
        printf("single row result: %s ntuples=%d", PQresStatus(PQresultStatus(res)), PQntuples(res));
        if (PQntuples(res) == 1) printf(" %s %s", PQgetvalue(res, 0, 0), PQgetvalue(res, 0, 1));
        printf("\n");
        PQclear(res);
    }
    /* Single-row mode over an error after some rows were sent (a fresh
     * table's sequential scan returns rows in insertion order). */
    if (!PQsendQuery(conn, "SELECT 10 / (num - 3) FROM items WHERE name LIKE 'bulk%'"))
        die("send single row error");
    if (!PQsetSingleRowMode(conn)) die("single row mode");
    while ((res = PQgetResult(conn))) {
        printf("single row result: %s ntuples=%d", PQresStatus(PQresultStatus(res)), PQntuples(res));
        if (PQntuples(res) == 1) printf(" %s", PQgetvalue(res, 0, 0));
        if (PQresultStatus(res) == PGRES_FATAL_ERROR) printf(" sqlstate=%s", PQresultErrorField(res, PG_DIAG_SQLSTATE));
        printf("\n");
        PQclear(res);
    }
}

static void pipeline(void) {
    if (!PQenterPipelineMode(conn)) die("enter pipeline");
    const char *a[1] = {"pipe1"};
    const char *b[1] = {"alpha"};
    const char *c[1] = {"pipe2"};
    int ok = PQsendQueryParams(conn, "INSERT INTO items (name) VALUES ($1)", 1, NULL, a, NULL, NULL, 0) &&
             PQsendPrepare(conn, "count_items", "SELECT count(*) FROM items WHERE name LIKE $1", 1, NULL) &&
             PQsendQueryPrepared(conn, "count_items", 1, (const char *const[]){"pipe%"}, NULL, NULL, 0) &&
             PQsendQueryParams(conn, "INSERT INTO items (name) VALUES ($1)", 1, NULL, b, NULL, NULL, 0) &&
             PQsendQueryParams(conn, "INSERT INTO items (name) VALUES ($1)", 1, NULL, c, NULL, NULL, 0) &&
             PQpipelineSync(conn) &&
             PQsendQueryPrepared(conn, "count_items", 1, (const char *const[]){"pipe%"}, NULL, NULL, 1) &&
             PQpipelineSync(conn);
    if (!ok) die("pipeline send");
    /* Results: one per query then NULL, PGRES_PIPELINE_SYNC per sync. */
    int syncs = 0;
    while (syncs < 2) {
        PGresult *res = PQgetResult(conn);
        if (!res) continue; /* end of one query's results */
        ExecStatusType st = PQresultStatus(res);
        if (st == PGRES_PIPELINE_SYNC) {
            printf("pipeline: sync\n");
            syncs++;
        } else {
            print_status("pipeline", res);
            print_rows("pipeline row", res);
        }
        PQclear(res);
    }
    if (!PQexitPipelineMode(conn)) die("exit pipeline");
    PGresult *res = exec_checked("pipeline rows", PQexec(conn, "SELECT name FROM items WHERE name LIKE 'pipe%'"));
    print_rows("pipeline row", res);
    PQclear(res);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s postgresql://...\n", argv[0]);
        return 2;
    }
    setvbuf(stdout, NULL, _IOLBF, 0);
    conn = PQconnectdb(argv[1]);
    if (PQstatus(conn) != CONNECTION_OK) die("connect");
    PQsetNoticeReceiver(conn, on_notice, NULL);
    printf("libpq %d\n", PQlibVersion() / 10000);
    connection_facts();
    schema_and_simple_queries();
    insert_rows();
    fetch_rows();
    filtered();
    update_delete_transactions();
    single_row_mode();
    pipeline();
    PGresult *res = exec_checked("cleanup", PQexec(conn, "DELETE FROM items WHERE small < 0 OR name LIKE 'bulk%' RETURNING name"));
    print_rows("deleted", res);
    PQclear(res);
    PQfinish(conn);
    return 0;
}
