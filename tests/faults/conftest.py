"""The fault-injection suite: real processes killed, real files, real limits."""

from translation_fixtures import tiny_packs_fixture  # noqa: F401
