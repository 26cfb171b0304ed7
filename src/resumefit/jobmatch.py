"""Job-description mode: score a resume against one posting.

The posting's key terms are its words and phrases weighted by TF-IDF against
a background of the taxonomy's texts and a bundled general-text sample
(``data/background.txt``): words every posting and every text uses (team,
experience, benefits) weigh little, the posting's own skills weigh most.
Known multi-word skills ("acceptance criteria", "SOC 2") are kept whole.

The IDF is computed here in plain Python over ~60 small documents: importing
scikit-learn for it would add ~1.5 s to every ``check --job`` run.
"""

from __future__ import annotations

import math
import os
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from .match import all_matches, tokenize
from .models import Report

# Skills and phrases kept whole when a posting names them (beside the taxonomy's own terms).
SKILL_PHRASES = (
    "acceptance criteria", "user stories", "product requirements", "PRD", "PRDs", "roadmap", "OKRs", "KPIs",
    "SOC 2", "ISO 27001", "PCI DSS", "HIPAA", "GDPR", "HL7", "FHIR", "EHR", "ISO 8583", "SOX",
    "REST APIs", "REST", "GraphQL", "gRPC", "webhooks", "OAuth", "OAuth 2.0", "API keys", "API design", "SDKs",
    "OpenAPI", "API governance", "rate limiting", "versioning", "backwards compatibility", "idempotency",
    "system design", "distributed systems", "microservices", "event-driven architecture", "data pipelines",
    "data quality", "data warehousing", "ETL", "machine learning", "fraud detection", "risk models",
    "A/B testing", "product analytics", "SQL", "dashboards", "CI/CD", "infrastructure as code", "observability",
    "SLOs", "SLAs", "incident reviews", "reliability", "latency", "p99", "technical debt", "feature flags",
    "agile", "Scrum", "Kanban", "sprint planning", "backlog", "UAT", "usability studies", "user research",
    "discovery", "go-to-market", "sales enablement", "stakeholder communication", "cross-functional",
    "build-vs-buy", "trade-offs", "technical risk", "card networks", "interchange", "settlement", "chargebacks",
    "reconciliation", "double-entry ledger", "payouts", "card processing", "authorization rate",
    "interoperability", "developer experience", "developer portal", "documentation", "release notes",
    "TypeScript", "JavaScript", "Python", "Go", "Java", "Kubernetes", "Terraform", "Docker", "Kafka", "Airflow",
    "dbt", "Snowflake", "BigQuery", "Redshift", "Looker", "Tableau", "Jira", "Confluence", "Figma", "AWS", "GCP",
    "Azure", "Datadog", "Splunk", "Salesforce", "Epic", "Cerner", "Visa", "Mastercard", "ACH", "compliance",
)
# A missing term counts as present "in another form" when one of these is in the resume.
EQUIVALENTS = {
    "a/b testing": ("experiment", "split test", "a/b test"), "kubernetes": ("k8s",), "javascript": ("js", "node.js"),
    "typescript": ("ts",), "machine learning": ("ml", "model"), "user research": ("interview", "usability test"),
    "usability studies": ("usability test", "user test"), "stakeholder communication": ("stakeholder", "exec"),
    "cross-functional": ("cross-team", "marketing, sales", "design and engineering"),
    "prds": ("prd", "product requirements"), "prd": ("product requirements", "requirements doc"),
    "okrs": ("okr", "objectives and key results"), "kpis": ("kpi", "metric"), "rest apis": ("rest", "api"),
    "api design": ("api contract", "designed api", "api spec"), "sdks": ("sdk",), "product analytics": ("amplitude", "mixpanel"),
    "dashboards": ("dashboard", "looker", "tableau", "metabase"), "go-to-market": ("gtm", "launch"),
    "agile": ("scrum", "sprint", "kanban"), "scrum": ("sprint",), "backlog": ("groomed", "grooming"),
    "uat": ("user acceptance", "acceptance test"), "data pipelines": ("pipeline", "etl"), "etl": ("pipeline",),
    "event-driven architecture": ("event sourcing", "kafka", "events"), "observability": ("datadog", "monitoring"),
    "slos": ("slo", "sla", "uptime"), "slas": ("sla", "slo", "uptime"), "reliability": ("uptime", "availability"),
    "ci/cd": ("continuous integration", "continuous delivery", "deployment pipeline"),
    "distributed systems": ("distributed",), "build-vs-buy": ("vendor", "build vs buy", "in-house"),
    "fraud detection": ("fraud",), "card processing": ("card acquiring", "card payments", "acquiring"),
    "authorization rate": ("approval rate",), "chargebacks": ("chargeback", "disputes"),
    "technical risk": ("risk", "trade-off"), "trade-offs": ("trade-off", "tradeoff", "weighed"),
}
# Job-ad words that say nothing about the job itself, whatever their IDF.
_AD_WORDS = frozenset("""
experience years year role ability strong excellent plus including include includes preferred required
requirements qualifications responsibilities candidate ideal looking join hiring company team teams work
working you your we our us will would bring have has who what about job opportunity equal employer based
hybrid remote office benefits salary equity perks deep understanding knowledge comfortable familiarity
track record clear clearly make sure used uses use every across such well also able great new day days
thousands own owner lead leading partner partners help run running set sets senior manager managers
product products technical technology hands-on hands world people things way apply sets want
""".split())
_SKIP_HEADINGS = re.compile(r"^(?:about (?:us|the company|[A-Z][\w ]*)$|benefits|perks|what we offer|we offer|"
                            r"compensation|equal opportunity|eeo|why join|life at)", re.I)
