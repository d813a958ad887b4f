"""Alembic migrations: the only way Concord's schema is created or changed."""
