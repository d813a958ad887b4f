"""One Settings class; nothing else reads the environment."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Service configuration, from `CONCORD_*` environment variables (and `DATABASE_URL`)."""

    model_config = SettingsConfigDict(env_prefix="CONCORD_", env_file=".env", extra="ignore")

    data_dir: Path = Field(default=Path("./data"), description="Holds the SQLite file and the FAISS index.")
    database_url: str | None = Field(
        default=None,
        validation_alias="DATABASE_URL",
        description="SQLAlchemy URL; default: SQLite in data_dir. E.g. postgresql+psycopg://host/db",
    )
    embedding_dtype: Literal["auto", "float32", "bfloat16"] = Field(
        default="auto", description="auto = bfloat16 where the CPU has AMX, else float32."
    )
    embedding_batch_size: int = 32
    # Matching: a candidate event must lie within this many days of the report's event date.
    match_window_days: int = 7
    match_candidates: int = 20
    # Calibrated match probabilities: at or above `review` a report joins its best event (marked for
    # review below `join`). Unset, the thresholds shipped with the match model apply: train.py chooses them
    # by cross-validation, for the model they were chosen with.
    join_threshold: float | None = Field(default=None, ge=0.0, le=1.0)
    review_threshold: float | None = Field(default=None, ge=0.0, le=1.0)
    # Input limits: a request above them gets a 413/422 naming the limit.
    max_text_chars: int = 100_000
    max_batch_reports: int = 500
    max_body_bytes: int = 20_000_000
    index_save_every: int = 200

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'concord.db').resolve()}"

    @property
    def index_path(self) -> Path:
        return self.data_dir / "index"


@lru_cache
def get_settings() -> Settings:
    return Settings()
