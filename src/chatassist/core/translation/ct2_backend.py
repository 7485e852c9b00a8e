"""Run argos packs directly with CTranslate2 and SentencePiece.

Why not ``argostranslate.translate``: in 1.10 importing it takes ~3 s (spaCy,
stanza, torch), writes folders under $HOME and tries to download a spaCy model;
its sentence splitters (stanza for packs with ``stanza/``, else spaCy
``xx_sent_ud_sm``) download models on first use, so translation fails offline;
its decoder turns every ``_`` into a space (breaking e-mails and URLs); and its
loaded models are cached per process with no way to drop a replaced pack.
Here the pack's ``model/`` and ``sentencepiece.model`` are used as argos uses
them (same beam size, length penalty, target prefix), sentences come from
sentences.py, and nothing touches the network. The engine is imported on first
use (``prepare``), never at module import.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chatassist.core.translation.errors import BackendError
from chatassist.core.translation.model import InstalledPack


@dataclass(frozen=True)
class DecodingOptions:
    """CTranslate2 settings; the defaults are argostranslate 1.10's."""

    beam_size: int = 4
    length_penalty: float = 0.2
    max_batch_size: int = 32
    max_decoding_length: int = 256
    device: str = "cpu"
    compute_type: str = "auto"
    inter_threads: int = 1
    intra_threads: int = 0


@dataclass
class _Loaded:
    fingerprint: str
    translator: Any
    encode: Callable[[list[str]], list[list[str]]]
    decode: Callable[[list[str]], str]
    target_prefix: str


class CTranslate2Backend:
    """A ``TranslationBackend`` that keeps up to ``max_loaded`` models warm."""

    def __init__(self, options: DecodingOptions | None = None, *, max_loaded: int = 4) -> None:
        self.options = options or DecodingOptions()
        self._max_loaded = max_loaded
        self._loaded: OrderedDict[Path, _Loaded] = OrderedDict()
        self._lock = threading.Lock()

    def prepare(self) -> None:
        import ctranslate2  # noqa: F401
        import sentencepiece  # noqa: F401

    def load(self, pack: InstalledPack) -> None:
        self._get(pack)

    def invalidate(self, pack_dir: Path) -> None:
        with self._lock:
            self._loaded.pop(pack_dir, None)

    def loaded(self) -> list[Path]:
        """Folders of the models currently loaded (for tests and diagnostics)."""
        with self._lock:
            return list(self._loaded)

    def translate_sentences(self, pack: InstalledPack, sentences: Sequence[str]) -> list[str]:
        if not sentences:
            return []
        loaded = self._get(pack)
        options = self.options
        tokens = loaded.encode(list(sentences))
        prefix = [[loaded.target_prefix]] * len(tokens) if loaded.target_prefix else None
        try:
            results = loaded.translator.translate_batch(
                tokens,
                target_prefix=prefix,
                replace_unknowns=True,
                max_batch_size=options.max_batch_size,
                batch_type="tokens",
                beam_size=options.beam_size,
                num_hypotheses=1,
                length_penalty=options.length_penalty,
                max_decoding_length=options.max_decoding_length,
            )
        except (RuntimeError, ValueError) as exc:
            raise BackendError(f"the language pack {pack.name} failed to translate: {exc}") from exc
        out = []
        for result in results:
            value = loaded.decode(list(result.hypotheses[0]))
            if loaded.target_prefix and value.startswith(loaded.target_prefix):
                value = value[len(loaded.target_prefix) :]
            out.append(value.strip())
        return out

    def _get(self, pack: InstalledPack) -> _Loaded:
        with self._lock:
            loaded = self._loaded.get(pack.path)
            if loaded is not None and loaded.fingerprint == pack.fingerprint:
                self._loaded.move_to_end(pack.path)
                return loaded
            # Loading under the lock: two workers asking for one pack load it once.
            loaded = self._load(pack)
            self._loaded[pack.path] = loaded
            while len(self._loaded) > self._max_loaded:
                self._loaded.popitem(last=False)
            return loaded

    def _load(self, pack: InstalledPack) -> _Loaded:
        import ctranslate2

        options = self.options
        model_dir = pack.path / "model"
        try:
            translator = ctranslate2.Translator(
                str(model_dir),
                device=options.device,
                compute_type=options.compute_type,
                inter_threads=options.inter_threads,
                intra_threads=options.intra_threads,
                files=_model_files(model_dir),
            )
            encode, decode = _tokenizer(pack)
        # IndexError: CTranslate2's answer to a zero-filled model.bin (#20 item 8)
        except (RuntimeError, ValueError, OSError, IndexError) as exc:
            raise BackendError(
                f"cannot load the language pack {pack.name} from {pack.path}: {exc}"
            ) from exc
        return _Loaded(pack.fingerprint, translator, encode, decode, _target_prefix(pack))


def _model_files(model_dir: Path) -> dict[str, bytes] | None:
    """The model's files as bytes when its path is not plain ASCII, else None.

    CTranslate2 opens files with narrow-character paths, which fail on Windows
    for a data folder under a user named 梁; from memory the path never matters.
    """
    if str(model_dir).isascii():
        return None
    return {f.name: f.read_bytes() for f in model_dir.iterdir() if f.is_file()}


def _tokenizer(
    pack: InstalledPack,
) -> tuple[Callable[[list[str]], list[list[str]]], Callable[[list[str]], str]]:
    sp_model = pack.path / "sentencepiece.model"
    if sp_model.is_file():
        import sentencepiece

        # From bytes, not a path: sentencepiece cannot open non-ASCII paths on Windows.
        processor = sentencepiece.SentencePieceProcessor(model_proto=sp_model.read_bytes())

        def sp_encode(texts: list[str]) -> list[list[str]]:
            return [list(pieces) for pieces in processor.encode(texts, out_type=str)]

        def sp_decode(pieces: list[str]) -> str:
            return str(processor.decode_pieces(pieces))

        return sp_encode, sp_decode
    bpe_model = pack.path / "bpe.model"
    if bpe_model.is_file():
        # Older packs: Moses + BPE, as argostranslate does it (this module only
        # needs sentencepiece and sacremoses; it does not import argostranslate.translate).
        try:
            from argostranslate.tokenizer import BPETokenizer
        except ImportError as exc:
            raise BackendError(
                f"the language pack {pack.name} uses BPE, which needs argostranslate: "
                "pip install --no-deps -r requirements/argostranslate.txt"
            ) from exc

        bpe = BPETokenizer(bpe_model, pack.from_code, pack.to_code)

        def bpe_encode(texts: list[str]) -> list[list[str]]:
            return [list(bpe.encode(text)) for text in texts]

        def bpe_decode(pieces: list[str]) -> str:
            return str(bpe.decode(pieces))

        return bpe_encode, bpe_decode
    raise BackendError(f"the language pack {pack.name} has no sentencepiece.model or bpe.model")


def _target_prefix(pack: InstalledPack) -> str:
    import json

    try:
        metadata = json.loads((pack.path / "metadata.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    prefix = metadata.get("target_prefix", "") if isinstance(metadata, dict) else ""
    return prefix if isinstance(prefix, str) else ""
