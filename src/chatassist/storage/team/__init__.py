"""The team library on PostgreSQL: trainers publish, agents' SQLite replicas sync.

- ``connection``: the libpq URL (never a password in it) and the server connection.
- ``schema``: the server's numbered migrations, its version table, the checks
  (UTF-8, pg_trgm) and the roles/grants that keep agents read-only.
- ``server_models``: the library's peewee models bound to the server.
- ``replica``: what a local data folder remembers of the team (revision, who
  changed an entry, usage not yet uploaded).
- ``publish``, ``sync``, ``usage_upload``: the three things that cross the wire.
"""
