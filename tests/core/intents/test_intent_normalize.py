from __future__ import annotations

import pytest

from chatassist.core.intents import normalize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Où est ma COMMANDE ?", "ou est ma commande ?"),
        ("Không nhận được hàng", "khong nhan duoc hang"),
        ("Zażółć gęślą jaźń", "zazolc gesla jazn"),
        ("Đơn hàng", "don hang"),
        ("Straße", "strasse"),
        ("İADE ETTİM ığdır", "iade ettim igdir"),
        ("ŞİKAYET", "sikayet"),
        ("Ærø œuvre", "aero oeuvre"),
        ("ещё", "еще"),
        ("ＷＨＥＲＥ ＩＳ ＭＹ ＯＲＤＥＲ１２３", "where is my order123"),
    ],
)
def test_latin_accents_case_and_width_fold(text: str, expected: str) -> None:
    assert normalize(text) == expected


def test_combining_accents_typed_separately_fold_too() -> None:
    assert normalize("cafe\u0301") == normalize("café") == "cafe"


def test_thai_marks_japanese_dakuten_and_hangul_are_kept() -> None:
    assert normalize("ยังไม่ได้รับ") == "ยังไม่ได้รับ"
    assert normalize("がぎぐ パピプ") == "がぎぐ パピプ"
    assert normalize("ｶﾞｷﾞ") == "ガギ"  # halfwidth katakana -> fullwidth, dakuten kept
    assert normalize("환불해주세요") == "환불해주세요"


def test_traditional_chinese_folds_to_simplified() -> None:
    assert normalize("還沒收到貨") == normalize("还没收到货") == "还没收到货"
    assert normalize("退款什麼時候到帳") == "退款什么时候到账"


def test_arabic_letter_variants_and_tashkeel_fold() -> None:
    assert normalize("أُريد إرجاع") == normalize("اريد ارجاع")
    assert normalize("فاتورة") == normalize("فاتوره")


def test_apostrophes_join_contractions_and_split_elisions() -> None:
    assert normalize("Where's my order") == "wheres my order"
    assert normalize("don’t") == "dont"
    assert normalize("l'article n'est pas arrivé") == "l article n est pas arrive"
    assert normalize("i-refund na lang") == "i refund na lang"


def test_whitespace_is_collapsed() -> None:
    assert normalize("  a \t\n b  ") == "a b"
    assert normalize("") == ""
