"""Store stage: the embedded SQLite database."""

from claimscope.store.sqlite import (
    DB_ENV,
    Store,
    default_db_path,
    list_migrations,
    statement_from_row,
)

__all__ = ["DB_ENV", "Store", "default_db_path", "list_migrations", "statement_from_row"]
