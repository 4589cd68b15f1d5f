from tests.support.whisper_models import whisper_base_dir, whisper_tiny_en_dir  # noqa: F401
