"""The taxonomy's small matching language, compiled to fast token matchers.

A *term* is one or more adjacent words; a plain word also matches its common
inflections, ``word*`` is a prefix. A *rule* is groups joined by `` + ``
that must all occur in one line, each group being alternatives joined by
``|``; a group starting with ``~`` must not occur. See taxonomy/README.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property

_TOKEN_RE = re.compile(r"[a-z0-9][a-z0-9+#.]*[a-z0-9+#]|[a-z0-9]")


# Shorthand that terse resumes use ("w/ security & audit", "PRDs for 3 engs").
_SHORTHAND = ((re.compile(r"\bw/o\b"), " without "), (re.compile(r"\bw/(?=\s|\w)"), " with "),
              (re.compile(r"\s&\s"), " and "), (re.compile(r"\bbc\b"), " because "),
              (re.compile(r"\bengs\b"), " engineers "), (re.compile(r"\bdevs\b"), " developers "),
              (re.compile(r"\breqs\b"), " requirements "), (re.compile(r"\bmgmt\b"), " management "))


class Tokens(list):
    """A line's tokens, with their set and every token prefix made once.

    Every rule of every responsibility tests the same line; building these
    per test was most of the scoring time. Treat it as read-only.
    """

    __slots__ = ("_set", "_prefixes")

    def __init__(self, tokens=()):
        super().__init__(tokens)
        self._set: frozenset[str] | None = None
        self._prefixes: frozenset[str] | None = None

    @property
    def set(self) -> frozenset[str]:
        if self._set is None:
            self._set = frozenset(self)
        return self._set

    @property
    def prefixes(self) -> frozenset[str]:
        """Every leading part of every token: ``t.startswith(p)`` for some t iff p is in here."""
        if self._prefixes is None:
            self._prefixes = frozenset(t[:i] for t in self.set for i in range(1, len(t) + 1))
        return self._prefixes


def as_tokens(tokens: list[str]) -> Tokens:
    """Return tokens as Tokens (the same object when it already is)."""
    return tokens if isinstance(tokens, Tokens) else Tokens(tokens)


def tokenize(text: str) -> Tokens:
    """Split lower-cased text into word tokens (keeps c++, c#, node.js)."""
    text = text.lower()
    for pattern, replacement in _SHORTHAND:
        text = pattern.sub(replacement, text)
    return Tokens(_TOKEN_RE.findall(text))


# Past-tense patterns do not also match these bases: as nouns they mean something else
# ("modelled the market" is not "a pricing model", "briefed the CEO" is not "a brief").
_NOUN_BASES = frozenset("model brief pilot found review record budget schedule report document map chart staff "
                        "feature process scope design test pitch excel".split())

# Words that look like an inflection but mean something else.
_OWN_WORDS = frozenset({"excelled", "excelling", "marketing", "sprinting", "listing", "listings", "building", "buildings", "meeting", "meetings"})

# Irregular verbs resumes use: any form in a pattern matches every form.
_IRREGULAR = [set(group.split()) for group in (
    "write writes writing wrote written", "run runs running ran", "lead leads leading led",
    "build builds building built", "drive drives driving drove driven", "take takes taking took taken",
    "make makes making made", "sell sells selling sold", "buy buys buying bought", "speak speaks speaking spoke spoken",
    "teach teaches teaching taught", "bring brings bringing brought", "give gives giving gave given",
    "choose chooses choosing chose chosen", "hold holds holding held", "keep keeps keeping kept",
    "begin begins beginning began begun", "grow grows growing grew grown", "draw draws drawing drew drawn",
    "show shows showing showed shown", "find finds finding found", "win wins winning won", "cut cuts cutting",
    "set sets setting", "put puts putting", "sit sits sitting sat", "meet meets meeting met",
    "think thinks thinking thought", "spin spins spinning spun", "stand stands standing stood",
    "rewrite rewrites rewriting rewrote rewritten", "redraw redraws redrawing redrew redrawn",
    "rebuild rebuilds rebuilding rebuilt", "oversee oversees overseeing oversaw overseen",
    "undertake undertakes undertaking undertook undertaken", "do does doing did done", "go goes going went gone",
    "pay pays paying paid", "send sends sending sent", "spend spends spending spent", "tell tells telling told",
    "learn learns learning learned learnt", "feed feeds feeding fed", "shut shuts shutting")]
_IRREGULAR_INDEX = {form: frozenset(group) for group in _IRREGULAR for form in group}


_TERM_SPLIT = re.compile(r"[^a-z0-9+#.*]+")
_CVC_END = re.compile(r"[^aeiou][aeiou][bdgklmnprt]$")  # plan -> planned, planning


def inflections(word: str) -> frozenset[str]:
    """Return the forms a plain pattern word matches (plural, past, -ing).

    A past-tense pattern ("saved", "planned") also matches its other forms.
    """
    if word in _IRREGULAR_INDEX:
        return _IRREGULAR_INDEX[word]
    if len(word) < 3 or not word.isalpha():
        return frozenset({word, word + "s"})
    forms = {word}
    for base in _bases(word):
        forms |= _forms_of(base)
    return frozenset(forms)


def _bases(word: str) -> list[str]:
    if word.endswith("ied") and len(word) > 4:
        return [word[:-3] + "y"]
    if word.endswith("ed") and len(word) > 4:
        stem = word[:-2]
        if stem[-1] == stem[-2] and stem[-1] in "bdgklmnprt":
            base = stem[:-1]  # planned -> plan
            return [base] if base not in _NOUN_BASES else [word]
        # owned -> own, saved -> save; but "founded" must not match "found" (find).
        return [word] + [b for b in (stem, stem + "e") if b not in _IRREGULAR_INDEX and b not in _NOUN_BASES]
    return [word]


def _forms_of(base: str) -> set[str]:
    # No -er/-ers: "owner", "manager", "planner" name people, not the act.
    forms = {base + suffix for suffix in ("", "s", "es", "ed", "d", "ing")}
    if base.endswith("e"):
        forms.add(base[:-1] + "ing")
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        forms |= {base[:-1] + "ies", base[:-1] + "ied"}
    if _CVC_END.search(base):
        forms |= {base + base[-1] + suffix for suffix in ("ed", "ing")}
    return forms - _OWN_WORDS  # "marketing" is not a form of "market", nor "excelled" of "Excel"


NUMBER_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty "
    "hundred hundreds thousand thousands dozen dozens several".split())
