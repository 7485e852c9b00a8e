"""The Compose tab's background job: decide the draft's language, then translate it
to the customer's language and back. Plain data in and out; never touches a widget.
Expected failures (no language pack) come back as data, not exceptions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from chatassist.core.translation.draft_language import DraftLanguage, draft_language
from chatassist.core.translation.errors import NoPackError, TranslationError
from chatassist.core.translation.model import TokenReport, Translation
from chatassist.ui.backend import DetectorLike, TranslatorLike


@dataclass(frozen=True)
class DraftOutcome:
    """A draft's translation, or why there is none.

    ``forward`` is the text to send (the draft itself when it is already in the
    customer's language); ``back`` its translation back into the draft's language,
    None when that is not needed or its pack is missing. ``missing`` names the
    packs that would make the forward or back translation work, ``pair`` the pair
    they serve (``(source, target)``).
    """

    written_in: DraftLanguage
    target: str
    forward: Translation | None = None
    back: Translation | None = None
    missing: tuple[str, ...] = ()
    pair: tuple[str, str] | None = None
    error: str = ""

    @property
    def needs_translation(self) -> bool:
        return self.written_in.language != self.target


def translate_draft(
    translator: TranslatorLike,
    detector: DetectorLike | None,
    text: str,
    *,
    agent_language: str,
    target: str,
    chosen: str | None = None,
    country: str | None = None,
) -> Callable[[], DraftOutcome]:
    """``country``: the customer's, for Taiwan's or Hong Kong's Traditional Chinese."""

    def run() -> DraftOutcome:
        detection = detector.detect(text) if detector is not None and not chosen else None
        written_in = draft_language(detection, agent_language, chosen)
        source = written_in.language
        if source == target:
            same = Translation(text, source, target, (source,), (), TokenReport())
            return DraftOutcome(written_in, target, forward=same)
        try:
            forward = translator.translate(text, source, target, country=country)
        except NoPackError as exc:
            return DraftOutcome(written_in, target, missing=exc.missing, pair=(source, target))
        except TranslationError as exc:
            return DraftOutcome(written_in, target, error=str(exc))
        try:
            back = translator.translate(forward.text, target, source, country=country)
        except NoPackError as exc:
            # The reply can still be sent; only its check is missing.
            return DraftOutcome(
                written_in, target, forward, missing=exc.missing, pair=(target, source)
            )
        except TranslationError as exc:
            return DraftOutcome(written_in, target, forward, error=str(exc))
        return DraftOutcome(written_in, target, forward, back)

    return run
