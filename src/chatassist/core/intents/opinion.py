"""The word-part model's second opinion on the cue detector's chips (see ``detector``)."""

from __future__ import annotations

import math

from chatassist.core.intents.chips import hidden_by
from chatassist.core.intents.learnt import NO_SCENARIO, WordPartModel
from chatassist.core.intents.lexicon import ANY_LANGUAGE
from chatassist.core.intents.result import LEARNT, Evidence, ScenarioMatch
from chatassist.core.scenarios import is_urgent

#: The word-part model's best scenario (`learnt`) is added as a chip when the cues did
#: not find it and its posterior is at least ADD_MIN, while it gives no request
#: (``none``) at most ADD_NONE_MAX (what it half reads as chit-chat gets no chip from its
#: words alone: "the lamp shade is lovely"); a chip after the first stays only with a
#: posterior of KEEP_MIN (the cues' second guesses the model finds absurd go).
MODEL_ADD_MIN = 0.8
MODEL_ADD_NONE_MAX = 0.05
MODEL_KEEP_MIN = 0.03
#: ... and its best scenario leads when this sure, over a first chip under MODEL_LEAD_RAW
#: (one cue or a guess; two or more cues keep their order)
MODEL_LEAD_MIN = 0.95
MODEL_LEAD_RAW = 1.0
#: When the model finds no request (``none``) at least MODEL_NONE_MIN likely and likelier
#: than the first chip's scenario, a first chip under MODEL_NONE_RAW (a lone weak cue or a
#: guess: "this is Maria again", "oh really??") goes, and with it the rest.
MODEL_NONE_MIN = 0.2
MODEL_NONE_RAW = 0.7
#: Any chip resting on evidence under MODEL_DOUBT_RAW (a weak word: "estoy en el curro"
#: is no size question) goes when the model gives its scenario under MODEL_DOUBT_MAX.
MODEL_DOUBT_RAW = 0.7
MODEL_DOUBT_MAX = 0.05


def second_opinion(
    matches: list[ScenarioMatch], model: WordPartModel, norm: str
) -> list[ScenarioMatch]:
    """``matches`` checked against the word-part model: weak evidence in what it reads
    as chit-chat goes, weak evidence it finds absurd goes, later chips it finds absurd go,
    and its confident best scenario joins, second (first when the cues found nothing or
    their first chip rests on thin evidence and the model is surer still)."""
    ranked = model.rank(norm)
    if not ranked:
        return matches
    posterior = dict(ranked)
    chat = posterior.get(NO_SCENARIO, 0.0)
    if (
        matches
        and matches[0].raw < MODEL_NONE_RAW
        and chat >= max(MODEL_NONE_MIN, posterior.get(matches[0].id, 0.0))
    ):
        return []
    kept = [
        m
        for i, m in enumerate(matches)
        if (i == 0 or posterior.get(m.id, 0.0) >= MODEL_KEEP_MIN)
        and not (m.raw < MODEL_DOUBT_RAW and posterior.get(m.id, 0.0) < MODEL_DOUBT_MAX)
    ]
    best, p = ranked[0]
    if best == NO_SCENARIO or p < MODEL_ADD_MIN or chat > MODEL_ADD_NONE_MAX:
        return kept
    match = next((m for m in kept if m.id == best), None)
    if match is None and hidden_by(best, [m.id for m in kept]):
        return kept  # part of a request found ("late, where is it?": the delay)
    if match is None:
        evidence = Evidence(
            " ".join(model.telling_parts(norm, best)), LEARNT, ANY_LANGUAGE, round(p, 3)
        )
        raw = round(p, 3)
        match = ScenarioMatch(best, round(1 - math.exp(-raw), 3), is_urgent(best), (evidence,), raw)
        kept = [*kept[:1], match, *kept[1:]]
    if kept[0] is not match and p >= MODEL_LEAD_MIN and kept[0].raw < MODEL_LEAD_RAW:
        kept = [match, *(m for m in kept if m is not match)]
    return kept
