"""How common each word is in each Latin-script customer language.

The statistical voters judge letters, so a single word ("weather",
"gobierno", "regering") is often closer in letter n-grams to a neighbour
language than to its own. Knowing the word settles it: the detector adds,
per language, the log frequency of the message's words (a unigram language
model), words a language does not list counting as rare.

The frequencies are wordfreq's "small" lists (words more frequent than one
in a million, 10-60 thousand per language, built from subtitles, Wikipedia,
news, books, web text and social media; data CC-BY-SA 4.0, see
docs/licensing.md). They are read straight from the package's data folder in
its documented "cBpack" format (a gzipped msgpack list: a header, then per
centibel of frequency the words that have it) without importing wordfreq
itself (its import is slow and pulls text-repair modules we do not need).

To stay small in memory the words are kept as 64-bit hashes in one sorted
numpy array with a byte per language (frequency in steps of 4 cB): about
300,000 words in 13 languages take some 6 MB. The hash is BLAKE2b cut to 8
bytes of the word's UTF-8, the same in every process, so the built table can
be kept in a cache folder (a plain ``.npz`` read with ``allow_pickle=False``,
named by a key of the lists' bytes, the languages and `FORMAT_VERSION`):
building it costs 0.2-0.35 s of CPU at every start, reading it a hundredth. A
missing, stale or malformed copy means the lists are read again; the table
is the same either way, so scores do not change.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import re
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from chatassist.core.files import write_atomic

#: Customer language -> the wordfreq list that holds it (Tagalog is "fil" there).
WORDFREQ_LISTS: dict[str, str] = {
    "en": "en", "es": "es", "pt": "pt", "de": "de", "fr": "fr", "it": "it", "nl": "nl",
    "pl": "pl", "tr": "tr", "vi": "vi", "id": "id", "ms": "ms", "tl": "fil",
}  # fmt: skip

FORMAT_VERSION = 1  # of the cached table and its hash: change both together
_STEP_CB = 4  # frequency resolution kept: 4 centibels (a factor of 10 ** 0.04)
_ABSENT = 255
_WORD = re.compile(r"[^\W\d_]+")


class WordFrequencyUnavailable(RuntimeError):
    """The frequency lists cannot be read; the message names the file and why."""


def wordfreq_data_dir() -> Path:
    """The folder of the installed wordfreq package's lists (the package is not imported).

    In the one-folder bundle the lists are data files beside the program
    (packaging/chatassist.spec keeps only the ones `WORDFREQ_LISTS` names).
    """
    spec = importlib.util.find_spec("wordfreq")
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations))) / "data"
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle and (Path(bundle) / "wordfreq" / "data").is_dir():
        return Path(bundle) / "wordfreq" / "data"
    raise WordFrequencyUnavailable("the wordfreq package is not installed (pip install wordfreq)")


def read_cbpack(path: Path) -> list[list[str]]:
    """The word lists of one cBpack file, by centibel below frequency 1.

    Raises `WordFrequencyUnavailable` naming the file when it is missing or not
    in the format this code knows.
    """
    import msgpack

    try:
        with gzip.open(path, "rb") as handle:
            data: Any = msgpack.load(handle, raw=False)
    except (OSError, ValueError, msgpack.UnpackException) as exc:
        raise WordFrequencyUnavailable(f"{path}: cannot read word frequencies: {exc}") from exc
    if (
        not isinstance(data, list)
        or not data
        or data[0] != {"format": "cB", "version": 1}
        or not all(isinstance(bucket, list) for bucket in data[1:])
    ):
        raise WordFrequencyUnavailable(f"{path}: not a cBpack file of format cB version 1")
    return data[1:]


def word_hashes(words: Sequence[str]) -> Any:
    """The table's 64-bit key of each word (numpy int64), stable across processes."""
    import numpy as np

    b2 = hashlib.blake2b
    digests = b"".join(
        [b2(w.encode("utf-8", "surrogatepass"), digest_size=8).digest() for w in words]
    )
    return np.frombuffer(digests, dtype="<i8").astype(np.int64)


def words_of(text: str) -> list[str]:
    """The words of ``text`` as the lists spell them (NFC, case-folded, letters only)."""
    return _WORD.findall(unicodedata.normalize("NFC", text).casefold())


