"""Alembic 1.8 workload: `upgrade head` from scratch, autogenerate's
comparison of the model with the upgraded database (must find nothing), the
same comparison against a changed model (must find exactly its changes),
then `downgrade` step by step and `upgrade` again, reflecting the schema at
each step. Prints a transcript that must be the same against PostgreSQL 15
and litegres.

    /usr/bin/python3 alembic_workload.py postgresql://USER@HOST:PORT/DATABASE
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import sqlalchemy as sa  # noqa: E402
from alembic import command  # noqa: E402
from alembic.autogenerate import compare_metadata  # noqa: E402
from alembic.config import Config  # noqa: E402
from alembic.migration import MigrationContext  # noqa: E402

from models import head_metadata  # noqa: E402


def show(label, value) -> None:
    print(f"{label}: {value}")


def run(engine, action, *args) -> None:
    with engine.begin() as connection:
        config = Config()
        config.set_main_option("script_location", str(HERE / "migrations"))
        config.attributes["connection"] = connection
        action(config, *args)
    with engine.connect() as connection:
        show(f"{action.__name__} {' '.join(args)} ► version",
             MigrationContext.configure(connection).get_current_revision())
    schema(engine)


def schema(engine) -> None:
    inspector = sa.inspect(engine)
    for table in sorted(inspector.get_table_names()):
        columns = [(c["name"], str(c["type"]), c["nullable"], c["default"]) for c in inspector.get_columns(table)]
        show(f"  {table} columns", columns)
        show(f"  {table} indexes", sorted((i["name"], i["column_names"], i["unique"])
                                          for i in inspector.get_indexes(table)))
        show(f"  {table} uniques", sorted((u["name"], u["column_names"])
                                          for u in inspector.get_unique_constraints(table)))
        show(f"  {table} checks", sorted((c["name"], c["sqltext"]) for c in inspector.get_check_constraints(table)))
        show(f"  {table} fks", [(f["name"], f["constrained_columns"], f["referred_table"], f["options"])
                                for f in inspector.get_foreign_keys(table)])


def describe(diff) -> str:
    """One autogenerate difference without object reprs (they hold ids)."""
    if isinstance(diff, list):
        return "; ".join(describe(d) for d in diff)
    kind, *rest = diff
    parts = []
    for part in rest:
        if isinstance(part, sa.Table):
            parts.append(f"table {part.name}")
        elif isinstance(part, sa.Column):
            parts.append(f"column {part.name} {part.type}")
        elif isinstance(part, (sa.Index, sa.UniqueConstraint)):
            parts.append(f"{type(part).__name__} {part.name} {[c.name for c in part.columns]}")
        elif isinstance(part, dict):
            parts.append(str(sorted((k, str(v)) for k, v in part.items())))
        else:
            parts.append(str(part))
    return f"{kind} {' '.join(parts)}"


def compare(engine, label: str, changed: bool) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True,
                                                               "compare_server_default": True})
        diffs = compare_metadata(context, head_metadata(changed))
    show(label, sorted(describe(d) for d in diffs))


def main(dsn: str) -> None:
    engine = sa.create_engine(dsn.replace("postgresql://", "postgresql+psycopg2://"), future=True)
    run(engine, command.upgrade, "head")
    with engine.connect() as connection:
        show("data", connection.execute(sa.text("SELECT id, name, email, karma FROM user_account ORDER BY id")).all())
    compare(engine, "autogenerate after upgrade", changed=False)
    compare(engine, "autogenerate against a changed model", changed=True)
    run(engine, command.downgrade, "-1")
    run(engine, command.downgrade, "base")
    run(engine, command.upgrade, "head")
    compare(engine, "autogenerate after downgrade and upgrade", changed=False)


if __name__ == "__main__":
    main(sys.argv[1])
