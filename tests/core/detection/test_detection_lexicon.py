"""The chat lexicon: the words customers send first, in their language (issue 12)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chatassist.core.detection import LanguageDetector
from chatassist.core.detection.lexicon import (
    ChatLexiconInvalid,
    load_chat_lexicon,
    parse_chat_lexicon,
)
from chatassist.core.intents import load_lexicon, parse_lexicon

RESOURCES = Path(__file__).resolve().parents[3] / "resources"


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    chat = load_chat_lexicon(RESOURCES / "chat_lexicon.yaml")
    d = LanguageDetector(lexicon=chat.with_cues(load_lexicon(RESOURCES / "intent_cues.yaml")))
    d.warm_up()
    return d


def firm(d: object) -> bool:
    return not d.uncertain and not d.ambiguous_with  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # The messages of issue 12 that went to the wrong language.
        ("hola", "es"),
        ("vale", "es"),
        ("salut", "fr"),
        ("thx", "en"),
        ("halo kak", "id"),
        ("返金?", "ja"),
        # Abbreviations, slang, missing accents, letters held down.
        ("vlw", "pt"),
        ("tesekkurler", "tr"),
        ("czesc", "pl"),
        ("graciasss", "es"),
        ("salamat po", "tl"),
        ("thanks kak", "id"),
        ("ok merci", "fr"),
        ("注文番号", "ja"),
        ("谢谢亲", "zh-Hans"),
    ],
)
def test_chat_words_are_answered_firmly_in_their_language(
    detector: LanguageDetector, text: str, language: str
) -> None:
    d = detector.detect(text)
    assert d.language == language, d
    assert firm(d), d


def test_a_word_two_languages_share_names_the_other(detector: LanguageDetector) -> None:
    d = detector.detect("terima kasih")
    assert {d.language, *d.ambiguous_with} == {"id", "ms"}
    assert not d.uncertain
    de_nl = detector.detect("hallo")
    assert {de_nl.language, *de_nl.ambiguous_with} == {"de", "nl"}


def test_words_of_every_language_carry_none(detector: LanguageDetector) -> None:
    assert detector.detect("ok").uncertain
    assert detector.detect("lol").uncertain


def test_ciao_is_not_tagalog(detector: LanguageDetector) -> None:
    d = detector.detect("ciao")
    assert d.language == "it"


def test_longer_messages_are_still_the_models_call(detector: LanguageDetector) -> None:
    # Chat words inside a sentence add evidence; they do not decide alone.
    assert detector.detect("Gracias, pero mi pedido todavía no ha llegado").language == "es"
    assert detector.detect("obrigado mas ainda não recebi a encomenda").language == "pt"


def test_only_spanish_cue_is_answered_in_spanish() -> None:
    chat = parse_chat_lexicon("format: 1\nlanguages:\n  en: [hello]\n")
    cues = parse_lexicon(
        "format: 1\nscenarios:\n  refund_request:\n    es: [devuélvanme la plata]\n"
    )
    plain = LanguageDetector(lexicon=chat)
    with_cues = LanguageDetector(lexicon=chat.with_cues(cues))
    text = "devuelvanme la plata"
    d = with_cues.detect(text)
    assert d.language == "es" and firm(d)
    assert plain.detect(text).confidence < d.confidence


def test_lexicon_loads_lazily_in_warm_up() -> None:
    calls: list[int] = []

    def load() -> object:
        calls.append(1)
        return parse_chat_lexicon("format: 1\nlanguages:\n  es: [vale]\n")

    d = LanguageDetector(lexicon=load)  # type: ignore[arg-type]
    assert not calls and not d.is_warm
    assert d.detect("vale").language == "es"
    assert calls == [1] and d.lexicon is not None  # loaded once, with the first message
    d.detect("hola")
    d.warm_up()
    assert calls == [1] and d.is_warm


def test_bad_lexicon_reports_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "chat.yaml"
    path.write_text(
        "format: 1\nlanguages:\n  es: [hola]\n  xx: [foo]\n  fr: [bonjour, '???']\n",
        encoding="utf-8",
    )
    with pytest.raises(ChatLexiconInvalid) as err:
        load_chat_lexicon(path)
    problems = [str(p) for p in err.value.problems]
    assert any(p.startswith(f"{path}:4:") and "xx" in p for p in problems), problems
    assert any(p.startswith(f"{path}:5:") and "???" in p for p in problems), problems


def test_missing_lexicon_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ChatLexiconInvalid, match="cannot read"):
        load_chat_lexicon(tmp_path / "nope.yaml")


def test_bundled_lexicon_is_valid_and_covers_every_language() -> None:
    lexicon = load_chat_lexicon(RESOURCES / "chat_lexicon.yaml")
    languages = {lang for langs in lexicon.words.values() for lang in langs}
    languages |= {lang for langs in lexicon.characters.values() for lang in langs}
    expected = {"en", "es", "pt", "de", "fr", "it", "nl", "pl", "tr", "vi", "id", "ms", "tl"}
    assert expected | {"ja", "zh"} <= languages


def test_the_conversation_decides_a_shared_word(detector: LanguageDetector) -> None:
    from chatassist.core.detection import ConversationLanguage

    for opening, shared, language in (
        ("Hoi, mijn pakket is nog steeds niet aangekomen, kunt u kijken?", "hallo", "nl"),
        ("Saya nak tanya, bila parcel saya akan sampai ke rumah?", "terima kasih", "ms"),
    ):
        conversation = ConversationLanguage()
        conversation.observe(detector.detect(opening))
        assert conversation.language == language
        d = detector.detect(shared)
        assert language in (d.language, *d.ambiguous_with)
        assert conversation.observe(d) == language
