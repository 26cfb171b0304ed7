"""Suggest stage: bullets to fill each gap, tailored with what the resume shows."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from .language import weak_opener
from .match import tokenize
from .models import ResponsibilityResult, Resume, Rewrite
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
_TEAM = re.compile(r"\b(?:team of|squad of|with)\s+(\d{1,3})\b|\b(\d{1,3})[- ](?:engineers|developers|person|people)\b", re.I)


@dataclass(frozen=True)
class Context:
    """What the resume says about its own scope. Fields: tools, domain, product, team, audience."""

    tools: tuple[str, ...]
    domain: str
    product: str
    team: str
    audience: str


def resume_context(resume: Resume) -> Context:
    """Pull tools, domain, product, team size and audience from the resume text."""
    text = "\n".join(line.text for line in resume.lines)
    lowered = text.lower()
    tokens = Counter(tokenize(text))
    tools = tuple(t for t in TOOLS if re.search(r"(?<![\w.])" + re.escape(t.lower()) + r"(?![\w])", lowered))
    domain_hits = {name: sum(lowered.count(word) for word in words) for name, words in DOMAINS.items()}
    domain = max(domain_hits, key=lambda k: (domain_hits[k], k)) if any(domain_hits.values()) else "[domain]"
    product_hits = {p: lowered.count(p.lower()) for p in PRODUCTS}
    product = max(product_hits, key=lambda k: (product_hits[k], -PRODUCTS.index(k)))
    product = f"the {product}" if product_hits[product] else "[product]"
    team_match = _TEAM.search(text)
    team = f"a team of {team_match.group(1) or team_match.group(2)}" if team_match else "a team of [N]"
    audience = max(AUDIENCES, key=lambda a: (tokens[a] + tokens[a.rstrip("s")], -AUDIENCES.index(a)))
    if not tokens[audience] and not tokens[audience.rstrip("s")]:
        audience = "customers"
    return Context(tools, domain, product, team, audience)


def fill(template: str, context: Context, keywords: tuple[str, ...]) -> str:
    """Fill a template's {placeholders} from the resume context."""
    relevant = [t for t in context.tools if any(t.lower() in k.lower() for k in keywords)]
    tool = (relevant or list(context.tools) or ["[tool]"])[0]
    values = {"tool": tool, "domain": context.domain, "product": context.product,
              "team": context.team, "audience": context.audience}
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), f"[{m.group(1)}]"), template)


def _similar(a: str, b: str) -> bool:
    ta, tb = set(tokenize(a)), set(tokenize(b))
    return bool(ta and tb) and len(ta & tb) / len(ta | tb) >= 0.6


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
        for template in item.templates:
            bullet = fill(template, context, item.keywords)
            if any(_similar(bullet, other) for other in existing + used + bullets):
                continue
            bullets.append(bullet)
            if len(bullets) == wanted:
                break
        used.extend(bullets)
        out.append(replace(result, suggestions=tuple(bullets)))
    return out


def find_rewrites(results, taxonomy: Taxonomy) -> list[Rewrite]:
    """Suggest stronger wording for evidence lines that open weakly or show no result."""
    rewrites: dict[int, Rewrite] = {}
    for result in results:
        for evidence in result.evidence:
            if evidence.strength == "similar" or evidence.line in rewrites:
                continue
            phrase = weak_opener(evidence.text)
            if not phrase:
                continue
            body = evidence.text.lstrip("•-* ")[len(phrase):].strip()
            verb = "Led" if result.category in ("delivery", "strategy") else "Drove"
            result_hint = "" if evidence.quantified else ", achieving [X% improvement in metric]"
            suggestion = f"{verb} {body.rstrip('.')}{result_hint}."
            rewrites[evidence.line] = Rewrite(evidence.line, evidence.text, f"opens with '{phrase}'", suggestion)
    return [rewrites[k] for k in sorted(rewrites)]
