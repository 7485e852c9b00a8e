"""The rule-based sentence splitter that replaces argos's stanza/spaCy ones."""

from __future__ import annotations

from chatassist.core.translation.sentences import join_text, split_sentences, split_text


def test_latin_sentences_split_after_stops_but_not_after_abbreviations() -> None:
    text = 'Hello Mr. Smith. How are you?  He said "fine." Thanks!'
    assert split_sentences(text) == [
        "Hello Mr. Smith.",
        "How are you?",
        'He said "fine."',
        "Thanks!",
    ]


def test_cjk_sentences_split_without_spaces() -> None:
    assert split_sentences("您好。订单已发货！请查收？谢谢") == [
        "您好。",
        "订单已发货！",
        "请查收？",
        "谢谢",
    ]


def test_decimal_points_do_not_split() -> None:
    assert split_sentences("It costs 3.50 today. Ok") == ["It costs 3.50 today.", "Ok"]


def test_lines_and_their_whitespace_are_kept() -> None:
    text = "  First. Second.\n\nThird\t"
    lines = split_text(text)
    translated = [[s.upper() for s in line.sentences] for line in lines]
    assert join_text(lines, translated, "es") == "  FIRST. SECOND.\n\nTHIRD\t"


def test_no_space_between_japanese_sentences() -> None:
    lines = split_text("One. Two.")
    assert join_text(lines, [["一。", "二。"]], "ja") == "一。二。"
