"""Service behaviour that needs no model: caching keys, identity, batching."""

from __future__ import annotations

from typing import Any


def test_same_language_is_returned_untouched(fake_service: Any) -> None:
    service, backend = fake_service()
    result = service.translate("Hola {name}", "es", "es")
    assert result.text == "Hola {name}" and result.route == ("es",) and backend.calls == []
    assert [t.text for t in result.protected.tokens] == ["{name}"]


def test_memory_cache_depends_on_glossary(fake_service: Any) -> None:
    service, backend = fake_service(str.upper)
    a = service.translate("Prime deal", "en", "es")
    b = service.translate("Prime deal", "en", "es", glossary=["Prime"])
    assert a.text == "PRIME DEAL" and b.text == "Prime DEAL"
    assert service.translate("Prime deal", "en", "es").cached
    assert len(backend.calls) == 2


def test_one_backend_call_per_hop_for_a_batch(fake_service: Any) -> None:
    service, backend = fake_service()
    results = service.translate_batch(["A. B.", "C.", "A. B."], "zh-Hans", "ja")
    assert [c[0] for c in backend.calls] == ["translate-zh_en", "translate-en_ja"]
    assert backend.calls[0][1] == ["A.", "B.", "C."]  # the repeated text runs once
    assert [r.route for r in results] == [("zh-Hans", "en", "ja")] * 3
