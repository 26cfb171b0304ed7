import re
from pathlib import Path

import pytest

from resumefit import TaxonomyError, load_taxonomy
from resumefit.taxonomy import default_taxonomy_path, parse_taxonomy

from conftest import ROOT

SPEC_IDS = (
    "product-strategy roadmap competitive-analysis technology-trends business-acumen innovation customer-needs "
    "requirements product-flows systems-understanding data-analysis apis-internet prototyping technical-risk "
    "cross-functional agile-delivery testing-acceptance release-management delivery-risk-cost "
    "stakeholder-communication documentation evangelism product-ownership"
).split()
CATEGORIES = {"strategy": 6, "discovery": 3, "technical": 5, "delivery": 5, "communication": 4}
SEED = re.compile(r"^00[0-4]_[0-9a-f]{16}\.txt$")


def test_default_taxonomy_has_exactly_the_spec_ids_in_order():
    taxonomy = load_taxonomy(expected_ids=tuple(SPEC_IDS))
    assert list(taxonomy.ids) == SPEC_IDS
    assert [c.id for c in taxonomy.categories] == list(CATEGORIES)
    for category, count in CATEGORIES.items():
        assert sum(r.category == category for r in taxonomy.responsibilities) == count


def test_every_entry_is_complete_and_cites_seed_files():
    for item in load_taxonomy().responsibilities:
        assert item.evidence and item.why and item.keywords
        assert 2 <= len(item.templates) <= 4, item.id
        assert item.sources and all(SEED.match(s) for s in item.sources), item.id


def test_default_taxonomy_is_the_repo_file_or_its_packaged_copy():
    path = default_taxonomy_path()
    assert path.read_bytes() == (ROOT / "taxonomy" / "tpm.yaml").read_bytes()


def _mini(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "t.yaml"
    path.write_text(text)
    return path


@pytest.mark.parametrize("edit, message", [
    (lambda t: t.replace("id: dashboards", "id: interviews"), "duplicate responsibility id 'interviews'"),
    (lambda t: t.replace("category: beta", "category: gamma"), "responsibility 'dashboards': unknown category 'gamma'"),
    (lambda t: t.replace("why: Numbers tell you what is happening.", "why: ''"), "responsibility 'dashboards': 'why' is missing or empty"),
    (lambda t: t.replace("keywords: [dashboard*, sql]", "keywords: []"), "responsibility 'dashboards': 'keywords' is missing or empty"),
    (lambda t: t.replace("role: Test Role", "role: ''"), "'role' must name the role"),
    (lambda t: t + "\n  - [not valid", "not valid YAML"),
])
def test_validation_errors_name_the_entry(tmp_path, mini_taxonomy_path, edit, message):
    path = _mini(tmp_path, edit(mini_taxonomy_path.read_text()))
    with pytest.raises(TaxonomyError) as info:
        load_taxonomy(path)
    assert message in str(info.value)
    assert info.value.path == str(path)


def test_expected_ids_reports_missing_and_unknown(mini_taxonomy_path):
    with pytest.raises(TaxonomyError, match="missing ids: roadmap; unknown ids: dashboards, interviews"):
        parse_taxonomy(mini_taxonomy_path.read_text(), expected_ids=("roadmap",))


def test_missing_file_is_a_taxonomy_error(tmp_path):
    with pytest.raises(TaxonomyError, match="cannot read taxonomy"):
        load_taxonomy(tmp_path / "nope.yaml")
