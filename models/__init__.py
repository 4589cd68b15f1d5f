"""Samskriv data model: SQLAlchemy 2 typed ORM, migrations and wire formats."""
