"""Suggest stage: bullets worth pasting, rewrites of weak lines, and what to do first.

A suggestion opens with a strong verb, names scope the resume itself shows
(its product, domain, tools, team) and leaves a placeholder such as ``[X%]``
for the result only the person knows. No two suggestions in a report read
alike and none repeats a line the resume already has.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, replace

from .language import ACTION_VERBS, weak_opener
from .match import tokenize
from .models import Report, ResponsibilityResult, Resume, Rewrite
from .taxonomy import Taxonomy

TOOLS = ("Jira", "Confluence", "Linear", "Asana", "Looker", "Tableau", "Power BI", "Metabase", "Mode", "SQL",
         "BigQuery", "Snowflake", "Redshift", "Amplitude", "Mixpanel", "Google Analytics", "Excel", "Figma", "Miro",
         "Postman", "Swagger", "OpenAPI", "Python", "dbt", "Airflow", "Kafka", "Kubernetes", "Docker", "AWS", "GCP",
         "Azure", "Terraform", "Datadog", "Salesforce", "Stripe", "Twilio", "LaunchDarkly", "Optimizely", "GitHub",
         "TestRail", "Segment", "Zendesk", "Productboard", "Notion", "React", "Node.js", "Java", "Go")
DOMAINS = {
    "payments": ("payment", "checkout", "card", "ledger", "merchant", "fintech", "billing", "fraud", "lending", "bank"),
    "healthcare": ("patient", "clinical", "clinician", "ehr", "health", "hipaa", "hospital", "telehealth", "fhir"),
    "e-commerce": ("e-commerce", "ecommerce", "cart", "catalog", "retail", "shopper", "order", "inventory"),
    "developer platform": ("api", "sdk", "developer", "cli", "platform", "integration"),
    "B2B SaaS": ("saas", "enterprise", "b2b", "admin", "tenant", "sso"),
    "machine learning": ("ml", "model", "machine learning", "feature store", "recommendation", "inference"),
    "logistics": ("logistics", "fleet", "shipment", "delivery", "warehouse", "routing"),
    "telecom": ("telecom", "carrier", "5g", "network", "sim"),
    "devices": ("device", "firmware", "hardware", "iot", "sensor"),
    "data": ("data", "pipeline", "warehouse", "analytics", "dashboard"),
}
PRODUCTS = ("checkout", "mobile app", "API", "platform", "dashboard", "marketplace", "SDK", "portal", "app",
            "onboarding flow", "billing system", "search", "integration", "pipeline", "website", "service")
AUDIENCES = ("customers", "users", "merchants", "developers", "clinicians", "patients", "drivers", "sellers",
             "partners", "clients", "shoppers", "admins", "students", "advertisers")

# "the card acquiring product", "our public API": a determiner, up to two
# modifiers, and a product noun that is not itself modifying another noun.
_HEADS = r"(?:platform|API|APIs|app|mobile app|dashboard|product|portal|SDK|marketplace|service|pipeline|engine|checkout|website|system|tool)"
_PRODUCT = re.compile(
    r"\b(?:the|our|a|an|its|their)\s+((?:[A-Za-z][\w-]*\s+){0,2}?" + _HEADS + r")\b"
    r"(?!\s+(?:team|teams|architect|engineers?|contracts?|reference|docs?|documentation|guides?|squads?|leads?|"
    r"owners?|group|org|migration|strategy|roadmap|vendor|partners?|calls?|keys?|layer|design)\b)")
# "Coinpot (savings and investing app)": an employer described by its product.
_DESCRIBED = re.compile(r"\(((?:[A-Za-z][\w-]*\s+){1,3}?" + _HEADS + r")\)")
_VAGUE_MODIFIERS = frozenset("new same whole entire first main existing old small large internal company's v1 v2 "
                             "core key single".split())
_GENERIC_HEADS = frozenset("product platform app system tool service engine pipeline website".split())
# Which of the resume's tools a template's {tool} can be, told by the template's words.
_TOOL_KINDS = (
    (re.compile(r"sql|dashboard|funnel|kpi", re.I),
     ("SQL", "Snowflake", "BigQuery", "Redshift", "Looker", "Tableau", "Power BI", "Metabase", "Mode", "Amplitude",
      "Mixpanel", "Google Analytics", "dbt", "Excel")),
    (re.compile(r"peak load|latency|infrastructure", re.I),
     ("Kafka", "Kubernetes", "Docker", "AWS", "GCP", "Azure", "Terraform", "Datadog", "Snowflake", "BigQuery",
      "Redshift", "Airflow")),
    (re.compile(r"feature flags", re.I), ("LaunchDarkly", "Optimizely")),
    (re.compile(r"flows|wireframe|journey", re.I), ("Figma", "Miro")),
    (re.compile(r"prototype|internal .* tool", re.I), ("Python", "React", "Node.js", "Figma", "Java", "Go")),
    (re.compile(r"backlog|kept in|templates in|source of truth", re.I),
     ("Jira", "Linear", "Asana", "Confluence", "Notion", "Productboard")),
)
# Who a template's {audience} is when the sentence is about approval or sales.
_AUDIENCE_FIXES = ((re.compile(r"\b(won|from|to) \{audience\}"), r"\1 leadership"),
                   (re.compile(r"battlecards for \{audience\}"), "battlecards for sales"))
_TEAM = re.compile(
    r"\bteam of (\d{1,3}|\w+)(?:\s+(engineers|developers|people))?\b"
    r"|\b(\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"((?:engineering|product|platform|scrum|delivery|cross-functional|feature)\s+)?"
    r"(engineers|developers|squads|teams|people)\b"
    r"|\b(\d{1,3})-(?:person|engineer|member)\b", re.I)

# Openers that are not verbs of achievement: their templates are used only when nothing else fits.
_SOFT_OPENERS = frozenset({"acted", "served", "took", "was", "responsible", "helped", "assisted", "supported"})
_EXTRA_STRONG = frozenset({"gave", "co-invented", "coded", "drew", "held", "taught", "sold"})
_RESULT = re.compile(r"\[(?:X%|Y%|\$X|N|X|Y)[^\]]*\]")
_STOP = frozenset("a an the and or of to in on for with by at from into as that its their our [n] [x] [y] [x%] "
                  "[y%] [$x] n x y".split())


@dataclass(frozen=True)
class Team:
    """The team size a resume states. Fields: size (as written, or ``[N]``), unit (``engineers``, ``squads``)."""

    size: str
    unit: str
    qualifier: str = "engineering"

    def phrase(self) -> str:
        """Name the team as a noun phrase: ``the three engineering squads``, ``a team of 8 engineers``."""
        if self.unit in ("squads", "teams"):
            return f"the {self.size} {self.qualifier} {self.unit}"
        return f"a team of {self.size} {self.unit}"

    def count(self) -> str:
        """Name the teams for ``[N] {team} teams``: ``three engineering squads``."""
        if self.unit in ("squads", "teams"):
            return f"{self.size} {self.qualifier} {self.unit}"
        return f"[N] {self.qualifier} teams"


@dataclass(frozen=True)
class Context:
    """What the resume says about its own scope.

    Fields: tools, domain, products (bare noun phrases, best first), team, audience.
    """

    tools: tuple[str, ...]
    domain: str
    products: tuple[str, ...]
    team: Team
    audience: str

    @property
    def product(self) -> str:
        return self.products[0] if self.products else "[product]"


@dataclass(frozen=True)
class Step:
    """One thing to do next, ranked by how much it would raise the score.

    Fields: kind (``add`` a bullet for a gap, ``rewrite`` a weak line,
    ``quantify`` a line with no result), rid, title, text (the bullet or
    rewrite to paste), before (the line being replaced, if any), gain
    (points of overall score it would add), stressed (the job posting asks for it).
    """

    kind: str
    rid: str
    title: str
    text: str
    before: str
    gain: float
    stressed: bool = False

    def to_dict(self) -> dict:
        return {"kind": self.kind, "id": self.rid, "title": self.title, "text": self.text,
                "before": self.before, "gain": round(self.gain, 2), "stressed": self.stressed}


def resume_context(resume: Resume) -> Context:
    """Pull tools, domain, products, team size and audience from the resume text."""
    text = "\n".join(line.text for line in resume.lines)
    lowered = text.lower()
    tokens = Counter(tokenize(text))
    tools = tuple(t for t in TOOLS if re.search(r"(?<![\w.])" + re.escape(t.lower()) + r"(?![\w])", lowered))
    domain = find_domain(lowered)
    audience = max(AUDIENCES, key=lambda a: (tokens[a] + tokens[a.rstrip("s")], -AUDIENCES.index(a)))
    if not tokens[audience] and not tokens[audience.rstrip("s")]:
        audience = "customers"
    body = "\n".join(line.text for line in resume.lines if line.section not in ("header", "skills", "education"))
    return Context(tools, domain, find_products(body or text), find_team(text), audience)


def find_domain(lowered: str) -> str:
    """Return the domain the resume's words point to most, or ``[domain]`` when none stands out."""
    counts = {name: [len(re.findall(r"\b" + re.escape(word) + r"s?\b", lowered)) for word in words]
              for name, words in DOMAINS.items()}
    best = max(counts, key=lambda k: (sum(counts[k]), k))
    # A stray "card", or a "food bank" said twice, is not a domain: ask for two different words.
    return best if sum(1 for n in counts[best] if n) >= 2 else "[domain]"


