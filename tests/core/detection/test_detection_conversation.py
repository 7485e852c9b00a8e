from __future__ import annotations

from chatassist.core.detection import ConversationLanguage, Detection
from chatassist.core.detection.result import unknown_detection


def det(
    language: str,
    confidence: float = 0.99,
    text: str = "a b c d e",
    *,
    uncertain: bool | None = None,
    ambiguous_with: tuple[str, ...] = (),
    script: str = "Latn",
) -> Detection:
    return Detection(
        language=language,
        confidence=confidence,
        uncertain=confidence < 0.9 if uncertain is None else uncertain,
        ambiguous_with=ambiguous_with,
        script=script,
        cleaned_text=text,
    )


def test_first_clear_message_establishes_the_language() -> None:
    conv = ConversationLanguage()
    assert conv.language is None
    assert conv.observe(det("es")) == "es"
    assert conv.established


def test_one_short_message_does_not_overturn() -> None:
    conv = ConversationLanguage()
    conv.observe(det("es"))
    assert conv.observe(det("en", 0.99, "ok thanks")) == "es"


def test_one_uncertain_message_does_not_overturn() -> None:
    conv = ConversationLanguage()
    conv.observe(det("es"))
    assert conv.observe(det("it", 0.7, "uno due tre quattro cinque")) == "es"


def test_clear_longer_message_switches() -> None:
    conv = ConversationLanguage()
    conv.observe(det("es"))
    assert conv.observe(det("pt", 0.99, "onde está o meu pedido agora")) == "pt"


def test_two_clear_short_messages_in_a_row_switch() -> None:
    conv = ConversationLanguage()
    conv.observe(det("es"))
    assert conv.observe(det("en", 0.99, "thanks")) == "es"
    assert conv.observe(det("en", 0.99, "bye")) == "en"


def test_cjk_length_counts_characters() -> None:
    conv = ConversationLanguage()
    conv.observe(det("ko", script="Hang"))
    assert conv.observe(det("ja", 0.99, "荷物はまだ届いていません", script="Kana")) == "ja"


def test_unknown_messages_are_ignored() -> None:
    conv = ConversationLanguage()
    assert conv.observe(unknown_detection("")) is None
    conv.observe(det("de"))
    assert conv.observe(unknown_detection("")) == "de"


def test_uncertain_start_follows_latest_until_confirmed() -> None:
    conv = ConversationLanguage()
    conv.observe(det("en", 0.6))
    assert not conv.established
    assert conv.observe(det("nl", 0.7)) == "nl"


def test_pair_answer_does_not_challenge() -> None:
    conv = ConversationLanguage()
    conv.observe(det("ms"))
    conv.observe(det("id", 0.6, "barang belum sampai", uncertain=False, ambiguous_with=("ms",)))
    assert conv.observe(det("id", 0.6, "belum", uncertain=False, ambiguous_with=("ms",))) == "ms"


def test_pin_and_unpin() -> None:
    conv = ConversationLanguage()
    conv.observe(det("es"))
    conv.pin("pt")
    assert conv.pinned and conv.language == "pt"
    assert conv.observe(det("es", 0.99, "no he recibido mi pedido todavía")) == "pt"
    conv.unpin()
    assert not conv.pinned and conv.established
    assert conv.observe(det("es", 0.99, "ok")) == "pt"
    assert conv.observe(det("es", 0.99, "no he recibido mi pedido todavía")) == "es"
