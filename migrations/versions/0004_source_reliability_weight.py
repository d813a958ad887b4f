"""the reliability reconciliation weighs each source by

`concord learn-reliability` estimates it from how the source's figures held up (truth discovery) and
stores it here; reconciliation then weighs the source's claims by it instead of the prior for its type.
Null until estimated.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 22:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("sources") as batch:
        batch.add_column(sa.Column("reliability", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sources") as batch:
        batch.drop_column("reliability")
