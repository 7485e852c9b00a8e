"""Which installed packs translate a pair of customer languages: a direct pack,
else two packs through English (argos only publishes en<->x packs).

Simplified and Traditional Chinese are converted into each other by script
conversion (OpenCC, see script.py), never by a model; a Traditional Chinese side
without its own (zt) pack goes through Simplified Chinese by conversion too.
"""

from __future__ import annotations

from collections.abc import Sequence

from chatassist.core.translation.codes import (
    PIVOT,
    argos_codes,
    check_language,
    not_in_index_note,
    pack_name,
)
from chatassist.core.translation.errors import NoPackError
from chatassist.core.translation.model import InstalledPack
from chatassist.core.translation.script import (
    DEFAULT_VARIANT,
    ScriptHop,
    to_simplified,
    to_traditional,
)

#: A step of a route: a pack run by the backend, or a script conversion.
Hop = InstalledPack | ScriptHop
_SCRIPTS = frozenset({"zh-Hans", "zh-Hant"})


def index_packs(packs: Sequence[InstalledPack]) -> dict[tuple[str, str], InstalledPack]:
    """Packs by (from, to) argos codes; of two packs for one pair the later version wins."""
    by_pair: dict[tuple[str, str], InstalledPack] = {}
    for pack in packs:
        key = (pack.from_code, pack.to_code)
        current = by_pair.get(key)
        if current is None or _version_key(pack.version) > _version_key(current.version):
            by_pair[key] = pack
    return by_pair


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) if part.isdigit() else 0 for part in version.split("."))


def _direct(
    by_pair: dict[tuple[str, str], InstalledPack], source: str, target: str
) -> InstalledPack | None:
    for from_code in argos_codes(source):
        for to_code in argos_codes(target):
            pack = by_pair.get((from_code, to_code))
            if pack is not None:
                return pack
    return None


def find_route(
    by_pair: dict[tuple[str, str], InstalledPack],
    source: str,
    target: str,
    *,
    variant: str = DEFAULT_VARIANT,
) -> tuple[tuple[str, ...], tuple[Hop, ...]]:
    """``(route, hops)`` for customer codes, e.g. ``(("zh-Hans", "en", "ja"), (zh_en, en_ja))``.

    ``variant`` is the Traditional Chinese variant of script conversions (script.VARIANTS).
    Raises NoPackError naming the packs to install when there is no route.
    """
    check_language(source)
    check_language(target)
    if source == target:
        return (source,), ()
    if {source, target} == _SCRIPTS:
        hop = to_traditional(variant) if target == "zh-Hant" else to_simplified(variant)
        return (source, target), (hop,)
    found = _neural_route(by_pair, source, target)
    if found is not None:
        return found
    # No zt pack: convert to/from Simplified Chinese and use its packs.
    if target == "zh-Hant":
        via = _neural_route(by_pair, source, "zh-Hans")
        if via is not None:
            return (*via[0], target), (*via[1], to_traditional(variant))
    if source == "zh-Hant":
        via = _neural_route(by_pair, "zh-Hans", target)
        if via is not None:
            return (source, *via[0]), (to_simplified(variant), *via[1])
    raise _no_pack(by_pair, source, target)


def _neural_route(
    by_pair: dict[tuple[str, str], InstalledPack], source: str, target: str
) -> tuple[tuple[str, ...], tuple[Hop, ...]] | None:
    direct = _direct(by_pair, source, target)
    if direct is not None:
        return (source, target), (direct,)
    if PIVOT not in (source, target):
        first = _direct(by_pair, source, PIVOT)
        second = _direct(by_pair, PIVOT, target)
        if first is not None and second is not None:
            return (source, PIVOT, target), (first, second)
    return None


def _no_pack(
    by_pair: dict[tuple[str, str], InstalledPack], source: str, target: str
) -> NoPackError:
    if PIVOT not in (source, target):
        first = _direct(by_pair, source, PIVOT)
        second = _direct(by_pair, PIVOT, target)
        missing = tuple(
            pack_name(a, b)
            for (a, b), have in (((source, PIVOT), first), ((PIVOT, target), second))
            if have is None
        )
    else:
        missing = (pack_name(source, target),)
    note = not_in_index_note((source, target))
    message = f"no language pack for {source}→{target}: install {' and '.join(missing)}{note}"
    return NoPackError(message, source, target, missing)
