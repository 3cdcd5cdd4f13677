"""psycopg2 workload: client-side parameters over the simple protocol,
transactions with rollback, a unique violation as errors.UniqueViolation,
and a named (server-side) cursor read in batches (DECLARE / FETCH)."""

import sys

import psycopg2
import psycopg2.errors
import psycopg2.extras

from workload_common import COLUMNS, CREATE_TABLE, ROWS, render_row


def run(dsn: str) -> None:
    psycopg2.extras.register_uuid()
    conn = psycopg2.connect(dsn)
    cur = conn.cursor()
    cur.execute("DROP TABLE IF EXISTS items")
    cur.execute(CREATE_TABLE)
    conn.commit()
    placeholders = ", ".join(["%s"] * len(COLUMNS))
    for row in ROWS:
        cur.execute(f"INSERT INTO items ({', '.join(COLUMNS)}) VALUES ({placeholders}) RETURNING id",
                    tuple(psycopg2.Binary(v) if isinstance(v, bytes) else v for v in row))
        print("inserted", cur.fetchone())
    conn.commit()
    cur.execute(f"SELECT id, {', '.join(COLUMNS)} FROM items ORDER BY id")
    print("columns", [(d.name, d.type_code) for d in cur.description])
    for row in cur.fetchall():
        print("row", render_row(row))
    named = conn.cursor("batches")
    named.itersize = 2
    named.execute("SELECT id, name FROM items WHERE id > %s ORDER BY id", (0,))
    for row in named:
        print("named cursor row", render_row(row))
    print("named cursor columns", [(d.name, d.type_code) for d in named.description])
    named.close()
    conn.commit()
    cur.execute("DELETE FROM items")
    conn.rollback()
    cur.execute("SELECT count(*) FROM items")
    print("count after rollback", cur.fetchone())
    try:
        cur.execute("INSERT INTO items (name) VALUES (%s)", ("alpha",))
    except psycopg2.errors.UniqueViolation as error:
        print("unique violation", error.pgcode)
        conn.rollback()
    conn.close()


if __name__ == "__main__":
    run(sys.argv[1])