def find_products(text: str) -> tuple[str, ...]:
    """Return the products a resume names, most specific and frequent first."""
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for match in list(_PRODUCT.finditer(text)) + list(_DESCRIBED.finditer(text)):
        words = match.group(1).split()
        if words[0] in TOOLS:
            continue  # "a Metabase dashboard" is the tool's, not a product the person owned
        while len(words) > 1 and words[0].lower() in _VAGUE_MODIFIERS:
            words = words[1:]
        phrase = " ".join(words)
        if len(words) == 1 and words[0].lower() in _GENERIC_HEADS:
            continue  # "the product", "the platform" name nothing
        key = phrase if phrase.isupper() or any(w[:1].isupper() for w in words) else phrase.lower()
        counts[key] += 1
        first_seen.setdefault(key, match.start())
    ranked = sorted(counts, key=lambda p: (-(len(p.split()) > 1), -counts[p], first_seen[p]))
    if ranked:
        return tuple(ranked[:3])
    lowered = text.lower()
    hits = {p: lowered.count(p.lower()) for p in PRODUCTS}
    best = max(hits, key=lambda k: (hits[k], -PRODUCTS.index(k)))
    return (best,) if hits[best] else ()


def find_team(text: str) -> Team:
    """Return the team size the resume states, or a placeholder team."""
    match = _TEAM.search(text)
    if not match:
        return Team("[N]", "engineers")
    if match.group(1):
        return Team(match.group(1), (match.group(2) or "engineers").lower())
    if match.group(3):
        qualifier = (match.group(4) or "engineering ").strip().lower()
        return Team(match.group(3).lower(), match.group(5).lower(), qualifier)
    return Team(match.group(6), "engineers")