_STOP = frozenset("""
a an the and or of to in on for with by at from into as that this these those is are be been being it its
their them they he she his her i me my than then so such not no nor but if when while where which who whom
whose how all any both each few more most other some own same too very can could should would may might must
shall will just only also per via etc e.g i.e within over under about after before between through during
""".split())
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9+#./-]*[A-Za-z0-9+#]|[A-Za-z0-9]")
_CLAUSE = re.compile(r"[,;:()\u2014\u2013|•·!?]|\.(?:\s|$)|\s-\s")
TOP_TERMS = 24


@dataclass(frozen=True)
class KeyTerm:
    """A term the posting stresses. Fields: term, weight (TF-IDF), count (in the posting)."""

    term: str
    weight: float
    count: int


@dataclass(frozen=True)
class Stressed:
    """A responsibility the posting asks for. Fields: id, title, emphasis (0-1), status (in this resume)."""

    id: str
    title: str
    emphasis: float
    status: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "emphasis": round(self.emphasis, 3), "status": self.status}


@dataclass(frozen=True)
class JobMatch:
    """How a resume fits one job posting.

    Fields: source (the posting), score (0-100), key_terms (best first),
    matched_terms (in the resume), missing_terms (not in it), addable_terms
    (missing, but the resume says it another way: use the posting's
    wording), addable_forms (term -> what the resume says), unsupported_terms
    (missing and nowhere in the resume: add only if true), stressed
    (responsibilities the posting asks for, most first).
    """

    source: str
    score: int
    key_terms: tuple[KeyTerm, ...]
    matched_terms: tuple[str, ...]
    missing_terms: tuple[str, ...]
    addable_terms: tuple[str, ...]
    addable_forms: tuple[tuple[str, str], ...]
    unsupported_terms: tuple[str, ...]
    stressed: tuple[Stressed, ...]

    @property
    def stressed_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.stressed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "score": self.score,
            "key_terms": [{"term": k.term, "weight": round(k.weight, 3), "count": k.count} for k in self.key_terms],
            "matched_terms": list(self.matched_terms),
            "missing_terms": list(self.missing_terms),
            "addable_terms": [{"term": t, "resume_form": f} for t, f in self.addable_forms],
            "unsupported_terms": list(self.unsupported_terms),
            "stressed": [s.to_dict() for s in self.stressed],
        }


def attach_job(report: Report, job: str | os.PathLike | bytes, *, limits=None, filename: str | None = None) -> Report:
    """Read a posting (.txt/.md/.pdf/.docx path or bytes) and return the report with ``job`` set.

    Raises an InputError subclass, naming the posting, when it cannot be read.
    """
    from .extract import read_document

    doc = read_document(job, filename=filename, limits=limits)
    return replace(report, job=match_job(doc.text, report, source=doc.source))


def match_job(job_text: str, report: Report, *, source: str = "<job>") -> JobMatch:
    """Match a resume's report against a posting's text."""
    resume_lines = [line.text for line in report.resume.lines] if report.resume is not None else \
        [e.text for r in report.responsibilities for e in r.evidence]
    terms = key_terms(job_text)
    stems = [_stems(line) for line in resume_lines]
    flat = [s for line in stems for s in line]
    matched, missing, forms = [], [], []
    for term in terms:
        if _contains(flat, _stems(term.term)):
            matched.append(term.term)
            continue
        missing.append(term.term)
        form = other_form(term.term, resume_lines, stems)
        if form:
            forms.append((term.term, form))
    addable = tuple(t for t, _ in forms)
    stressed = stressed_responsibilities(job_text, report)
    return JobMatch(source, job_score(terms, set(matched), set(addable), stressed, report), tuple(terms),
                    tuple(matched), tuple(missing), addable, tuple(forms),
                    tuple(t for t in missing if t not in addable), stressed)


