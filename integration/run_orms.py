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
import sys
from pathlib import Path

import workload_comparison

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--litegres", type=Path, default=Path(__file__).resolve().parent.parent / "build" / "litegres")
    parser.add_argument("--orm", action="append", choices=sorted(ORMS))
    args = parser.parse_args()
    return workload_comparison.compare(args.litegres, ORMS, args.orm or list(ORMS), KNOWN_GAPS, "orm_", ORMS_DIR,
                                       TIMEOUT, DIFF_LINES)


if __name__ == "__main__":
    sys.exit(main())
