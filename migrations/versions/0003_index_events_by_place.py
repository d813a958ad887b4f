"""index events by normalised place and date

The matcher looks up, for every report, the latest events at the report's place in a long date
window. Without this index the lookup walked every event in the window (most of the store).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 14:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_events_place_date", "events", [sa.text("lower(place_name)"), "date"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_events_place_date", table_name="events")
