"""Create user_account and post."""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table(
        "user_account",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(50), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
    )
    op.create_table(
        "post",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("user_account.id", ondelete="CASCADE"), nullable=False),
        sa.Column("title", sa.String(100), nullable=False),
        sa.Column("body", sa.Text),
        sa.Column("published", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_post_user_id", "post", ["user_id"])
    op.bulk_insert(sa.table("user_account", sa.column("id", sa.Integer), sa.column("name", sa.String)),
                   [{"id": 1, "name": "ada"}, {"id": 2, "name": "grace"}])
    op.execute("SELECT setval('user_account_id_seq', 2)")


def downgrade():
    op.drop_index("ix_post_user_id", table_name="post")
    op.drop_table("post")
    op.drop_table("user_account")
