"""The composition root: the one place that builds the app's objects and
passes them in. Nothing else constructs services or holds globals.

Services are built lazily so that a command only pays for what it uses
(``chatassist phrasebook validate`` never opens the database, ``detect``
never imports Qt or argostranslate).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from chatassist import paths as paths_mod
from chatassist.paths import AppPaths

#: labelled example messages under the bundled resources (core/intents/examples.py)
EXAMPLES_FOLDER = "intent_examples"
# The word-part model is the same for every App of a process while the files it is learnt
# from are (keyed by the suggestion index's code key): trained once, not once per App.
_TRAINED: dict[str, WordPartModel] = {}
_TRAINED_LOCK = threading.Lock()

if TYPE_CHECKING:
    from chatassist.core.assist import Assistant
    from chatassist.core.detection import LanguageDetector
    from chatassist.core.intents import CueLexicon
    from chatassist.core.intents.learnt import WordPartModel
    from chatassist.core.phrasebook.house_style import HouseStyle
    from chatassist.core.playbook import LikelyNextHints, OfferRules
    from chatassist.core.playbook.rules_file import OfferRulesFile
    from chatassist.core.regions import RegionConfig
    from chatassist.core.statistics.responses import ResponseReport
    from chatassist.core.statistics.usage import UsageCount
    from chatassist.core.translation.packs import PackManager
    from chatassist.core.translation.service import TranslationService
    from chatassist.settings import Settings
    from chatassist.storage.database import Database
    from chatassist.storage.glossary import GlossaryStore
    from chatassist.storage.library import PhrasebookLibrary
    from chatassist.storage.responses import ResponseLog
    from chatassist.storage.revision import LibraryRevision
    from chatassist.storage.suggestion_index import SuggestionIndex
    from chatassist.storage.team.link import TeamLink
    from chatassist.storage.team.replica import ChangedBy
    from chatassist.storage.translation_cache import SqliteTranslationCache
    from chatassist.storage.usage import UsageLog


T = TypeVar("T")


class service(Generic[T]):
    """A service built on first use, once, even when several threads ask at once
    (the sidebar's workers and the UI thread do; functools.cached_property has no
    lock from Python 3.12 on). Services may use each other: the lock is re-entrant."""

    def __init__(self, build: Callable[[Any], T]) -> None:
        self.build = build
        self.name = build.__name__
        self.__doc__ = build.__doc__

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> service[T]: ...
    @overload
    def __get__(self, obj: object, owner: type | None = None) -> T: ...
    def __get__(self, obj: object | None, owner: type | None = None) -> service[T] | T:
        if obj is None:
            return self
        built = obj.__dict__
        if self.name in built:
            return built[self.name]  # type: ignore[no-any-return]
        with obj._lock:  # type: ignore[attr-defined]
            if self.name not in built:
                built[self.name] = self.build(obj)
            return built[self.name]  # type: ignore[no-any-return]


class App:
    def __init__(self, paths: AppPaths) -> None:
        self.paths = paths
        self._lock = threading.RLock()
        self._index: SuggestionIndex | None = None
        self._saves: list[threading.Thread] = []
        self._saving_lock = threading.Lock()

    @classmethod
    def from_args(cls, data_dir: str | None) -> App:
        return cls(paths_mod.resolve(data_dir))

    @service
    def database(self) -> Database:
        """The migrated library database; on first use the bundled phrasebooks are imported."""
        self._import_peewee()
        from chatassist.storage.database import Database

        self.paths.ensure()
        db = Database.open(self.paths.database, backups_dir=self.paths.backups)
        from chatassist.storage.library import PhrasebookLibrary

        library = PhrasebookLibrary(db)
        # A team member's library is the team's (pulled by sync), never the bundled one.
        if library.is_empty() and self.team_link is None:
            library.import_bundled(paths_mod.bundled_phrasebooks())
        return db

    def _import_peewee(self) -> None:
        """peewee without PostgreSQL's driver unless a team is configured
        (storage/sql_import.py): a third of a fresh ``suggest`` otherwise."""
        from chatassist.storage.sql_import import import_peewee

        import_peewee(postgres=self.team_link is not None)

    @service
    def library(self) -> PhrasebookLibrary:
        from chatassist.storage.library import PhrasebookLibrary

        link = self.team_link
        if link is not None and link.role == "trainer":
            from chatassist.storage.team.trainer_library import TeamTrainerLibrary

            return TeamTrainerLibrary(self.database, link.server, self.paths.team_drafts)
        if link is not None:
            from chatassist.storage.team.trainer_library import TeamAgentLibrary

            return TeamAgentLibrary(self.database)
        return PhrasebookLibrary(self.database, self.glossary)

    @property
    def team_link(self) -> TeamLink | None:
        """The team library this data folder is joined to (settings), if any."""
        from chatassist.storage.team.link import link

        return link(self.settings)

    @service
    def detector(self) -> LanguageDetector:
        """Customer-language detection; models and the chat lexicon (plus the intent
        cues' words) load on first use or in ``warm_up()`` (call it from a worker).
        Needs no database."""
        from chatassist.core.detection import LanguageDetector
        from chatassist.core.detection.lexicon import load_chat_lexicon

        def lexicon() -> Any:
            chat = load_chat_lexicon(paths_mod.bundled_resources() / "chat_lexicon.yaml")
            return chat.with_cues(self.cue_lexicon)

        return LanguageDetector(lexicon=lexicon, model_cache=self.paths.cache)

    @service
    def cue_lexicon(self) -> CueLexicon:
        """The intent cue lexicon (``resources/intent_cues.yaml``), read once."""
        from chatassist.storage import lexicon_cache

        return lexicon_cache.load(
            paths_mod.bundled_resources() / "intent_cues.yaml", self.paths.cache
        )

    @service
    def intent_model(self) -> WordPartModel:
        """The word-part model the intent detector asks for a second opinion, learnt from
        the labelled messages of ``resources/intent_examples`` and the cue lexicon (about
        3 s, once per process: built with the suggestion index, which is persisted)."""
        return self._model_for(self._index_code())

    def _index_code(self) -> str:
        """The suggestion index's code key: what it depends on besides the library
        (the cue lexicon, the example files, the code that builds it)."""
        from chatassist.storage.suggestion_index import code_key

        resources = paths_mod.bundled_resources()
        return code_key(resources / "intent_cues.yaml", resources / EXAMPLES_FOLDER)

    def _model_for(self, code: str) -> WordPartModel:
        """The word-part model of code key ``code``, trained once per process."""
        from chatassist.core.intents.examples import load_examples
        from chatassist.core.intents.learnt import WordPartModel

        with _TRAINED_LOCK:
            model = _TRAINED.get(code)
            if model is None:
                folder = paths_mod.bundled_resources() / EXAMPLES_FOLDER
                examples = load_examples([folder])
                model = WordPartModel.from_lexicon(
                    self.cue_lexicon, [(e.scenarios, e.text) for e in examples]
                )
                _TRAINED.clear()
                _TRAINED[code] = model
        return model

    @service
    def packs(self) -> PackManager:
        """Installed language packs (listing never goes online; downloads only on request)."""
        import os

        from chatassist.core.translation.pack_index import DEFAULT_INDEX_URL
        from chatassist.core.translation.packs import PackManager

        index_url = os.environ.get("CHATASSIST_PACK_INDEX") or DEFAULT_INDEX_URL
        return PackManager(self.paths.packs, index_url=index_url)

    @service
    def translator(self) -> TranslationService:
        """Offline translation; the engine loads on first use or in ``warm_up`` (call it
        from a worker)."""
        from chatassist.core.translation.ct2_backend import CTranslate2Backend
        from chatassist.core.translation.service import TranslationService

        return TranslationService(
            CTranslate2Backend(),
            self.packs,
            self.translation_cache,
            traditional_variant=str(self.settings.get("traditional_chinese")),
            # The library opens on the first translation, not when the service is built.
            glossary=lambda: self.glossary.current(),
        )

    @service
    def glossary(self) -> GlossaryStore:
        """The trainers' glossary in the library database."""
        from chatassist.storage.glossary import GlossaryStore

        return GlossaryStore(self.database)

    @service
    def translation_cache(self) -> SqliteTranslationCache:
        """Disposable cache of translations, its own SQLite file (closed by ``close``)."""
        from chatassist.storage.translation_cache import SqliteTranslationCache

        self.paths.ensure()
        return SqliteTranslationCache(self.paths.translation_cache)

    @service
    def settings(self) -> Settings:
        from chatassist.settings import Settings

        return Settings.load(self.paths.settings)

    @service
    def regions(self) -> RegionConfig:
        from chatassist.core.regions import load_regions

        return load_regions(paths_mod.bundled_resources() / "regions.yaml")

    @service
    def offer_rules_file(self) -> OfferRulesFile:
        """Where the offer rules are: the team's own file in the data folder (saved by
        the editor) or else the bundled resources/offer_rules.yaml."""
        from chatassist.core.playbook.rules_file import FILE_NAME, OfferRulesFile

        return OfferRulesFile(
            self.paths.data_dir / FILE_NAME,
            paths_mod.bundled_resources() / FILE_NAME,
            self.paths.backups / "offer_rules",
        )

    @property
    def offer_rules(self) -> OfferRules:
        """The offer rules in force, validated (read again each time: the editor may
        have saved new ones; a small file)."""
        return self.offer_rules_file.load()

    @service
    def house_style(self) -> HouseStyle:
        """Each language's register (resources/house_style.yaml), validated; checked by
        ``phrasebook validate`` and the editor as warnings."""
        from chatassist.core.phrasebook.house_style import load_house_style

        return load_house_style(paths_mod.bundled_resources() / "house_style.yaml")

    @service
    def likely_next(self) -> LikelyNextHints:
        """Hidden-intent hints (resources/likely_next.yaml), validated."""
        from chatassist.core.playbook import load_likely_next

        return load_likely_next(paths_mod.bundled_resources() / "likely_next.yaml")

    @service
    def responses(self) -> ResponseLog:
        """First-response times per sidebar session (figures only)."""
        from chatassist.storage.responses import ResponseLog

        return ResponseLog(self.database)

    @service
    def usage(self) -> UsageLog:
        from chatassist.storage.usage import UsageLog

        if self.team_link is not None:
            from chatassist.storage.team.usage_upload import TeamUsageLog

            return TeamUsageLog(self.database)
        return UsageLog(self.database)

    # --- the editor's statistics and team records (slow: call them from a worker) ---
    def usage_counts(self) -> list[UsageCount]:
        """The usage log counted by week, entry, language and region."""
        from chatassist.storage.stats import weekly_counts

        return weekly_counts(self.database)

    def response_report(self) -> ResponseReport:
        """First-response figures per week and region, and per sidebar session."""
        from chatassist.storage.responses import response_report

        return response_report(self.database)

    def team_changed_by(self, entry_id: str) -> ChangedBy | None:
        """Team mode: who changed ``entry_id`` last on the server (None: not there yet)."""
        from chatassist.storage.team.replica import changed_by

        return changed_by(self.database, entry_id)

    def build_assistant(self) -> Assistant:
        """A fresh pipeline over the current library (build again after an import).

        The index comes from the persisted one when it is of the library's current
        revision (storage/suggestion_index.py), else it is built and persisted;
        reply texts are read from the library as they are shown. The detector is
        shared and warms up separately (``detector.warm_up()``, off the UI thread).
        """
        from chatassist.core.assist import Assistant
        from chatassist.core.suggestions import SuggestionEngine

        index = self.suggestion_index()
        engine = SuggestionEngine.from_cards(
            index.cards, self.library.entry, self.usage.hot_scores()
        )
        # The index's many small objects live as long as the pipeline: keep them out
        # of the cyclic GC, whose full passes would otherwise pause every thread (the
        # UI included) for hundreds of milliseconds on large libraries.
        if gc.get_freeze_count():
            # A rebuild: let the previous index (now unused) be collected. The first
            # build skips this pass (0.1 s of a fresh start over the new index, with
            # nothing old to free); what it would have freed waits for a rebuild.
            gc.unfreeze()
            gc.collect()
        gc.freeze()
        offer_rules = self.offer_rules
        return Assistant(
            self.detector, index.intents, engine, self.regions, offer_rules, self.likely_next
        )

    def library_revision(self) -> LibraryRevision | None:
        """The library's revision read from its file through a connection of its own
        (one row: cheap to poll from any thread); None before the library exists."""
        from chatassist.storage import revision

        return revision.read(self.paths.database)

    def suggestion_index(self) -> SuggestionIndex:
        """The intent detector and entry cards of the library's current revision: the
        last one this process built when current, else updated from it (only the
        changed entries are read), else the persisted copy when it matches, else
        built now (slow on large libraries). A new index is persisted for the next
        start. Call it from a worker."""
        self._import_peewee()
        from chatassist.storage import suggestion_index

        code = self._index_code()
        with self._lock:
            last = self._index
        current = self.database.revision()
        if last is not None and last.revision == current:
            return last
        index = None
        if last is not None:
            index = suggestion_index.update(self.database, last, self.cue_lexicon)
        fresh = index is not None and index is not last
        if index is None:
            index = suggestion_index.load(self.paths.cache, current, code)
            if index is None:
                index = suggestion_index.build(
                    self.database, self.cue_lexicon, self._model_for(code)
                )
                fresh = True
        with self._lock:
            self._index = index
        if fresh:
            self._persist(index, code)
        return index

    def _persist(self, index: SuggestionIndex, code: str) -> None:
        """Write ``index`` for the next start on a thread of its own: writing takes
        longer than updating it (1 s at 10,000 entries) and nobody waits for it. An
        index superseded meanwhile is not written; ``close`` waits for the writing."""
        from chatassist.storage import suggestion_index

        def write() -> None:
            with self._saving_lock:
                if self._index is index:
                    suggestion_index.save(self.paths.cache, index, code)

        thread = threading.Thread(target=write, name="chatassist-index-save")
        with self._lock:
            self._saves.append(thread)
        thread.start()

    def flush_index(self) -> None:
        """Wait until the index built so far is written (``close`` does it too)."""
        with self._lock:
            saves, self._saves = self._saves, []
        for thread in saves:
            thread.join()

    @service
    def assistant(self) -> Assistant:
        """Message -> language, region, tone, scenarios, suggestions."""
        return self.build_assistant()

    def startup_note(self) -> str | None:
        """The database's one line about its opening (an unclean shutdown checked),
        if it was opened; never opens it."""
        db = self.__dict__.get("database")
        return None if db is None else db.startup_note

    def close(self) -> None:
        self.flush_index()
        cache = self.__dict__.get("translation_cache")
        if cache is not None:
            cache.close()
        db = self.__dict__.get("database")
        if db is not None:
            db.close()
