"""The intent cue lexicon, validated once per content: parsing and checking its
7,500 cues costs more than a second at every start, and the file only changes
with a new chatassist (or a trainer's edit). The parsed cues are kept as JSON
in the cache folder, keyed by the file's bytes and the code that reads it; a
missing, stale or malformed copy means the file is parsed again (and its
problems reported as usual)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from chatassist.core.files import write_atomic
from chatassist.core.intents import Cue, CueLexicon, load_lexicon
from chatassist.core.intents import lexicon as lexicon_module

FILE_NAME = "cue-lexicon.json"
VERSION = 2  # 2: the chit-chat markers are kept too


def _key(data: bytes) -> str:
    digest = hashlib.sha256(f"{VERSION}/".encode())
    digest.update(data)
    try:
        digest.update(Path(lexicon_module.__file__ or "").read_bytes())
    except OSError:
        import chatassist

        digest.update(chatassist.__version__.encode())
    return digest.hexdigest()[:32]


def _cues(cues: tuple[Cue, ...]) -> list[list[Any]]:
    return [[c.text, c.language, c.weight, c.line, c.normalized] for c in cues]


def _from(rows: list[list[Any]]) -> tuple[Cue, ...]:
    return tuple(
        Cue(str(t), str(lang), float(w), int(line), str(n)) for t, lang, w, line, n in rows
    )


def load(path: Path, cache: Path) -> CueLexicon:
    """The lexicon at ``path`` (LexiconInvalid as ``load_lexicon`` raises it)."""
    try:
        key = _key(path.read_bytes())
    except OSError:
        return load_lexicon(path)
    try:
        data = json.loads((cache / FILE_NAME).read_bytes())
        if data.get("key") == key:
            return CueLexicon(
                {str(k): _from(v) for k, v in data["scenarios"].items()},
                {str(k): _from(v) for k, v in data["urgency"].items()},
                str(path),
                _from(data["chat"]),
            )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    lexicon = load_lexicon(path)
    out = {
        "key": key,
        "scenarios": {k: _cues(v) for k, v in lexicon.scenarios.items()},
        "urgency": {k: _cues(v) for k, v in lexicon.urgency.items()},
        "chat": _cues(lexicon.chat),
    }
    try:
        cache.mkdir(parents=True, exist_ok=True)
        write_atomic(cache / FILE_NAME, json.dumps(out, ensure_ascii=False))
    except OSError:
        pass  # the next start parses it again
    return lexicon
