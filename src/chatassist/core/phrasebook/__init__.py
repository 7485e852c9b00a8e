"""Phrasebooks: the replies trainers write and agents send.

``model`` holds the dataclasses, ``placeholders`` the ``{name}`` syntax,
``loader`` reads and validates YAML files (reporting every problem with its
line), ``writer`` writes the canonical YAML form.
"""

from chatassist.core.phrasebook.model import Entry, Phrasebook, Variant

__all__ = ["Entry", "Phrasebook", "Variant"]
