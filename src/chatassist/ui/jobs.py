"""The sidebar's background jobs. Each function takes plain data (and the service
to call) and returns a callable for ``Worker.run_task``; none touches a widget.
Expected failures (no language pack) come back as data, not exceptions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from chatassist.core.assist import Analysis, CustomerContext
from chatassist.core.detection import ConversationLanguage
from chatassist.core.playbook.response_clock import ResponseTime
from chatassist.core.suggestions import CustomerProfile, Suggestion
from chatassist.core.translation.codes import PIVOT
from chatassist.core.translation.errors import NoPackError, TranslationError
from chatassist.ui.backend import AssistantLike, Backend, ResponseSink, TranslatorLike, UsageSink

SEARCH_LIMIT = 20


def analyze(
    assistant: AssistantLike,
    text: str,
    customer: CustomerContext,
    conversation: ConversationLanguage,
    agent_language: str,
    limit: int,
) -> Callable[[], tuple[Analysis, ConversationLanguage]]:
    def run() -> tuple[Analysis, ConversationLanguage]:
        analysis = assistant.analyze(
            text,
            customer,
            conversation=conversation,
            agent_language=agent_language,
            limit=limit,
        )
        return analysis, conversation

    return run


@dataclass(frozen=True)
class Translated:
    """A translation, or why there is none (``missing`` packs, or an error)."""

    source: str
    target: str
    text: str = ""
    route: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    error: str = ""

    @property
    def problem(self) -> str:
        return no_translation_note(self)


def _would_route(source: str, target: str) -> tuple[str, ...]:
    if PIVOT in (source, target):
        return (source, target)
    return (source, PIVOT, target)


def translate(
    translator: TranslatorLike,
    text: str,
    source: str,
    target: str,
    glossary: Sequence[str] = (),
    country: str | None = None,
) -> Callable[[], Translated]:
    def run() -> Translated:
        try:
            t = translator.translate(text, source, target, glossary=glossary, country=country)
        except NoPackError as exc:
            return Translated(
                source, target, route=_would_route(source, target), missing=exc.missing
            )
        except TranslationError as exc:
            return Translated(source, target, route=_would_route(source, target), error=str(exc))
        return Translated(source, target, text=t.text, route=t.route)

    return run


def search(
    backend: Backend, query: str, profile: CustomerProfile, agent_language: str
) -> Callable[[], list[Suggestion]]:
    def run() -> list[Suggestion]:
        hits = backend.library.search(query, limit=SEARCH_LIMIT)
        engine = backend.assistant.engine
        found = (engine.present(h.entry_id, profile, agent_language) for h in hits)
        return [s for s in found if s is not None]

    return run


def record_use(
    usage: UsageSink, entry_id: str, language: str, tone: str, region: str
) -> Callable[[], None]:
    def run() -> None:
        usage.record(entry_id, language, tone, region)

    return run


def record_response(
    responses: ResponseSink, response: ResponseTime, session: str
) -> Callable[[], None]:
    def run() -> None:
        responses.record(response, session)

    return run


# -- notes shown to the agent (UI thread) -------------------------------------------


def route_text(route: tuple[str, ...]) -> str:
    return "→".join(route)


def route_note(result: Translated) -> str:
    if set(result.route) == {"zh-Hans", "zh-Hant"}:
        return QCoreApplication.translate("Jobs", "Script conversion (%1, no translation)").replace(
            "%1", route_text(result.route)
        )
    return QCoreApplication.translate("Jobs", "Machine translation (%1)").replace(
        "%1", route_text(result.route)
    )


def _download_command(pack: str) -> str:
    """'translate-es_en' -> 'chatassist packs download es en'."""
    pair = pack.removeprefix("translate-").split("_")
    return "chatassist packs download " + " ".join(pair) if len(pair) == 2 else pack


def no_translation_note(result: Translated) -> str:
    if result.missing:
        packs = ", ".join(result.missing)
        commands = "; ".join(_download_command(p) for p in result.missing)
        return (
            QCoreApplication.translate(
                "Jobs", "No translation: language pack %1 is missing (route %2). Install: %3"
            )
            .replace("%1", packs)
            .replace("%2", route_text(result.route))
            .replace("%3", commands)
        )
    if result.error:
        return QCoreApplication.translate("Jobs", "Translation failed: %1").replace(
            "%1", result.error
        )
    return ""
