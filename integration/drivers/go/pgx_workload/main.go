// pgx v4 workload (Go): the items table written and read back through pgx's
// binary protocol in four connection modes — "prepare" (the default: named
// prepared statements cached per connection), "describe"
// (statement_cache_mode=describe: cached descriptions, each execution a
// Parse/Bind/Describe/Execute of the unnamed statement), "unnamed" (no
// statement cache: the unnamed statement prepared, then bound, for every
// query) and "simple" (PreferSimpleProtocol: parameters interpolated
// client-side, text results; a batch is one multi-statement query) — with parameters of
// every column type, a filtered SELECT, UPDATE/DELETE row counts, a
// transaction rolled back, a unique violation caught as *pgconn.PgError
// (SQLSTATE 23505), a batch (SendBatch) and rows iteration.
//
// Run: GO111MODULE=off GOPATH=$tmp:/usr/share/gocode go run . DSN
package main

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgconn"
	"github.com/jackc/pgtype"
	"github.com/jackc/pgx/v4"
)

const createTable = "CREATE TABLE items (" +
	" id serial PRIMARY KEY," +
	" flag boolean, small smallint, num integer, big bigint," +
	" ratio real, score double precision, price numeric(12,3)," +
	" name text NOT NULL UNIQUE, code varchar(10), tag char(4)," +
	" payload bytea, ident uuid," +
	" day date, at timestamp, at_tz timestamptz," +
	" doc json, docb jsonb)"

var columns = []string{"flag", "small", "num", "big", "ratio", "score", "price", "name", "code", "tag",
	"payload", "ident", "day", "at", "at_tz", "doc", "docb"}

func uuidOf(s string) pgtype.UUID {
	var u pgtype.UUID
	if err := u.Set(s); err != nil {
		panic(err)
	}
	return u
}

func numericOf(f float64) pgtype.Numeric {
	var n pgtype.Numeric
	if err := n.Set(f); err != nil {
		panic(err)
	}
	return n
}

// The same three rows as the Python workloads (workload_common.ROWS).
var rows = [][]interface{}{
	{true, int16(7), int32(42), int64(1) << 40, float32(1.5), 2.25, numericOf(12.5), "alpha", "A-1", "ab",
		[]byte{0x00, 0x01, 0xfe, 0xff}, uuidOf("12345678-1234-5678-1234-567812345678"),
		time.Date(2024, 1, 15, 0, 0, 0, 0, time.UTC), time.Date(2024, 1, 15, 10, 30, 5, 123000000, time.UTC),
		time.Date(2024, 1, 15, 10, 30, 0, 0, time.UTC), `{"a": 1}`, `{"b": [1, 2]}`},
	{false, int16(-3), int32(-1), -(int64(1) << 40), float32(-0.5), 1e-05, numericOf(-0.25), "beta", "B-2", "cdef",
		[]byte{}, uuidOf("00000000-0000-0000-0000-000000000001"),
		time.Date(1999, 12, 31, 0, 0, 0, 0, time.UTC), time.Date(1999, 12, 31, 23, 59, 59, 0, time.UTC),
		time.Date(2000, 1, 1, 12, 0, 0, 0, time.UTC), `[1, 2]`, `{"c": null}`},
	{nil, nil, nil, nil, nil, nil, nil, "gamma", nil, nil, nil, nil, nil, nil, nil, nil, nil},
}

// renderNumeric spells a numeric with exactly the scale the server sent.
func renderNumeric(n pgtype.Numeric) string {
	if n.NaN {
		return "NaN"
	}
	digits := new(big.Int).Abs(n.Int).String()
	sign := ""
	if n.Int.Sign() < 0 {
		sign = "-"
	}
	if n.Exp >= 0 {
		return sign + digits + strings.Repeat("0", int(n.Exp))
	}
	scale := int(-n.Exp)
	if len(digits) <= scale {
		digits = strings.Repeat("0", scale-len(digits)+1) + digits
	}
	return sign + digits[:len(digits)-scale] + "." + digits[len(digits)-scale:]
}

// render gives a driver-independent spelling of a value from rows.Values().
func render(v interface{}) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case []byte:
		return `\x` + hex.EncodeToString(x)
	case time.Time:
		return x.UTC().Format("2006-01-02T15:04:05.999999Z07:00")
	case [16]uint8:
		u := hex.EncodeToString(x[:])
		return u[0:8] + "-" + u[8:12] + "-" + u[12:16] + "-" + u[16:20] + "-" + u[20:]
	case pgtype.Numeric:
		return renderNumeric(x)
	case float32:
		return strconv.FormatFloat(float64(x), 'g', -1, 32)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case string:
		return strconv.Quote(x)
	case map[string]interface{}, []interface{}:
		b, err := json.Marshal(x) // encoding/json sorts map keys
		if err != nil {
			panic(err)
		}
		return "json:" + string(b)
	default:
		return fmt.Sprintf("%T:%v", v, v)
	}
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