def fill(template: str, context: Context, product: str | None = None,
         tool: str | None = None) -> str:
    """Fill a template's {placeholders} from the resume context, reading as plain English."""
    product = product or context.product
    if tool is None:
        tool = pick_tool(template, context.tools)
    for pattern, replacement in _AUDIENCE_FIXES:
        template = pattern.sub(replacement, template)
    text = re.sub(r"\[N\] \{team\} teams", context.team.count(), template)
    size = context.team.size if context.team.unit not in ("squads", "teams") else "[N]"
    text = re.sub(r"\[N\]-person \{team\}", f"{size}-person team", text)
    text = text.replace("team of [N] engineers", f"team of {size} engineers")
    # A determiner before {product} stays; elsewhere the product gets "the".
    text = re.sub(r"\b(the|a|an|weekly|new|its|\]) \{product\}", lambda m: f"{m.group(1)} {product}", text)
    bare = product if product.startswith("[") else f"the {product}"
    values = {"tool": tool, "domain": context.domain, "product": bare,
              "team": context.team.phrase(), "audience": context.audience}
    text = re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), f"[{m.group(1)}]"), text)
    return tidy(text)


def pick_tool(template: str, tools: tuple[str, ...]) -> str:
    """Choose the resume's tool that fits the template's sentence, else ``[tool]``."""
    for pattern, kind in _TOOL_KINDS:
        if pattern.search(template):
            return next((t for t in tools if t in kind), "[tool]")
    return tools[0] if tools else "[tool]"


