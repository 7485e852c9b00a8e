"""Persistence: peewee models on SQLite, numbered migrations and repositories.

No Qt here. SQLite-only features (pragmas, FTS5 search, online backup) are
kept in ``sqlite_adapter`` so the models can later run on PostgreSQL.
"""
