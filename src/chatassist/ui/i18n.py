"""The interface language: English (the source strings) or Simplified Chinese.

The ``ui_language`` setting wins; "system" follows the system locale (any
Chinese locale gets the Simplified Chinese interface, the only Chinese one we
ship). Translations are compiled from ``translations/*.ts`` by
``python -m chatassist.ui.i18n_build``; without the compiled file the
interface stays in English.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"
#: Qt locale names we ship a translation for, by the ``ui_language`` setting's value.
SHIPPED = {"zh-Hans": "zh_CN"}


def chosen_language(setting: str, system_locale: str | None = None) -> str:
    """The interface language for a ``ui_language`` setting: "en" or "zh-Hans"."""
    if setting in ("en", "zh-Hans"):
        return setting
    name = system_locale if system_locale is not None else QLocale.system().name()
    return "zh-Hans" if name.lower().startswith("zh") else "en"


def qm_path(language: str, folder: Path = TRANSLATIONS_DIR) -> Path | None:
    locale = SHIPPED.get(language)
    return folder / f"chatassist_{locale}.qm" if locale else None


def install_translators(app: QCoreApplication, setting: str) -> tuple[str, list[QTranslator]]:
    """Install our translation (and Qt's own for standard buttons) on ``app``.

    Returns the language in use ("en" when the compiled file is missing) and the
    translators, which the caller keeps alive.
    """
    language = chosen_language(setting)
    path = qm_path(language)
    if path is None:
        return "en", []
    ours = QTranslator(app)
    if not ours.load(str(path)):
        log.info("no compiled translation at %s; run python -m chatassist.ui.i18n_build", path)
        return "en", []
    app.installTranslator(ours)
    installed = [ours]
    qt_own = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(f"qtbase_{SHIPPED[language]}", qt_dir):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    return language, installed
