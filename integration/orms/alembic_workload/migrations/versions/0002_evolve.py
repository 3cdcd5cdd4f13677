"""Add columns, widen a type, add constraints and an index, migrate data."""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("user_account", sa.Column("email", sa.String(100), nullable=True))
    op.add_column("user_account", sa.Column("karma", sa.Integer, nullable=False, server_default=sa.text("0")))
    op.create_unique_constraint("user_account_email_key", "user_account", ["email"])
    op.execute("UPDATE user_account SET email = name || '@example.org'")
    op.alter_column("post", "title", type_=sa.String(200), existing_type=sa.String(100), existing_nullable=False)
    op.add_column("post", sa.Column("rating", sa.Numeric(4, 1)))
    op.create_check_constraint("post_rating_check", "post", "rating >= 0")
    op.create_index("ix_post_published_title", "post", ["published", "title"])


def downgrade():
    op.drop_index("ix_post_published_title", table_name="post")
    op.drop_constraint("post_rating_check", "post", type_="check")
    op.drop_column("post", "rating")
    op.alter_column("post", "title", type_=sa.String(100), existing_type=sa.String(200), existing_nullable=False)
    op.drop_constraint("user_account_email_key", "user_account", type_="unique")
    op.drop_column("user_account", "karma")
    op.drop_column("user_account", "email")