_NUMERIC = re.compile(r"^\d[\d.,]*[a-z]{0,2}\+?$")


@dataclass(frozen=True)
class _Word:
    forms: frozenset[str]
    prefix: str | None
    number: bool = False

    def matches(self, token: str) -> bool:
        if self.number:
            return bool(_NUMERIC.match(token)) or token in NUMBER_WORDS
        if self.prefix is not None:
            return token.startswith(self.prefix)
        return token in self.forms


# Taxonomies repeat the same words in hundreds of rules; a _Word is immutable, so share one per spelling.
@cache
def _compile_word(raw: str) -> _Word:
    if raw == "#num":
        return _Word(frozenset(), None, number=True)
    if raw.endswith("*") and len(raw) > 1:
        return _Word(frozenset(), raw[:-1])
    return _Word(inflections(raw), None)


@dataclass(frozen=True)
class Term:
    """Adjacent words, e.g. ``acceptance criteria``."""

    source: str
    words: tuple[_Word, ...]

    @classmethod
    def compile(cls, source: str) -> "Term":
        raw_words = [w for w in _TERM_SPLIT.split(source.lower()) if w.strip(".")]
        # "#num" stands for any number ("40", "1.2m", "thirty"); keep it whole.
        raw_words = [w.strip(".") if not w.endswith("*") else w for w in raw_words]
        if not raw_words:
            raise ValueError(f"empty term {source!r}")
        return cls(source, tuple(_compile_word(w) for w in raw_words))

    def find(self, tokens: list[str]) -> tuple[int, int] | None:
        """Return the (start, end) token span of the first match, or None."""
        n = len(self.words)
        first = self.words[0]
        last_start = len(tokens) - n + 1
        # Most terms match no token of a line: reject those in C before the scan.
        if first.prefix is None and not first.number:
            forms = first.forms
            if forms.isdisjoint(as_tokens(tokens).set):
                return None
            starts = (i for i in range(last_start) if tokens[i] in forms)
        else:
            starts = (i for i in range(last_start) if first.matches(tokens[i]))
        rest = self.words[1:]
        for i in starts:
            if all(w.matches(tokens[i + k]) for k, w in enumerate(rest, 1)):
                return i, i + n
        return None


