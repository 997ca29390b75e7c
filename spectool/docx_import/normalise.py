"""Plain text for the source format: straight quotes, plain spaces, and lines that read back as written."""

from __future__ import annotations

import re

_CHARACTERS = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2011": "-",
        "\t": " ",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u3000": " ",
        **{chr(code): " " for code in range(0x2000, 0x200B)},
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\u2060": None,
        "\ufeff": None,
        "\u00ad": None,
        "\r": "\n",
        "\u2028": "\n",
        "\u2029": "\n",
        "\x0b": "\n",
        "\x0c": "\n",
    }
)
_CONTROL = re.compile(r"[\x00-\x09\x0e-\x1f\x7f]")
_SPACES = re.compile(r" {2,}")
# At the indent a continuation line gets, these starts would read as a new sub-item (a bare "(a)"
# too: joining the next line to it would make one).
_LOOKS_LIKE_ITEM = re.compile(r"\([a-z]{1,2}\)(?: |$)")
_LOOKS_LIKE_SUBITEM = re.compile(r"\([ivxl]+\)(?: |$)")
PARAGRAPH, ITEM, SUBITEM = "paragraph", "item", "subitem"


def clean_lines(raw: str) -> list[str]:
    """Word's text as lines: straight quotes, plain single spaces, no empty or padded lines."""
    text = _CONTROL.sub("", raw.translate(_CHARACTERS))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return [line for line in lines if line]


def clean_text(raw: str) -> str:
    return "\n".join(clean_lines(raw))


def clean_line(raw: str) -> str:
    """One line of text, for titles, terms and table cells."""
    return " ".join(clean_lines(raw))


def safe_lines(lines: list[str], context: str) -> str:
    """Join lines with newlines, except a line that would read back as a sub-item joins the one before."""
    pattern = {PARAGRAPH: _LOOKS_LIKE_ITEM, ITEM: _LOOKS_LIKE_SUBITEM}.get(context)
    out: list[str] = []
    for line in (part for raw in lines for part in clean_lines(raw)):
        if out and pattern is not None and pattern.match(line):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return "\n".join(out)
