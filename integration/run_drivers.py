#!/usr/bin/python3
"""Driver workloads: each real client driver runs the same ordinary workload
(schema, parameters of every type in text and binary, fetch back, update,
delete, transactions with rollback, a unique violation caught as the driver's
own exception, row-limited fetches where the driver has them) against a
throwaway PostgreSQL 15 and against litegres; their transcripts must match.

    /usr/bin/python3 integration/run_drivers.py --litegres build/litegres [--driver NAME ...]
"""

import argparse
import sys
from pathlib import Path

import workload_comparison

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
DIFF_LINES = 60


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--litegres", type=Path, default=Path(__file__).resolve().parent.parent / "build" / "litegres")
    parser.add_argument("--driver", action="append", choices=sorted(DRIVERS))
    args = parser.parse_args()
    return workload_comparison.compare(args.litegres, DRIVERS, args.driver or sorted(DRIVERS), KNOWN_GAPS, "drv_",
                                       DRIVERS_DIR, TIMEOUT, DIFF_LINES)


if __name__ == "__main__":
    sys.exit(main())
