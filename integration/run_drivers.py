#!/usr/bin/python3
"""Driver workloads: each real client driver runs the same ordinary workload
(schema, parameters of every type in text and binary, fetch back, update,
delete, transactions with rollback, a unique violation caught as the driver's
own exception, row-limited fetches where the driver has them) against a
throwaway PostgreSQL 15 and against litegres; their transcripts must match.

    /usr/bin/python3 integration/run_drivers.py --litegres build/litegres [--driver NAME ...]
"""

import argparse
import difflib
import subprocess
import sys
from pathlib import Path

import psycopg2

import oracle

DRIVERS_DIR = Path(__file__).resolve().parent / "drivers"
PYTHON = "/usr/bin/python3"

# name ► command; {dsn} is a postgresql:// URL.
DRIVERS = {
    "psycopg2": [PYTHON, str(DRIVERS_DIR / "psycopg2_workload.py"), "{dsn}"],
    "psycopg3": [PYTHON, str(DRIVERS_DIR / "psycopg3_workload.py"), "{dsn}"],
    "asyncpg": [PYTHON, str(DRIVERS_DIR / "asyncpg_workload.py"), "{dsn}"],
    "pg8000": [PYTHON, str(DRIVERS_DIR / "pg8000_workload.py"), "{dsn}"],
    "node_pg": ["node", str(DRIVERS_DIR / "js" / "pg_workload.js"), "{dsn}"],
    "postgresjs": ["node", str(DRIVERS_DIR / "js" / "postgresjs_workload.js"), "{dsn}"],
    # Compiled into a temp dir per run, never into the source tree.
    "libpq": ["bash", "-c", 'd=$(mktemp -d) && cc -o "$d/libpq_workload" "$1" -I"$(pg_config --includedir)" -lpq'
              ' && "$d/libpq_workload" "$2"; rc=$?; rm -rf "$d"; exit $rc',
              "libpq", str(DRIVERS_DIR / "libpq_workload.c"), "{dsn}"],
    "ruby_pg": ["ruby", str(DRIVERS_DIR / "ruby_pg_workload.rb"), "{dsn}"],
    "php_pdo": ["php", str(DRIVERS_DIR / "php_pdo_workload.php"), "{dsn}"],
    # Go in GOPATH mode over Debian's packaged modules; `go run` caches builds.
    "pgx": ["bash", "-c", 'cd "$0" && GO111MODULE=off GOPATH=/usr/share/gocode exec /usr/bin/go run . "$1"',
            str(DRIVERS_DIR / "go" / "pgx_workload"), "{dsn}"],
    "lib_pq": ["bash", "-c", 'cd "$0" && GO111MODULE=off GOPATH=/usr/share/gocode exec /usr/bin/go run . "$1"',
               str(DRIVERS_DIR / "go" / "libpq_workload"), "{dsn}"],
    "jdbc": ["/usr/bin/java", "-cp", "/usr/share/java/postgresql.jar", str(DRIVERS_DIR / "java" / "JdbcWorkload.java"),
             "{dsn}"],
    # Built ahead by the install step (run.sh --build): a cold build takes minutes.
    "tokio_postgres": ["bash", str(DRIVERS_DIR / "rust" / "tokio_postgres_workload" / "run.sh"), "{dsn}"],
}

# Drivers whose transcripts are known to differ, with the reason (see
# KNOWN_GAPS.md). A gap must keep differing: once it matches, it fails, so the
# list cannot go stale.
KNOWN_GAPS: dict[str, str] = {}
TIMEOUT = 60


def fresh_database(server, name: str) -> str:
    conn = psycopg2.connect(**server.dsn)
    conn.autocommit = True
    cur = conn.cursor()
    cur.execute(f"DROP DATABASE IF EXISTS {name}")
    cur.execute(f"CREATE DATABASE {name}")
    conn.close()
    return f"postgresql://postgres@127.0.0.1:{server.port}/{name}"


def transcript(command: list[str], dsn: str) -> tuple[int, str]:
    argv = [part.replace("{dsn}", dsn) for part in command]
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=TIMEOUT, env=oracle.clean_env(),
                              cwd=DRIVERS_DIR)
    except subprocess.TimeoutExpired:
        return -1, f"timed out after {TIMEOUT} s"
    return done.returncode, done.stdout + (f"\n[stderr]\n{done.stderr}" if done.returncode != 0 else "")


def main() -> int:
    sys.stdout.reconfigure(line_buffering=True)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--litegres", type=Path, default=Path(__file__).resolve().parent.parent / "build" / "litegres")
    parser.add_argument("--driver", action="append", choices=sorted(DRIVERS))
    args = parser.parse_args()
    names = args.driver or sorted(DRIVERS)
    postgres, litegres = oracle.PostgresServer(), oracle.LitegresServer(args.litegres)
    passed = failed = 0
    try:
        litegres.start()
        postgres.start()
        for name in names:
            db = f"drv_{name}"
            want_rc, want = transcript(DRIVERS[name], fresh_database(postgres, db))
            got_rc, got = transcript(DRIVERS[name], fresh_database(litegres, db))
            matched = got_rc == want_rc and got == want
            if want_rc != 0:
                print(f"{name}: the workload fails against PostgreSQL itself:\n{want}")
                failed += 1
            elif name in KNOWN_GAPS:
                if matched:
                    print(f"{name}: FAILED: known gap now matches PostgreSQL; remove it from KNOWN_GAPS")
                    failed += 1
                else:
                    print(f"{name}: known gap: {KNOWN_GAPS[name]}")
                    passed += 1
            elif matched:
                print(f"{name}: passed ({len(want.splitlines())} transcript lines)")
                passed += 1
            else:
                print(f"{name}: FAILED")
                diff = difflib.unified_diff(want.splitlines(), got.splitlines(), "postgres", "litegres", lineterm="")
                print("\n".join(list(diff)[:60]))
                failed += 1
    finally:
        litegres.stop()
        postgres.stop()
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