def job_score(terms, matched: set[str], addable: set[str], stressed, report: Report) -> int:
    """Blend term coverage (60%) with how well the resume covers what the posting stresses (40%).

    A term the resume holds in another form counts half: one edit away.
    """
    total = sum(t.weight for t in terms)
    term_part = sum(t.weight * (1.0 if t.term in matched else 0.5 if t.term in addable else 0.0) for t in terms)
    term_part = term_part / total if total else 0.0
    scores = {r.id: r.score for r in report.responsibilities}
    weight = sum(s.emphasis for s in stressed)
    resp_part = sum(s.emphasis * scores.get(s.id, 0.0) for s in stressed) / weight if weight else report.score / 100
    return max(0, min(100, round(100 * (0.6 * term_part + 0.4 * resp_part))))


# ---- key terms

@lru_cache(maxsize=1)
def _background() -> tuple[int, Counter]:
    """Document frequencies over the general text and the taxonomy's documents."""
    text = (resources.files("resumefit") / "data" / "background.txt").read_text(encoding="utf-8")
    docs = [p for p in re.split(r"\n\s*\n", text) if p.strip() and not p.lstrip().startswith("#")]
    from .api import get_scorer
    docs += [r.document() for r in get_scorer().taxonomy.responsibilities]
    df: Counter = Counter()
    for doc in docs:
        df.update(set(_candidates(doc, max_n=3)))
    return len(docs), df


@lru_cache(maxsize=1)
def _phrases() -> dict[tuple[str, ...], str]:
    """Known phrases (stems -> display form): SKILL_PHRASES and the taxonomy's multi-word keywords."""
    from .api import get_scorer
    out = {tuple(_stems(p)): p for p in SKILL_PHRASES}
    for item in get_scorer().taxonomy.responsibilities:
        for keyword in item.keywords:
            if "*" not in keyword and " " in keyword and len(keyword.split()) <= 3:
                out.setdefault(tuple(_stems(keyword)), keyword)
    return out


def stem(word: str) -> str:
    """Crude stem so 'tests', 'testing' and 'tested' meet (enough for matching terms)."""
    word = word.lower()
    if len(word) <= 4 or not word.isalpha():
        return word.rstrip("s") if word.endswith("s") and len(word) > 3 and word[:-1].isalpha() else word
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ied", "ers", "er", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            if suffix in ("ies", "ied"):
                base += "y"
            if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]
            return base.rstrip("e")
    return word.rstrip("e")


def _words(text: str) -> list[str]:
    return [w.strip(".") for w in _WORD.findall(text)]


def _stems(text: str) -> list[str]:
    return [stem(w) for w in _words(text)]


def _candidates(text: str, max_n: int = 3) -> list[str]:
    """Stemmed n-grams (1..max_n) inside clauses that neither start nor end with a stop word."""
    out: list[str] = []
    for clause in _CLAUSE.split(text):
        words = [w.lower() for w in _words(clause)]
        for n in range(1, max_n + 1):
            for i in range(len(words) - n + 1):
                gram = words[i : i + n]
                if gram[0] in _STOP or gram[-1] in _STOP or (n == 1 and len(gram[0]) < 2):
                    continue
                out.append(" ".join(stem(w) for w in gram))
    return out


def _job_lines(text: str) -> list[str]:
    """Lines of the posting, without its benefits, about-us and equal-opportunity parts."""
    kept, skipping = [], False
    for raw in text.splitlines():
        line = raw.strip().lstrip("-•* ").strip()
        if not line:
            continue
        heading = len(line.split()) <= 5 and not line.endswith(".")
        if heading:
            skipping = bool(_SKIP_HEADINGS.match(line.rstrip(":")))
            if skipping:
                continue
        if skipping or re.search(r"equal opportunity", line, re.I):
            continue
        kept.append(line)
    return kept


def key_terms(job_text: str, top: int = TOP_TERMS) -> list[KeyTerm]:
    """Return the posting's key terms, weightiest first."""
    lines = _job_lines(job_text)
    n_docs, df = _background()
    phrases = _phrases()
    display: dict[str, str] = {}
    counts: Counter = Counter()
    proper: Counter = Counter()
    for line in lines:
        for clause in _CLAUSE.split(line):
            words = _words(clause)
            for n in range(1, 4):
                for i in range(len(words) - n + 1):
                    gram = words[i : i + n]
                    low = [w.lower() for w in gram]
                    if low[0] in _STOP or low[-1] in _STOP or any(w in _AD_WORDS for w in (low[0], low[-1])):
                        continue
                    if re.fullmatch(r"[\d.,$%+kKmMbB]+", " ".join(gram).replace(" ", "")):
                        continue
                    key = " ".join(stem(w) for w in gram)
                    counts[key] += 1
                    shown = display.setdefault(key, phrases.get(tuple(key.split()), " ".join(gram)))
                    if shown != shown.lower() and " ".join(gram).islower() and tuple(key.split()) not in phrases:
                        display[key] = " ".join(gram)  # "payments platform", not the title's capitals
                    if all(w[:1].isupper() and not w.isupper() for w in gram):
                        proper[key] += 1
    scored: list[KeyTerm] = []
    for key, count in counts.items():
        n = key.count(" ") + 1
        known = tuple(key.split()) in phrases
        if n > 1 and not known and count < 2:
            continue  # free multi-word phrases must repeat to count
        if not known and (len(key) < 3 or (proper[key] == count and (n > 1 or not df.get(key)))):
            continue  # always capitalised and no known skill: a name (company, city, job title)
        idf = math.log((1 + n_docs) / (1 + df.get(key, 0))) + 1.0
        weight = (1.0 + math.log(count)) * idf * (1.6 if known else 1.0) * (1.0 + 0.25 * (n - 1))
        scored.append(KeyTerm(display[key], weight, count))
    scored.sort(key=lambda t: (-t.weight, t.term.lower()))
    return _drop_parts(scored, top)


