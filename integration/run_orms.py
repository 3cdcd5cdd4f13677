#!/usr/bin/python3
"""ORM workloads: real ORMs and migration tools (Django, SQLAlchemy + Alembic,
and JavaScript ORMs) run their ordinary work — migrations from scratch with
their own schema introspection, CRUD, relations, aggregates, transactions,
and a schema comparison that must find nothing to change — against a fresh
database in a throwaway PostgreSQL 15 and in litegres; their transcripts must
match.

    /usr/bin/python3 integration/run_orms.py --litegres build/litegres [--orm NAME ...]
"""

import argparse
import difflib
import subprocess
import sys
from pathlib import Path

import psycopg2

import oracle

ORMS_DIR = Path(__file__).resolve().parent / "orms"
JS_DIR = Path(__file__).resolve().parent / "drivers" / "js"
PYTHON = "/usr/bin/python3"

# name ► command; {dsn} is a postgresql:// URL of a fresh database.
ORMS = {
    "django": [PYTHON, str(ORMS_DIR / "django_workload" / "django_workload.py"), "{dsn}"],
    "sqlalchemy": [PYTHON, str(ORMS_DIR / "sqlalchemy_workload" / "sqlalchemy_workload.py"), "{dsn}"],
    "alembic": [PYTHON, str(ORMS_DIR / "alembic_workload" / "alembic_workload.py"), "{dsn}"],
    # The npm packages are those of the JavaScript driver workloads.
    "knex": ["node", str(JS_DIR / "knex_workload.js"), "{dsn}"],
    "sequelize": ["node", str(JS_DIR / "sequelize_workload.js"), "{dsn}"],
    "typeorm": ["node", str(JS_DIR / "typeorm_workload.js"), "{dsn}"],
}

# Workloads whose transcripts are known to differ, with the reason (see
# KNOWN_GAPS.md). A gap must keep differing: once it matches, it fails, so the
# list cannot go stale.
KNOWN_GAPS: dict[str, str] = {
    "typeorm": "information_schema.columns lists no pg_catalog columns, so TypeORM's probe for "
               "pg_class.relispartition fails, it reads the schema the pre-PostgreSQL-10 way and its second "
               "synchronize wants to rebuild every column; dropDatabase needs pg_views",
}
TIMEOUT = 60
DIFF_LINES = 80


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
        # PYTHONDONTWRITEBYTECODE: no __pycache__ in the source tree.
        done = subprocess.run(argv, capture_output=True, text=True, timeout=TIMEOUT, cwd=ORMS_DIR,
                              env={**oracle.clean_env(), "PYTHONDONTWRITEBYTECODE": "1"})
    except subprocess.TimeoutExpired:
        return -1, f"timed out after {TIMEOUT} s"
    return done.returncode, done.stdout + (f"\n[stderr]\n{done.stderr}" if done.returncode != 0 else "")


def main() -> int:
    sys.stdout.reconfigure(line_buffering=True)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--litegres", type=Path, default=Path(__file__).resolve().parent.parent / "build" / "litegres")
    parser.add_argument("--orm", action="append", choices=sorted(ORMS))
    args = parser.parse_args()
    names = args.orm or list(ORMS)
    postgres, litegres = oracle.PostgresServer(), oracle.LitegresServer(args.litegres)
    passed = failed = 0
    try:
        litegres.start()
        postgres.start()
        for name in names:
            db = f"orm_{name}"
            want_rc, want = transcript(ORMS[name], fresh_database(postgres, db))
            got_rc, got = transcript(ORMS[name], fresh_database(litegres, db))
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
                print("\n".join(list(diff)[:DIFF_LINES]))
                print(f"litegres log tail:\n{litegres.log_tail()}")
                failed += 1
    finally:
        litegres.stop()
        postgres.stop()
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
