"""A customer's established language across the messages of one conversation.

Pure logic on `Detection`s: one short or uncertain message ("ok", "thanks",
a name) does not overturn what the conversation has shown; a clear, longer
message in another language does, and so do two clear short messages in a
row. An agent may pin the language by hand, which nothing overrides until
unpinned.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from chatassist.core.detection.result import Detection

_NO_SPACE_SCRIPTS = frozenset({"Hani", "Kana", "Thai"})


@dataclass
class ConversationLanguage:
    """The language to answer a conversation in, updated message by message."""

    switch_confidence: float = 0.95  # a message must be at least this sure to switch
    switch_words: int = 4  # ... and this long (CJK/Thai: twice as many characters)
    switch_after: int = 2  # or this many clear messages in a row in the other language
    _language: str | None = field(default=None, init=False)
    _established: bool = field(default=False, init=False)
    _pinned: bool = field(default=False, init=False)
    _challenger: str | None = field(default=None, init=False)
    _challenges: int = field(default=0, init=False)

    @property
    def language(self) -> str | None:
        """The current language, or None before any message with text."""
        return self._language

    @property
    def established(self) -> bool:
        """True once a clear message (or the agent) has confirmed the language."""
        return self._established or self._pinned

    @property
    def pinned(self) -> bool:
        return self._pinned

    def pin(self, language: str) -> None:
        """The agent sets the language; detections no longer change it."""
        self._language = language
        self._pinned = True
        self._reset_challenge()

    def unpin(self) -> None:
        """Detections may change the language again; the pinned one stays established."""
        if self._pinned:
            self._pinned = False
            self._established = self._language is not None

    def observe(self, detection: Detection) -> str | None:
        """Take one customer message into account; returns the current language."""
        if self._pinned or detection.is_unknown:
            return self._language
        clear = not detection.uncertain
        if self._language is None or self._same(detection):
            if self._language is None:
                self._language = detection.language
            self._established = self._established or clear
            self._reset_challenge()
            return self._language
        if not self._established:
            # Nothing confirmed yet: follow the latest message.
            self._language = detection.language
            self._established = clear
            return self._language
        if (
            clear
            and detection.confidence >= self.switch_confidence
            and _is_long(detection, self.switch_words)
        ):
            return self._switch(detection.language)
        if clear:
            if self._challenger == detection.language:
                self._challenges += 1
            else:
                self._challenger, self._challenges = detection.language, 1
            if self._challenges >= self.switch_after:
                return self._switch(detection.language)
        return self._language

    def _same(self, detection: Detection) -> bool:
        # "id, possibly ms" does not challenge an established Malay conversation.
        return self._language == detection.language or self._language in detection.ambiguous_with

    def _switch(self, language: str) -> str:
        self._language = language
        self._established = True
        self._reset_challenge()
        return language

    def _reset_challenge(self) -> None:
        self._challenger, self._challenges = None, 0


def _is_long(detection: Detection, words: int) -> bool:
    text = detection.cleaned_text
    if detection.script in _NO_SPACE_SCRIPTS:
        return sum(ch.isalpha() for ch in text) >= 2 * words
    return sum(any(ch.isalpha() for ch in w) for w in text.split()) >= words
