"""Loading the detector's models: the cut py3langid model kept in the cache folder
scores exactly as the shipped one, a damaged copy is read again from the shipped
model, and a first message loads only the voters it consults, answering as a
fully warmed detector does."""

from __future__ import annotations

from pathlib import Path

import pytest

from chatassist.core.detection import LanguageDetector
from chatassist.core.detection.backends import Py3LangidModel

TEXTS = [
    "¿Dónde está mi pedido 48213?",
    "where is my parcel",
    "Onde está minha encomenda?",
    "Wo bleibt meine Bestellung",
    "荷物まだ？",
    "我的包裹在哪里",
    "我的包裹在哪裡",
    "배송 언제 와요",
    "ยังไม่ได้รับของ",
    "Где мой заказ?",
    "terima kasih",
    "đơn hàng của tôi đâu",
    "ok",
    "👍",
]


def _cached_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("py3langid-*.npz"))


def test_the_cached_model_scores_as_the_shipped_one(tmp_path: Path) -> None:
    shipped = Py3LangidModel()
    first = Py3LangidModel(tmp_path)
    first.load()  # cuts the shipped model and writes the copy
    assert len(_cached_files(tmp_path)) == 1
    again = Py3LangidModel(tmp_path)  # reads the copy
    for text in TEXTS:
        assert first.scores(text) == shipped.scores(text)
        assert again.scores(text) == shipped.scores(text)


@pytest.mark.parametrize(
    "damage",
    [lambda b: b[: len(b) // 3], lambda b: b"\x00" * 4096, lambda b: b""],
)
def test_a_damaged_copy_is_read_again_from_the_shipped_model(
    tmp_path: Path, damage: object
) -> None:
    Py3LangidModel(tmp_path).load()
    (path,) = _cached_files(tmp_path)
    good = path.read_bytes()
    path.write_bytes(damage(good))  # type: ignore[operator]
    model = Py3LangidModel(tmp_path)
    shipped = Py3LangidModel()
    for text in TEXTS[:4]:
        assert model.scores(text) == shipped.scores(text)
    assert path.read_bytes() == good  # written again for the next start


def test_an_unwritable_cache_folder_only_costs_the_slow_read(tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    model = Py3LangidModel(blocked)
    assert model.scores(TEXTS[0]) == Py3LangidModel().scores(TEXTS[0])


def test_a_latin_message_loads_only_the_voters_it_consults(tmp_path: Path) -> None:
    lazy = LanguageDetector(model_cache=tmp_path)
    first = lazy.detect(TEXTS[0])
    assert lazy._langdetect is not None and not lazy._langdetect.loaded
    assert not lazy.is_warm
    warm = LanguageDetector(model_cache=tmp_path)
    warm.warm_up()
    assert warm.is_warm
    assert first == warm.detect(TEXTS[0])
    # The rest loads as messages need it, with the same answers.
    assert [lazy.detect(t) for t in TEXTS] == [warm.detect(t) for t in TEXTS]
    assert lazy._langdetect.loaded  # a Chinese message needed it
