"""Alembic migrations of the review store; lib.store runs them programmatically (no alembic.ini needed)."""
