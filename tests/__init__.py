"""Samskriv test suite."""
