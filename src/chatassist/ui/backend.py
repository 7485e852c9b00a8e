"""What the sidebar works with, as narrow interfaces, and how to load it from ``App``.

The sidebar never builds services itself: ``launch()`` loads a :class:`Backend`
in a worker (opening the database, importing the bundled phrasebooks on first
start, building the assistant and warming up detection take a few seconds) and
hands it over; tests build one from fakes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TypeAlias

from chatassist.core.translation.model import Translator

if TYPE_CHECKING:
    from chatassist.app import App
    from chatassist.core.assist import Analysis, CustomerContext
    from chatassist.core.detection import ConversationLanguage, Detection
    from chatassist.core.playbook.response_clock import ResponseTime
    from chatassist.core.regions import RegionConfig
    from chatassist.core.suggestions import CustomerProfile, Suggestion
    from chatassist.storage.library import SearchHit


class SuggestionSource(Protocol):
    def present(
        self, entry_id: str, customer: CustomerProfile, agent_language: str = ...
    ) -> Suggestion | None: ...

    def add_use(self, entry_id: str) -> None: ...


class AssistantLike(Protocol):
    """``core.assist.Assistant`` as the sidebar uses it."""

    @property
    def engine(self) -> SuggestionSource: ...

    @property
    def regions(self) -> RegionConfig: ...

    def analyze(
        self,
        text: str,
        customer: CustomerContext | None = None,
        *,
        conversation: ConversationLanguage | None = None,
        agent_language: str = ...,
        limit: int = ...,
    ) -> Analysis: ...


class SearchSource(Protocol):
    def search(self, query: str, limit: int = ...) -> list[SearchHit]: ...


class UsageSink(Protocol):
    def record(self, entry_id: str, language: str, tone: str, region: str = ...) -> None: ...


class ResponseSink(Protocol):
    def record(self, response: ResponseTime, session: str) -> None: ...


#: The translation service as the sidebar sees it: core's ``Translator`` protocol
#: itself, not a copy that could drift (every method may raise TranslationError;
#: NoPackError names the missing packs).
TranslatorLike: TypeAlias = Translator


class DetectorLike(Protocol):
    """Language detection (Compose detects the language of the agent's draft)."""

    def detect(self, text: str) -> Detection: ...


@dataclass(frozen=True)
class Backend:
    assistant: AssistantLike
    library: SearchSource
    usage: UsageSink
    translator: TranslatorLike | None = None
    detector: DetectorLike | None = None
    #: where answered messages' response times go (figures only); None: not kept
    responses: ResponseSink | None = None
    #: the currencies an order value may be in (the offer rules' rates; empty: any)
    currencies: tuple[str, ...] = ()
    #: the library was not closed last time and a full check found it whole (first load only)
    checked_after_crash: bool = False


def load_backend(app: App, *, rebuild: bool = False) -> Backend:
    """Open the library and build the assistant (slow: call it from a worker).

    ``rebuild`` builds a fresh pipeline over the library as it is now (after
    trainers saved phrasebooks in the editor)."""
    assistant = app.build_assistant() if rebuild else app.assistant
    app.detector.warm_up()
    return Backend(
        assistant=assistant,
        library=app.library,
        usage=app.usage,
        detector=app.detector,
        responses=app.responses,
        # The rules the assistant was built with (reading the file again could differ).
        currencies=tuple(assistant.offers.rates.per_unit) if assistant.offers else (),
        checked_after_crash=not rebuild and app.startup_note() is not None,
    )


def load_translator(app: App, pairs: Sequence[tuple[str, str]] = ()) -> TranslatorLike:
    """Build the translation service and import its engine (slow: call it from a worker)."""
    translator = app.translator
    translator.warm_up(pairs)
    return translator