@cache
def _term(source: str) -> Term:
    """Compile a term once per spelling (a taxonomy repeats half of its terms)."""
    return Term.compile(source)


@dataclass(frozen=True)
class Rule:
    """Groups of alternative terms; all positive groups must match one line."""

    source: str
    groups: tuple[tuple[Term, ...], ...]
    negated: tuple[tuple[Term, ...], ...]
    # How many different alternatives each group needs ("2: a|b|c" -> 2).
    minimums: tuple[int, ...] = ()

    @classmethod
    def compile(cls, source: str) -> "Rule":
        groups, negated, minimums = [], [], []
        for part in source.split(" + "):
            part = part.strip()
            target = groups
            if part.startswith("~"):
                target, part = negated, part[1:]
            needed = 1
            count = re.match(r"^(\d):\s*", part)
            if count and target is groups:
                needed, part = int(count.group(1)), part[count.end():]
            alternatives = tuple(_term(alt) for alt in part.split("|") if alt.strip())
            if not alternatives:
                raise ValueError(f"empty group in rule {source!r}")
            target.append(alternatives)
            if target is groups:
                minimums.append(needed)
        if not groups:
            raise ValueError(f"rule {source!r} has nothing to match")
        return cls(source, tuple(groups), tuple(negated), tuple(minimums))

    @cached_property
    def _gates(self) -> tuple[tuple[frozenset[str], tuple[str, ...]], ...]:
        """Per group with no number word: (every token, every prefix) that can start one of its terms."""
        gates = []
        for group in self.groups:
            firsts = [term.words[0] for term in group]
            if any(word.number for word in firsts):
                continue
            forms = firsts[0].forms if len(firsts) == 1 else frozenset().union(*[word.forms for word in firsts])
            gates.append((forms, tuple(word.prefix for word in firsts if word.prefix is not None)))
        return tuple(gates)

    def find(self, tokens: list[str]) -> list[str] | None:
        """Return the matched words when every group matches, else None."""
        tokens = as_tokens(tokens)
        present = tokens.set
        # One cheap test per group rules out most lines before any term is tried.
        for forms, prefixes in self._gates:
            if forms.isdisjoint(present) and not (prefixes and not tokens.prefixes.isdisjoint(prefixes)):
                return None
        matched: list[str] = []
        for alternatives in self.negated:
            if any(term.find(tokens) for term in alternatives):
                return None
        for alternatives, needed in zip(self.groups, self.minimums or (1,) * len(self.groups)):
            found: list[str] = []
            for term in alternatives:
                span = term.find(tokens)
                if span:
                    found.append(" ".join(tokens[span[0] : span[1]]))
                    if len(found) == needed:
                        break
            if len(found) < needed:
                return None
            matched.extend(found)
        return matched


# Words nearly every line holds: a poor choice of word to index a term by.
_FUNCTION_WORDS = frozenset("a an the to of and or for with in on at by as my our your their from into i we".split())


def _term_gate(term: Term) -> tuple[frozenset[str], str | None] | None:
    """Return (forms, None) of the term's most telling plain word, else (empty, prefix) of a prefix word.

    Every word of a term must occur for it to match, so a line without that
    word cannot match the term. None when the term holds only numbers.
    """
    words = [w for w in term.words if w.prefix is None and not w.number]
    if words:
        return max(words, key=lambda w: (w.forms.isdisjoint(_FUNCTION_WORDS), min(map(len, w.forms)))).forms, None
    prefixes = [w.prefix for w in term.words if w.prefix is not None]
    return (frozenset(), max(prefixes, key=len)) if prefixes else None


