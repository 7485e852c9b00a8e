"""Offline translation over argos language packs.

Importing this package is cheap: CTranslate2 and SentencePiece are imported on
first use (``TranslationService.warm_up`` or the first translation), and
argostranslate's own ``translate`` module is never imported (see ct2_backend).
"""

from chatassist.core.translation.ct2_backend import CTranslate2Backend, DecodingOptions
from chatassist.core.translation.errors import (
    BackendError,
    DownloadCancelled,
    InvalidPackError,
    NoPackError,
    PackDownloadError,
    PackError,
    PackNotInstalledError,
    TranslationError,
    UnsupportedLanguageError,
)
from chatassist.core.translation.model import (
    AvailablePair,
    BackTranslation,
    InstalledPack,
    PackSource,
    PackUse,
    ProtectedToken,
    TokenReport,
    Translation,
    TranslationBackend,
    TranslationCache,
    Translator,
)
from chatassist.core.translation.pack_archive import PackLimits
from chatassist.core.translation.pack_index import DEFAULT_INDEX_URL, IndexEntry
from chatassist.core.translation.packs import PackManager, PackScan
from chatassist.core.translation.service import TranslationService

__all__ = [
    "DEFAULT_INDEX_URL",
    "AvailablePair",
    "BackTranslation",
    "BackendError",
    "CTranslate2Backend",
    "DecodingOptions",
    "DownloadCancelled",
    "IndexEntry",
    "InstalledPack",
    "InvalidPackError",
    "NoPackError",
    "PackDownloadError",
    "PackError",
    "PackLimits",
    "PackManager",
    "PackNotInstalledError",
    "PackScan",
    "PackSource",
    "PackUse",
    "ProtectedToken",
    "TokenReport",
    "Translation",
    "TranslationBackend",
    "TranslationCache",
    "TranslationError",
    "TranslationService",
    "Translator",
    "UnsupportedLanguageError",
]
