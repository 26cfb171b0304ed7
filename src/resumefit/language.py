"""General English resume language: action verbs, weak openers, numbers."""

from __future__ import annotations

import re

from .match import _IRREGULAR_INDEX

ACTION_VERBS = frozenset("""
accelerated achieved acquired added adopted advised advocated aligned analysed analyzed architected assessed
audited authored automated balanced benchmarked boosted brought built championed chose coached co-founded
collaborated combined compiled completed conceived conducted consolidated converted convinced coordinated
created cut debugged decided decommissioned defined delivered deployed deprecated designed detected developed
devised diagnosed directed discovered documented doubled drafted drove earned eliminated enabled engineered
established estimated evaluated evangelized evangelised expanded experimented facilitated found founded framed
gathered generated grew guided halved hired identified implemented improved increased influenced initiated
instrumented integrated interviewed introduced invented investigated kicked killed landed launched led
lowered maintained managed mapped mentored merged migrated modeled modelled monitored moved negotiated onboarded
opened operated optimized optimised orchestrated organized organised overhauled owned paired partnered
performed persuaded piloted pitched planned presented prioritized prioritised produced programmed proposed
prototyped published purchased raised ran rebuilt recruited redesigned reduced refactored relaunched released
removed replaced reported researched resolved restructured retired revamped reviewed rewrote rolled sat saved
scaled scoped secured selected sequenced set shadowed shaped shipped shortened signed simplified sized sketched
slashed solved sourced spearheaded specified sped spun standardized standardised started steered streamlined
structured studied surfaced surveyed synthesized synthesised taught tested tracked trained transformed
translated triaged tripled trimmed turned unblocked unified upgraded validated wired won worked wrote
""".split())

WEAK_OPENERS = ("helped", "assisted", "responsible for", "involved in", "participated in", "worked on",
                "contributed to", "supported", "tasked with", "duties included", "exposure to", "familiar with",
                "took part in", "took part", "joined", "worked in", "attended", "shadowed the", "learned", "studied",
                "coursework", "completed a course", "completed coursework", "knowledge of", "understanding of")

_NUMBER = re.compile(
    r"(\d+(\.\d+)?\s*(%|percent|x\b|k\b|m\b|bn?\b|mm\b)|[$€£¥]\s*\d|\b\d{1,3}(,\d{3})+\b|\b\d+(\.\d+)?\s*(ms|s|sec|seconds|hours|days|weeks|months|users|customers|people|engineers|teams|countries|markets|clients|accounts|merchants|developers|partners|stores|sites|apis|services|releases|features|interviews|tickets)\b|\b(?!(19|20)\d{2}\b)\d{2,}\b)",
    re.I)


def is_quantified(text: str) -> bool:
    """True when the line holds a number, percentage or amount (years aside)."""
    return bool(_NUMBER.search(text))


def _is_action(word: str) -> bool:
    if word in ACTION_VERBS or (word.endswith("ed") and len(word) > 4):
        return True
    # Present tense ("Own the roadmap", "Lead a team of 6", "Runs the beta").
    stem = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    return (stem + "ed" in ACTION_VERBS or stem + "d" in ACTION_VERBS
            or any(form in ACTION_VERBS for form in _IRREGULAR_INDEX.get(stem, ())))


def starts_with_action(text: str) -> bool:
    """True when the line opens with an action verb, past or present tense."""
    words = re.findall(r"[a-z-]+", text.lower())[:2]
    if not words:
        return False
    first = words[0]
    if first in ("i", "we") and len(words) > 1:
        first = words[1]
    return _is_action(first)


def weak_opener(text: str) -> str | None:
    """Return the weak phrase a line opens with ("helped", "responsible for"), if any."""
    lowered = text.lower().lstrip("•-* ")
    if lowered.startswith(("i ", "we ")):
        lowered = lowered.split(" ", 1)[1]
    for phrase in WEAK_OPENERS:
        if lowered.startswith(phrase):
            return phrase
    return None


def looks_like_list(text: str) -> bool:
    """True for a comma/pipe separated list of terms (a skills line)."""
    separators = text.count(",") + text.count("|") + text.count("·") + text.count(";")
    words = len(text.split())
    return separators >= 3 and words / (separators + 1) <= 3.0 and not starts_with_action(text)


# "I love building products" is a claim; "I pitched a shared board to our founders" is a deed.
_CLAIM_VERBS = frozenset("""am love enjoy thrive bring believe care specialize specialise focus want seek hope
like aim have know excel combine offer pride enjoyed loved""".split())


def tells_what_i_did(text: str) -> bool:
    """True for a first-person sentence that reports something done ("I ran 150 interviews ...")."""
    words = re.findall(r"[a-z'-]+", text.lower())
    if len(words) < 8 or words[0] not in ("i", "i've", "i'm", "we"):
        return False
    verb = "am" if words[0] == "i'm" else words[1]
    return verb not in _CLAIM_VERBS and (_is_action(verb) or is_quantified(text))