func printRows(mode, label string, rs pgx.Rows) {
	defer rs.Close()
	for rs.Next() {
		vals, err := rs.Values()
		must(err)
		parts := make([]string, len(vals))
		for i, v := range vals {
			parts[i] = render(v)
		}
		fmt.Println(mode, label, strings.Join(parts, " | "))
	}
	must(rs.Err())
}

func run(ctx context.Context, dsn, mode string) {
	if mode == "describe" {
		dsn += "?statement_cache_mode=describe"
	}
	config, err := pgx.ParseConfig(dsn)
	must(err)
	switch mode {
	case "unnamed":
		config.BuildStatementCache = nil
	case "simple":
		config.PreferSimpleProtocol = true
	}
	conn, err := pgx.ConnectConfig(ctx, config)
	must(err)
	defer conn.Close(ctx)

	_, err = conn.Exec(ctx, "DROP TABLE IF EXISTS items")
	must(err)
	_, err = conn.Exec(ctx, createTable)
	must(err)

	placeholders := make([]string, len(columns))
	for i := range columns {
		placeholders[i] = fmt.Sprintf("$%d", i+1)
	}
	insert := fmt.Sprintf("INSERT INTO items (%s) VALUES (%s) RETURNING id",
		strings.Join(columns, ", "), strings.Join(placeholders, ", "))
	for _, row := range rows {
		var id int32
		must(conn.QueryRow(ctx, insert, row...).Scan(&id))
		fmt.Println(mode, "inserted", id)
	}

	rs, err := conn.Query(ctx, fmt.Sprintf("SELECT id, %s FROM items ORDER BY id", strings.Join(columns, ", ")))
	must(err)
	var fields []string
	for _, fd := range rs.FieldDescriptions() {
		fields = append(fields, fmt.Sprintf("%s:%d:%d:%d", fd.Name, fd.DataTypeOID, fd.DataTypeSize, fd.TypeModifier))
	}
	fmt.Println(mode, "columns", strings.Join(fields, " "))
	printRows(mode, "row", rs)

	// Typed scans into Go values and pgtype values.
	var (
		flag  bool
		small int16
		num   int32
		big   int64
		ratio float32
		score float64
		price pgtype.Numeric
		name  string
		code  string
		tag   string
		pay   []byte
		ident pgtype.UUID
		day   time.Time
		at    time.Time
		atTz  time.Time
		doc   pgtype.JSON
		docb  pgtype.JSONB
	)
	must(conn.QueryRow(ctx, fmt.Sprintf("SELECT %s FROM items WHERE name = $1", strings.Join(columns, ", ")), "alpha").
		Scan(&flag, &small, &num, &big, &ratio, &score, &price, &name, &code, &tag, &pay, &ident, &day, &at, &atTz, &doc, &docb))
	fmt.Println(mode, "scanned", flag, small, num, big, ratio, score, renderNumeric(price), name, code,
		strconv.Quote(tag), hex.EncodeToString(pay), render(ident.Bytes), render(day), render(at), render(atTz),
		string(doc.Bytes), string(docb.Bytes))
	var nullName *string
	var nullNum *int32
	must(conn.QueryRow(ctx, "SELECT code, num FROM items WHERE name = $1", "gamma").Scan(&nullName, &nullNum))
	fmt.Println(mode, "scanned nulls", nullName == nil, nullNum == nil)

	rs, err = conn.Query(ctx, "SELECT name FROM items WHERE num > $1 AND flag = $2 ORDER BY name", 0, true)
	must(err)
	printRows(mode, "filtered", rs)

	tag1, err := conn.Exec(ctx, "UPDATE items SET score = score * $1 WHERE name = $2", 2, "alpha")
	must(err)
	fmt.Println(mode, "updated", tag1.RowsAffected(), tag1.String())
	var doubled float64
	must(conn.QueryRow(ctx, "SELECT score FROM items WHERE name = $1", "alpha").Scan(&doubled))
	fmt.Println(mode, "score now", doubled)

	tx, err := conn.Begin(ctx)
	must(err)
	tag2, err := tx.Exec(ctx, "DELETE FROM items WHERE name = $1", "beta")
	must(err)
	fmt.Println(mode, "deleted in transaction", tag2.RowsAffected())
	var inside int64
	must(tx.QueryRow(ctx, "SELECT count(*) FROM items").Scan(&inside))
	fmt.Println(mode, "count inside", inside)
	must(tx.Rollback(ctx))
	var after int64
	must(conn.QueryRow(ctx, "SELECT count(*) FROM items").Scan(&after))
	fmt.Println(mode, "count after rollback", after)

	_, err = conn.Exec(ctx, "INSERT INTO items (name) VALUES ($1)", "alpha")
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		fmt.Println(mode, "unique violation", pgErr.Code, "constraint="+pgErr.ConstraintName)
	} else {
		fmt.Println(mode, "expected a unique violation, got", err)
	}
	// The connection is still usable after the error.
	var one int32
	must(conn.QueryRow(ctx, "SELECT 1").Scan(&one))
	fmt.Println(mode, "after error", one)

	// A batch: inserts, selects and an update queued together, then read in order.
	batch := &pgx.Batch{}
	for k := 0; k < 20; k++ {
		batch.Queue("INSERT INTO items (name, num) VALUES ($1, $2)", fmt.Sprintf("bulk%02d", k), int32(k))
	}
	for k := 0; k < 5; k++ {
		batch.Queue("SELECT $1::int * 10, $2::text", int32(k), fmt.Sprintf("p%d", k))
	}
	batch.Queue("UPDATE items SET small = $1 WHERE name LIKE $2", int16(9), "bulk1%")
	br := conn.SendBatch(ctx, batch)
	inserted := int64(0)
	for k := 0; k < 20; k++ {
		ct, err := br.Exec()
		must(err)
		inserted += ct.RowsAffected()
	}
	fmt.Println(mode, "batch inserted", inserted)
	var results []string
	for k := 0; k < 5; k++ {
		var n int32
		var s string
		must(br.QueryRow().Scan(&n, &s))
		results = append(results, fmt.Sprintf("%d/%s", n, s))
	}
	fmt.Println(mode, "batch selected", strings.Join(results, " "))
	ct, err := br.Exec()
	must(err)
	fmt.Println(mode, "batch updated", ct.RowsAffected())
	must(br.Close())

	// A batch whose second statement fails: the error surfaces on its own result.
	batch = &pgx.Batch{}
	batch.Queue("SELECT $1::int", int32(5))
	batch.Queue("INSERT INTO items (name) VALUES ($1)", "bulk00")
	br = conn.SendBatch(ctx, batch)
	var five int32
	must(br.QueryRow().Scan(&five))
	_, err = br.Exec()
	if errors.As(err, &pgErr) {
		fmt.Println(mode, "batch error", five, pgErr.Code)
	} else {
		fmt.Println(mode, "expected a batch error, got", err)
	}
	br.Close()

	// Rows iteration over a larger result, scanning each row.
	rs, err = conn.Query(ctx, "SELECT name, num, small FROM items WHERE num >= $1 ORDER BY num, name", 0)
	must(err)
	count, sum := 0, int64(0)
	var seen []string
	for rs.Next() {
		var n string
		var v int32
		var s *int16
		must(rs.Scan(&n, &v, &s))
		count++
		sum += int64(v)
		if s != nil {
			sum += int64(*s)
		}
		if count <= 3 || count > 20 {
			seen = append(seen, n)
		}
	}
	must(rs.Err())
	fmt.Println(mode, "iterated", count, sum, strings.Join(seen, ","), rs.CommandTag().String())

	// A query abandoned after its first row.
	rs, err = conn.Query(ctx, "SELECT name FROM items ORDER BY name")
	must(err)
	rs.Next()
	var first string
	must(rs.Scan(&first))
	rs.Close()
	must(rs.Err())
	fmt.Println(mode, "first only", first)

	rs, err = conn.Query(ctx, "DELETE FROM items WHERE small < $1 RETURNING name", int16(0))
	must(err)
	printRows(mode, "deleted", rs)
	tag3, err := conn.Exec(ctx, "DELETE FROM items WHERE name LIKE $1", "bulk%")
	must(err)
	fmt.Println(mode, "deleted bulk", tag3.RowsAffected())

	var names []string
	rs, err = conn.Query(ctx, "SELECT name FROM items")
	must(err)
	for rs.Next() {
		var n string
		must(rs.Scan(&n))
		names = append(names, n)
	}
	must(rs.Err())
	sort.Strings(names)
	fmt.Println(mode, "remaining", strings.Join(names, ","))
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: pgx_workload DSN")
		os.Exit(2)
	}
	ctx := context.Background()
	for _, mode := range []string{"prepare", "describe", "unnamed", "simple"} {
		run(ctx, os.Args[1], mode)
	}
}
