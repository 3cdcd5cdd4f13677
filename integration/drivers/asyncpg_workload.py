"""asyncpg workload: the binary protocol throughout, prepared statements,
executemany, a cursor fetching in row-limited chunks (portal suspension),
a rolled-back transaction, UniqueViolationError."""

import asyncio
import datetime
import json
import sys

import asyncpg

from workload_common import COLUMNS, CREATE_TABLE, ROWS, render_row


async def run(dsn: str) -> None:
    conn = await asyncpg.connect(dsn)
    # asyncpg maps json/jsonb to str by default: keep them as text.
    await conn.execute("DROP TABLE IF EXISTS items")
    await conn.execute(CREATE_TABLE)
    placeholders = ", ".join(f"${i + 1}" for i in range(len(COLUMNS)))
    insert = await conn.prepare(f"INSERT INTO items ({', '.join(COLUMNS)}) VALUES ({placeholders}) RETURNING id")
    for row in ROWS:
        print("inserted", await insert.fetchval(*row))
    rows = await conn.fetch(f"SELECT id, {', '.join(COLUMNS)} FROM items ORDER BY id")
    for row in rows:
        print("row", render_row(tuple(row)))
    await conn.executemany("INSERT INTO items (name, num) VALUES ($1, $2)", [(f"bulk{k}", k) for k in range(20)])
    async with conn.transaction():
        cursor = await conn.cursor("SELECT name, num FROM items WHERE num >= $1 ORDER BY num, name", 0)
        print("chunk", [tuple(r) for r in await cursor.fetch(5)])
        print("chunk", [tuple(r) for r in await cursor.fetch(5)])
    try:
        async with conn.transaction():
            await conn.execute("UPDATE items SET num = num + 1000")
            raise RuntimeError("roll back")
    except RuntimeError:
        pass
    print("max after rollback", await conn.fetchval("SELECT max(num) FROM items"))
    try:
        await conn.execute("INSERT INTO items (name) VALUES ($1)", "alpha")
    except asyncpg.UniqueViolationError as error:
        print("unique violation", error.sqlstate)
    status = await conn.execute("DELETE FROM items WHERE name LIKE $1", "bulk1%")
    print("status", status)
    # Arrays, interval and time in binary: asyncpg introspects these types.
    await conn.execute("DROP TABLE IF EXISTS tagged")
    await conn.execute("CREATE TABLE tagged (id int PRIMARY KEY, tags text[], nums int[], span interval, at time)")
    await conn.execute("INSERT INTO tagged VALUES ($1, $2, $3, $4, $5)", 1, ["a", "b c", None], [1, 2, 3],
                       datetime.timedelta(days=1, seconds=5), datetime.time(10, 30))
    print("tagged", [tuple(r) for r in await conn.fetch("SELECT * FROM tagged")])
    print("array param", await conn.fetchval("SELECT $1::int[]", [4, 5]))
    await conn.close()


if __name__ == "__main__":
    asyncio.run(run(sys.argv[1]))
