from __future__ import annotations

from chatassist.core.intents import normalize
from chatassist.core.intents.matcher import Matcher


def _found(cue: str, text: str) -> bool:
    m = Matcher()
    pid = m.add(normalize(cue))
    return any(h.pattern == pid for h in m.search(normalize(text)))


def test_long_words_match_longer_words_at_word_starts_only() -> None:
    assert _found("refund", "I was refunded twice")
    assert _found("ship", "when is it shipping?")
    assert not _found("ship", "relationship advice")
    assert not _found("refund", "nonrefundable")


def test_short_words_match_whole_words_only() -> None:
    assert _found("clo", "ile wynosi clo?")
    assert not _found("clo", "closing time")
    assert _found("po*", "pozdrawiam")  # a trailing * allows a prefix
    assert _found("pantal=", "may pantal ako") and not _found("pantal=", "la pantalla")


def test_phrases_need_their_words_in_order() -> None:
    assert _found("where is my order", "hi, where is my order??")
    assert not _found("where is my order", "my order, where is it")


def test_gap_allows_a_few_words_in_between() -> None:
    assert _found("cancel .. order", "please cancel my last order")
    assert not _found("cancel .. order", "cancel it because the shop never sent the order")


def test_politeness_fillers_are_skipped_inside_phrases() -> None:
    assert _found("kailan papasok", "kailan po papasok yung refund")
    assert _found("huy don", "huỷ ạ đơn")  # "ạ" -> "a", a filler


def test_cjk_and_thai_cues_match_as_substrings() -> None:
    assert _found("还没到", "我的包裹還沒到啊")  # traditional text, simplified cue
    assert _found("まだ届かない", "荷物がまだ届かないです")
    assert _found("ยังไม่ได้รับ", "ขึ้นว่าส่งแล้วแต่ยังไม่ได้รับของค่ะ")
    assert _found("아직 안 왔어요", "택배가아직안왔어요")  # spaces do not matter
    assert _found("还没..到", "还没有收到")


def test_arabic_words_match_after_a_clitic() -> None:
    assert _found("منتج", "والمنتج مكسور")
    assert _found("فاتورة", "بالفاتورة")


def test_accent_and_case_insensitive_both_ways() -> None:
    assert _found("dónde está mi pedido", "DONDE ESTA MI PEDIDO")
    assert _found("donde esta mi pedido", "¿Dónde está mi pedido?")
