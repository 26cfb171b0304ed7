import pytest

from resumefit.match import Rule, tokenize


@pytest.mark.parametrize("pattern, text, hit", [
    ("acceptance criteria", "Defined acceptance criteria for checkout", True),
    ("acceptance criteria", "criteria for acceptance", False),
    ("prioritize", "Prioritized the backlog", True),
    ("prioriti*", "prioritisation framework", True),
    ("ship", "shipping the v2 SDK", True),
    ("plan", "planned the cutover", True),
    # Excel the tool is not the verb "excel": neither pattern may swallow the other.
    ("excel", "Built the churn model in Excel", True),
    ("excel", "Excelled at closing support tickets", False),
    ("excelled", "Built the churn model in Excel", False),
    ("write", "wrote the spec", True),
    ("wrote + spec*", "Writing specs for the team", True),
    ("interview* + customer*|merchant*", "Interviewed 40 merchants", True),
    ("interview* + customer*|merchant*", "Interviewed 12 candidates", False),
    ("interview* + #num", "Interviewed eight volunteers", True),
    ("interview* + #num", "Interviewed volunteers", False),
    ("risk* + technical + ~construction", "technical risk on the construction site", False),
    ("risk* + technical + ~construction", "flagged a technical risk", True),
    ("c++", "Wrote C++ services", True),
    ("node.js", "APIs in Node.js.", True),
    ("a/b test*", "ran A/B tests on paywalls", True),
])
def test_rule_truth_table(pattern, text, hit):
    assert (Rule.compile(pattern).find(tokenize(text)) is not None) is hit


def test_rule_returns_matched_words():
    assert Rule.compile("interview* + merchant*").find(tokenize("Interviewed 40 merchants")) == ["interviewed", "merchants"]


@pytest.mark.parametrize("bad", ["", " + ", "~only"])
def test_empty_rules_are_rejected(bad):
    with pytest.raises(ValueError):
        Rule.compile(bad)