class WordFrequencyModel:
    """Log10 word frequencies per language, loaded by `load()`."""

    def __init__(
        self,
        languages: Sequence[str] = tuple(WORDFREQ_LISTS),
        data_dir: Path | None = None,
        wordlist: str = "small",
        cache: Path | None = None,
    ) -> None:
        """``cache``: a folder where the built table is kept for the next start
        (None: built from the lists each time)."""
        unknown = [lang for lang in languages if lang not in WORDFREQ_LISTS]
        if unknown:
            raise ValueError(f"no word frequency list for {', '.join(unknown)}")
        self.languages = tuple(languages)
        self._data_dir = data_dir
        self._wordlist = wordlist
        self._cache = cache
        self._keys: Any = None  # sorted int64 hashes
        self._table: Any = None  # uint8 [word, language]: -cB / _STEP_CB, _ABSENT if unlisted

    @property
    def loaded(self) -> bool:
        return self._keys is not None

    @property
    def size(self) -> int:
        """How many distinct words the lists hold (0 before `load`)."""
        return 0 if self._keys is None else int(self._keys.shape[0])

    def load(self) -> None:
        if self._keys is not None:
            return
        folder = self._data_dir or wordfreq_data_dir()
        files = [
            folder / f"{self._wordlist}_{WORDFREQ_LISTS[lang]}.msgpack.gz"
            for lang in self.languages
        ]
        cached = self._cached_path(files)
        if cached is not None:
            table = self._read_cached(cached)
            if table is not None:
                self._keys, self._table = table
                return
        keys, table = self._build(folder, files)
        if cached is not None:
            self._write_cached(cached, keys, table)
        self._keys, self._table = keys, table

    def _cached_path(self, files: Sequence[Path]) -> Path | None:
        """Where the table built from ``files`` is kept (None: no cache, or a list
        cannot be read: building says which)."""
        if self._cache is None:
            return None
        digest = hashlib.sha256(f"{FORMAT_VERSION}/{','.join(self.languages)}/".encode())
        try:
            for path in files:
                digest.update(path.read_bytes())
        except OSError:
            return None
        return self._cache / f"wordfreq-{digest.hexdigest()[:24]}.npz"

    def _read_cached(self, path: Path) -> tuple[Any, Any] | None:
        import zipfile

        import numpy as np

        try:
            with np.load(path, allow_pickle=False) as data:
                keys, table = data["keys"], data["table"]
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
            return None
        if (
            keys.dtype != np.int64
            or keys.ndim != 1
            or not keys.shape[0]
            or table.dtype != np.uint8
            or table.shape != (keys.shape[0], len(self.languages))
            or not bool(np.all(keys[1:] > keys[:-1]))  # sorted, unique: searchsorted needs it
        ):
            return None
        return keys, table

    def _write_cached(self, path: Path, keys: Any, table: Any) -> None:
        """Keep the table for the next start; a folder that cannot be written only
        costs the next start the build."""
        import numpy as np

        def save(tmp: Path) -> None:
            with tmp.open("wb") as handle:
                np.savez(handle, keys=keys, table=table)

        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            for old in path.parent.glob("wordfreq-*.npz"):
                old.unlink(missing_ok=True)
            write_atomic(path, save)
        except OSError:
            pass

    def _build(self, folder: Path, files: Sequence[Path]) -> tuple[Any, Any]:
        import numpy as np

        per_language: list[tuple[Any, Any]] = []  # (hashes, frequency steps), unique hashes
        for path in files:
            buckets = read_cbpack(path)
            words = [w for bucket in buckets for w in bucket]
            steps = np.repeat(
                np.minimum(np.arange(len(buckets)) // _STEP_CB, _ABSENT - 1).astype(np.uint8),
                [len(bucket) for bucket in buckets],
            )
            hashes = word_hashes(words)
            # Buckets run from the most frequent: a word listed twice keeps its first entry.
            hashes, first = np.unique(hashes, return_index=True)
            per_language.append((hashes, steps[first]))
        every = np.sort(np.concatenate([h for h, _ in per_language]))
        keys = every[np.concatenate(([True], every[1:] != every[:-1]))] if every.size else every
        if not keys.shape[0]:
            raise WordFrequencyUnavailable(f"{folder}: the word frequency lists are empty")
        table = np.full((keys.shape[0], len(self.languages)), _ABSENT, np.uint8)
        for column, (hashes, steps) in enumerate(per_language):
            table[np.searchsorted(keys, hashes), column] = steps
        return keys, table

    def log_frequencies(self, words: Sequence[str], floor: float) -> dict[str, float]:
        """Per language, the sum over ``words`` of log10 frequency, unlisted words at ``floor``."""
        self.load()
        import numpy as np

        if not words:
            return dict.fromkeys(self.languages, 0.0)
        wanted = word_hashes(words)
        at = np.minimum(np.searchsorted(self._keys, wanted), self._keys.shape[0] - 1)
        found = self._keys[at] == wanted
        rows = self._table[at[found]].astype(np.float64)
        logs = np.where(rows == _ABSENT, floor, np.maximum(-rows * _STEP_CB / 100.0, floor))
        totals = logs.sum(axis=0) + floor * int((~found).sum())
        return dict(zip(self.languages, totals.tolist(), strict=True))