def tidy(text: str) -> str:
    """Fix articles and doubled words that filling a template can leave."""
    text = re.sub(r"\b(the|a|an) (the|a|an)\b", r"\2", text, flags=re.I)
    text = re.sub(r"\b(\w+) \1\b", r"\1", text)
    text = re.sub(r"\b(API|SDK|app|service|platform|pipeline)s? \1s\b", r"\1", text, flags=re.I)
    text = re.sub(r"\b([Aa]) (?=[aeiouAEIOU]|8|1[18]\b|API|SDK|SQL)", lambda m: m.group(1) + "n ", text)
    text = re.sub(r"\b([Aa])n (?=[b-df-hj-np-tv-z][a-z])", lambda m: m.group(1) + " ", text)
    text = text.strip()
    return text[:1].upper() + text[1:]


@functools.lru_cache(maxsize=4096)  # each resume line is compared with every candidate bullet
def _words(text: str) -> frozenset[str]:
    return frozenset(t for t in tokenize(text) if t not in _STOP)


def similar(a: str, b: str, threshold: float = 0.5) -> bool:
    """True when two lines share most of their content words (Jaccard)."""
    ta, tb = _words(a), _words(b)
    return bool(ta and tb) and len(ta & tb) / len(ta | tb) >= threshold


def opens_strong(text: str) -> bool:
    """True when the bullet opens with a verb of achievement ("Led", "Cut", "Gave"), not "Acted as"."""
    first = text.split()[0].lower() if text.split() else ""
    if first in _SOFT_OPENERS:
        return False
    return first in ACTION_VERBS or first in _IRREGULAR.values() or first in _EXTRA_STRONG or (
        first.endswith("ed") and len(first) > 4)


def _verb_rank(template: str) -> int:
    return 0 if opens_strong(template) else 1


def has_result_placeholder(text: str) -> bool:
    """True when the bullet leaves a slot for a measurable result."""
    return bool(_RESULT.search(text))


def add_suggestions(results, taxonomy: Taxonomy, resume: Resume) -> list[ResponsibilityResult]:
    """Attach 1-3 tailored bullets to every partial or missing responsibility."""
    context = resume_context(resume)
    existing = [line.text for line in resume.lines]
    used: list[str] = []
    out = []
    for result in results:
        if result.status == "covered":
            out.append(result)
            continue
        item = taxonomy.get(result.id)
        wanted = 3 if result.status == "missing" else 2
        bullets: list[str] = []
        templates = sorted(item.templates, key=_verb_rank)
        for n, template in enumerate(templates):
            if bullets and not opens_strong(template):
                break  # "Acted as the bridge..." only when no strong template fits
            # Alternate the resume's products so a report does not repeat one name.
            product = context.products[(len(used) + n) % len(context.products)] if context.products else None
            bullet = fill(template, context, product=product)
            if not has_result_placeholder(bullet):
                bullet = bullet.rstrip(".") + ", improving [metric] by [X%]"
            if any(similar(bullet, other, 0.6) for other in existing) or any(similar(bullet, o) for o in used + bullets):
                continue
            bullets.append(bullet)
            if len(bullets) == wanted:
                break
        used.extend(bullets)
        out.append(replace(result, suggestions=tuple(bullets)))
    return out


