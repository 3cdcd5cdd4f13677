#!/usr/bin/python3
"""psql's describe commands (\\d, \\d+, \\di, \\l, \\du, \\dx, \\sv, ...) against
litegres and a throwaway real PostgreSQL 15, over the same schema: psql's
output of each command must be the same from both servers.

What is normalised, because it must differ:
  - sizes (\\di+, \\l+): SQLite pages are not PostgreSQL's 8 kB heap pages, so
    a "Size" cell becomes <size>;
  - \\l lists only the test's own database (\\l NAME): PostgreSQL's cluster also
    has template0 and template1, which litegres does not have;
  - \\l+'s Description: PostgreSQL comments its own databases.

    /usr/bin/python3 integration/test_psql_describe.py --litegres build/litegres
"""

import argparse
import re
import subprocess
import sys
from pathlib import Path

import oracle

DATABASE = "describe_case"

SCHEMA = """
CREATE TABLE parent (id serial PRIMARY KEY, name text NOT NULL UNIQUE);
CREATE TABLE t (
  id integer PRIMARY KEY,
  a integer UNIQUE,
  b text NOT NULL DEFAULT 'x',
  c numeric(10,2) CHECK (c > 0),
  created timestamptz DEFAULT now(),
  parent_id integer REFERENCES parent(id) ON DELETE CASCADE,
  code integer GENERATED ALWAYS AS IDENTITY
);
CREATE TABLE pair (x integer, y integer, note varchar(20), PRIMARY KEY (x, y),
  CONSTRAINT pair_sum CHECK (x + y > 1 AND note <> 'none'),
  CHECK (x * 2 + 1 > y - (x - 1) OR NOT (y = 3) OR x IN (1, 2) OR note IS NULL OR y > -1));
CREATE INDEX t_b_partial ON t (b) WHERE c > 10;
CREATE INDEX t_lower_b ON t (lower(b));
CREATE UNIQUE INDEX t_a_b ON t (a, b);
CREATE INDEX pair_expr ON pair ((x + y));
CREATE VIEW v AS SELECT id, b FROM t WHERE a > 1;
CREATE SEQUENCE seq START 5 INCREMENT 2;
COMMENT ON TABLE t IS 'the table';
COMMENT ON COLUMN t.b IS 'column b';
"""

COMMANDS = [
    r"\d", r"\d t", r"\d+ t", r"\d parent", r"\d pair", r"\d t_pkey", r"\d t_lower_b", r"\d t_b_partial",
    r"\d pair_expr", r"\d seq", r"\d parent_id_seq", r"\d t_code_seq", r"\d v", r"\d+ v", r"\sv v",
    r"\d+", r"\d+ parent", r"\d+ pair", r"\d+ t_pkey", r"\d+ seq", r"\di", r"\di+", r"\dt+", r"\dv", r"\dv+",
    r"\ds", r"\ds+", r"\dn", r"\du", r"\du+", r"\dg", r"\dT", r"\df", r"\dfa", r"\dx", r"\dp", r"\z", r"\db",
    r"\dO", r"\dE", r"\dm", r"\dD", r"\dA", r"\dP", r"\dRp",
    rf"\l {DATABASE}", rf"\l+ {DATABASE}",
]

SIZE = re.compile(r"\b\d+ (bytes|kB|MB)\b")


def psql(dsn: dict, dbname: str, args: list, stdin: str = "") -> str:
    env = {**oracle.clean_env(), "PGHOST": dsn["host"], "PGPORT": str(dsn["port"]), "PGUSER": dsn["user"],
           "PGDATABASE": dbname}
    result = subprocess.run(["psql", "-X", "-q", "-v", "VERBOSITY=sqlstate", *args], input=stdin,
                            capture_output=True, text=True, env=env, timeout=60)
    return result.stdout + result.stderr


def normalise(command: str, output: str) -> str:
    lines = output.splitlines()
    if "+" in command.split()[0]:
        lines = [SIZE.sub("<size>", line) for line in lines]
    if command.startswith(r"\l+"):
        # The last column is the database's description.
        lines = [line.rsplit("|", 1)[0] if line.count("|") >= 10 else line for line in lines]
    # Column widths follow the (normalised) contents.
    return "\n".join(re.sub(r"[ -]+", " ", line).rstrip() for line in lines)


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
            setup = psql(server.dsn, DATABASE, ["-v", "ON_ERROR_STOP=1", "-f", "-"], SCHEMA)
            if setup.strip():
                print(f"schema failed on {server.label}:\n{setup}")
                return 1
        for command in COMMANDS:
            want = psql(postgres.dsn, DATABASE, ["-c", command])
            got = psql(litegres.dsn, DATABASE, ["-c", command])
            if normalise(command, want) == normalise(command, got):
                print(f"ok    {command}")
                continue
            failed += 1
            print(f"FAIL  {command}\n--- postgres ---\n{want}\n--- litegres ---\n{got}")
    finally:
        litegres.stop()
        postgres.stop()
    print(f"{len(COMMANDS) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
