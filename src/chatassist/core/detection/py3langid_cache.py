"""py3langid's model cut to the customer languages, kept uncompressed.

The shipped model (``model.npz.xz``, 97 languages) takes about a second of CPU
to unpack at every start, most of it LZMA; the detector keeps 19 of its
columns. The cut model is written once to the cache folder as a plain ``.npz``
(read with ``allow_pickle=False``: loading it runs no code) and read back in a
few hundredths of a second. Its name carries a key made of the shipped file's
bytes, the languages kept and this module's format version, so a new
py3langid or another language list never reads an old copy; a missing,
truncated or malformed copy means the shipped model is read again (and the copy
rewritten). The arrays are the same as the shipped model's, value for value:
scores do not change.
"""

from __future__ import annotations

import hashlib
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chatassist.core.files import write_atomic

FORMAT_VERSION = 1
_TYPECODES = {2: "H", 4: "I", 8: "L"}


@dataclass(frozen=True)
class CutModel:
    """What ``LanguageIdentifier`` takes, for the kept languages only."""

    ptc: Any  # numpy (features x languages), the shipped dtype
    pc: Any  # numpy (languages,)
    nextmove: array[int]
    row: array[int]
    output: list[Any]


def _as_array(values: Any) -> array[int]:
    """A numpy unsigned int array as the stdlib array py3langid walks."""
    import numpy as np

    out = array(_TYPECODES[values.dtype.itemsize])
    out.frombytes(np.ascontiguousarray(values).tobytes())
    return out


def _key(model_file: Path, languages: tuple[str, ...]) -> str:
    digest = hashlib.sha256(f"{FORMAT_VERSION}/{','.join(languages)}/".encode())
    digest.update(model_file.read_bytes())
    return digest.hexdigest()[:24]


def _cut(model_file: Path, languages: tuple[str, ...]) -> dict[str, Any]:
    """The shipped model's arrays, restricted to ``languages`` (in that order)."""
    import lzma
    import shutil
    import tempfile

    import numpy as np

    # As py3langid's own loader does: unpack to a temporary file, not to memory.
    with tempfile.TemporaryFile(suffix=".npz") as tmp:
        with lzma.open(model_file) as src:
            shutil.copyfileobj(src, tmp, length=1 << 20)
        tmp.seek(0)
        with np.load(tmp, allow_pickle=False) as data:
            missing = {"nextmove_row", "out_feat"}.difference(data.files)
            if missing:
                raise ValueError(f"{model_file}: unsupported py3langid model {sorted(missing)}")
            classes = data["classes"].tolist()
            keep = [classes.index(code) for code in languages]
            return {
                "ptc": np.ascontiguousarray(data["ptc"][:, keep]),
                "pc": np.asarray(data["pc"])[keep],
                "nextmove": data["nextmove"],
                "row": data["nextmove_row"],
                "output": data["out_feat"],
            }


def _model(arrays: dict[str, Any], n_languages: int) -> CutModel:
    ptc, pc = arrays["ptc"], arrays["pc"]
    nextmove, row, output = arrays["nextmove"], arrays["row"], arrays["output"]
    if (
        ptc.ndim != 2
        or ptc.shape[1] != n_languages
        or pc.shape != (n_languages,)
        or row.ndim != 1
        or output.shape != row.shape
        or nextmove.size % 256
        or nextmove.dtype.itemsize not in _TYPECODES
        or row.dtype.itemsize not in _TYPECODES
    ):
        raise ValueError("py3langid cache: arrays of unexpected shape")
    return CutModel(ptc, pc, _as_array(nextmove), _as_array(row), output.tolist())


def load(model_file: Path, languages: tuple[str, ...], cache: Path | None) -> CutModel:
    """The model of ``languages``: from ``cache`` when a copy of this very model is
    there, else cut from ``model_file`` (and written to ``cache`` for the next start;
    a folder that cannot be written only costs the next start the slow read)."""
    import zipfile

    import numpy as np

    if cache is None:
        return _model(_cut(model_file, languages), len(languages))
    path = cache / f"py3langid-{_key(model_file, languages)}.npz"
    try:
        with np.load(path, allow_pickle=False) as data:
            return _model({name: data[name] for name in data.files}, len(languages))
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
        pass
    arrays = _cut(model_file, languages)
    try:
        cache.mkdir(parents=True, exist_ok=True)
        for old in cache.glob("py3langid-*.npz"):
            old.unlink(missing_ok=True)
        write_atomic(path, lambda tmp: _save(tmp, arrays))
    except OSError:
        pass
    return _model(arrays, len(languages))


def _save(tmp: Path, arrays: dict[str, Any]) -> None:
    import numpy as np

    with tmp.open("wb") as handle:
        np.savez(handle, **arrays)
