"""Synthetic spec sources of any size, shaped like SMETS2: glossary, sections, clauses, sub-items, notes."""

from __future__ import annotations

import random

TERMS = ("Supply Outage", "Communications Hub", "Firmware Image", "Alert", "Event", "Polyphase ESME")
SUBJECTS = ("ESME", "GSME", "The Communications Hub", "Each Device")
VERBS = ("shall record", "shall send", "shall retain", "shall maintain", "shall verify", "shall raise")
OBJECTS = (
    "an Event in its Event Log",
    "an Alert to the Communications Hub",
    "the Firmware Image before activation",
    "power to the Communications Hub",
    "the time of each Supply Outage",
    "the status of every phase of a Polyphase ESME",
)
TAILS = (
    "as set out in Section {ref}",
    "within 3 minutes of the Supply Outage",
    "including during a firmware upgrade",
    "in accordance with clause {ref}",
    "unless the Communications Hub is without power",
)


def sentence(rng: random.Random, refs: list[str]) -> str:
    tail = rng.choice(TAILS).format(ref=rng.choice(refs) if refs else "1.1")
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {tail}."


def synthetic_spec(clauses: int, *, seed: int = 1, version: str = "4.2", name: str = "SMETS2") -> str:
    """A spec source with about `clauses` clauses, 12 per subsection, some with sub-items and notes."""
    rng = random.Random(seed)
    out = ["---", f"spec: {name}", f"version: {version}", "title: Synthetic Technical Specification", "---"]
    out.append("# 1 Glossary")
    out.extend(
        f'"{term}" means a thing the synthetic spec defines for {term.lower()} tests.' for term in TERMS
    )
    written: list[str] = []
    section = 2
    while len(written) < clauses:
        out.append(f"# {section} Section {section}")
        for sub in range(1, 9):
            out.append(f"## {section}.{sub} Requirements {section}.{sub}")
            for index in range(1, 13):
                number = f"{section}.{sub}.{index}"
                text = sentence(rng, written[-50:])
                if rng.random() < 0.3:
                    out.append(f"{number} {text[:-1]}:")
                    out.append(f"  (a) {sentence(rng, written[-50:])[:-1]}; and")
                    out.append(f"  (b) {sentence(rng, written[-50:])}")
                elif rng.random() < 0.3:
                    words = text.split(" ")
                    half = len(words) // 2
                    out.append(f"{number} {' '.join(words[:half])}")
                    out.append(f"  {' '.join(words[half:])}")
                else:
                    out.append(f"{number} {text}")
                if rng.random() < 0.1:
                    out.append(f"Note: {sentence(rng, written[-50:])}")
                written.append(number)
                if len(written) >= clauses:
                    break
            if len(written) >= clauses:
                break
        section += 1
    return "\n".join(out) + "\n"
