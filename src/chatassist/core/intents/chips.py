"""Which detected scenarios are shown to the agent as chips, and how scenarios read
next to each other (issue 12: no false chips).

Every scenario the detector returns is a chip in the sidebar, so after the first a
scenario needs evidence of its own (`shown_after`). Some pairs describe one request
and are scored or shown as one (`CONTEXTS`): a remedy next to a physical problem
follows it, fault words about a coupon are no product fault, how long an item
worked is no late parcel, the questions around a fault or a safety concern are
answered by its reply, and the return, parcel and refund around a refund awaited are
that refund's story. An exchange next to a size problem is a size swap (`SWAP`).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import NamedTuple

from chatassist.core.intents.matcher import Hit
from chatassist.core.intents.result import WORD, Evidence

REMEDY_FACTOR = 0.8
SWAP_FACTOR = 0.8
NOT_A_PRODUCT_FACTOR = 0.5
IN_HAND_FACTOR = 0.7
#: "Broke on the first trip, is that under warranty?": a break next to fault words
#: (warranty, stopped working) happened in use, so damaged_item counts this much.
BROKE_IN_USE_FACTOR = 0.8
#: A size cue this strong states a fit problem; weaker ones merely name a size ("is the
#: M back?", "swap it for another size"), which is the variant wanted, not advice.
VARIANT_MIN_WEIGHT = 1.0
#: A scenario after the first is shown only with at least this share of the first's
#: evidence, and with evidence of its own beyond back-off words (no false chips).
SHOWN_SHARE = 0.5

# "Arrived broken, I want a refund": the physical problem leads (photos, claim), the
# remedy follows, so a remedy next to such a problem counts REMEDY_FACTOR as much.
REMEDIES = frozenset({"refund_request", "return_exchange"})
PHYSICAL_PROBLEMS = frozenset({"damaged_item", "wrong_item", "product_safety"})
# "Too tight, can I swap it for an L?": an exchange asked next to a size problem (a
# size cue at least VARIANT_MIN_WEIGHT strong, not a size merely named) is a size swap,
# which size advice handles; the exchange counts SWAP_FACTOR as much, and not
# at all on the words it shares with a size cue of the lexicon ("tukar saiz", "exchange for a M").
SWAP = ("return_exchange", "size_fit")
# "The coupon does not work", "my card won't go through": fault words about a code or a
# payment are not a product fault.
NOT_PRODUCTS = frozenset({"points_coupons", "payment_issue"})
# "Stopped heating after 2 weeks": next to a product fault, how long is how long the
# item worked, not a late parcel; the item is in hand.
LOGISTICS = frozenset({"shipping_delay", "order_status"})
# ... and "lost its suction" is the item losing a function, not a lost parcel.
IN_HAND = LOGISTICS | {"not_received"}
CONVERSATION = frozenset({"greeting", "closing", "hold_on"})
# "Is the M back?", "I ordered the M and got an S": a size merely named in a stock
# question or a wrong-item report is the variant wanted, not a fit problem.
SIZE_NAMED = frozenset({"stock_availability", "wrong_item"})
#: ... and counts this much next to one of them, so the stock question or the wrong item leads.
SIZE_NAMED_FACTOR = 0.7


class Context(NamedTuple):
    """A scenario read differently next to others: its evidence counts ``factor`` as
    much when any of ``context`` is detected too, and (``hidden``) it gets no chip of
    its own after a chip of one of them."""

    scenarios: frozenset[str]
    context: frozenset[str]
    factor: float
    hidden: bool


FAULT = frozenset({"product_fault"})
REFUND_STORY = frozenset({"refund_request", "return_exchange", "shipping_delay", "order_status"})
CONTEXTS = (
    Context(REMEDIES, PHYSICAL_PROBLEMS, REMEDY_FACTOR, hidden=False),
    Context(FAULT, NOT_PRODUCTS, NOT_A_PRODUCT_FACTOR, hidden=True),
    Context(IN_HAND, FAULT, IN_HAND_FACTOR, hidden=True),
    Context(frozenset({"damaged_item"}), FAULT, BROKE_IN_USE_FACTOR, hidden=True),
    # "a rash after using it, is it safe for kids?": the safety reply answers
    Context(frozenset({"product_question"}), frozenset({"product_safety"}), 1.0, hidden=True),
    # "stopped charging, does it work with other cables?": the fault reply answers
    Context(frozenset({"product_question"}), FAULT, 1.0, hidden=True),
    # "where is my refund? I sent it back 2 weeks ago": the return, the parcel and the
    # refund asked for are the story of the refund awaited
    Context(REFUND_STORY, frozenset({"refund_status"}), 1.0, hidden=True),
    Context(frozenset({"refund_status"}), frozenset({"refund_request"}), 1.0, hidden=True),
    # "cancel it if it has not shipped yet", "change the address before it ships": the
    # parcel's state is the condition of the request, not a question of its own
    Context(LOGISTICS, frozenset({"cancel_order", "address_change"}), 1.0, hidden=True),
    # "can I pay with PayPay?", "does the code work on sale items?": a question about
    # paying is no product question
    Context(frozenset({"product_question"}), NOT_PRODUCTS, 1.0, hidden=True),
    # "when will it be back, when would it ship?", "late / says delivered, where is it?":
    # one answer
    Context(
        frozenset({"order_status"}),
        frozenset({"stock_availability", "shipping_delay", "not_received"}),
        1.0,
        hidden=True,
    ),
)
#: A scenario ranked before the others: its score, its best cue's weight, -taxonomy
#: order, first position in the message, id, evidence.
Ranked = tuple[float, float, int, int, str, tuple[Evidence, ...]]


def context_factor(sid: str, detected: Collection[str]) -> float:
    """How much ``sid``'s evidence counts with the other ``detected`` scenarios."""
    factor = 1.0
    for rule in CONTEXTS:
        if sid in rule.scenarios and not rule.context.isdisjoint(detected):
            factor *= rule.factor
    return factor


def shown_after(
    sid: str,
    raw: float,
    evidence: tuple[Evidence, ...],
    hits_of: dict[str, list[Hit]],
    gapped: list[bool],
    shown: list[Ranked],
) -> bool:
    """Whether ``sid`` earns a chip after the ``shown`` ones: every chip is shown to the
    agent, so a later one needs evidence of its own, not words an earlier chip stands on."""
    if raw < SHOWN_SHARE * shown[0][0] or all(e.source == WORD for e in evidence):
        return False
    above = {r[4] for r in shown}
    if hidden_by(sid, above):
        return False
    if (
        sid == "size_fit"
        and not above.isdisjoint(SIZE_NAMED)
        and max(e.weight for e in evidence) < VARIANT_MIN_WEIGHT
    ):
        return False
    # Words a longer cue of an earlier chip already explains. Cues on the very same
    # words stay ambiguous (both shown), and a gapped cue owns no words in its gap.
    taken = [h for other in above for h in hits_of[other] if not gapped[h.pattern]]
    return any(not any(h.within(t) and h.span != t.span for t in taken) for h in hits_of[sid])


def hidden_by(sid: str, others: Collection[str]) -> bool:
    """Whether ``sid`` gets no chip next to ``others``: it is part of their request
    (`CONTEXTS`), or a hello before a request ("hi, where is my order")."""
    if sid == "greeting" and not set(others) <= CONVERSATION:
        return True
    return any(
        rule.hidden and sid in rule.scenarios and not rule.context.isdisjoint(others)
        for rule in CONTEXTS
    )


def overlap(a: Hit, b: Hit) -> bool:
    return a.substring == b.substring and a.span[0] < b.span[1] and b.span[0] < a.span[1]
