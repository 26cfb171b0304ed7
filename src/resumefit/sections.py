"""Sections stage: RawDocument -> Resume (headings found, bullets joined, kinds set)."""

from __future__ import annotations

import re

from .language import starts_with_action
from .models import Line, RawDocument, Resume, Section

# Heading words -> canonical section, tried in order; covers unusual headings
# such as "What I've shipped" or "Toolbox".
HEADING_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("summary", ("hello", "what i do", "why product", "in short", "tl;dr", "tldr", "summary", "profile", "about", "objective", "overview", "introduction", "who i am", "highlights", "bio", "in short", "short version", "at a glance")),
    ("certifications", ("registration", "certif", "licens", "credential", "courses", "coursework", "admission")),
    ("education", ("education", "school", "academic", "degree", "university", "where i learned", "learning", "training", "studies", "qualifications")),
    ("skills", ("things i use", "my kit", "good at", "methods", "toolkit", "tech i use", "skill", "toolbox", "tool", "stack", "technolog", "competenc", "expertise", "proficienc", "strengths", "tech", "keywords", "capabilities", "languages & tools", "software")),
    ("projects", ("selected", "what i make", "things i built", "project", "portfolio", "side quest", "hackathon", "shipped", "built", "selected work", "open source", "achievements", "accomplishments", "volunteer", "leadership")),
    ("experience", ("internship", "where i've been", "earlier", "before", "previously", "experience", "employment", "work", "career", "history", "positions", "roles", "where i", "professional", "jobs")),
    ("other", ("speaking", "writing", "other", "interests", "hobbies", "languages", "awards", "honors", "honours", "publications", "references", "contact", "activities", "affiliations", "additional", "personal", "patents", "talks")),
)
# Headings so standard that they open a section even with no blank line or
# bold above them (text pasted from a LinkedIn PDF, one-paragraph Word files).
STANDARD_HEADINGS = frozenset((
    "summary", "profile", "about", "about me", "objective", "experience", "work experience",
    "professional experience", "employment", "employment history", "work history", "education",
    "skills", "top skills", "technical skills", "key skills", "projects", "certifications",
    "licenses & certifications", "languages", "contact", "honors-awards", "honors & awards",
    "awards", "publications", "volunteer experience", "interests",
))
_BULLET = "• "
_DATE = re.compile(
    r"((19|20)\d{2}|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{2,4}|\bpresent\b|\bcurrent\b|\bnow\b)", re.I)
_CONNECTOR_END = re.compile(r"([,;:&/(–—|·-]|\b(and|or|of|to|the|a|an|with|for|by|in|on|at|from|into|across|as|via|using))$", re.I)
_SENTENCE_END = re.compile(r"[.!?)]$")


def canonical_section(heading: str) -> str | None:
    """Map a heading to a canonical section name, or None if it is not one."""
    text = heading.lower().strip(" :#*-–—|").replace("’", "'")
    for name, words in HEADING_WORDS:
        if any(re.search(r"(?<![a-z])" + re.escape(w) + r"(?:s|es|ing|ed)?(?![a-z])" if len(w) <= 4 else r"(?<![a-z])" + re.escape(w), text) for w in words):
            return name
    return None


def heading_section(text: str, hint: bool, after_blank: bool) -> str | None:
    """Return the section a heading line opens ("" if unknown), or None if it is no heading."""
    stripped = text.strip().rstrip(":").strip()
    if not stripped or text.startswith(_BULLET) or len(stripped) > 42 or stripped.endswith((".", ";")):
        return None
    words = stripped.split()
    if len(words) > 6 or _DATE.search(stripped) or "@" in stripped or "|" in stripped:
        return None
    letters = [c for c in stripped if c.isalpha()]
    all_caps = len(letters) >= 4 and all(c.isupper() for c in letters)
    if "," in stripped and not all_caps:
        return None
    colon = text.strip().endswith(":")
    known = canonical_section(stripped)
    standard = stripped.lower() in STANDARD_HEADINGS
    if known and len(words) <= 5 and (hint or all_caps or colon or after_blank or standard):
        return known
    # A short capitalised heading phrase ("Where I've worked") with no blank line
    # or bold above it, as PDF layouts often give; an action verb means a bullet.
    if (known and 2 <= len(words) <= 3 and stripped[0].isupper() and not starts_with_action(stripped)
            and _PERSONAL_HEADING.search(stripped)):
        return known
    if (all_caps or (hint and colon)) and len(words) <= 4 and after_blank:
        return ""
    return None


