"""Measure agreement with human labels: resumefit against a naive TF-IDF baseline.

A labelled set is a folder of resumes (``.txt``, ``.pdf``, ``.docx``) with
``SLUG.yaml`` labels beside them (or in ``labels_dir``): ``fit`` (1-5) and
``labels`` (id -> covered/partial/missing). Rendered copies named
``SLUG.LAYOUT.pdf`` share their source's labels.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path


RESUME_SUFFIXES = (".txt", ".md", ".pdf", ".docx")


@dataclass(frozen=True)
class Labelled:
    """One labelled resume. Fields: path, fit, labels (id -> status)."""

    path: Path
    fit: int
    labels: dict[str, str]


@dataclass(frozen=True)
class Prediction:
    """What a scorer said of one resume. Fields: score (0-100), statuses."""

    score: float
    statuses: dict[str, str]


@dataclass
class Metrics:
    """Agreement figures for one scorer on one labelled set."""

    per_id: dict[str, dict[str, float]] = field(default_factory=dict)
    micro_f1: float = 0.0
    macro_f1: float = 0.0
    accuracy: float = 0.0
    gross_error_rate: float = 0.0
    gross_errors: int = 0
    spearman: float = 0.0
    auc: float = 0.0
    resumes: int = 0

    def to_dict(self) -> dict:
        return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in self.__dict__.items()}


def load_set(folder: str | Path, labels_dir: str | Path | None = None) -> list[Labelled]:
    """Find every resume in folder that has labels."""
    import yaml

    folder = Path(folder)
    label_root = Path(labels_dir) if labels_dir else folder
    items = []
    for path in sorted(p for p in folder.rglob("*") if p.suffix.lower() in RESUME_SUFFIXES and p.is_file()):
        slug = path.name.split(".")[0]
        label_file = (path.parent if not labels_dir else label_root) / f"{slug}.yaml"
        if not label_file.exists():
            continue
        data = yaml.safe_load(label_file.read_text(encoding="utf-8"))
        items.append(Labelled(path, int(data["fit"]), {k: str(v) for k, v in data["labels"].items()}))
    return items


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _ranks(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=values.__getitem__)
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def spearman(x: list[float], y: list[float]) -> float:
    """Spearman rank correlation (ties averaged)."""
    if len(x) < 2:
        return 0.0
    rx, ry = _ranks(x), _ranks(y)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    sx = math.sqrt(sum((a - mx) ** 2 for a in rx))
    sy = math.sqrt(sum((b - my) ** 2 for b in ry))
    return cov / (sx * sy) if sx and sy else 0.0


def auc(positive: list[float], negative: list[float]) -> float:
    """Probability that a positive scores above a negative (ties count half)."""
    if not positive or not negative:
        return float("nan")
    wins = sum((p > n) + 0.5 * (p == n) for p in positive for n in negative)
    return wins / (len(positive) * len(negative))


def compute_metrics(items: list[Labelled], predictions: list[Prediction], ids: tuple[str, ...]) -> Metrics:
    """Compare predictions with labels."""
    m = Metrics(resumes=len(items))
    total_tp = total_fp = total_fn = 0
    f1s = []
    for rid in ids:
        tp = fp = fn = 0
        for item, pred in zip(items, predictions):
            truth, guess = item.labels.get(rid) == "covered", pred.statuses.get(rid) == "covered"
            tp += truth and guess
            fp += guess and not truth
            fn += truth and not guess
        precision, recall, f1 = _f1(tp, fp, fn)
        m.per_id[rid] = {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn}
        total_tp, total_fp, total_fn = total_tp + tp, total_fp + fp, total_fn + fn
        if tp + fp + fn:
            f1s.append(f1)
    m.micro_f1 = _f1(total_tp, total_fp, total_fn)[2]
    m.macro_f1 = sum(f1s) / len(f1s) if f1s else 0.0
    pairs = [(item.labels.get(rid, "missing"), pred.statuses.get(rid, "missing"))
             for item, pred in zip(items, predictions) for rid in ids]
    m.accuracy = sum(a == b for a, b in pairs) / len(pairs) if pairs else 0.0
    m.gross_errors = sum({a, b} == {"covered", "missing"} for a, b in pairs)
    m.gross_error_rate = m.gross_errors / len(pairs) if pairs else 0.0
    m.spearman = spearman([p.score for p in predictions], [float(i.fit) for i in items])
    m.auc = auc([p.score for i, p in zip(items, predictions) if i.fit >= 4],
                [p.score for i, p in zip(items, predictions) if i.fit <= 2])
    return m


def predict(items: list[Labelled], taxonomy=None) -> list[Prediction]:
    """Run resumefit over the labelled resumes."""
    from .api import check_resume

    out = []
    for item in items:
        report = check_resume(item.path, taxonomy=taxonomy)
        out.append(Prediction(report.score, report.statuses()))
    return out


class NaiveBaseline:
    """Whole-document TF-IDF cosine against each responsibility's text.

    The responsibility's text is its description (title, what counts, why
    and keywords), as a bag-of-keywords matcher would see it. Two thresholds
    (covered, partial), chosen on a tuning set.
    """

    def __init__(self, taxonomy=None):
        from sklearn.feature_extraction.text import TfidfVectorizer

        from .taxonomy import load_taxonomy

        self.taxonomy = load_taxonomy(taxonomy) if not hasattr(taxonomy, "responsibilities") else taxonomy
        self.vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True)
        self.docs = self.vectorizer.fit_transform([r.description() for r in self.taxonomy.responsibilities])
        self.covered_at, self.partial_at = 0.2, 0.1

    def similarities(self, items: list[Labelled]) -> list[list[float]]:
        from sklearn.metrics.pairwise import cosine_similarity

        from .api import parse_resume

        texts = [" ".join(line.text for line in parse_resume(i.path).lines) for i in items]
        return cosine_similarity(self.vectorizer.transform(texts), self.docs).tolist()

    def tune(self, items: list[Labelled]) -> "NaiveBaseline":
        """Pick the thresholds that maximise macro-F1, then 3-class accuracy."""
        sims = self.similarities(items)
        ids = self.taxonomy.ids
        grid = [x / 100 for x in range(1, 60)]
        best = max(grid, key=lambda c: compute_metrics(items, self._predict(sims, c, 0.0), ids).macro_f1)
        self.covered_at = best
        self.partial_at = max((p for p in grid if p <= best), default=0.0,
                              key=lambda p: compute_metrics(items, self._predict(sims, best, p), ids).accuracy)
        return self

    def _predict(self, sims, covered_at, partial_at) -> list[Prediction]:
        ids = self.taxonomy.ids
        out = []
        for row in sims:
            statuses = {rid: "covered" if s >= covered_at else "partial" if s >= partial_at else "missing"
                        for rid, s in zip(ids, row)}
            out.append(Prediction(100 * sum(row) / len(row), statuses))
        return out

    def predict(self, items: list[Labelled]) -> list[Prediction]:
        return self._predict(self.similarities(items), self.covered_at, self.partial_at)


@dataclass
class Evaluation:
    """resumefit and baseline metrics on one set. Fields: folder, ours, baseline, baseline_tuned_on."""

    folder: str
    ours: Metrics
    baseline: Metrics
    baseline_tuned_on: str

    def to_dict(self) -> dict:
        return {"folder": self.folder, "resumefit": self.ours.to_dict(), "baseline": self.baseline.to_dict(),
                "baseline_tuned_on": self.baseline_tuned_on}


def evaluate(folder: str | Path, *, labels_dir=None, baseline_dev=None, baseline_labels_dir=None, taxonomy=None) -> Evaluation:
    """Evaluate resumefit and the naive baseline on a labelled folder."""
    from .taxonomy import load_taxonomy

    tax = load_taxonomy(taxonomy) if not hasattr(taxonomy, "responsibilities") else taxonomy
    items = load_set(folder, labels_dir)
    if not items:
        from .errors import InputError
        raise InputError("no labelled resumes found (each needs SLUG.yaml beside it)", path=str(folder),
                         hint="see fixtures/eval/README.md for the format")
    ours = compute_metrics(items, predict(items, tax), tax.ids)
    tune_on = load_set(baseline_dev, baseline_labels_dir) if baseline_dev else items
    baseline = NaiveBaseline(tax).tune(tune_on)
    theirs = compute_metrics(items, baseline.predict(items), tax.ids)
    return Evaluation(str(folder), ours, theirs, str(baseline_dev or folder))
