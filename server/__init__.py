"""Samskriv office sync server (FastAPI over SQLAlchemy)."""