# Conversational headings ("Where I've worked", "Before product", "Side quests")
# read as headings even without bold or a blank line; "Oregon State University" does not.
_PERSONAL_HEADING = re.compile(r"\b(i|i've|i'm|my|we|before|earlier|side|selected|things|short)\b", re.I)


def _emphatic(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return text.strip().endswith(":") or (len(letters) >= 4 and all(c.isupper() for c in letters))


def line_kind(text: str) -> str:
    """Return ``bullet``, ``entry`` (a job or degree header) or ``text``."""
    if text.startswith(_BULLET):
        return "bullet"
    words = text.split()
    # Long "Title, Team — Company, City | Mar 2020 – present" lines end with their dates.
    if (len(words) <= 24 and _DATE.search(" ".join(words[-4:])) and re.search(r"[|—–,]", text)
            and not text.rstrip().endswith(".") and not starts_with_action(text)):
        return "entry"
    if _DATE.search(text) and len(words) <= 16 and not re.match(r"^(led|built|drove|ran|shipped|launched|managed|owned|created)\b", text, re.I):
        return "entry"
    return "text"


def split_sections(doc: RawDocument) -> Resume:
    """Find the sections of a document and the lines within each."""
    groups: list[tuple[str, str, list[tuple[str, str]]]] = [("header", "", [])]
    after_blank = True
    for position, raw in enumerate(doc.lines):
        text = raw.text.strip()
        if not text:
            after_blank = True
            continue
        # The line right under a heading is its content ("Certifications" /
        # "Certified Scrum Product Owner"), not a heading of its own.
        under_heading = not groups[-1][2] and groups[-1][0] != "header"
        # Word files often type a heading as a plain paragraph: a heading phrase
        # with a dated job line under it ("Career history" / "Senior PM ... 2020 -") is one.
        hint = raw.heading_hint or _opens_dated_entry(doc.lines, position)
        name = heading_section(text, hint and not under_heading, (after_blank or not groups[-1][2]) and not under_heading)
        if name == "" and groups[-1][0] in ("experience", "projects"):
            name = None  # an all-caps company name inside a job list
        if name == "" and len(groups) == 1 and not groups[0][2]:
            name = None  # "DAGNY ORRELHAUS": a name in capitals opens the page, not a section
        if name is not None and under_heading and not _emphatic(text):
            name = None  # "Education" / "Certificate in Product ...": content, not a second heading
        if name is not None:
            groups.append((name or "other", text.rstrip(":").strip(), []))
        else:
            kind = line_kind(text)
            if kind == "entry" and groups[-1][0] == "summary" and groups[-1][2]:
                # A dated job header ends a summary whose next heading was not recognised.
                groups.append(("experience", "", []))
            groups[-1][2].append((text, kind))
        after_blank = False
    sections: list[Section] = []
    index = 0
    if groups[0][2]:
        groups[0:1] = _split_header(groups[0][2], headed=len(groups) > 1)
    groups = _recover_jobs([(n, h, items if n == "header" else _join_wrapped(items)) for n, h, items in groups])
    for name, heading, merged in groups:
        lines = []
        for text, kind in merged:
            clean = text[len(_BULLET):] if text.startswith(_BULLET) else text
            lines.append(Line(index, clean, name, kind, heading))
            index += 1
        if lines:
            sections.append(Section(name, heading, tuple(lines)))
    return Resume(doc.source, doc.format, tuple(sections), doc.warnings, doc.pages)


def _opens_dated_entry(raws, position: int) -> bool:
    """True when the next non-blank line reads like a dated job or degree line."""
    for raw in raws[position + 1 : position + 3]:
        text = raw.text.strip()
        if text:
            return not text.startswith(_BULLET) and len(text.split()) <= 24 and bool(_DATE.search(text))
    return False


_ROLE = re.compile(r"\b(manager|engineer|analyst|director|lead|developer|designer|consultant|specialist|coordinator|"
                   r"officer|intern|owner|head|founder|architect|scientist|administrator|associate|vp)\b", re.I)


def _recover_jobs(groups):
    """Give job entries back to experience when a layout put them under Education or Skills.

    A two-column PDF's main column can run on past the sidebar onto page two;
    a dated job title followed by a bullet is experience wherever it lands.
    """
    out = []
    for name, heading, items in groups:
        if name in ("education", "skills", "certifications", "other"):
            for i, (text, kind) in enumerate(items[:-1]):
                if kind == "entry" and _ROLE.search(text) and items[i + 1][1] == "bullet" and i > 0:
                    out += [(name, heading, items[:i]), ("experience", "", items[i:])]
                    break
            else:
                out.append((name, heading, items))
        else:
            out.append((name, heading, items))
    return out


def _split_header(items: list[tuple[str, str]], headed: bool) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """Split the lines above the first heading into name/contact and content.

    A resume with no headings at all still has jobs and bullets worth scoring.
    Prose above the first heading of a headed resume is an untitled summary
    ("Hey! I'm a growth marketer who..."); a job line or bullet there starts
    the experience.
    """
    cut = 0
    for cut, (text, kind) in enumerate(items):
        if kind in ("bullet", "entry") or len(text.split()) >= 10:
            break
    else:
        cut = len(items)
    head, rest = items[:cut], items[cut:]
    groups = [("header", "", head)]
    prose = 0
    if headed:
        while prose < len(rest) and rest[prose][1] == "text":
            prose += 1
    if prose:
        groups.append(("summary", "", rest[:prose]))
    if rest[prose:]:
        groups.append(("experience", "", rest[prose:]))
    return groups


def _join_wrapped(items: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Join lines that a PDF or Word layout wrapped back onto their bullet."""
    uses_glyphs = sum(1 for _, kind in items if kind == "bullet") >= 2
    out: list[tuple[str, str]] = []
    for text, kind in items:
        previous, before = out[-1] if out else ("", "")
        if before == "bullet" and kind == "text" and _continues(previous, text, uses_glyphs):
            out[-1] = (previous + " " + text, "bullet")
        elif before == "bullet" and kind == "entry" and (text[:1].islower() or _bare_tail(previous, text)):
            out[-1] = (previous + " " + text, "bullet")  # "...that led" / "to the 2022 rebrand.", "...bet for" / "2022."
        elif before == "text" and kind == "text" and _continues(previous, text, False):
            out[-1] = (previous + " " + text, "text")
        elif before == "text" and kind == "entry" and _wrapped_entry(previous, text):
            out[-1] = (previous + " " + text, "entry")
        else:
            out.append((text, kind))
    return out


def _bare_tail(previous: str, text: str) -> bool:
    """A wrapped bullet's last word or two that happen to hold a year ("2022.")."""
    return len(text.split()) <= 2 and text.endswith(".") and not _SENTENCE_END.search(previous)


def _wrapped_entry(previous: str, text: str) -> bool:
    # A job or degree header wrapped in a narrow column: "BA Communications,
    # Marquette" / "University, 2015"; the date lands on the second line.
    if _CONNECTOR_END.search(previous) or text[:1].islower():
        return True
    return not _SENTENCE_END.search(previous) and len(previous.split()) <= 8 and len((previous + " " + text).split()) <= 16


def _continues(previous: str, text: str, uses_glyphs: bool) -> bool:
    if "@" in text or "://" in text:
        return False
    if text[:1].islower() or _CONNECTOR_END.search(previous):
        return True
    return uses_glyphs and not _SENTENCE_END.search(previous) and len(text.split()) <= 12 and not text.endswith(":")
