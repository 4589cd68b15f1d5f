"""Samskriv speech layer: audio sources, Vosk engine, live pipeline, models, dictation, batch.

No Qt and no database here; the app layer injects sinks and callbacks.
"""
