"""Alembic migrations of the local store and the server database."""
