"""Region names come from ``resources/regions.yaml`` (the Regions object), not from
a second list in the UI that could drift from it."""

from __future__ import annotations

from chatassist import paths as paths_mod
from chatassist.core.regions import load_regions
from chatassist.ui import names

REGIONS = load_regions(paths_mod.bundled_resources() / "regions.yaml").regions


def test_region_names_are_the_regions_files() -> None:
    for region in REGIONS:
        assert names.region_id_name(region.id, REGIONS) == region.name["en"]
    assert names.region_id_name("other", REGIONS) == "Other regions"  # the file's, not "Other"


def test_an_unknown_region_or_no_regions_yet_shows_the_id() -> None:
    assert names.region_id_name("atlantis", REGIONS) == "atlantis"
    assert names.region_id_name("europe", ()) == "europe"
