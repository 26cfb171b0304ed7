"""Text clean-up shared by every reader: ligatures, glyph bullets, hyphens, spaces."""

from __future__ import annotations

import re
import unicodedata

BULLET = "•"
# Glyphs people and word processors use as bullets; private-use code points
# come from Symbol/Wingdings fonts in Word files.
_BULLET_CHARS = "•●○◦▪▫■□◆◇►▶▸‣⁃∙·➢➤✓✔✦★☐❖➔→⬥⦿-*–—"
_LEADING_BULLET = re.compile(r"^\s*(?:[" + re.escape(_BULLET_CHARS) + r"]|[\ue000-\uf8ff]|\(cid:\d+\))+\s*")
_CID = re.compile(r"\(cid:\d+\)")
_RATING = re.compile(r"(?:\s*[○●◯◉★☆]){2,}")
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_LETTER_SPACED = re.compile(r"^(?:[A-Za-z] ){3,}[A-Za-z]$")


def normalize_text(text: str) -> str:
    """NFKC (ligatures), drop control and zero-width chars, unify spaces."""
    text = unicodedata.normalize("NFKC", text)
    text = _CONTROL.sub("", text)
    return text


def clean_line(line: str) -> tuple[str, bool]:
    """Return (text, had_bullet) for one line: glyph bullets and icon codes stripped."""
    line = _SPACES.sub(" ", line).strip()
    had_bullet = False
    match = _LEADING_BULLET.match(line)
    if match and (match.group(0).strip() not in "-*–—" or match.group(0).endswith(" ")):
        had_bullet = True
        line = line[match.end():]
    line = _RATING.sub(" ", line)  # skill-level dots and stars ("● ● ● ○ ○")
    line = _CID.sub(" ", line)
    line = _PRIVATE_USE.sub(" ", line)
    line = _SPACES.sub(" ", line).strip()
    if _LETTER_SPACED.match(line):
        line = line.replace(" ", "")
    return line, had_bullet


def join_hyphenated(lines: list[str]) -> list[str]:
    """Join words broken across lines with a hyphen ("manage-" + "ment ...")."""
    out: list[str] = []
    for line in lines:
        if out and re.search(r"[a-z]-$", out[-1]) and re.match(r"^[a-z]", line):
            out[-1] = out[-1][:-1] + line
        else:
            out.append(line)
    return out


def unreadable_share(text: str) -> float:
    """Share of characters that are replacement chars or icon-font codes."""
    if not text:
        return 0.0
    bad = text.count("\ufffd") + sum(len(m) for m in _CID.findall(text)) + len(_PRIVATE_USE.findall(text))
    return bad / len(text)


_TOKEN = re.compile(r"\S+")


def split_letter_share(lines: list[str]) -> float:
    """Share of tokens that are one stray letter ("S oware", "f or t he")."""
    tokens = [t for line in lines for t in line.split()]
    if len(tokens) < 30:
        return 0.0
    stray = sum(1 for t, n in zip(tokens, tokens[1:]) if len(t) == 1 and t.isalpha() and t not in "aAI" and n[:1].islower())
    return stray / len(tokens)


def join_split_letters(line: str) -> str:
    """Glue a lone letter or digit to the lower-case rest of its word ("w orking" -> "working")."""
    tokens = line.split(" ")
    out: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if len(token) == 1 and token.isalnum() and token not in "aAI" and len(following) >= 2 and (
                following[0].islower() or (token.isdigit() and following[:2].isdigit())):
            out.append(token + following)
            i += 2
            continue
        out.append(token)
        i += 1
    return " ".join(out)
