"""Articles come back to the desk by hand, and what an analyst types is kept until it is saved.

`article_removals.action` says whether a row took the article off the desk ("removed", every
row before this revision) or put it back ("restored"): the table is the desk's history, and its
latest id is part of the store's stamp, so every open dashboard notices either.

`drafts` holds, per analyst and item, a note or evidence typed but not yet saved (and an edit
that met a colleague's save, until the analyst chooses): a browser reload, a closed tab or a
crash of the page loses none of it. A draft is private to its analyst and never part of the
review history; saving the review deletes it.

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("article_removals",
                  sa.Column("action", sa.String(16), nullable=False, server_default="removed"))
    op.create_table(
        "drafts",
        sa.Column("analyst", sa.Text, primary_key=True),
        sa.Column("item_id", sa.String(64), sa.ForeignKey("items.id"), primary_key=True),
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("evidence", sa.Text),
        sa.Column("status", sa.String(32)),
        sa.Column("base_version", sa.Integer, nullable=False),
        sa.Column("conflict", sa.Boolean, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_drafts_analyst_article", "drafts", ["analyst", "article_id"])


def downgrade() -> None:
    op.drop_index("ix_drafts_analyst_article", table_name="drafts")
    op.drop_table("drafts")
    with op.batch_alter_table("article_removals") as batch:
        batch.drop_column("action")
