"""Alembic environment of the workload: online migrations over the
connection the workload passes in config.attributes, against the model of
models.py."""

from alembic import context

from models import head_metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=head_metadata(), compare_type=True,
                  compare_server_default=True)
with context.begin_transaction():
    context.run_migrations()