# Past tense of verbs that follow "helped" ("helped build") or a gerund ("responsible for running").
_IRREGULAR = {"build": "built", "run": "ran", "lead": "led", "write": "wrote", "drive": "drove", "make": "made",
              "set": "set", "get": "got", "take": "took", "bring": "brought", "give": "gave", "grow": "grew",
              "begin": "began", "choose": "chose", "sell": "sold", "put": "put", "cut": "cut", "find": "found",
              "ship": "shipped", "plan": "planned", "scope": "scoped", "map": "mapped", "own": "owned"}
_HELPED_WHOM = re.compile(r"((?:the|our|my)\s+(?:[\w-]+\s+)?(?:PM|PMs|lead|leads|manager|managers|team|director|head|CTO|CEO|"
                          r"founders?|engineers|designers?))\s+(?!(?:on|in|with|for|to|by|at|through|during|across|and|of)\b)(?=[a-z]+\b)")
_NOUN_VERBS = {"launch": "Led", "rollout": "Led", "migration": "Led", "development": "Drove", "design": "Led",
               "roadmap": "Owned", "backlog": "Owned", "delivery": "Drove", "implementation": "Led",
               "planning": "Led", "testing": "Ran", "analysis": "Ran", "research": "Ran", "documentation": "Wrote",
               "creation": "Drove", "integration": "Led", "redesign": "Led", "definition": "Drove"}
_CATEGORY_RESULT = {"strategy": "lifting [revenue metric] by [X%]", "discovery": "raising [adoption metric] by [X%]",
                    "technical": "cutting [latency or cost] by [X%]", "delivery": "shipping [N] weeks ahead of plan",
                    "communication": "cutting [escalations or questions] by [X%]"}


def _past(verb: str) -> str:
    verb = verb.lower()
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ied"
    return verb + "ed"


def strengthen(text: str, category: str, quantified: bool) -> str | None:
    """Rewrite a line that opens weakly ("helped with", "responsible for") to open with a strong verb."""
    phrase = weak_opener(text)
    if not phrase:
        return None
    body = text.lstrip("•-* ")[len(phrase):].strip()
    body = re.sub(r"^(?:with|in|on|to|for|out with|on the)\s+", "", body, flags=re.I)
    if not body:
        return None
    helped = _HELPED_WHOM.match(body)
    verb_next = False
    if helped:
        # "Helped the PM prepare X" -> "Prepared X with the PM": own the share that was yours.
        body, verb_next = body[helped.end():].rstrip(". ") + f" with {helped.group(1)}", True
    first, _, rest = body.partition(" ")
    lowered = first.lower()
    noun = next((w for w in tokenize(body)[:3] if w in _NOUN_VERBS), None)
    if lowered.endswith("ing") and len(lowered) > 5 and lowered not in _NOUN_VERBS:
        opener, body = _gerund_past(lowered), rest
    elif verb_next or lowered in _IRREGULAR or (lowered + "ed") in ACTION_VERBS or (lowered + "d") in ACTION_VERBS:
        opener, body = _past(lowered), rest  # "helped build the API"
    elif noun:
        opener = _NOUN_VERBS[noun]  # "worked on the launch" -> "Led the launch"
    elif phrase in ("helped", "assisted", "supported"):
        opener = "Partnered with"  # "Supported the sales team on RFPs"
    else:
        opener = "Owned" if phrase == "responsible for" else "Drove"
    opener = opener[:1].upper() + opener[1:]
    sentence = f"{opener} {body.rstrip('.').strip()}"
    if not quantified:
        sentence += ", " + _CATEGORY_RESULT.get(category, "improving [metric] by [X%]")
    return tidy(sentence)


