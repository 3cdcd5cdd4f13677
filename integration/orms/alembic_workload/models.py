"""The model Alembic compares with the database after `upgrade head`: the
schema that migrations 0001 and 0002 build, so autogenerate must find no
change; and a changed copy of it, whose differences autogenerate must find."""

import sqlalchemy as sa


def head_metadata(changed: bool = False) -> sa.MetaData:
    metadata = sa.MetaData()
    sa.Table(
        "user_account", metadata,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(50), nullable=False),
        sa.Column("email", sa.String(100), nullable=True),
        sa.Column("karma", sa.Integer, nullable=False, server_default=sa.text("0")),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.UniqueConstraint("email", name="user_account_email_key"),
    )
    sa.Table(
        "post", metadata,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("user_account.id", ondelete="CASCADE"), nullable=False),
        sa.Column("title", sa.String(200 if not changed else 300), nullable=False),
        sa.Column("body", sa.Text),
        sa.Column("published", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("rating", sa.Numeric(4, 1) if not changed else sa.Numeric(5, 2)),
        sa.CheckConstraint("rating >= 0", name="post_rating_check"),
        sa.Index("ix_post_user_id", "user_id"),
        sa.Index("ix_post_published_title", "published", "title", unique=changed),
        *([sa.Column("slug", sa.String(80), nullable=True)] if changed else []),
    )
    if changed:
        sa.Table("tag", metadata, sa.Column("id", sa.Integer, primary_key=True), sa.Column("name", sa.Text))
    return metadata
