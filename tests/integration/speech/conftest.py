"""Real-model fixtures for the speech integration tests."""

from tests.support.vosk_models import ko_model, ko_model_dir  # noqa: F401
