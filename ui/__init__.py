"""Samskriv desktop user interface (PySide6): the only package that imports Qt."""
