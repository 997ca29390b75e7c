"""Read requirement sentences into obligations: who must (or may, or need not) do what, when, and except when.

A small deterministic reader over each sentence's words, not a statistical model. The shapes it reads
are listed in docs/coverage.md ("What the reader reads"); a requirement sentence of any other shape
comes back as `Unreadable`, never as an obligation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from spectool.coverage.patterns import WordAlternation
from spectool.coverage.words import Vocabulary


class Modality(StrEnum):
    OBLIGATION = "obligation"  # shall, must, SHALL, is required to
    PROHIBITION = "prohibition"  # shall not, must not
    PERMISSION = "permission"  # may
    NO_DUTY = "no duty"  # need not, is not required to, shall not be required to, nothing ... shall oblige

    @property
    def binding(self) -> bool:
        """An obligation or a prohibition: it requires something of its actor."""
        return self in (Modality.OBLIGATION, Modality.PROHIBITION)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence as read: a clause's own, or its lead-in joined to one sub-item or table row."""

    text: str
    where: str  # "its text", "sub-item (a)", "table row 2"
    line: int


@dataclass(frozen=True, slots=True)
class Obligation:
    """What one modal verb of a sentence says: actor, modality, action, conditions and exceptions."""

    actor: str  # the actor as written, "" when the sentence's earlier actor carries over
    actors: tuple[str, ...]  # the actor terms it names ("GSME", "ESME")
    except_actors: tuple[str, ...]  # actor terms it leaves out ("other than Polyphase ESME")
    modality: Modality
    action: str  # what it says after the modal verb, the exceptions cut off (with a carried-over subject)
    conditions: tuple[str, ...]  # "Where the installation is Gas First", "during a firmware upgrade"
    exceptions: tuple[str, ...]  # "except a Supply Outage", "unless ..."
    lead: str = ""  # the sentence's leading condition, which binds every obligation of it


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A requirement sentence the reader cannot give an actor to."""

    reason: str


@dataclass(frozen=True, slots=True)
class NotApplying:
    """ "This clause does not apply to Polyphase ESME": the actors a clause (or another) leaves out."""

    target: str  # "" for the clause it stands in, else the clause number it names
    actors: tuple[str, ...]


Reading = Obligation | Unreadable | NotApplying


_MODALITIES = {modality.value: modality for modality in Modality}


class _Modal(NamedTuple):
    """Where a modal verb stands in a sentence, and what it makes of the action."""

    start: int
    end: int
    modality: str


# The modal verbs, in the order they are tried where several start at one word.
_MODAL = WordAlternation(
    (
        ("no duty", r"shall\s+not\s+be\s+required\s+to"),
        ("no duty", r"is\s+not\s+required\s+to"),
        ("no duty", r"are\s+not\s+required\s+to"),
        ("no duty", r"needs?\s+not"),
        ("no duty", r"does\s+not\s+need\s+to"),
        ("no duty", r"do\s+not\s+need\s+to"),
        ("prohibition", r"shall\s+(?:not|never)"),
        ("prohibition", r"must\s+(?:not|never)"),
        ("obligation", r"shall"),
        ("obligation", r"must"),
        ("obligation", r"is\s+required\s+to"),
        ("obligation", r"are\s+required\s+to"),
        ("permission", r"may"),
    )
)
_NOTHING = re.compile(
    r"^(?P<lead>.*?)\bnothing\b.*?\b(?:shall|must|is\s+to)\s+(?:oblige|require)\s+(?P<actor>.+?)\s+to\s+"
    r"(?P<action>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_NOT_APPLY = re.compile(
    r"^(?:this\s+clause|(?:the\s+requirements?\s+of\s+)?clause\s+(?P<target>\d+(?:\.\d+)*))"
    r"(?:\s*\([^)]*\))?\s+(?:does|do)\s+not\s+apply\s+to\s+(?P<actors>.+?)\.?$",
    re.IGNORECASE | re.DOTALL,
)
# A leading condition: "Where the installation is Gas First, ..." binds the whole sentence.
_LEAD = re.compile(
    r"^(?P<lead>(?:where|if|when|whenever|while|during|once|unless|except|save|other\s+than|in\s+the\s+event)"
    r"\b[^,]*),\s*",
    re.IGNORECASE,
)
_BOUNDARIES = (
    re.compile(r";\s*(?:and\s+|or\s+|but\s+)?"),
    re.compile(r",\s*(?:and|or|but)\s+"),
    re.compile(r",\s+"),
    re.compile(r"\s+(?:and|or|but)\s+"),
)
_SUBORDINATE = re.compile(
    r"\b(?:which|who|whom|whose|so|whether|if|when|where|while|until|unless|because|as)\b", re.I
)
# "that" opens a clause when a determiner or pronoun follows it ("that the valve"), not in "that power".
_THAT_CLAUSE = re.compile(r"\bthat\s+(?:the|a|an|it|they|its|their|each|every|no|any|this)\b", re.I)
_EXCEPTION = re.compile(
    r"(?:,\s*|\s+|\(\s*)(?=\b(?:except|unless|save|other\s+than|excluding|apart\s+from|but\s+not)\b)",
    re.IGNORECASE,
)
_EXCEPTION_WORDS = ("except", "unless", "save", "other", "excluding", "apart", "but")
_CONDITION = WordAlternation(
    [
        ("condition", word)
        for word in (
            *("during", "while", "whenever", "when", "within", "after", "before", "until", "throughout"),
            *("through", "once", "if", "where", r"in\s+the\s+event\s+of", "including"),
        )
    ],
    tail=r"\b[^,;()]*",
)
_DETERMINERS = frozenset({"the", "a", "an", "each", "every", "any", "all", "its", "their", "both", "either"})
_PRONOUNS = frozenset({"it", "they", "this", "these", "that", "those", "he", "she", "such"})
_LEAVING_OUT = re.compile(r"\b(?:other\s+than|except(?:\s+for)?|excluding|apart\s+from|but\s+not)\b", re.I)
_PASSIVE = re.compile(r"^\s*(?:not\s+)?be\s+\w+(?:ed|en|t)\b", re.IGNORECASE)
_ROLE = re.compile(r"\b[A-Z]")  # a role is a defined term, written with its capitals: "User", "DCC"
_SENTENCE_END = re.compile(r"(?<=\.)\s+(?=[A-Z])")
_NOT_USED = re.compile(r"^\s*(?:not\s+used|intentionally\s+blank|deleted|void)\b", re.IGNORECASE)


def is_omitted(text: str) -> bool:
    """ "Not used (formerly ...)": a clause kept for its number, which requires nothing."""
    return _NOT_USED.match(text) is not None


def split_sentences(text: str) -> list[str]:
    """The sentences of a text: a full stop followed by a capital starts the next."""
    flat = " ".join(text.split())
    if ". " not in flat:
        return [flat] if flat else []
    return [part for part in _SENTENCE_END.split(flat) if part]


def has_modal(text: str) -> bool:
    return _MODAL.search(text)


def read_sentence(text: str, actors: Vocabulary) -> list[Reading]:
    """Every obligation of one sentence, in order; or why it cannot be read; [] for a sentence without one."""
    text = text.strip()
    not_applying = _NOT_APPLY.match(text)
    if not_applying:
        named = _actor_terms(not_applying["actors"], actors)
        return [NotApplying(not_applying["target"] or "", named)]
    # "nothing ... shall oblige": the pattern scans the whole sentence, so the word is looked for first.
    nothing = _NOTHING.match(text) if "noth" in text.lower() else None
    if nothing and not _MODAL.search(nothing["lead"]):
        return [_nothing_obliges(nothing, actors)]
    modals = [_Modal(*found) for found in _MODAL.finditer(text)]
    if not modals:
        return []
    lead_match = _LEAD.match(text)
    lead = lead_match["lead"] if lead_match else ""
    start = lead_match.end() if lead_match else 0
    segments: list[tuple[_Modal, str]] = []  # (modal, its subject)
    ends: list[int] = []  # where each one's action ends
    segment_start = start
    for modal in modals:
        if modal.start < start:
            continue
        span = text[segment_start : modal.start]
        if segments:
            cut = _last_boundary(span)
            if cut is None or _subordinate(span[cut[1] :]):
                continue  # a modal inside the action: "confirm that the valve may be opened"
            ends[-1] = segment_start + cut[0]
            span = span[cut[1] :]
        segments.append((modal, _trim(span)))
        ends.append(len(text))
        segment_start = modal.end
    readings: list[Reading] = []
    previous: Obligation | None = None
    for (modal, subject), end in zip(segments, ends, strict=True):
        action = text[modal.end : end].strip(" ,;.")
        reading = _obligation(lead, subject, modal, action, previous, actors)
        readings.append(reading)
        if isinstance(reading, Obligation):
            previous = reading
        elif previous is None:
            return readings  # the rest would carry over an actor the reader never found
    return readings


def _subordinate(span: str) -> bool:
    """True when the words before a modal open a subordinate clause: "that the valve", "which"."""
    return _SUBORDINATE.search(span) is not None or _THAT_CLAUSE.search(span) is not None


def _last_boundary(span: str) -> tuple[int, int] | None:
    """Where the last, strongest boundary stands: a semicolon, then ", and", then a comma, then "and"."""
    for boundary in _BOUNDARIES:
        found = None
        for match in boundary.finditer(span):
            found = match.span()
        if found is not None:
            return found
    return None


def _trim(span: str) -> str:
    return span.strip(" ,;:")


def _obligation(
    lead: str,
    subject: str,
    modal: _Modal,
    action: str,
    previous: Obligation | None,
    actors: Vocabulary,
) -> Reading:
    modality = _MODALITIES[modal.modality]
    body, exceptions = _split_exceptions(action)
    named, left_out, thing = _subject(subject, actors)
    words = subject.split()
    head = words[0].lower() if words else ""
    role = _ROLE.search(" ".join(words[1:]) if head in _DETERMINERS else subject) is not None
    if named:
        actor = subject
    elif previous is not None and (not subject or head in _PRONOUNS or thing or not role):
        named, left_out, actor = previous.actors, previous.except_actors, ""
        if subject and head not in _PRONOUNS:
            body = f"{subject} {body}"  # "a loss of that power shorter than 3 minutes shall not lead to ..."
        lead = lead or previous.lead
    elif not subject:
        return Unreadable("the modal verb has no subject before it")
    elif head in _PRONOUNS:
        return Unreadable(f'its subject "{subject}" refers to nothing the sentence names')
    elif _PASSIVE.match(action):
        return Unreadable(f'it is passive: "{subject}" is not who must act')
    elif thing or not role:
        return Unreadable(f'its subject "{subject}" is a thing, not who must act')
    else:
        actor = subject  # a role outside the matrix: "A User", "The DCC"
    conditions = tuple(
        part.strip()
        for part in [lead, *(body[start:end] for start, end, _ in _CONDITION.finditer(body))]
        if part.strip()
    )
    return Obligation(actor, named, left_out, modality, body, conditions, exceptions, lead)


def _nothing_obliges(match: re.Match[str], actors: Vocabulary) -> Reading:
    named, left_out, _ = _subject(match["actor"], actors)
    if not named:
        return Unreadable(f'"nothing ... shall oblige" names no actor the matrix knows: {match["actor"]}')
    body, exceptions = _split_exceptions(match["action"].strip(" .;"))
    conditions = tuple(body[start:end].strip() for start, end, _ in _CONDITION.finditer(body))
    return Obligation(match["actor"], named, left_out, Modality.NO_DUTY, body, conditions, exceptions)


def _split_exceptions(action: str) -> tuple[str, tuple[str, ...]]:
    """The action without its exceptions, and the exceptions: "except a Supply Outage"."""
    if action.isascii():
        lowered = action.lower()
        # The pattern tries every space; an action without one of its words has no exception.
        if not any(word in lowered for word in _EXCEPTION_WORDS):
            return action, ()
    parts = _EXCEPTION.split(action, maxsplit=1)
    if len(parts) == 1:
        return action, ()
    return parts[0].strip(" ,(").strip(), (parts[1].strip(" ,.;)"),)


def _subject(subject: str, actors: Vocabulary) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """(the actor terms at the head of `subject`, those it leaves out, whether it names a device later)."""
    cut = _LEAVING_OUT.search(subject)
    kept, leaving = (subject[: cut.start()], subject[cut.end() :]) if cut else (subject, "")
    matches = actors.find(kept)
    named: list[str] = []
    position = 0
    for _, term, start, end in matches:
        joining = _JOINING.fullmatch(kept[position:start])
        # A second actor only after "and", "or" or a comma: "Three-phase ESME" is one actor, not two.
        if not joining or (named and not _CONJUNCTION.search(kept[position:start])):
            break
        named.append(term)
        position = end
    return tuple(named), _actor_terms(leaving, actors), bool(matches) and not named


# What may stand before an actor at the head of a subject, or between two: "the", "GSME and ESME".
_JOINING = re.compile(
    r"[\s,]*(?:(?:the|a|an|each|every|any|all|both|either|and|or|nor)\b[\s,]*)*", re.IGNORECASE
)


_CONJUNCTION = re.compile(r",|\b(?:and|or|nor)\b", re.IGNORECASE)


def _actor_terms(text: str, actors: Vocabulary) -> tuple[str, ...]:
    return tuple(term for _, term, _, _ in actors.find(text))
