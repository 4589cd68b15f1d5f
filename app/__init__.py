"""Samskriv application layer: use cases, unit of work, security, audit, CLI."""
