"""A synthetic corpus for the check benchmark: SMETS2-like and CHTS-like specs with glossaries, defined
terms in running text, references within and across specs, and a sprinkling of planted defects."""

from __future__ import annotations

import random

GLOSSARY = (
    "Activation Date-Time", "Alert", "Auxiliary Load Control Switch", "Communications Hub",
    "Communications Hub Function", "Communications Hub Interface", "Consumer", "Credit Mode", "Device",
    "Event", "Event Log", "Firmware Image", "Gas Proxy Function", "HAN Interface", "Load Switch",
    "Meter Balance", "Polyphase ESME", "Power Outage Alert", "Power Outage Event", "Prepayment Mode",
    "Single Element ESME", "Smart Metering System", "Supply", "Supply Outage", "Supply Restoration",
    "Twin Element ESME", "User", "Tariff Register", "Billing Period", "Debt Recovery Rate",
    "Emergency Credit", "Disablement Threshold", "Load Limit Period", "Randomised Offset",
    "Demand Register", "Export Register", "Voltage Quality Event", "Security Credentials",
    "Time-of-use Tariff", "Block Tariff", "Display Unit", "Local Time", "Daylight Saving Time",
)  # fmt: skip
SUBJECTS = ("ESME", "GSME", "Polyphase ESME", "Twin Element ESME", "Single Element ESME", "Each Device")
VERBS = (
    "shall record", "shall send", "shall retain", "shall maintain", "shall verify", "shall display",
    "shall calculate", "shall protect", "shall report", "shall keep",
)  # fmt: skip
OBJECTS = (
    "a Power Outage Event in its Event Log", "an Alert to the Communications Hub",
    "the Firmware Image before activation", "the Meter Balance in Prepayment Mode",
    "the time of each Supply Outage", "the state of its Load Switch",
    "the Tariff Register for each Billing Period", "the Debt Recovery Rate set by a User",
    "the Emergency Credit available to the Consumer", "each Voltage Quality Event",
    "its Security Credentials", "the Demand Register", "the Local Time and Daylight Saving Time",
    "power to the Communications Hub Interface",
)  # fmt: skip
TAILS = (
    "as set out in clause {local}", "in accordance with Section {section}",
    "as set out in Section 4.3 of the CHTS",
    "within 3 minutes of the Supply Outage", "including during a firmware upgrade", "on request from a User",
    "once the Communications Hub has been without power for 3 minutes", "unless the Load Switch is open",
    "at the start of each Billing Period", "for the Randomised Offset configured by a User",
)  # fmt: skip
# Defects a drafter might leave; about one clause in a hundred carries one.
DEFECTS = (
    "during a mains power failure", "so that no spurious Alert is sent", "through the firmware update",
    "to the Comms Hub", "during a supply outage",
)  # fmt: skip


def _sentence(rng: random.Random, local: list[str], sections: list[str]) -> str:
    tail = rng.choice(TAILS).format(
        local=rng.choice(local) if local else "1.1", section=rng.choice(sections) if sections else "1"
    )
    if rng.random() < 0.01:
        tail = rng.choice(DEFECTS)
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {tail}"


def _wrap(number: str, text: str, width: int = 100) -> list[str]:
    lines, current = [], f"{number} "
    for word in text.split(" "):
        if len(current) + len(word) + 1 > width:
            lines.append(current.rstrip())
            current = "  "
        current += word + " "
    lines.append(current.rstrip())
    return lines


def synthetic_spec(name: str, version: str, clauses: int, *, seed: int) -> str:
    """A spec source with `clauses` clauses in sections of up to 15, with sub-items, notes and tables."""
    rng = random.Random(seed)
    out = ["---", f"spec: {name}", f"version: {version}", f"title: Synthetic {name} Specification", "---"]
    out.append("# 2 Glossary")
    for term in GLOSSARY:
        out.append(f'"{term}" means the {term.lower()} that the synthetic {name} defines for its tests.')
    written: list[str] = []
    sections: list[str] = []
    top = 3
    while len(written) < clauses:
        out.append(f"# {top} Requirements group {top}")
        for sub in range(1, 11):
            section = f"{top}.{sub}"
            out.append(f"## {section} Requirements {section}")
            for index in range(1, 16):
                number = f"{section}.{index}"
                text = _sentence(rng, written[-40:], sections[-10:])
                if rng.random() < 0.25:
                    out.extend(_wrap(number, text + ":"))
                    out.extend(_wrap("  (a)", _sentence(rng, written[-40:], sections) + "; and"))
                    out.extend(_wrap("  (b)", _sentence(rng, written[-40:], sections) + "."))
                else:
                    out.extend(_wrap(number, text + "."))
                if rng.random() < 0.08:
                    out.extend(
                        _wrap("Note:", "the Communications Hub reports each Supply Outage to the User.")
                    )
                if rng.random() < 0.01:
                    out += [
                        "Table: Events",
                        "| Code | Event |",
                        "| --- | --- |",
                        "| E01 | firmware upgrade |",
                    ]
                    out.append("End Table")
                written.append(number)
                if len(written) >= clauses:
                    break
            sections.append(section)
            if len(written) >= clauses:
                break
        top += 1
    return "\n".join(out) + "\n"


def synthetic_corpus(clauses: int = 20_000) -> dict[str, str]:
    """File name -> source: two SMETS2 versions and a CHTS, `clauses` clauses in all."""
    chts = clauses // 5
    smets = (clauses - chts) // 2
    return {
        "chts-v1.5.spec": synthetic_spec("CHTS", "1.5", chts, seed=3),
        "smets2-v4.2.spec": synthetic_spec("SMETS2", "4.2", smets, seed=1),
        "smets2-v5.0.spec": synthetic_spec("SMETS2", "5.0", clauses - chts - smets, seed=2),
    }
