"""Typed errors shared across layers.

Every error a user can cause carries a message that says what is wrong and
where; the CLI prints it on one line and exits 1, the GUI shows it in a dialog.
"""

from __future__ import annotations


class ChatassistError(Exception):
    """Base of every error meant for the user (never a programming error)."""


class UsageError(ChatassistError):
    """The user asked for something that cannot be done as asked (exit code 2)."""
