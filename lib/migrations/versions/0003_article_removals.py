"""Removing an article from the desk: the article is hidden, never deleted, and each removal is recorded.

`articles.removed_at` / `removed_by` mark an article taken off the desk (lists, corpus and
"all articles" exports leave it out); its items and their review history stay as they
were, so loading the same text again brings the article back with every review. Each
removal is also a row of `article_removals` (who, when, the title then), which loading
the article again never erases.

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("articles", sa.Column("removed_at", sa.DateTime(timezone=True)))
    op.add_column("articles", sa.Column("removed_by", sa.Text))
    op.create_table(
        "article_removals",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("analyst", sa.Text, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_article_removals_article", "article_removals", ["article_id"])


def downgrade() -> None:
    op.drop_index("ix_article_removals_article", table_name="article_removals")
    op.drop_table("article_removals")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("removed_by")
        batch.drop_column("removed_at")
