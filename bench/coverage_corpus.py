"""Random specs for the coverage reader: every sentence shape it reads or refuses, mixed at random.

The check benchmark's corpus (bench/check_corpus.py) writes one shape of sentence, nearly always an
obligation its own clause decides. These specs mix what can change a cell: modal verbs of every kind,
actors joined and left out, leading conditions, exceptions, several obligations in one sentence,
references within and across specs (and loops of them), durations that agree or conflict with the
3-minute delay, sub-items, tables, notes, omitted clauses and "does not apply to", in the sections
the bundled matrix narrows to Polyphase ESME. `bench/coverage_same.py` compares two trees on them.
"""

from __future__ import annotations

import random

SUBJECTS = (
    "ESME", "GSME", "Polyphase ESME", "Twin Element ESME", "Single Element ESME", "three-phase ESME",
    "GSME and ESME", "ESME (other than Polyphase ESME)", "Each Device", "The Communications Hub",
    "Communications Hub Function", "Comms Hub", "A User", "It", "Power to the Communications Hub",
    "A restart of ESME", "",
)  # fmt: skip
MODALS = (
    "shall", "shall", "shall", "must", "SHALL", "is required to", "shall not", "must never", "may",
    "need not", "is not required to", "shall not be required to",
)  # fmt: skip
ACTIONS = (
    "keep the Communications Hub powered", "send the AD1 Power Outage Alert", "record a Power Outage Event",
    "activate a Firmware Image received over the air", "restart", "interrupt power to the Comms Hub",
    "keep power to the Communications Hub Interface", "apply its own Firmware Image",
    "report a loss of Supply", "keep its Load Switch closed", "power the Hot Shoe",
    "be mounted on a Hot Shoe", "reboot after a firmware update", "log each short interruption",
)  # fmt: skip
TAILS = (
    "", "", "during a firmware upgrade", "within {n} minutes of a restart", "while it restarts",
    "except during a Supply Outage", "unless the Supply is lost", "(including during an OTA upgrade)",
    "once it has been without power for {n} minutes", "after a loss of power shorter than {n} minutes",
    "in a Gas First installation", "through a power cycle", "for {words} ({n}) minutes",
    "within {seconds} seconds", "as set out in clause {local}", "in accordance with Section {section}",
    "as specified in clause {chts} of the CHTS", "save as set out in clause {local}",
    "other than during a brief interruption", "when the firmware of the Communications Hub is updated",
)  # fmt: skip
LEADS = (
    "",
    "",
    "",
    "Where the installation is Gas First, ",
    "If a Supply Outage occurs, ",
    "When it restarts, ",
)
JOINS = ("; ", ", and ", ", but ", " and ")
WORDS = {1: "one", 2: "two", 3: "three", 5: "five", 10: "ten"}


def _tail(rng: random.Random, local: list[str], sections: list[str], chts: list[str]) -> str:
    n = rng.choice(tuple(WORDS))
    return rng.choice(TAILS).format(
        n=n,
        words=WORDS[n],
        seconds=n * 60,
        local=rng.choice(local) if local else "5.1.1",
        section=rng.choice(sections) if sections else "5",
        chts=rng.choice(chts) if chts else "4.1.1",
    )


def _obligation(rng: random.Random, local: list[str], sections: list[str], chts: list[str]) -> str:
    if rng.random() < 0.25:
        action = f"meet clause {rng.choice(local)}" if local else "meet Section 5"
    else:
        action = f"{rng.choice(ACTIONS)} {_tail(rng, local, sections, chts)}".strip()
    return f"{rng.choice(MODALS)} {action}"


