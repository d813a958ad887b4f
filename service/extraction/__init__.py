"""Text -> claims: figures, perpetrators, places, dates and event types (pure, no I/O at import)."""

from service.extraction.pipeline import extract

__all__ = ["extract"]
