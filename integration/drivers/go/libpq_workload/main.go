// lib/pq workload (Go, database/sql): the items table written and read back
// in two connection modes — "text" (the default: text parameters; queries
// with arguments parsed as the unnamed statement and described first, results
// mixing binary int/bytea/uuid columns with text columns) and "binary"
// (binary_parameters=yes: Parse/Bind/Describe/Execute sent in one go, []byte
// parameters in binary). Covers parameters of every column type, column type
// metadata, a filtered SELECT, named prepared statements executed repeatedly,
// UPDATE/DELETE row counts, a multi-statement simple query, transactions
// committed and rolled back (including BEGIN ISOLATION LEVEL ... READ ONLY),
// a unique violation caught as *pq.Error (SQLSTATE 23505) and rows iteration.
//
// Run: GO111MODULE=off GOPATH=$tmp:/usr/share/gocode go run . DSN
package main

import (
	"context"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/lib/pq"
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

// The same three rows as the Python workloads (workload_common.ROWS).
var rows = [][]interface{}{
	{true, int16(7), int32(42), int64(1) << 40, float32(1.5), 2.25, "12.5", "alpha", "A-1", "ab",
		[]byte{0x00, 0x01, 0xfe, 0xff}, "12345678-1234-5678-1234-567812345678",
		time.Date(2024, 1, 15, 0, 0, 0, 0, time.UTC), time.Date(2024, 1, 15, 10, 30, 5, 123000000, time.UTC),
		time.Date(2024, 1, 15, 10, 30, 0, 0, time.UTC), `{"a": 1}`, `{"b": [1, 2]}`},
	{false, int16(-3), int32(-1), -(int64(1) << 40), float32(-0.5), 1e-05, -0.25, "beta", "B-2", "cdef",
		[]byte{}, "00000000-0000-0000-0000-000000000001",
		time.Date(1999, 12, 31, 0, 0, 0, 0, time.UTC), time.Date(1999, 12, 31, 23, 59, 59, 0, time.UTC),
		time.Date(2000, 1, 1, 12, 0, 0, 0, time.UTC), `[1, 2]`, `{"c": null}`},
	{nil, nil, nil, nil, nil, nil, nil, "gamma", nil, nil, nil, nil, nil, nil, nil, nil, nil},
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

// render spells a value scanned into interface{}; dbType is the column's
// DatabaseTypeName, which says whether []byte holds bytea or text.
func render(v interface{}, dbType string) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case []byte:
		switch dbType {
		case "BYTEA":
			return `\x` + hex.EncodeToString(x)
		case "JSON", "JSONB":
			var parsed interface{}
			must(json.Unmarshal(x, &parsed))
			b, err := json.Marshal(parsed) // sorted keys
			must(err)
			return "json:" + string(b)
		}
		return dbType + ":" + strconv.Quote(string(x))
	case time.Time:
		return x.UTC().Format("2006-01-02T15:04:05.999999Z07:00")
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case string:
		return strconv.Quote(x)
	default:
		return fmt.Sprintf("%T:%v", v, v)
	}
}

func printRows(mode, label string, rs *sql.Rows) {
	defer rs.Close()
	types, err := rs.ColumnTypes()
	must(err)
	for rs.Next() {
		vals := make([]interface{}, len(types))
		ptrs := make([]interface{}, len(types))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		must(rs.Scan(ptrs...))
		parts := make([]string, len(vals))
		for i, v := range vals {
			parts[i] = render(v, types[i].DatabaseTypeName())
		}
		fmt.Println(mode, label, strings.Join(parts, " | "))
	}
	must(rs.Err())
}

func pqCode(err error) string {
	var pqErr *pq.Error
	if errors.As(err, &pqErr) {
		return string(pqErr.Code) + " constraint=" + pqErr.Constraint
	}
	return fmt.Sprintf("not a *pq.Error: %v", err)
}