def _sentence(rng: random.Random, local: list[str], sections: list[str], chts: list[str]) -> str:
    if rng.random() < 0.04:
        return f"Nothing in this clause shall oblige {rng.choice(SUBJECTS[:6])} to {rng.choice(ACTIONS)}"
    if rng.random() < 0.04 and local:
        return f"Clause {rng.choice(local)} does not apply to {rng.choice(SUBJECTS[:6])}"
    text = f"{rng.choice(LEADS)}{rng.choice(SUBJECTS)} {_obligation(rng, local, sections, chts)}".strip()
    if rng.random() < 0.3:
        second = _obligation(rng, local, sections, chts)
        subject = rng.choice(("", "", "it ", "a firmware upgrade of GSME ", "GSME "))
        text += f"{rng.choice(JOINS)}{subject}{second}"
    return text


def coverage_spec(name: str, version: str, clauses: int, *, seed: int, chts: list[str]) -> str:
    """A spec of `clauses` clauses in sections of up to 8, section 5.6 and 5.7 among them."""
    rng = random.Random(seed)
    out = ["---", f"spec: {name}", f"version: {version}", f"title: Random {name}", "---"]
    out.append("# 2 Glossary")
    out.append('"Supply Outage" means a loss of power at the premises lasting more than three minutes.')
    out.append(
        '"Hot Shoe" means the power supply that feeds the Communications Hub in a Gas First installation.'
    )
    written: list[str] = []
    sections: list[str] = []
    top = 4
    while len(written) < clauses:
        out.append(f"# {top} Requirements on power and firmware")
        for sub in range(1, 9):
            section = f"{top}.{sub}"
            title = "Additional requirements for Polyphase ESME" if sub in (6, 7) else f"Group {section}"
            out.append(f"## {section} {title}")
            for index in range(1, rng.randint(2, 9)):
                number = f"{section}.{index}"
                roll = rng.random()
                if roll < 0.03:
                    out.append(
                        f"{number} Not used (formerly {_sentence(rng, written[-20:], sections, chts)})."
                    )
                elif roll < 0.06:
                    out.append(f"{number} This clause does not apply to Polyphase ESME. "
                               f"{_sentence(rng, written[-20:], sections, chts)}.")  # fmt: skip
                elif roll < 0.22:
                    lead = _sentence(rng, written[-20:], sections, chts)
                    out.append(f"{number} {lead}:")
                    out.append(f"  (a) {_tail(rng, written[-20:], sections, chts) or 'at all times'}; and")
                    out.append(f"  (b) {_sentence(rng, written[-20:], sections, chts)}.")
                else:
                    text = _sentence(rng, written[-20:], sections, chts)
                    if rng.random() < 0.2:
                        text += f". {_sentence(rng, written[-20:], sections, chts)}"
                    out.append(f"{number} {text}.")
                if rng.random() < 0.05:
                    out.append("Note: a restart of ESME leaves the Communications Hub without power briefly.")
                if rng.random() < 0.03:
                    out.append(
                        f"{number}.1 {rng.choice(SUBJECTS[:6])} shall keep the events in the table below."
                    )
                    out += ["Table: Events", "| Code | Event |", "| --- | --- |",
                            f"| E{index:02} | {rng.choice(ACTIONS)} |", "End Table"]  # fmt: skip
                written.append(number)
                if len(written) >= clauses:
                    break
            sections.append(section)
            if len(written) >= clauses:
                break
        top += 1
    return "\n".join(out) + "\n"


def coverage_corpus(clauses: int, seed: int) -> dict[str, str]:
    """File name -> source: a CHTS and two SMETS2 versions, about `clauses` clauses in all."""
    chts_numbers = [f"4.{sub}.{index}" for sub in range(1, 9) for index in range(1, 4)]
    hub = coverage_spec("CHTS", "1.5", max(clauses // 5, 1), seed=seed, chts=chts_numbers)
    meters = max(clauses * 2 // 5, 1)
    return {
        "chts.spec": hub,
        "smets2-4.2.spec": coverage_spec("SMETS2", "4.2", meters, seed=seed + 1, chts=chts_numbers),
        "smets2-5.0.spec": coverage_spec("SMETS2", "5.0", meters, seed=seed + 2, chts=chts_numbers),
    }
