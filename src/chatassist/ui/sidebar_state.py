"""What the sidebar's parts read (a model apart from the widgets): the services
once loaded, the analysis on screen, the customers and the agent's settings.

The sidebar writes it; the parts (``sidebar_copy``, ``sidebar_replies``) only
read it, so none of them needs the window.
"""

from __future__ import annotations

from chatassist.core.assist import Analysis
from chatassist.core.suggestions import CustomerProfile
from chatassist.settings import Settings
from chatassist.ui.backend import Backend, TranslatorLike
from chatassist.ui.customers import CustomerBook


class SidebarState:
    def __init__(self, settings: Settings, customers: CustomerBook) -> None:
        self.settings = settings
        self.customers = customers
        #: the assistant, library and usage log (None until loaded)
        self.backend: Backend | None = None
        #: the translation service (None until its engine is loaded)
        self.translator: TranslatorLike | None = None
        #: the analysis of the shown message (None: no message, or not analysed yet)
        self.analysis: Analysis | None = None

    @property
    def agent_language(self) -> str:
        return str(self.settings.get("agent_language"))

    @property
    def country(self) -> str | None:
        """The customer's country (the analysis's region choice, else as set for the
        customer): it picks Taiwan's or Hong Kong's Traditional Chinese."""
        if self.analysis is not None:
            return self.analysis.region.country
        return self.customers.current.country

    def profile(self) -> CustomerProfile:
        """Who the replies are for: the analysis when there is one, else the customer."""
        customer = self.customers.current
        if self.analysis is not None:
            a = self.analysis
            return CustomerProfile(a.language, a.tone, a.region.region.id, customer.segment)
        language = customer.language or "en"
        tone = customer.tone or "direct"
        return CustomerProfile(language, tone, customer.region or "", customer.segment)
