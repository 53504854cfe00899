"""First schema: articles, extracted items and the append-only review history.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("title", sa.Text, nullable=False, server_default=""),
        sa.Column("lang", sa.String(16)),
        sa.Column("published", sa.Date),
        sa.Column("source", sa.Text, nullable=False, server_default=""),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("boilerplate", sa.JSON, nullable=False),
        sa.Column("engine_version", sa.String(32), nullable=False, server_default=""),
        sa.Column("fingerprint", sa.String(64), nullable=False, server_default=""),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("extracted_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "items",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("span_start", sa.Integer),
        sa.Column("span_end", sa.Integer),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("sentence", sa.Text, nullable=False, server_default=""),
        sa.Column("fields", sa.JSON, nullable=False),
        sa.Column("origin", sa.String(16), nullable=False, server_default="extracted"),
        sa.Column("orphaned", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("added_by", sa.Text, nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_items_article_kind_start", "items", ["article_id", "kind", "span_start"])
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("item_id", sa.String(64), sa.ForeignKey("items.id"), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("evidence", sa.JSON, nullable=False),
        sa.Column("analyst", sa.Text, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        # Two analysts saving against the same version: the database itself lets only one win.
        sa.UniqueConstraint("item_id", "version", name="uq_reviews_item_version"),
    )


def downgrade() -> None:
    op.drop_table("reviews")
    op.drop_index("ix_items_article_kind_start", table_name="items")
    op.drop_table("items")
    op.drop_table("articles")