def _drop_parts(scored: list[KeyTerm], top: int) -> list[KeyTerm]:
    """Keep the best terms, dropping a word or phrase already inside a kept longer one."""
    kept: list[KeyTerm] = []
    for term in scored:
        mine = " " + " ".join(_stems(term.term)) + " "
        if any(mine in " " + " ".join(_stems(k.term)) + " " or " " + " ".join(_stems(k.term)) + " " in mine
               for k in kept):
            continue
        kept.append(term)
        if len(kept) == top:
            break
    return kept


# ---- presence in the resume

def _contains(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return bool(needle) and any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9+#]", "", text.lower())


def other_form(term: str, lines: list[str], stems: list[list[str]]) -> str | None:
    """Return the resume line fragment that says ``term`` another way, or None.

    Another way: spacing or hyphens differ ("SOC2"), an acronym or its
    expansion, a known equivalent ("A/B testing" ~ "experiment"), or all the
    term's words in one line but apart ("designed ... APIs" for "API design").
    """
    squashed = _squash(term)
    low = term.lower()
    words = [s for s in _stems(term) if s not in _STOP]
    acronym = "".join(w[0] for w in _words(term)) if len(_words(term)) > 1 else ""
    for line, line_stems in zip(lines, stems):
        if len(squashed) >= 3 and squashed in _squash(line):
            return _excerpt(line, term)
        # An acronym counts only written in capitals: "US" for "user stories" is not "us".
        if len(acronym) >= 2 and re.search(r"\b" + re.escape(acronym.upper()) + r"s?\b", line):
            return _excerpt(line, acronym)
        if term.isupper() and len(term) >= 2 and _expands(term, _words(line)):
            return _excerpt(line, term)
        for equivalent in EQUIVALENTS.get(low, ()):
            if _contains(line_stems, _stems(equivalent)):
                return _excerpt(line, equivalent)
        if len(words) > 1 and all(w in line_stems for w in words):
            return _excerpt(line, words[0])
    return None


def _expands(acronym: str, words: list[str]) -> bool:
    """True when consecutive words' initials spell the acronym (PRD ~ product requirements document)."""
    letters = acronym.lower().rstrip("s")
    initials = "".join(w[0].lower() for w in words)
    return len(letters) >= 2 and letters in initials and any(
        initials[i : i + len(letters)] == letters and all(len(w) > 2 for w in words[i : i + len(letters)])
        for i in range(len(initials) - len(letters) + 1))


def _excerpt(line: str, near: str, width: int = 70) -> str:
    """The part of the line around ``near``, for showing what the resume says."""
    at = line.lower().find(near.lower().split()[0])
    start = max(0, at - width // 2) if at >= 0 else 0
    if start:
        start = line.find(" ", start) + 1 or start  # cut between words
    end = start + width
    if end < len(line):
        end = line.rfind(" ", start, end) if line.rfind(" ", start, end) > start else end
    return ("…" if start else "") + line[start:end].strip() + ("…" if end < len(line) else "")


# ---- responsibilities the posting stresses

def stressed_responsibilities(job_text: str, report: Report, limit: int = 8) -> tuple[Stressed, ...]:
    """Rank the responsibilities whose rules the posting's lines match, most matched first."""
    from .api import get_scorer

    taxonomy = get_scorer().taxonomy
    statuses = report.statuses()
    hits: Counter = Counter()
    for line in _job_lines(job_text):
        tokens = tokenize(line)
        for item in taxonomy.responsibilities:
            if item.id in statuses and (all_matches(item.strong, tokens) or all_matches(item.weak, tokens)):
                hits[item.id] += 1
    if not hits:
        return ()
    top = max(hits.values())
    ranked = sorted(hits, key=lambda rid: (-hits[rid], taxonomy.ids.index(rid)))[:limit]
    return tuple(Stressed(rid, taxonomy.get(rid).title, hits[rid] / top, statuses[rid]) for rid in ranked)