func run(ctx context.Context, dsn, mode string) {
	// The oracle and litegres run without TLS; lib/pq's default is sslmode=require.
	dsn += "?sslmode=disable"
	if mode == "binary" {
		dsn += "&binary_parameters=yes"
	}
	db, err := sql.Open("postgres", dsn)
	must(err)
	defer db.Close()
	conn, err := db.Conn(ctx) // one session throughout
	must(err)
	defer conn.Close()

	_, err = conn.ExecContext(ctx, "DROP TABLE IF EXISTS items")
	must(err)
	_, err = conn.ExecContext(ctx, createTable)
	must(err)

	placeholders := make([]string, len(columns))
	for i := range columns {
		placeholders[i] = fmt.Sprintf("$%d", i+1)
	}
	insert := fmt.Sprintf("INSERT INTO items (%s) VALUES (%s) RETURNING id",
		strings.Join(columns, ", "), strings.Join(placeholders, ", "))
	for _, row := range rows {
		var id int64
		must(conn.QueryRowContext(ctx, insert, row...).Scan(&id))
		fmt.Println(mode, "inserted", id)
	}

	selectAll := fmt.Sprintf("SELECT id, %s FROM items ORDER BY id", strings.Join(columns, ", "))
	for _, how := range []string{"simple", "extended"} {
		var rs *sql.Rows
		if how == "simple" {
			rs, err = conn.QueryContext(ctx, selectAll) // no arguments: the simple query protocol
		} else {
			rs, err = conn.QueryContext(ctx, selectAll+" LIMIT $1", 10)
		}
		must(err)
		types, err := rs.ColumnTypes()
		must(err)
		var desc []string
		for _, t := range types {
			d := t.Name() + ":" + t.DatabaseTypeName()
			if p, s, ok := t.DecimalSize(); ok {
				d += fmt.Sprintf("(%d,%d)", p, s)
			}
			if l, ok := t.Length(); ok {
				d += fmt.Sprintf("[%d]", l)
			}
			desc = append(desc, d)
		}
		fmt.Println(mode, how, "columns", strings.Join(desc, " "))
		printRows(mode, how+" row", rs)
	}

	// Typed scans.
	var (
		flag  bool
		small int16
		num   int32
		big   int64
		ratio float32
		score float64
		price string
		name  string
		code  string
		tag   string
		pay   []byte
		ident string
		day   time.Time
		at    time.Time
		atTz  time.Time
		doc   string
		docb  string
	)
	must(conn.QueryRowContext(ctx, fmt.Sprintf("SELECT %s FROM items WHERE name = $1", strings.Join(columns, ", ")), "alpha").
		Scan(&flag, &small, &num, &big, &ratio, &score, &price, &name, &code, &tag, &pay, &ident, &day, &at, &atTz, &doc, &docb))
	fmt.Println(mode, "scanned", flag, small, num, big, ratio, score, price, name, code, strconv.Quote(tag),
		hex.EncodeToString(pay), ident, render(day, ""), render(at, ""), render(atTz, ""), doc, docb)
	var nullCode sql.NullString
	var nullNum sql.NullInt32
	var nullAt sql.NullTime
	must(conn.QueryRowContext(ctx, "SELECT code, num, at FROM items WHERE name = $1", "gamma").Scan(&nullCode, &nullNum, &nullAt))
	fmt.Println(mode, "scanned nulls", nullCode.Valid, nullNum.Valid, nullAt.Valid)

	rs, err := conn.QueryContext(ctx, "SELECT name, score FROM items WHERE num > $1 AND flag = $2 ORDER BY name", 0, true)
	must(err)
	printRows(mode, "filtered", rs)

	// A named prepared statement executed repeatedly.
	lookup, err := conn.PrepareContext(ctx, "SELECT name, num, payload, ident FROM items WHERE id = $1")
	must(err)
	for id := 1; id <= 4; id++ {
		rs, err := lookup.QueryContext(ctx, id)
		must(err)
		printRows(mode, fmt.Sprintf("lookup %d", id), rs)
	}
	must(lookup.Close())
	add, err := conn.PrepareContext(ctx, "INSERT INTO items (name, num, price) VALUES ($1, $2, $3)")
	must(err)
	added := int64(0)
	for k := 0; k < 12; k++ {
		res, err := add.ExecContext(ctx, fmt.Sprintf("bulk%02d", k), k, float64(k)/4)
		must(err)
		n, err := res.RowsAffected()
		must(err)
		added += n
	}
	must(add.Close())
	fmt.Println(mode, "prepared inserts", added)

	res, err := conn.ExecContext(ctx, "UPDATE items SET score = score * $1 WHERE name = $2", 2, "alpha")
	must(err)
	n, err := res.RowsAffected()
	must(err)
	fmt.Println(mode, "updated", n)

	// Several statements in one simple query: the result is the last one's.
	res, err = conn.ExecContext(ctx, "UPDATE items SET small = 1 WHERE name LIKE 'bulk0%'; UPDATE items SET small = 2 WHERE name LIKE 'bulk1%'")
	must(err)
	n, err = res.RowsAffected()
	must(err)
	fmt.Println(mode, "multi-statement updated", n)

	tx, err := conn.BeginTx(ctx, nil)
	must(err)
	res, err = tx.ExecContext(ctx, "DELETE FROM items WHERE name = $1", "beta")
	must(err)
	n, err = res.RowsAffected()
	must(err)
	fmt.Println(mode, "deleted in transaction", n)
	must(tx.Rollback())
	var count int64
	must(conn.QueryRowContext(ctx, "SELECT count(*) FROM items").Scan(&count))
	fmt.Println(mode, "count after rollback", count)

	tx, err = conn.BeginTx(ctx, nil)
	must(err)
	_, err = tx.ExecContext(ctx, "UPDATE items SET code = $1 WHERE name = $2", "G-3", "gamma")
	must(err)
	must(tx.Commit())
	must(conn.QueryRowContext(ctx, "SELECT code FROM items WHERE name = $1", "gamma").Scan(&code))
	fmt.Println(mode, "committed", code)

	tx, err = conn.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable, ReadOnly: true})
	if err != nil {
		fmt.Println(mode, "read-only transaction failed to begin:", pqCode(err))
	} else {
		err = tx.QueryRowContext(ctx, "SELECT count(*) FROM items WHERE num >= $1", 0).Scan(&count)
		if err != nil {
			fmt.Println(mode, "read-only select failed:", pqCode(err))
		} else {
			fmt.Println(mode, "read-only count", count)
		}
		_, err = tx.ExecContext(ctx, "DELETE FROM items")
		fmt.Println(mode, "write in read-only transaction:", pqCode(err))
		fmt.Println(mode, "rollback", tx.Rollback())
	}

	_, err = conn.ExecContext(ctx, "INSERT INTO items (name) VALUES ($1)", "alpha")
	fmt.Println(mode, "unique violation", pqCode(err))
	_, err = conn.ExecContext(ctx, "INSERT INTO items (name) VALUES ('alpha')")
	fmt.Println(mode, "unique violation (simple)", pqCode(err))

	// A failed statement inside a transaction aborts it until rollback.
	tx, err = conn.BeginTx(ctx, nil)
	must(err)
	_, err = tx.ExecContext(ctx, "INSERT INTO items (name) VALUES ($1)", "beta")
	fmt.Println(mode, "in transaction", pqCode(err))
	_, err = tx.ExecContext(ctx, "SELECT 1")
	fmt.Println(mode, "after error in transaction", pqCode(err))
	must(tx.Rollback())

	rs, err = conn.QueryContext(ctx, "SELECT name, num, price FROM items WHERE num >= $1 ORDER BY num, name", 0)
	must(err)
	rowsSeen := 0
	var firstNames []string
	for rs.Next() {
		var nm string
		var v int64
		var p sql.NullString
		must(rs.Scan(&nm, &v, &p))
		rowsSeen++
		if rowsSeen <= 3 {
			firstNames = append(firstNames, nm+"="+p.String)
		}
	}
	must(rs.Err())
	fmt.Println(mode, "iterated", rowsSeen, strings.Join(firstNames, ","))

	rs, err = conn.QueryContext(ctx, "DELETE FROM items WHERE small < $1 RETURNING name", 0)
	must(err)
	printRows(mode, "deleted", rs)
	res, err = conn.ExecContext(ctx, "DELETE FROM items WHERE name LIKE $1", "bulk%")
	must(err)
	n, err = res.RowsAffected()
	must(err)
	fmt.Println(mode, "deleted bulk", n)

	var names []string
	rs, err = conn.QueryContext(ctx, "SELECT name FROM items")
	must(err)
	for rs.Next() {
		var nm string
		must(rs.Scan(&nm))
		names = append(names, nm)
	}
	must(rs.Err())
	sort.Strings(names)
	fmt.Println(mode, "remaining", strings.Join(names, ","))
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: libpq_workload DSN")
		os.Exit(2)
	}
	ctx := context.Background()
	for _, mode := range []string{"text", "binary"} {
		run(ctx, os.Args[1], mode)
	}
}
