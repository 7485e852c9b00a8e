from __future__ import annotations

from pathlib import Path

import pytest

from chatassist.core.intents import CueLexicon, LexiconInvalid, load_lexicon, parse_lexicon
from chatassist.core.languages import CUSTOMER_LANGUAGES
from chatassist.core.scenarios import SCENARIO_IDS
from chatassist.errors import ChatassistError

_GROUP = {"zh-Hant": "zh-Hans", "zh-Hans": "zh-Hant", "ms": "id", "id": "ms"}


def test_bundled_lexicon_covers_every_scenario_in_every_language(lexicon: CueLexicon) -> None:
    assert set(lexicon.scenarios) == set(SCENARIO_IDS)
    for sid, cues in lexicon.scenarios.items():
        langs = {c.language for c in cues}
        missing = [
            lang
            for lang in CUSTOMER_LANGUAGES
            if lang not in langs and _GROUP.get(lang) not in langs and "any" not in langs
        ]
        assert not missing, f"{sid}: no cues in {missing}"
    assert set(lexicon.urgency) == {"elevated", "high"}


def test_cue_fields_are_read(tmp_path: Path) -> None:
    path = tmp_path / "cues.yaml"
    path.write_text(
        "format: 1\nscenarios:\n  refund_request:\n    en: [refund, {text: money back, weight: 1.5}]\n",
        encoding="utf-8",
    )
    lexicon = load_lexicon(path)
    cues = lexicon.scenarios["refund_request"]
    assert [(c.text, c.language, c.weight, c.line) for c in cues] == [
        ("refund", "en", 1.0, 4),
        ("money back", "en", 1.5, 4),
    ]


def _problems(text: str) -> list[str]:
    with pytest.raises(LexiconInvalid) as info:
        parse_lexicon(text, "cues.yaml")
    assert isinstance(info.value, ChatassistError)
    return [str(p) for p in info.value.problems]


def test_every_problem_is_reported_with_file_line_and_column() -> None:
    text = (
        "format: 1\n"  # 1
        "scenarios:\n"  # 2
        "  refund_request:\n"  # 3
        "    en: [refund]\n"  # 4
        "    xx: [foo]\n"  # 5
        "  refnud_request:\n"  # 6
        "    en: [refund]\n"  # 7
        "  order_status:\n"  # 8
        "    en: [{text: wismo, weight: 9}]\n"  # 9
        "    zh-Hans: [到]\n"  # 10
        "    de: [Wo ist, wo IST]\n"  # 11
        "    fr: [{cue: ou}]\n"  # 12
        "urgency:\n"  # 13
        "  panic: {en: [help]}\n"  # 14
    )
    problems = _problems(text)
    assert len(problems) == 8
    expected = [
        ("cues.yaml:5:5", "unknown language code 'xx'"),
        ("cues.yaml:6:3", "unknown scenario 'refnud_request'"),
        ("cues.yaml:9:32", "weight 9 must be > 0 and <= 5"),
        ("cues.yaml:10:15", "single character"),
        ("cues.yaml:11:18", "repeats line 11"),
        ("cues.yaml:12:11", "unknown field 'cue'"),
        ("cues.yaml:12:10", "missing required field 'text'"),
        ("cues.yaml:14:3", "unknown urgency level 'panic'"),
    ]
    for where, what in expected:
        assert any(p.startswith(where + ":") and what in p for p in problems), (where, problems)


def test_invalid_yaml_reports_its_line() -> None:
    (problem,) = _problems("format: 1\nscenarios:\n  greeting:\n    en: [hi, hello\n")
    assert problem.startswith("cues.yaml:5") and "invalid YAML" in problem


def test_wrong_format_and_empty_file() -> None:
    assert any("format must be 1" in p for p in _problems("format: 2\nscenarios: {}\n"))
    assert _problems("") == ["cues.yaml:1: the file is empty"]
    assert any("missing required field 'scenarios'" in p for p in _problems("format: 1\n"))


def test_unreadable_file_is_a_typed_error(tmp_path: Path) -> None:
    with pytest.raises(LexiconInvalid, match="cannot read"):
        load_lexicon(tmp_path / "missing.yaml")
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes("format: 1\nscenarios:\n  greeting:\n    es: [adiós]\n".encode("latin-1"))
    with pytest.raises(LexiconInvalid, match=r"latin1\.yaml:4: not UTF-8"):
        load_lexicon(bad)


def test_chat_markers_are_read_and_counted(tmp_path: Path) -> None:
    path = tmp_path / "cues.yaml"
    path.write_text(
        "format: 1\nscenarios:\n  refund_request:\n    en: [refund]\n"
        "chat:\n  any: [haha]\n  en: [my name is]\n",
        encoding="utf-8",
    )
    lexicon = load_lexicon(path)
    assert [(c.text, c.language) for c in lexicon.chat] == [("haha", "any"), ("my name is", "en")]
    assert lexicon.cue_count() == 3


def test_the_bundled_lexicon_has_chat_markers_in_every_language(lexicon: CueLexicon) -> None:
    langs = {c.language for c in lexicon.chat}
    assert not [x for x in CUSTOMER_LANGUAGES if x not in langs and _GROUP.get(x) not in langs]
