"""Fact Desk library: extraction, storage, charts and export, free of any UI."""
