import pytest

from resumefit.taxonomy import load_taxonomy
from resumefit.vectorize import TfidfModel, cosine, fit, make_vectorizer, model_for, packaged_model_path

LINES = [
    "Interviewed 40 merchants about payout delays and rewrote the onboarding flow",
    "Built a Looker dashboard tracking activation; wrote the SQL behind it",
    "Coordinated the launch with sales enablement and support",
    "nothing matches zzzz qqqq",
]


def test_packaged_model_matches_the_taxonomy():
    """Fails when taxonomy/tpm.yaml changed without `python -m resumefit.vectorize`."""
    taxonomy = load_taxonomy()
    shipped = TfidfModel.from_json(packaged_model_path().read_text())
    assert shipped.digest == taxonomy.digest


def test_plain_python_transform_equals_scikit_learn():
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

    taxonomy = load_taxonomy()
    docs = [r.document() for r in taxonomy.responsibilities]
    ours = model_for(docs, taxonomy.digest)
    theirs = make_vectorizer(TfidfVectorizer, ENGLISH_STOP_WORDS).fit(docs)
    matrix = theirs.transform(LINES)
    for row, line in enumerate(LINES):
        expected = {int(i): float(v) for i, v in zip(matrix[row].indices, matrix[row].data)}
        got = ours.transform(line)
        terms = {theirs.vocabulary_[t]: t for t in theirs.vocabulary_}
        assert {terms[i] for i in expected} == {t for t, i in ours.vocabulary.items() if i in got}
        for index, value in expected.items():
            assert got[ours.vocabulary[terms[index]]] == pytest.approx(value, abs=1e-9)


def test_cosine_of_normalised_vectors():
    model = fit(["alpha beta", "beta gamma"], "x")
    a = model.transform("alpha beta")
    assert cosine(a, a) == pytest.approx(1.0)
    assert cosine(a, model.transform("delta")) == 0.0
