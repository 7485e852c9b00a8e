from __future__ import annotations

from chatassist.core.detection import scripts


def test_dominant_script() -> None:
    assert scripts.script_profile("荷物まだ？").dominant() == scripts.KANA
    assert scripts.script_profile("iPhone 충전기 안돼요").dominant() == scripts.HANGUL
    assert scripts.script_profile("我的包裹").dominant() == scripts.HAN
    assert scripts.script_profile("Đơn hàng").dominant() == scripts.LATIN
    assert scripts.script_profile("ของยังไม่มา").dominant() == scripts.THAI


def test_han_variant_from_national_character_sets() -> None:
    assert scripts.han_variant_votes("这个包裹在哪里") == (2, 0)  # 这 个 only in GB 2312
    assert scripts.han_variant_votes("這個包裹在哪裡") == (0, 3)  # 這 個 裡 only in Big5
    assert scripts.han_variant_votes("我不知道") == (0, 0)  # common to both