def _group_gate(group: tuple[Term, ...]) -> tuple[frozenset[str], tuple[str, ...]] | None:
    """Return (tokens, prefixes): a line can match the group only if it holds one of them. None: no such test."""
    gates = [_term_gate(term) for term in group]
    if any(gate is None for gate in gates):
        return None
    forms = gates[0][0] if len(gates) == 1 else frozenset().union(*[f for f, _ in gates])
    return forms, tuple(p for _, p in gates if p is not None)


class RuleSet(tuple):
    """Compiled rules, indexed by the words that can open each of their groups.

    A line is tried only against the rules whose every group it could match,
    in the rules' order: for each group, the line holds the most telling
    plain word of one of its terms. That gives the same matches as trying
    them all, since a term matches only where all its words do. Rules with no
    such group are tested by their own gates (prefixes) or always tried.
    """

    @cached_property
    def _index(self):
        plain: list[tuple[int, tuple[frozenset[str], ...]]] = []
        prefixed: dict[int, tuple[tuple[frozenset[str], tuple[str, ...]], ...]] = {}
        always: list[int] = []
        for position, rule in enumerate(self):
            gates = [gate for gate in map(_group_gate, rule.groups) if gate is not None]
            if not gates:  # every group may open with a number: nothing to test
                always.append(position)
                continue
            words_only = tuple(forms for forms, prefixes in gates if not prefixes)
            with_prefix = tuple(gate for gate in gates if gate[1])
            if words_only:
                plain.append((position, words_only))
            if with_prefix:
                prefixed[position] = with_prefix
        openers = frozenset().union(*[forms for _, gates in plain for forms in gates])
        full = {position: (1 << len(gates)) - 1 for position, gates in plain}
        unindexed = tuple(p for p in prefixed if p not in full)  # only prefix gates: test each line
        # Token -> (rule, bit of the group gate it opens), filled as tokens are met:
        # one check meets a few hundred of the thousands of words rules hold.
        return tuple(plain), openers, full, prefixed, unindexed, tuple(always), {}

    def candidates(self, tokens: list[str]) -> "list[Rule] | tuple[Rule, ...]":
        """Return, in order, the rules whose every group tokens could match."""
        tokens = as_tokens(tokens)
        plain, openers, full, prefixed, unindexed, always, by_token = self._index
        common = tokens.set & openers  # in C: most lines hold none of a rule set's words
        if not common and not unindexed:
            return [self[position] for position in always] if always else ()
        masks: dict[int, int] = {}
        for token in common:
            hits = by_token.get(token)
            if hits is None:
                hits = by_token[token] = tuple((position, 1 << i) for position, gates in plain
                                               for i, forms in enumerate(gates) if token in forms)
            for position, bit in hits:
                masks[position] = masks.get(position, 0) | bit
        chosen = [position for position, mask in masks.items() if mask == full[position]]
        chosen += unindexed
        if prefixed:
            present, starts = tokens.set, tokens.prefixes
            chosen = [position for position in chosen if position not in prefixed
                      or all(not forms.isdisjoint(present) or not starts.isdisjoint(prefixes)
                             for forms, prefixes in prefixed[position])]
        chosen += always
        return [self[position] for position in sorted(chosen)]


def compile_rules(sources: list[str] | tuple[str, ...]) -> RuleSet:
    """Compile a list of rule strings (a keyword is a one-group rule)."""
    return RuleSet(Rule.compile(s) for s in sources)


def _candidates(rules: tuple[Rule, ...], tokens: Tokens) -> "tuple[Rule, ...] | list[Rule]":
    return rules.candidates(tokens) if isinstance(rules, RuleSet) and len(rules) > 2 else rules


def first_match(rules: tuple[Rule, ...], tokens: list[str]) -> list[str] | None:
    """Return the words matched by the first rule that matches, else None."""
    tokens = as_tokens(tokens)
    for rule in _candidates(rules, tokens):
        words = rule.find(tokens)
        if words is not None:
            return words
    return None


def all_matches(rules: tuple[Rule, ...], tokens: list[str]) -> list[str]:
    """Return the words matched by every rule that matches (deduplicated)."""
    tokens = as_tokens(tokens)
    found: list[str] = []
    for rule in _candidates(rules, tokens):
        words = rule.find(tokens)
        if words:
            found.extend(w for w in words if w not in found)
    return found
