"""Build a tiny, valid argos language pack (``.argosmodel``) offline in about a second.

The pack has the layout of a real argos pack: one top folder holding
``metadata.json``, ``sentencepiece.model`` (trained here on a few hundred generated
lines) and ``model/`` (a random one-layer CTranslate2 transformer). Its output is
nonsense, which is all the pipeline tests need. ``with_stanza=True`` adds a small
``stanza/`` folder, as real packs have, to prove it never makes us go online.

Usable from tests (``build_tiny_pack``) and as a script::

    python tests/support/make_tiny_pack.py OUT_DIR en es [--version 1.1] [--stanza]
"""

from __future__ import annotations

import argparse
import io
import json
import random
import shutil
import tempfile
import zipfile
from pathlib import Path

# Pieces the tokenizer must keep whole, so the sentinels of the token protection
# (see chatassist.core.translation.protect) reach the model as one piece each.
SENTINEL_PIECES = [f"ZX{n}Q" for n in range(10)]
_SYLLABLES = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "de", "an", "el", "or", "is", "um"]


def _training_lines(seed: int, count: int = 400) -> list[str]:
    rng = random.Random(seed)
    lines = []
    for _ in range(count):
        words = [
            "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 3)))
            for _ in range(rng.randint(3, 10))
        ]
        lines.append(" ".join(words).capitalize() + rng.choice([".", "!", "?", ""]))
    return lines


def _train_sentencepiece(lines: list[str], vocab_size: int) -> bytes:
    import sentencepiece as spm

    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=model,
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        user_defined_symbols=SENTINEL_PIECES,
        byte_fallback=False,
        minloglevel=2,
    )
    return model.getvalue()


def _vocabulary(sp_model: bytes) -> list[str]:
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_proto=sp_model)
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def _save_random_transformer(
    out_dir: Path, vocabulary: list[str], seed: int, d_model: int, layers: int
) -> None:
    import numpy as np
    from ctranslate2.specs import TransformerSpec

    rng = np.random.default_rng(seed)
    vocab = len(vocabulary)
    ffn = d_model * 2

    def rand(*shape: int) -> object:
        return (rng.standard_normal(shape) * 0.2).astype(np.float32)

    def norm(spec: object) -> None:
        spec.gamma = np.ones(d_model, dtype=np.float32)  # type: ignore[attr-defined]
        spec.beta = np.zeros(d_model, dtype=np.float32)  # type: ignore[attr-defined]

    def linear(spec: object, out_dim: int, in_dim: int) -> None:
        spec.weight = rand(out_dim, in_dim)  # type: ignore[attr-defined]
        spec.bias = np.zeros(out_dim, dtype=np.float32)  # type: ignore[attr-defined]

    def ffn_layer(spec: object) -> None:
        norm(spec.layer_norm)  # type: ignore[attr-defined]
        linear(spec.linear_0, ffn, d_model)  # type: ignore[attr-defined]
        linear(spec.linear_1, d_model, ffn)  # type: ignore[attr-defined]

    spec = TransformerSpec.from_config(num_layers=layers, num_heads=2)
    encoder, decoder = spec.encoder, spec.decoder
    encoder.embeddings[0].weight = rand(vocab, d_model)
    norm(encoder.layer_norm)
    for layer in encoder.layer:
        norm(layer.self_attention.layer_norm)
        linear(layer.self_attention.linear[0], 3 * d_model, d_model)
        linear(layer.self_attention.linear[1], d_model, d_model)
        ffn_layer(layer.ffn)
    decoder.embeddings.weight = rand(vocab, d_model)
    norm(decoder.layer_norm)
    linear(decoder.projection, vocab, d_model)
    for layer in decoder.layer:
        norm(layer.self_attention.layer_norm)
        linear(layer.self_attention.linear[0], 3 * d_model, d_model)
        linear(layer.self_attention.linear[1], d_model, d_model)
        norm(layer.attention.layer_norm)
        linear(layer.attention.linear[0], d_model, d_model)
        linear(layer.attention.linear[1], 2 * d_model, d_model)
        linear(layer.attention.linear[2], d_model, d_model)
        ffn_layer(layer.ffn)
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.validate()
    out_dir.mkdir(parents=True, exist_ok=True)
    spec.save(str(out_dir))


def build_pack_folder(
    folder: Path,
    from_code: str,
    to_code: str,
    *,
    version: str = "1.0",
    seed: int = 0,
    with_stanza: bool = False,
    d_model: int = 32,
    layers: int = 1,
    vocab_size: int = 120,
) -> Path:
    """Write an unpacked pack into ``folder`` (created) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    sp_model = _train_sentencepiece(_training_lines(seed), vocab_size)
    (folder / "sentencepiece.model").write_bytes(sp_model)
    _save_random_transformer(folder / "model", _vocabulary(sp_model), seed, d_model, layers)
    metadata = {
        "package_version": version,
        "argos_version": "1.10",
        "from_code": from_code,
        "from_name": from_code,
        "to_code": to_code,
        "to_name": to_code,
        "type": "translate",
        "links": [],
    }
    (folder / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    (folder / "README.md").write_text(f"Tiny test pack {from_code}->{to_code}\n")
    if with_stanza:
        # The shape of a real pack's stanza/ folder (the files are placeholders):
        # argostranslate 1.10 would hand this to stanza, which goes online.
        tokenize = folder / "stanza" / from_code / "tokenize"
        tokenize.mkdir(parents=True)
        (tokenize / "default.pt").write_bytes(b"not a real stanza model")
        (folder / "stanza" / "resources.json").write_text("{}", encoding="utf-8")
    return folder


def build_tiny_pack(
    out_dir: Path,
    from_code: str,
    to_code: str,
    *,
    version: str = "1.0",
    seed: int = 0,
    with_stanza: bool = False,
    d_model: int = 32,
    layers: int = 1,
) -> Path:
    """Build ``translate-{from}_{to}-{version}.argosmodel`` in ``out_dir`` and return its path.

    The archive holds one top folder, like the packs of the argos index.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    top = f"translate-{from_code}_{to_code}-{version.replace('.', '_')}"
    target = out_dir / f"{top}{'-stanza' if with_stanza else ''}-s{seed}.argosmodel"
    with tempfile.TemporaryDirectory() as tmp:
        folder = build_pack_folder(
            Path(tmp) / top,
            from_code,
            to_code,
            version=version,
            seed=seed,
            with_stanza=with_stanza,
            d_model=d_model,
            layers=layers,
        )
        partial = target.with_suffix(".part")
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(folder.rglob("*")):
                archive.write(path, Path(top) / path.relative_to(folder))
        shutil.move(partial, target)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("from_code")
    parser.add_argument("to_code")
    parser.add_argument("--version", default="1.0")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--stanza", action="store_true", help="add a stanza/ folder")
    args = parser.parse_args()
    path = build_tiny_pack(
        args.out_dir,
        args.from_code,
        args.to_code,
        version=args.version,
        seed=args.seed,
        with_stanza=args.stanza,
    )
    print(path)


if __name__ == "__main__":
    main()
