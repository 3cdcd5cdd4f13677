#!/usr/bin/python3
"""COPY FROM STDIN / TO STDOUT through real psql, against litegres and a
throwaway real PostgreSQL 15: each script's output (stdout and stderr, with
SQLSTATEs) must be the same from both servers.

    /usr/bin/python3 integration/test_copy.py --litegres build/litegres
"""

import argparse
import subprocess
import sys
from pathlib import Path

import oracle

# Each script runs in a fresh database, as one psql session.
SCRIPTS = {
    "text format round trip": r"""
CREATE TABLE cp (id integer PRIMARY KEY, name text, n numeric(6,2), d date, ok boolean);
COPY cp FROM STDIN;
1	ann	1.5	2024-01-01	t
2	\N	\N	\N	\N
3	tab\there	-2	2024-02-03	f
4	back\\slash\nnewline	0.005	2024-03-04	true
\.
SELECT * FROM cp ORDER BY id;
COPY cp TO STDOUT;
COPY cp (id, name) TO STDOUT;
COPY (SELECT id, n * 2 AS twice FROM cp WHERE n IS NOT NULL ORDER BY id) TO STDOUT;
""",
    "csv with header, quotes and NULLs": r'''
CREATE TABLE cv (id integer, label text, note varchar(10));
COPY cv FROM STDIN WITH (FORMAT csv, HEADER true);
id,label,note
1,"a, b","say ""hi"""
2,,""
3,"multi
line",x
\.
SELECT id, label, note, note IS NULL AS note_null, label IS NULL AS label_null FROM cv ORDER BY id;
COPY cv TO STDOUT WITH (FORMAT csv, HEADER);
COPY cv TO STDOUT WITH CSV;
COPY cv (id) FROM STDIN WITH (FORMAT csv, DELIMITER ';');
10
\.
SELECT count(*) FROM cv;
''',
    "errors roll the whole COPY back": r"""
CREATE TABLE ce (id integer PRIMARY KEY, n integer NOT NULL);
COPY ce FROM STDIN;
1	10
2	x
\.
COPY ce FROM STDIN;
1	10
1	11
\.
COPY ce FROM STDIN;
1	10	extra
\.
COPY ce FROM STDIN;
1
\.
COPY ce FROM STDIN;
5	\N
\.
SELECT count(*) FROM ce;
COPY nosuch FROM STDIN;
COPY ce (nosuch) FROM STDIN;
COPY ce TO STDOUT WITH (FORMAT binary);
COPY ce FROM STDIN;
7	70
\.
SELECT * FROM ce;
""",
    "binary COPY TO": r"""
CREATE TABLE cb (a smallint, b integer, c bigint, d double precision, e text, f boolean, g numeric(6,2),
                 h date, i timestamp, j uuid, k bytea, l jsonb);
INSERT INTO cb VALUES (1, -2, 3000000000, 1.5, 'héllo', true, 12.5, '2024-02-29', '2024-01-02 03:04:05.678',
                       'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '\x00ff', '{"k": [1, 2]}'),
                      (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
COPY cb TO STDOUT WITH (FORMAT binary);
COPY (SELECT b, e FROM cb WHERE a = 1) TO STDOUT (FORMAT binary);
""",
    "COPY inside a transaction block": r"""
CREATE TABLE ct (id integer);
BEGIN;
COPY ct FROM STDIN;
1
2
\.
SELECT count(*) FROM ct;
ROLLBACK;
SELECT count(*) FROM ct;
BEGIN;
COPY ct FROM STDIN;
3
\.
COMMIT;
SELECT * FROM ct;
""",
}


def run_psql(dsn: dict, dbname: str, script: str) -> str:
    env = {**oracle.clean_env(), "PGHOST": dsn["host"], "PGPORT": str(dsn["port"]), "PGUSER": dsn["user"],
           "PGDATABASE": dbname}
    result = subprocess.run(["psql", "-X", "-q", "-v", "VERBOSITY=sqlstate", "-f", "-"], input=script,
                            capture_output=True, text=True, errors="backslashreplace", env=env, timeout=60)
    return result.stdout + "\n-- stderr --\n" + result.stderr.replace("psql:<stdin>:", "line ")


def create_database(dsn: dict, name: str) -> None:
    env = {**oracle.clean_env(), "PGHOST": dsn["host"], "PGPORT": str(dsn["port"]), "PGUSER": dsn["user"],
           "PGDATABASE": "postgres"}
    subprocess.run(["psql", "-X", "-q", "-c", f"CREATE DATABASE {name}"], env=env, check=True,
                   capture_output=True, timeout=30)


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
        for index, (name, script) in enumerate(SCRIPTS.items()):
            dbname = f"copy_case_{index}"
            create_database(postgres.dsn, dbname)
            create_database(litegres.dsn, dbname)
            want = run_psql(postgres.dsn, dbname, script)
            got = run_psql(litegres.dsn, dbname, script)
            if want == got:
                print(f"ok    {name}")
                continue
            failed += 1
            print(f"FAIL  {name}\n--- postgres ---\n{want}\n--- litegres ---\n{got}")
    finally:
        litegres.stop()
        postgres.stop()
    print(f"{len(SCRIPTS) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
