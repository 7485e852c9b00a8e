from __future__ import annotations

import pytest

from chatassist.core.detection import UNKNOWN_LANGUAGE, LanguageDetector, cues


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    d = LanguageDetector()
    d.warm_up()
    return d


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("onde está meu pedido", "pt"),
        ("¿Dónde está mi pedido?", "es"),
        ("Wo ist mein Paket?", "de"),
        ("Où est mon colis ?", "fr"),
        ("Dov'è il mio pacco?", "it"),
        ("Waar is mijn bestelling?", "nl"),
        ("Gdzie jest moja paczka?", "pl"),
        ("Siparişim nerede?", "tr"),
        ("Где мой заказ?", "ru"),
        ("أين طلبي؟", "ar"),
        ("荷物まだ？", "ja"),
        ("택배 언제 와요?", "ko"),
        ("我的包裹在哪里？", "zh-Hans"),
        ("我的包裹在哪裡？", "zh-Hant"),
        ("พัสดุยังไม่มา", "th"),
        ("Đơn hàng của tôi đâu?", "vi"),
        ("Nasaan na po ang order ko?", "tl"),
        ("Where is my order?", "en"),
    ],
)
def test_short_messages(detector: LanguageDetector, text: str, language: str) -> None:
    result = detector.detect(text)
    assert result.language == language
    assert result.candidates[0].language == language
    assert 0.0 <= result.confidence <= 1.0


def test_clear_message_is_not_uncertain(detector: LanguageDetector) -> None:
    result = detector.detect("Hola, todavía no he recibido mi pedido y quiero un reembolso")
    assert result.language == "es"
    assert not result.uncertain
    assert result.confidence > 0.95


def test_candidates_are_ranked(detector: LanguageDetector) -> None:
    result = detector.detect("refund??")
    confidences = [c.confidence for c in result.candidates]
    assert confidences == sorted(confidences, reverse=True)
    assert len({c.language for c in result.candidates}) == len(result.candidates)


def test_indonesian_malay_named_as_a_pair(detector: LanguageDetector) -> None:
    result = detector.detect("Barang saya belum sampai")
    assert result.language in ("id", "ms")
    assert result.ambiguous_with == ({"id": "ms", "ms": "id"}[result.language],)


def test_distinct_malay_and_indonesian_words(detector: LanguageDetector) -> None:
    assert detector.detect("Saya tak boleh bayar sebab tiada wang").language == "ms"
    assert detector.detect("Saya nggak bisa bayar karena nggak ada uang").language == "id"


@pytest.mark.parametrize("text", ["12345 👍", "", "   ", "https://example.com/track/123", "😡😡"])
def test_nothing_to_detect_is_unknown(detector: LanguageDetector, text: str) -> None:
    result = detector.detect(text)
    assert result.is_unknown
    assert result.language == UNKNOWN_LANGUAGE
    assert result.uncertain
    assert result.confidence == 0.0
    assert result.candidates == ()


def test_emoji_and_codes_do_not_change_the_answer(detector: LanguageDetector) -> None:
    plain = detector.detect("Wo ist mein Paket?")
    noisy = detector.detect("Wo ist mein Paket? 😡 #DE123456789 https://track.example.com/x")
    assert noisy.language == plain.language == "de"
    assert noisy.confidence == plain.confidence


def test_script_outside_customer_languages_is_uncertain(detector: LanguageDetector) -> None:
    assert detector.detect("Πού είναι η παραγγελία μου;").uncertain


def test_deterministic_across_instances() -> None:
    texts = ["ok", "refund??", "Barang saya belum sampai", "我不知道", "merci"]
    first = [LanguageDetector().detect(t) for t in texts]
    second = [LanguageDetector().detect(t) for t in texts]
    assert first == second


def test_construction_loads_nothing() -> None:
    detector = LanguageDetector()
    assert not detector.is_warm
    detector.warm_up()
    assert detector.is_warm


def test_to_dict_shape(detector: LanguageDetector) -> None:
    data = detector.detect("Obrigado!").to_dict()
    assert set(data) == {"language", "confidence", "uncertain", "ambiguous_with", "candidates"}
    assert all(set(c) == {"language", "confidence"} for c in data["candidates"])  # type: ignore[attr-defined]


def test_malay_and_indonesian_cues_split_the_pair() -> None:
    from chatassist.core.detection.cues import malay_log_odds

    assert malay_log_odds("Kereta saya rosak, boleh hantar ke kedai?") > 0
    assert malay_log_odds("Mobil saya rusak, bisa kirim ke toko?") < 0
    assert malay_log_odds("Kualiti perkhidmatan") > 0
    assert malay_log_odds("Kualitas layanan") < 0
    assert malay_log_odds("Saya tidak tahu") == 0  # shared words say nothing


def test_malay_cues_do_not_pull_other_languages(detector: LanguageDetector) -> None:
    # "partiti" ends like Malay "kualiti" but stays Italian.
    assert detector.detect("i partiti politici").language == "it"
    assert detector.detect("Boleh saya tukar saiz kasut ini?").language == "ms"
    assert detector.detect("Bisa saya tukar ukuran sepatu ini?").language == "id"


def test_lingua_voter_loads_from_the_installed_package() -> None:
    # Runs under the network guard: the model ships inside the wheel.
    from chatassist.core.detection.backends import LinguaModel

    model = LinguaModel()
    probs = model.probabilities("Where is my parcel?")
    assert max(probs, key=probs.__getitem__) == "en"
    assert set(probs) <= {*cues.LATIN_LANGUAGES, "ru", "ar", "ja", "ko", "zh", "th"}


def test_a_long_paste_is_judged_on_its_start(detector: LanguageDetector) -> None:
    spanish = "Hola, todavía no he recibido mi pedido y quiero un reembolso. "
    english = "Please see the attached conversation with your colleague below. "
    result = detector.detect(spanish * 3 + english * 800)  # ~50,000 characters
    assert result.language == "es"
    # The whole cleaned message is still what callers see (up to the input cap).
    assert len(result.cleaned_text) > 3000


def test_head_cuts_at_a_space_near_the_limit() -> None:
    from chatassist.core.detection.detector import _head

    assert _head("short text", 200) == "short text"
    text = "word " * 100
    cut = _head(text, 200)
    assert len(cut) <= 200 and cut.endswith("word")
    assert _head("x" * 500, 200) == "x" * 200
