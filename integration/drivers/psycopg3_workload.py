"""psycopg 3 workload: text and binary parameters and results, a pipeline,
transactions with rollback, a unique violation caught as UniqueViolation."""

import sys

import psycopg

from workload_common import COLUMNS, CREATE_TABLE, ROWS, render_row


def run(dsn: str) -> None:
    for binary in (False, True):
        mode = "binary" if binary else "text"
        with psycopg.connect(dsn, autocommit=True) as conn:
            cur = conn.cursor(binary=binary)
            cur.execute("DROP TABLE IF EXISTS items")
            cur.execute(CREATE_TABLE)
            placeholders = ", ".join(["%s"] * len(COLUMNS))
            for row in ROWS:
                cur.execute(f"INSERT INTO items ({', '.join(COLUMNS)}) VALUES ({placeholders}) RETURNING id",
                            row)
                print(mode, "inserted", cur.fetchone())
            cur.execute(f"SELECT id, {', '.join(COLUMNS)} FROM items ORDER BY id")
            print(mode, "columns", [(d.name, d.type_code) for d in cur.description])
            for row in cur.fetchall():
                print(mode, "row", render_row(row))
            cur.execute("SELECT name FROM items WHERE num > %s AND flag = %s", (0, True))
            print(mode, "filtered", cur.fetchall())
            cur.execute("UPDATE items SET score = score * %s WHERE name = %s", (2, "alpha"))
            print(mode, "updated", cur.rowcount)
            try:
                with conn.transaction():
                    cur.execute("DELETE FROM items WHERE name = %s", ("beta",))
                    raise RuntimeError("roll back")
            except RuntimeError:
                pass
            cur.execute("SELECT count(*) FROM items")
            print(mode, "after rollback", cur.fetchone())
            try:
                cur.execute("INSERT INTO items (name) VALUES (%s)", ("alpha",))
            except psycopg.errors.UniqueViolation as error:
                print(mode, "unique violation", error.sqlstate)
            with conn.pipeline():
                results = []
                for k in range(5):
                    cur.execute("SELECT %s::int * 10, %s::text", (k, f"p{k}"))
                    results.append(cur.fetchone())
            print(mode, "pipeline", results)
            cur.execute("DELETE FROM items WHERE small < %s RETURNING name", (0,))
            print(mode, "deleted", cur.fetchall())
            # Python lists are int[]/text[] parameters (binary in binary mode);
            # arrays and jsonb come back as lists and dicts.
            cur.execute("SELECT name FROM items WHERE num = ANY(%s) ORDER BY name", ([1, 2, 3],))
            print(mode, "any", cur.fetchall())
            cur.execute("SELECT %s::int[], %s::text[], ARRAY[[1, 2], [3, 4]], '{}'::int[], "
                        "jsonb_build_object('k', %s::int[])", ([1, None], ["a b", None, 'q"'], [7]))
            print(mode, "arrays", cur.fetchone())


if __name__ == "__main__":
    run(sys.argv[1])
