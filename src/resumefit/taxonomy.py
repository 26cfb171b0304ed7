"""Load and validate a role taxonomy (``taxonomy/tpm.yaml`` by default)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .errors import TaxonomyError
from .match import Rule, compile_rules

REQUIRED_TEXT = ("title", "category", "evidence", "why")
REQUIRED_LISTS = ("sources", "keywords", "templates")
OPTIONAL_LISTS = ("rules", "mentions", "exclude", "titles", "cues", "roles")
_ID_RE = re.compile(r"^[a-z][a-z0-9-]*$")


@dataclass(frozen=True)
class Category:
    """A group of responsibilities. Fields: id, title."""

    id: str
    title: str


@dataclass(frozen=True)
class Responsibility:
    """One responsibility of the role, with its compiled matchers.

    Fields: id, category, title, evidence, why, weight, sources, keywords,
    rules, mentions, exclude, titles (source strings), templates, and the
    compiled ``strong``, ``weak``, ``excluded``, ``held`` (job titles that
    mention the responsibility), ``cued`` (topic words that, in a work
    line, show the topic is touched) and ``roled`` (roles a job line, the
    name block or the summary must name before the work counts as done) rule
    tuples.
    """

    id: str
    category: str
    title: str
    evidence: str
    why: str
    weight: float
    sources: tuple[str, ...]
    keywords: tuple[str, ...]
    rules: tuple[str, ...]
    mentions: tuple[str, ...]
    exclude: tuple[str, ...]
    templates: tuple[str, ...]
    titles: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    needs_context: bool = False
    strong: tuple[Rule, ...] = field(repr=False, compare=False, default=())
    weak: tuple[Rule, ...] = field(repr=False, compare=False, default=())
    excluded: tuple[Rule, ...] = field(repr=False, compare=False, default=())
    held: tuple[Rule, ...] = field(repr=False, compare=False, default=())
    cued: tuple[Rule, ...] = field(repr=False, compare=False, default=())
    roled: tuple[Rule, ...] = field(repr=False, compare=False, default=())

    def description(self) -> str:
        """Title, what counts, why and keywords: the entry as ``explain`` shows it."""
        return "\n".join([self.title, self.evidence, self.why, *self.keywords])

    def document(self) -> str:
        """Text that describes this responsibility, for TF-IDF similarity."""
        words = [self.title, self.evidence, self.why]
        for pattern in self.keywords + self.rules + self.mentions:
            words.append(re.sub(r"[*~|+]", " ", pattern))
        return "\n".join(words)


@dataclass(frozen=True)
class Taxonomy:
    """A validated role taxonomy.

    Fields: role, categories, responsibilities, digest, path, context (compiled
    words that show the work history is in the role's field) and
    context_min (how many a resume needs before ``needs_context`` entries
    can be covered).
    """

    role: str
    categories: tuple[Category, ...]
    responsibilities: tuple[Responsibility, ...]
    digest: str
    path: str
    context: tuple[Rule, ...] = field(default=(), repr=False, compare=False)
    context_min: int = 0

    def get(self, rid: str) -> Responsibility:
        for item in self.responsibilities:
            if item.id == rid:
                return item
        raise KeyError(rid)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.responsibilities)


def default_taxonomy_path() -> Path:
    """Return the built-in TPM taxonomy: package data, or the checkout's copy."""
    packaged = resources.files("resumefit") / "data" / "tpm.yaml"
    if packaged.is_file():
        return Path(str(packaged))
    # An editable install reads the repo's file directly.
    return Path(__file__).resolve().parents[2] / "taxonomy" / "tpm.yaml"


_CACHE: dict[str, Taxonomy] = {}


def load_taxonomy(path: str | Path | None = None, expected_ids: tuple[str, ...] | None = None) -> Taxonomy:
    """Load, validate and compile a taxonomy file (the built-in one by default).

    ``expected_ids``, when given, must be exactly the ids the file holds.
    Raises TaxonomyError naming the entry at fault.
    """
    file = Path(path) if path is not None else default_taxonomy_path()
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise TaxonomyError(f"cannot read taxonomy: {exc.strerror or exc}", path=str(file)) from None
    digest = hashlib.sha256(raw).hexdigest()
    key = f"{digest}:{expected_ids}"
    if key not in _CACHE:
        _CACHE[key] = parse_taxonomy(raw.decode("utf-8", errors="replace"), str(file), digest, expected_ids)
    return _CACHE[key]


def parse_taxonomy(text: str, origin: str = "<taxonomy>", digest: str = "", expected_ids=None) -> Taxonomy:
    """Validate taxonomy YAML text and compile it."""
    import yaml

    try:
        # libyaml's safe loader parses the taxonomy ~10x faster: it is on every check's start-up path.
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise TaxonomyError(f"not valid YAML: {exc}".splitlines()[0], path=origin) from None
    if not isinstance(data, dict):
        raise TaxonomyError("expected a mapping with 'role', 'categories', 'responsibilities'", path=origin)
    categories = _parse_categories(data.get("categories"), origin)
    known = {c.id for c in categories}
    entries = data.get("responsibilities")
    if not isinstance(entries, list) or not entries:
        raise TaxonomyError("'responsibilities' must be a non-empty list", path=origin)
    items: list[Responsibility] = []
    seen: set[str] = set()
    for position, entry in enumerate(entries, 1):
        item = _parse_entry(entry, position, known, origin)
        if item.id in seen:
            raise TaxonomyError(f"duplicate responsibility id '{item.id}'", path=origin)
        seen.add(item.id)
        items.append(item)
    if expected_ids is not None and set(expected_ids) != seen:
        missing = sorted(set(expected_ids) - seen)
        unknown = sorted(seen - set(expected_ids))
        detail = "; ".join(p for p in (f"missing ids: {', '.join(missing)}" if missing else "",
                                         f"unknown ids: {', '.join(unknown)}" if unknown else "") if p)
        raise TaxonomyError(detail, path=origin)
    role = str(data.get("role") or "").strip()
    if not role:
        raise TaxonomyError("'role' must name the role", path=origin)
    context, context_min = _parse_context(data.get("context"), origin)
    return Taxonomy(role, categories, tuple(items), digest, origin, context, context_min)


def _parse_context(raw, origin: str) -> tuple[tuple[Rule, ...], int]:
    if raw is None:
        return (), 0
    words, minimum = (raw.get("words"), raw.get("min")) if isinstance(raw, dict) else (None, None)
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words) or not isinstance(minimum, int) or minimum < 1:
        raise TaxonomyError("'context' needs 'words' (a list of terms) and 'min' (a positive whole number)", path=origin)
    return tuple(Rule.compile(w) for w in words), minimum