def _gerund_past(word: str) -> str:
    stem = word[:-3]
    for candidate in (stem, stem + "e"):
        if candidate in _IRREGULAR:
            return _IRREGULAR[candidate]
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsfz":
        return _past(stem[:-1])  # planning -> planned, running -> ran
    return stem + "ed"  # managing -> managed, coordinating -> coordinated


def quantify(text: str, category: str) -> str:
    """Add a slot for the result to a line that shows none."""
    return tidy(f"{text.rstrip('. ')}, {_CATEGORY_RESULT.get(category, 'improving [metric] by [X%]')}")


def _point_value(weight: float, taxonomy: Taxonomy) -> float:
    return 100.0 * weight / sum(r.weight for r in taxonomy.responsibilities)


def find_rewrites(results, taxonomy: Taxonomy) -> list[Rewrite]:
    """Suggest stronger wording for evidence lines that open weakly or show no result.

    Each rewrite carries ``gain``: the points of overall score the change
    would add under the scorer's own weights.
    """
    from .scoring import ScoringSettings

    settings = ScoringSettings()
    rewrites: dict[int, Rewrite] = {}
    for result in results:
        points = _point_value(result.weight, taxonomy)
        for evidence in result.evidence:
            if evidence.strength == "similar":
                continue
            better = strengthen(evidence.text, result.category, evidence.quantified)
            if better:
                # A weak line that already names the work (a mention of a strong
                # term) turns the item covered once it opens with a verb.
                target = settings.covered_base + settings.quantified_bonus
                gain = max(0.0, target - result.score) * points if result.status == "partial" and evidence.terms else 0.0
                candidate = Rewrite(evidence.line, evidence.text, f"opens with '{weak_opener(evidence.text)}'", better,
                                    round(gain, 2))
            elif evidence.strength == "strong" and not evidence.quantified:
                already = any(e.quantified for e in result.evidence if e.strength == "strong")
                gain = 0.0 if already else settings.quantified_bonus * points
                candidate = Rewrite(evidence.line, evidence.text, "shows no measurable result",
                                    quantify(evidence.text, result.category), round(gain, 2))
            else:
                continue
            previous = rewrites.get(evidence.line)
            if previous is None or candidate.gain > previous.gain:
                rewrites[evidence.line] = candidate
    return sorted(rewrites.values(), key=lambda r: (-r.gain, r.line))


def next_steps(report: Report, limit: int | None = None) -> list[Step]:
    """Rank what to do next (add a bullet, rewrite a line) by score gained.

    A gap's gain is what covering it adds to the overall score; when a job
    posting stresses a responsibility its steps move up the list.
    """
    from .scoring import ScoringSettings

    settings = ScoringSettings()
    total = sum(r.weight for r in report.responsibilities) or 1.0
    stressed = set(getattr(report.job, "stressed_ids", ()) or ()) if report.job is not None else set()
    by_line = {e.line: r for r in report.responsibilities for e in r.evidence}
    steps: list[Step] = []
    for result in report.responsibilities:
        if result.status != "covered" and result.suggestions:
            target = settings.covered_base + settings.quantified_bonus
            gain = max(0.0, target - result.score) * 100.0 * result.weight / total
            steps.append(Step("add", result.id, result.title, result.suggestions[0], "", gain, result.id in stressed))
    for rewrite in report.rewrites:
        owner = by_line.get(rewrite.line)
        if owner is None:
            continue
        kind = "rewrite" if rewrite.reason.startswith("opens") else "quantify"
        steps.append(Step(kind, owner.id, owner.title, rewrite.suggestion, rewrite.text, getattr(rewrite, "gain", 0.0),
                          owner.id in stressed))
    steps.sort(key=lambda s: (-(s.gain * (2.0 if s.stressed else 1.0)), s.kind != "add", s.rid))
    return steps[:limit] if limit else steps
