"""pg8000 workload (DB-API, Debian's pg8000 1.10): parameters of every type,
fetch back, a rolled-back transaction, a unique violation with its SQLSTATE."""

import sys
from urllib.parse import urlparse

import pg8000

from workload_common import COLUMNS, CREATE_TABLE, ROWS, render_row


def run(dsn: str) -> None:
    url = urlparse(dsn)
    conn = pg8000.connect(user=url.username, host=url.hostname, port=url.port, database=url.path.lstrip("/"))
    cur = conn.cursor()
    cur.execute("DROP TABLE IF EXISTS items")
    cur.execute(CREATE_TABLE)
    conn.commit()
    placeholders = ", ".join(["%s"] * len(COLUMNS))
    for row in ROWS:
        cur.execute(f"INSERT INTO items ({', '.join(COLUMNS)}) VALUES ({placeholders}) RETURNING id", row)
        print("inserted", cur.fetchone())
    conn.commit()
    cur.execute(f"SELECT id, {', '.join(COLUMNS)} FROM items ORDER BY id")
    print("columns", [d[0] for d in cur.description])
    for row in cur.fetchall():
        print("row", render_row(row))
    cur.execute("DELETE FROM items")
    conn.rollback()
    cur.execute("SELECT count(*) FROM items")
    print("count after rollback", cur.fetchone())
    try:
        cur.execute("INSERT INTO items (name) VALUES (%s)", ("beta",))
    except pg8000.ProgrammingError as error:
        print("unique violation", error.args[2] if len(error.args) > 2 else error.args)
        conn.rollback()
    cur.execute("UPDATE items SET num = %s WHERE name = %s RETURNING num", (5, "gamma"))
    print("updated", cur.fetchall())
    conn.commit()
    conn.close()


if __name__ == "__main__":
    run(sys.argv[1])
