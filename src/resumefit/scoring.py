"""Score stage: Resume -> per-responsibility verdicts with evidence.

Each line is read once: keyword rules say *what* it speaks to, the line's
section and wording say whether it shows the person *doing* it, and TF-IDF
similarity catches lines worded like a responsibility that no rule names.
Only a concrete line in experience, projects or similar makes "covered"; a
skills list, a summary claim or a vague phrase makes "partial" at most.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .language import is_quantified, looks_like_list, starts_with_action, tells_what_i_did, weak_opener
from .match import all_matches, first_match, tokenize
from .models import CategoryResult, Evidence, Line, Report, ResponsibilityResult, Resume
from .taxonomy import Responsibility, Taxonomy, load_taxonomy
from .vectorize import TfidfModel, cosine, model_for

_SENTENCE_END = re.compile(r"(?<=[a-z0-9%)][.!?])\s+(?=[A-Z\"\u201c(])")


def sentences(line: Line) -> list[Line]:
    """A line cut at its sentence ends: a rule's words must meet in one sentence.

    Paragraph resumes put a whole job in one line; "date" in its first
    sentence and "hit" in its fourth say nothing about on-time delivery.
    """
    parts = [p for p in _SENTENCE_END.split(line.text) if p.strip()]
    if len(parts) < 2:
        return [line]
    return [replace(line, text=part) for part in parts]


CONCRETE_SECTIONS = frozenset({"experience", "projects", "other", "education"})
NEVER_EVIDENCE = frozenset({"header"})


@dataclass(frozen=True)
class ScoringSettings:
    """Thresholds and weights of the scorer (tuned on fixtures/eval/dev).

    Fields: sim_partial (TF-IDF cosine that makes a line a mention; similarity
    alone never makes "covered"),
    covered_base / covered_step (score of a covered item and the bonus per
    extra evidence line), partial_base (a weak line about the work),
    listed_base (only a skills list, summary or similar wording), cue_base
    (only a work line touching the topic's words), max_evidence.
    """

    sim_partial: float = 0.10
    covered_base: float = 0.75
    covered_step: float = 0.08
    quantified_bonus: float = 0.05
    partial_base: float = 0.35
    listed_base: float = 0.2
    cue_base: float = 0.1
    max_evidence: int = 3
    # A job title naming the responsibility ("Product Manager") is covered once
    # the resume shows this many responsibilities done; alone it is a mention.
    title_support: int = 12


@dataclass
class _LineView:
    line: Line
    tokens: list[str]
    vector: dict[int, float]
    concrete: bool
    quantified: bool


class Scorer:
    """Scores resumes against a taxonomy; build once, call ``score`` many times."""

    def __init__(self, taxonomy: Taxonomy | str | None = None, settings: ScoringSettings | None = None):
        self.taxonomy = taxonomy if isinstance(taxonomy, Taxonomy) else load_taxonomy(taxonomy)
        self.settings = settings or ScoringSettings()
        docs = [r.document() for r in self.taxonomy.responsibilities]
        self.model: TfidfModel = model_for(docs, self.taxonomy.digest)
        self._vectors = [self.model.transform(d) for d in docs]

    def score(self, resume: Resume, *, suggest: bool = True) -> Report:
        """Return the gap report for a structured resume."""
        views = [self._view(unit) for line in resume.lines if line.section not in NEVER_EVIDENCE
                 for unit in sentences(line)]
        in_field = self._in_field(views)
        results = [self._judge(item, vector, views,
                               (in_field or not item.needs_context) and self._names_role(item, resume))
                   for item, vector in zip(self.taxonomy.responsibilities, self._vectors)]
        results = self._back_titles(results)
        if suggest:
            from .suggest import add_suggestions, find_rewrites
            results = add_suggestions(results, self.taxonomy, resume)
            rewrites = find_rewrites(results, self.taxonomy)
        else:
            rewrites = ()
        return Report(
            source=resume.source, format=resume.format, role=self.taxonomy.role,
            score=overall_score(results), categories=category_scores(results, self.taxonomy),
            responsibilities=tuple(results), warnings=resume.warnings,
            unquantified=unquantified(results), rewrites=tuple(rewrites), resume=resume,
        )

    def _view(self, line: Line) -> _LineView:
        listing = looks_like_list(line.text)
        # "Helped with the roadmap" mentions the work without showing it done.
        concrete = (
            (line.section in CONCRETE_SECTIONS or (line.section == "summary" and tells_what_i_did(line.text)))
            and line.kind != "entry" and not listing
            and weak_opener(line.text) is None
            and (starts_with_action(line.text) or len(line.text.split()) >= 6)
        )
        return _LineView(line, tokenize(line.text), self.model.transform(line.text), concrete, is_quantified(line.text))

    def _in_field(self, views: list[_LineView]) -> bool:
        """True when the work history speaks of the role's field often enough.

        A nurse's "tested the new charting module" is not product testing:
        without the taxonomy's context words (software, app, API...) in the
        work lines, ``needs_context`` responsibilities stay partial at most.
        """
        if not self.taxonomy.context_min:
            return True
        seen = 0
        for view in views:
            if view.line.section in CONCRETE_SECTIONS:
                seen += sum(1 for rule in self.taxonomy.context if rule.find(view.tokens) is not None)
                if seen >= self.taxonomy.context_min:
                    return True
        return False

    @staticmethod
    def _names_role(item: Responsibility, resume: Resume) -> bool:
        """True when the resume names one of the roles the item asks for, or it asks for none.

        Owning a P&L, a data platform or a release train is not owning a
        product: unless the resume says the person held a product role, such
        work is partial at most.
        """
        if not item.roled:
            return True
        # Where people say what they are: a job line, the name block or the summary,
        # not "worked with the product manager" in a bullet.
        return any(first_match(item.roled, tokenize(line.text)) is not None for line in resume.lines
                   if line.kind == "entry" or line.section in ("header", "summary"))

    def _judge(self, item: Responsibility, vector: dict[int, float], views: list[_LineView],
               may_cover: bool = True) -> ResponsibilityResult:
        s = self.settings
        found: list[Evidence] = []
        for view in views:
            if item.excluded and first_match(item.excluded, view.tokens) is not None:
                continue
            evidence = self._line_evidence(item, vector, view)
            if evidence is not None:
                found.append(evidence)
        strong = [e for e in found if e.strength == "strong"]
        mentions = [e for e in found if e.strength != "strong"]
        if strong and not may_cover:
            status, score, shown = "partial", s.partial_base, strong
        elif strong:
            status = "covered"
            score = s.covered_base + s.covered_step * min(3, len(strong) - 1)
            score += s.quantified_bonus if any(e.quantified for e in strong) else 0.0
            shown = strong
        elif mentions:
            status = "partial"
            # A skills-list or summary mention is worth less than work described weakly.
            in_work = any(e.section in CONCRETE_SECTIONS and e.strength in ("mention", "title") for e in mentions)
            only_cues = all(e.strength == "cue" for e in mentions)
            score = s.cue_base if only_cues else s.partial_base if in_work else s.listed_base
            shown = mentions
        else:
            status, score, shown = "missing", 0.0, []
        shown = sorted(shown, key=lambda e: (-e.score, e.line))[: s.max_evidence]
        return ResponsibilityResult(item.id, item.category, item.title, status, min(1.0, score), item.weight, tuple(shown))

    def _back_titles(self, results: list[ResponsibilityResult]) -> list[ResponsibilityResult]:
        """Cover a title-only responsibility when the resume shows broad work under it.

        A careful reader counts "Product Manager" as owning a product when the
        bullets show a PM's work, not when the title stands alone.
        """
        s = self.settings
        shown = sum(1 for r in results if r.status == "covered")
        if shown < s.title_support:
            return results
        out = []
        for r in results:
            titles = [e for e in r.evidence if e.strength == "title"]
            if r.status == "partial" and titles:
                r = replace(r, status="covered", score=s.covered_base, evidence=tuple(titles))
            out.append(r)
        return out

    def _line_evidence(self, item: Responsibility, vector: dict[int, float], view: _LineView) -> Evidence | None:
        s = self.settings
        line = view.line
        if line.kind == "entry":
            # A job title can show a responsibility by itself ("Product Manager" owns a product).
            held = all_matches(item.held, view.tokens) if item.held and line.section in CONCRETE_SECTIONS else []
            if held:
                # A bare title is a mention until bullets show the work (see _back_titles).
                return Evidence(line.text, line.section, line.index, "title", 0.6, tuple(held), view.quantified)
        strong_words = all_matches(item.strong, view.tokens)
        similarity = cosine(view.vector, vector)
        if strong_words and view.concrete:
            return Evidence(line.text, line.section, line.index, "strong", 1.0, tuple(strong_words), view.quantified)
        if strong_words:
            return Evidence(line.text, line.section, line.index, "mention", 0.6, tuple(strong_words), view.quantified)
        weak_words = all_matches(item.weak, view.tokens)
        if weak_words:
            return Evidence(line.text, line.section, line.index, "mention", 0.45, tuple(weak_words), view.quantified)
        if similarity >= s.sim_partial:
            return Evidence(line.text, line.section, line.index, "similar", similarity, (), view.quantified)
        # A work line on the topic that no rule recognises: partial, never covered.
        cue_words = all_matches(item.cued, view.tokens) if view.concrete and item.cued else []
        if cue_words:
            return Evidence(line.text, line.section, line.index, "cue", s.cue_base, tuple(cue_words), view.quantified)
        return None


def overall_score(results: list[ResponsibilityResult] | tuple[ResponsibilityResult, ...]) -> int:
    """Weighted mean of responsibility scores, 0-100."""
    total = sum(r.weight for r in results)
    return round(100 * sum(r.score * r.weight for r in results) / total) if total else 0


def category_scores(results, taxonomy: Taxonomy) -> tuple[CategoryResult, ...]:
    """Subscores per category, in the taxonomy's order."""
    out = []
    for category in taxonomy.categories:
        members = [r for r in results if r.category == category.id]
        count = {status: sum(1 for r in members if r.status == status) for status in ("covered", "partial", "missing")}
        out.append(CategoryResult(category.id, category.title, overall_score(members), **count))
    return tuple(out)


def unquantified(results) -> tuple[Evidence, ...]:
    """Strong evidence lines that show no measurable result, once each."""
    seen: dict[int, Evidence] = {}
    for result in results:
        for evidence in result.evidence:
            if evidence.strength == "strong" and not evidence.quantified and evidence.line not in seen:
                seen[evidence.line] = evidence
    return tuple(seen[k] for k in sorted(seen))
