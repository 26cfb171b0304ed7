"""TF-IDF similarity between resume lines and responsibilities.

scikit-learn fits the model (vocabulary and IDF weights). Importing it costs
about 1.5 s, so for the built-in taxonomy the fitted weights ship as package
data (``data/tpm.tfidf.json``, keyed by the taxonomy's SHA-256) and
``transform`` re-implements scikit-learn's analyzer and weighting in plain
Python; ``tests/test_vectorize.py`` checks both agree. Any other taxonomy is
fitted with scikit-learn when it is loaded.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

# scikit-learn's default token_pattern.
_SK_TOKEN = re.compile(r"(?u)\b\w\w+\b")
NGRAM_RANGE = (1, 2)
MODEL_FILE = "tpm.tfidf.json"

SparseVector = dict[int, float]


@dataclass(frozen=True)
class TfidfModel:
    """Fitted TF-IDF weights. Fields: digest, vocabulary, idf, stop_words."""

    digest: str
    vocabulary: dict[str, int]
    idf: tuple[float, ...]
    stop_words: frozenset[str]

    def analyze(self, text: str) -> list[str]:
        """Tokens and bigrams exactly as scikit-learn's word analyzer makes them."""
        tokens = [t for t in _SK_TOKEN.findall(text.lower()) if t not in self.stop_words]
        grams = list(tokens)
        low, high = NGRAM_RANGE
        for n in range(max(2, low), high + 1):
            grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
        return grams

    def transform(self, text: str) -> SparseVector:
        """Return the l2-normalised, sublinear TF-IDF vector of text."""
        counts = Counter(self.vocabulary[g] for g in self.analyze(text) if g in self.vocabulary)
        vector = {i: (1.0 + math.log(c)) * self.idf[i] for i, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in vector.values()))
        return {i: v / norm for i, v in vector.items()} if norm else {}

    def to_json(self) -> str:
        terms = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        return json.dumps(
            {"digest": self.digest, "ngram_range": list(NGRAM_RANGE), "terms": terms,
             "idf": [round(x, 10) for x in self.idf], "stop_words": sorted(self.stop_words)},
            indent=0,
        )

    @classmethod
    def from_json(cls, text: str) -> "TfidfModel":
        data = json.loads(text)
        vocabulary = {term: i for i, term in enumerate(data["terms"])}
        return cls(data["digest"], vocabulary, tuple(data["idf"]), frozenset(data["stop_words"]))


def cosine(a: SparseVector, b: SparseVector) -> float:
    """Dot product of two l2-normalised sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(i, 0.0) for i, v in a.items())


def fit(documents: list[str], digest: str) -> TfidfModel:
    """Fit TF-IDF on the documents with scikit-learn."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

    vectorizer = make_vectorizer(TfidfVectorizer, ENGLISH_STOP_WORDS)
    vectorizer.fit(documents)
    vocabulary = {term: int(i) for term, i in vectorizer.vocabulary_.items()}
    return TfidfModel(digest, vocabulary, tuple(float(x) for x in vectorizer.idf_), frozenset(ENGLISH_STOP_WORDS))


def make_vectorizer(cls, stop_words):
    """The scikit-learn vectorizer settings ``TfidfModel`` reproduces."""
    return cls(lowercase=True, stop_words=list(stop_words), ngram_range=NGRAM_RANGE,
               sublinear_tf=True, norm="l2", smooth_idf=True)


def packaged_model_path() -> Path:
    return Path(str(resources.files("resumefit") / "data" / MODEL_FILE))


def model_for(documents: list[str], digest: str) -> TfidfModel:
    """Return the shipped model when it matches digest, else fit one."""
    path = packaged_model_path()
    if path.is_file():
        model = TfidfModel.from_json(path.read_text(encoding="utf-8"))
        if model.digest == digest:
            return model
    return fit(documents, digest)


def build_packaged_model(taxonomy_path: str | None = None) -> Path:
    """Refit and write the shipped model for the built-in taxonomy."""
    from .taxonomy import load_taxonomy

    taxonomy = load_taxonomy(taxonomy_path)
    model = fit([r.document() for r in taxonomy.responsibilities], taxonomy.digest)
    path = Path(__file__).parent / "data" / MODEL_FILE
    path.write_text(model.to_json() + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":  # python -m resumefit.vectorize  (after editing taxonomy/tpm.yaml)
    print(build_packaged_model())
