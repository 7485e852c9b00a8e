"""Typed errors of translation and language packs.

Each message is one line a person can act on; the CLI prints it as is.
"""

from __future__ import annotations

from chatassist.errors import ChatassistError


class TranslationError(ChatassistError):
    """A translation could not be made."""


class UnsupportedLanguageError(TranslationError):
    """A language code that is not one of the customer languages."""


class NoPackError(TranslationError):
    """No installed language pack (direct or through English) covers the pair.

    ``missing`` names the packs that would make the pair work, e.g. ``("translate-en_vi",)``.
    """

    def __init__(self, message: str, source: str, target: str, missing: tuple[str, ...]) -> None:
        super().__init__(message)
        self.source = source
        self.target = target
        self.missing = missing


class BackendError(TranslationError):
    """The translation engine failed on an installed pack (damaged or unsupported model)."""


class PackError(ChatassistError):
    """A language pack operation failed."""


class InvalidPackError(PackError):
    """An ``.argosmodel`` file was refused; nothing was installed."""


class PackNotInstalledError(PackError):
    """Removing or using a pack that is not installed."""


class PackDownloadError(PackError):
    """The pack index or a pack could not be downloaded (offline, not found, too large)."""


class DownloadCancelled(PackError):
    """The user cancelled a download; nothing was installed."""
