"""The team's service playbook: offer rules by customer value and hidden-intent hints.

``offer_rules`` and ``likely_next`` read the trainers' resource files (every
problem reported at its line); ``money`` parses order values such as
``25 USD``. Nothing here imports Qt or the database.
"""

from chatassist.core.playbook.likely_next import LikelyNext, LikelyNextHints, load_likely_next
from chatassist.core.playbook.money import Money, MoneyInvalid, Rates
from chatassist.core.playbook.offer_rules import (
    FiredOffer,
    OfferRule,
    OfferRules,
    PlaybookInvalid,
    load_offer_rules,
)

__all__ = [
    "FiredOffer",
    "LikelyNext",
    "LikelyNextHints",
    "Money",
    "MoneyInvalid",
    "OfferRule",
    "OfferRules",
    "PlaybookInvalid",
    "Rates",
    "load_likely_next",
    "load_offer_rules",
]