def _parse_categories(raw, origin: str) -> tuple[Category, ...]:
    if not isinstance(raw, list) or not raw:
        raise TaxonomyError("'categories' must be a non-empty list", path=origin)
    result = []
    for entry in raw:
        if not isinstance(entry, dict) or not entry.get("id") or not entry.get("title"):
            raise TaxonomyError(f"category {entry!r} needs an id and a title", path=origin)
        result.append(Category(str(entry["id"]), str(entry["title"])))
    return tuple(result)


def _parse_entry(entry, position: int, categories: set[str], origin: str) -> Responsibility:
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
        raise TaxonomyError(f"responsibility #{position} has no id", path=origin)
    rid = entry["id"]
    where = f"responsibility '{rid}'"
    if not _ID_RE.match(rid):
        raise TaxonomyError(f"{where}: id must be lower-case words joined by hyphens", path=origin)
    for name in REQUIRED_TEXT:
        if not isinstance(entry.get(name), str) or not entry[name].strip():
            raise TaxonomyError(f"{where}: '{name}' is missing or empty", path=origin)
    if entry["category"] not in categories:
        raise TaxonomyError(f"{where}: unknown category '{entry['category']}'", path=origin)
    lists = {}
    for name in REQUIRED_LISTS + OPTIONAL_LISTS:
        value = entry.get(name) or []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise TaxonomyError(f"{where}: '{name}' must be a list of non-empty strings", path=origin)
        if name in REQUIRED_LISTS and not value:
            raise TaxonomyError(f"{where}: '{name}' is missing or empty", path=origin)
        lists[name] = tuple(v.strip() for v in value)
    try:
        weight = float(entry.get("weight", 1.0))
    except (TypeError, ValueError):
        raise TaxonomyError(f"{where}: 'weight' must be a number", path=origin) from None
    if weight <= 0:
        raise TaxonomyError(f"{where}: 'weight' must be positive", path=origin)
    try:
        strong = compile_rules(lists["keywords"] + lists["rules"])
        weak = compile_rules(lists["mentions"])
        excluded = compile_rules(lists["exclude"])
        held = compile_rules(lists["titles"])
        cued = compile_rules(lists["cues"])
        roled = compile_rules(lists["roles"])
    except ValueError as exc:
        raise TaxonomyError(f"{where}: {exc}", path=origin) from None
    needs_context = entry.get("needs_context", False)
    if not isinstance(needs_context, bool):
        raise TaxonomyError(f"{where}: 'needs_context' must be true or false", path=origin)
    return Responsibility(
        id=rid, needs_context=needs_context, category=entry["category"], title=entry["title"].strip(),
        evidence=" ".join(entry["evidence"].split()), why=" ".join(entry["why"].split()),
        weight=weight, strong=strong, weak=weak, excluded=excluded, held=held, cued=cued, roled=roled, **lists,
    )
