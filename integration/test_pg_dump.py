#!/usr/bin/python3
"""pg_dump against litegres and a throwaway real PostgreSQL 15, over the same
schema and rows: the dumps must be the same text, and litegres's dump must
restore into a fresh PostgreSQL database with psql and give the same rows.

What is normalised, because it must differ:
  - the "-- Dumped from database version" line: litegres reports its own
    server version string;
  - the \\restrict / \\unrestrict lines: pg_dump draws a random key for each
    dump (psql's protection against injected meta-commands).

    /usr/bin/python3 integration/test_pg_dump.py --litegres build/litegres
"""

import argparse
import difflib
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import oracle

DATABASE = "dump_case"

SCHEMA = r"""
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE customer (
  id serial PRIMARY KEY,
  email varchar(200) NOT NULL UNIQUE,
  name text NOT NULL DEFAULT 'anon',
  born date,
  created timestamptz NOT NULL DEFAULT now(),
  seen timestamp,
  active boolean DEFAULT true,
  balance numeric(12,2) CHECK (balance >= 0),
  score double precision,
  ratio real,
  small smallint,
  big bigint,
  code char(3),
  data jsonb,
  doc json,
  blob bytea,
  uid uuid,
  tags text[],
  feeling mood,
  starts time,
  span interval
);
CREATE TABLE orders (
  id bigserial PRIMARY KEY,
  customer_id integer NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
  total numeric(10,2) NOT NULL DEFAULT 0,
  note text,
  CONSTRAINT total_positive CHECK (total >= 0)
);
CREATE TABLE item (
  order_id bigint REFERENCES orders(id) ON DELETE SET NULL,
  line integer GENERATED ALWAYS AS IDENTITY,
  sku text,
  qty integer DEFAULT 1,
  PRIMARY KEY (line),
  UNIQUE (order_id, sku)
);
CREATE SEQUENCE invoice_seq START 100 INCREMENT 5;
CREATE TABLE invoice (no integer DEFAULT nextval('invoice_seq') PRIMARY KEY, amount numeric);
CREATE INDEX orders_note ON orders (note);
CREATE UNIQUE INDEX customer_lower_email ON customer (lower(email));
CREATE INDEX orders_big ON orders (total) WHERE total > 100;
CREATE VIEW big_orders AS SELECT id, customer_id, total FROM orders WHERE total > 100;
COMMENT ON TABLE customer IS 'people who buy';
COMMENT ON COLUMN customer.email IS 'where to write';
CREATE SCHEMA extra;
CREATE TABLE extra.log (id integer PRIMARY KEY, msg text NOT NULL, at timestamptz DEFAULT now());
INSERT INTO customer (email, name, born, created, seen, active, balance, score, ratio, small, big, code, data, doc,
                      blob, uid, tags, feeling, starts, span)
VALUES ('a@x.org', 'Ann', '1990-05-01', '2024-01-02 03:04:05+00', '2024-01-02 03:04:05', true, 10.50, 1.5, 0.25, 3,
        9000000000, 'abc', '{"k": [1, 2]}', '{"a":1}', '\x0102ff', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
        '{x,"y z"}', 'happy', '10:30:00', '1 day 02:00:00'),
       ('b@x.org', 'Bob', NULL, '2024-02-03 04:05:06+00', NULL, false, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
        NULL, NULL, NULL, 'sad', NULL, NULL),
       ('c@x.org', E'tab\there\nnewline \\ back', NULL, '2024-03-04 05:06:07+00', NULL, NULL, NULL, -0.5, NULL, NULL,
        NULL, NULL, NULL, NULL, NULL, NULL, '{}', NULL, NULL, NULL);
INSERT INTO orders (customer_id, total, note) VALUES (1, 150.00, 'first'), (1, 20, NULL), (2, 300, 'big one');
INSERT INTO item (order_id, sku, qty) VALUES (1, 'A', 2), (1, 'B', 1), (3, 'C', 5);
SELECT nextval('invoice_seq');
INSERT INTO invoice (amount) VALUES (12.5), (7);
INSERT INTO extra.log VALUES (1, 'hello', '2024-01-01 00:00:00+00');
"""

TABLES = ["customer", "orders", "item", "invoice", "extra.log"]

# pg_dump invocations compared between the servers; "-Fc" ones are read
# back as text with pg_restore.
DUMPS = {
    "full": [],
    "schema-only": ["--schema-only"],
    "data-only": ["--data-only"],
    "one table": ["-t", "orders"],
    "one schema": ["-n", "extra"],
    "with CREATE DATABASE": ["-C"],
    "INSERT statements": ["--column-inserts"],
    "custom format": ["-Fc"],
}

# Dumps whose text still differs, with the reason; the test fails when one
# of them starts to match (remove it here and in KNOWN_GAPS.md then).
KNOWN_GAPS: dict = {}

NORMALISE = [
    (re.compile(r"^-- Dumped from database version .*$", re.M), "-- Dumped from database version <version>"),
    (re.compile(r"^\\(un)?restrict \S+$", re.M), r"\\\1restrict <key>"),
]


def env_for(dsn: dict, dbname: str) -> dict:
    return {**oracle.clean_env(), "PGHOST": dsn["host"], "PGPORT": str(dsn["port"]), "PGUSER": dsn["user"],
            "PGDATABASE": dbname}


def run(cmd: list, dsn: dict, dbname: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(cmd, input=stdin, capture_output=True, text=True, env=env_for(dsn, dbname), timeout=60)


def psql(dsn: dict, dbname: str, args: list, stdin: str = "") -> str:
    result = run(["psql", "-X", "-q", "-v", "VERBOSITY=sqlstate", *args], dsn, dbname, stdin)
    return result.stdout + result.stderr


def pg_dump(dsn: dict, args: list, archive: Path) -> str:
    if "-Fc" not in args:
        result = run(["pg_dump", *args], dsn, DATABASE)
        return result.stdout + (f"\n[pg_dump failed: {result.stderr}]" if result.returncode else "")
    result = run(["pg_dump", *args, "-f", str(archive)], dsn, DATABASE)
    if result.returncode:
        return f"[pg_dump failed: {result.stderr}]"
    result = run(["pg_restore", "-f", "-", str(archive)], dsn, DATABASE)
    return result.stdout + (f"\n[pg_restore failed: {result.stderr}]" if result.returncode else "")


def normalise(dump: str) -> str:
    for pattern, replacement in NORMALISE:
        dump = pattern.sub(replacement, dump)
    return dump


def rows(dsn: dict, dbname: str) -> str:
    queries = "".join(f"SELECT * FROM {table} ORDER BY 1;\n" for table in TABLES)
    queries += "SELECT * FROM big_orders ORDER BY 1;\n"
    queries += "SELECT last_value, is_called FROM customer_id_seq;\nSELECT last_value FROM invoice_seq;\n"
    queries += "SELECT nextval('item_line_seq');\n"
    return psql(dsn, dbname, ["-A", "-f", "-"], queries)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--litegres", type=Path, required=True)
    args = parser.parse_args()
    postgres = oracle.PostgresServer()
    litegres = oracle.LitegresServer(args.litegres.resolve())
    failed = 0
    try:
        postgres.start()
        litegres.start()
        for server in (postgres, litegres):
            psql(server.dsn, "postgres", ["-c", f"CREATE DATABASE {DATABASE}"])
            setup = psql(server.dsn, DATABASE, ["-v", "ON_ERROR_STOP=1", "-o", "/dev/null", "-f", "-"], SCHEMA)
            if setup.strip():
                print(f"schema failed on {server.label}:\n{setup}")
                return 1
        dumps = {}
        archive = Path(tempfile.mkdtemp(prefix="litegres-pg-dump-")) / "dump"
        for name, dump_args in DUMPS.items():
            want = normalise(pg_dump(postgres.dsn, dump_args, archive))
            got = normalise(pg_dump(litegres.dsn, dump_args, archive))
            dumps[name] = got
            same = want == got
            if name in KNOWN_GAPS:
                if same:
                    failed += 1
                    print(f"FAIL  {name}: known gap now matches PostgreSQL, remove it ({KNOWN_GAPS[name]})")
                else:
                    print(f"gap   {name}: {KNOWN_GAPS[name]}")
                continue
            if same:
                print(f"ok    pg_dump {name}")
                continue
            failed += 1
            diff = difflib.unified_diff(want.splitlines(), got.splitlines(), "postgres", "litegres", lineterm="")
            print(f"FAIL  pg_dump {name}\n" + "\n".join(diff))
        # litegres's dumps restored into PostgreSQL give PostgreSQL's rows:
        # the plain one with psql, the custom-format one with pg_restore.
        want = rows(postgres.dsn, DATABASE)
        psql(postgres.dsn, "postgres", ["-c", "CREATE DATABASE dump_restored", "-c", "CREATE DATABASE dump_pg_restored"])
        restore = psql(postgres.dsn, "dump_restored", ["-v", "ON_ERROR_STOP=1", "-o", "/dev/null", "-f", "-"],
                       dumps["full"])
        run(["pg_dump", "-Fc", "-f", str(archive)], litegres.dsn, DATABASE)
        pg_restore = run(["pg_restore", "--exit-on-error", "-d", "dump_pg_restored", str(archive)], postgres.dsn,
                         "postgres")
        for how, database, errors in (("psql", "dump_restored", restore),
                                      ("pg_restore", "dump_pg_restored", pg_restore.stderr)):
            got = rows(postgres.dsn, database)
            if errors.strip() or want != got:
                failed += 1
                print(f"FAIL  {how} restore of litegres's dump into PostgreSQL\n{errors}\n--- postgres ---\n{want}\n"
                      f"--- restored ---\n{got}")
            else:
                print(f"ok    {how} restore of litegres's dump into PostgreSQL")
        shutil.rmtree(archive.parent, ignore_errors=True)
    finally:
        litegres.stop()
        postgres.stop()
    total = len(DUMPS) + 2
    print(f"{total - failed} passed ({len(KNOWN_GAPS)} known gaps), {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
