"""Render an Amendment back to source text; reading the result gives the same amendment."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spectool.amend.model import (
    Amendment,
    EditText,
    InsertClauses,
    InsertDefinition,
    Instruction,
    ItemEdit,
    NoteEdit,
    Occurrence,
    OmitClause,
    OmitDefinition,
    PartAction,
    Place,
    RowEdit,
    SubstituteClause,
    SubstituteDefinition,
    SubstituteHeader,
    Target,
    TextEditKind,
    Which,
)
from spectool.amend.reader import FIELD_NAMES, OPTIONAL_FIELD_NAMES
from spectool.model.document import Clause, Text
from spectool.parsing.writer import render_attachment, render_paragraph, render_row
from spectool.words import ordinal

WIDTH = 100
# Wrapped lines of a sentence are indented by three spaces: four would start quoted new text.
_SENTENCE_INDENT = "   "
_FIELD_INDENT = "  "
_BODY_INDENT = "    "
# A row named by words that need no quotation marks (the grammar's ROW_KEY).
_BARE_KEY = re.compile(r"[A-Za-z0-9]([A-Za-z0-9._/-]*[A-Za-z0-9])?")


def render_amendment(amendment: Amendment) -> str:
    """The whole amendment in the format of docs/amendments.md."""
    out = [f"Modification {amendment.id}: {amendment.title}", "", "Change request"]
    values = (
        amendment.author,
        amendment.date,
        amendment.reason,
        amendment.summary,
        amendment.consequences,
        amendment.specs_affected,
        amendment.clauses_affected,
    )
    for name, value in zip(FIELD_NAMES, values, strict=True):
        out.extend(wrap(f"{name}: {value}", _FIELD_INDENT))
    optional = (amendment.implementation_date, amendment.transitional_provisions)
    for name, value in zip(OPTIONAL_FIELD_NAMES, optional, strict=True):
        if value:
            out.extend(wrap(f"{name}: {value}", _FIELD_INDENT))
    for target in amendment.targets:
        out.append("")
        out.extend(render_target(target))
    return "\n".join(out) + "\n"


def render_target(target: Target) -> list[str]:
    """`Amendments to SMETS2 4.2, 5.0` and its instructions, a blank line between them."""
    out = [f"Amendments to {target.label}"]
    for group in grouped(target.instructions):
        out.append("")
        out.extend(render_instruction(*group))
    return out


def grouped(instructions: Sequence[Instruction]) -> list[list[Instruction]]:
    """The instructions as written: each on its own, the parts of a compound instruction together."""
    groups: list[list[Instruction]] = []
    for instruction in instructions:
        last = groups[-1][-1] if groups else None
        if last is not None and instruction.part and last.part and instruction.number == last.number:
            groups[-1].append(instruction)
        else:
            groups.append([instruction])
    return groups


def render_instruction(instruction: Instruction, *parts: Instruction) -> list[str]:
    """One numbered instruction (with the further parts of a compound one): its sentence, wrapped,
    any quoted new text and its reason below it."""
    out = _compound_lines([instruction, *parts]) if instruction.part else _operation_lines(instruction)
    if instruction.reason:
        out.extend(wrap(f"{_SENTENCE_INDENT}Reason: {instruction.reason}", _SENTENCE_INDENT))
    return out


def _compound_lines(parts: list[Instruction]) -> list[str]:
    """`3. In clause 5.5.3—` and each lettered part on a line of its own."""
    first = parts[0].operation
    assert isinstance(first, EditText)
    out = [f"{parts[0].number}. In {_place(first.place)}\u2014"]
    for index, part in enumerate(parts):
        assert isinstance(part.operation, EditText)
        end = "." if index == len(parts) - 1 else "; and" if index == len(parts) - 2 else ";"
        out.extend(wrap(f"{_SENTENCE_INDENT}({part.part}) {_edit(part.operation)}{end}", _SENTENCE_INDENT))
    return out


def _operation_lines(instruction: Instruction) -> list[str]:
    operation = instruction.operation
    head = f"{instruction.number}."
    if isinstance(operation, EditText) and operation.place.heading is not None and not operation.anchor:
        return wrap(f"{head} For {operation.place} substitute {quote(operation.text)}.", _SENTENCE_INDENT)
    if isinstance(operation, EditText):
        return wrap(f"{head} In {_place(operation.place)}, {_edit(operation)}.", _SENTENCE_INDENT)
    if isinstance(operation, ItemEdit):
        return _item_lines(head, operation)
    if isinstance(operation, RowEdit):
        return _row_lines(head, operation)
    if isinstance(operation, NoteEdit):
        return _note_lines(head, operation)
    if isinstance(operation, SubstituteHeader):
        return wrap(f"{head} For {operation} substitute {quote(operation.value)}.", _SENTENCE_INDENT)
    if isinstance(operation, InsertClauses):
        out = [f"{head} {'Before' if operation.before else 'After'} clause {operation.after} insert:"]
        for clause in operation.clauses:
            out.extend(_body(render_paragraph(clause)))
        if operation.renumber:
            out.append(f"{_SENTENCE_INDENT}and renumber the following clauses.")
        return out
    if isinstance(operation, OmitClause):
        tail = ""
        if operation.leave is not None:
            tail = f" and leave {quote(operation.leave)}"
        elif operation.renumber:
            tail = " and renumber the following clauses"
        return wrap(f"{head} Omit {operation}{tail}.", _SENTENCE_INDENT)
    if isinstance(operation, SubstituteClause):
        out = [f"{head} Substitute clause {operation.number} with:"]
        for clause in (operation.clause, *operation.more):
            out.extend(_body(render_paragraph(clause)))
        if operation.renumber:
            out.append(f"{_SENTENCE_INDENT}and renumber the following clauses.")
        return out
    if isinstance(operation, InsertDefinition):
        return [
            f"{head} In the Glossary, insert the definition:",
            *_body(render_paragraph(operation.definition)),
        ]
    if isinstance(operation, OmitDefinition):
        return wrap(f"{head} Omit the definition of {quote(operation.term)}.", _SENTENCE_INDENT)
    assert isinstance(operation, SubstituteDefinition)
    return [
        f"{head} Substitute the definition of {quote(operation.term)} with:",
        *_body(render_paragraph(operation.definition)),
    ]


def _item_lines(head: str, edit: ItemEdit) -> list[str]:
    """`Omit clause X(a).`, `For clause X(a) substitute:` or `After clause X(a) insert:` + sub-items."""
    reletter = "and re-letter the following items"
    if edit.action is PartAction.OMIT:
        return wrap(f"{head} Omit {edit}{' ' + reletter if edit.reletter else ''}.", _SENTENCE_INDENT)
    if edit.action is PartAction.SUBSTITUTE:
        out = [f"{head} For {edit} substitute:"]
    else:
        out = [f"{head} {'After' if edit.action is PartAction.INSERT_AFTER else 'Before'} {edit} insert:"]
    stand_in = Clause(edit.clause, Text("x"), items=edit.new)
    out.extend(_body(render_paragraph(stand_in)[1:]))
    if edit.reletter:
        out.append(f"{_SENTENCE_INDENT}{reletter}.")
    return out


def _note_lines(head: str, edit: NoteEdit) -> list[str]:
    """`Omit the Note to clause X.`, `For the Note to clause X substitute:` + the Note, `After clause X
    insert the following Note:` (`At the start of Section N ...`) + the Note."""
    if edit.action is PartAction.OMIT:
        return wrap(f"{head} Omit {edit}.", _SENTENCE_INDENT)
    if edit.action is PartAction.SUBSTITUTE:
        out = [f"{head} For {edit} substitute:"]
    elif edit.clause is not None:
        out = [f"{head} After clause {edit.clause} insert the following Note:"]
    else:
        out = [f"{head} At the start of Section {edit.section} insert the following Note:"]
    assert edit.note is not None
    return out + _body(render_attachment(edit.note))


def _row_lines(head: str, edit: RowEdit) -> list[str]:
    """`In the table in clause X, omit the row for G06.` or `..., after the row for G06 insert the
    following row:` + the new rows."""
    key = edit.row if _BARE_KEY.fullmatch(edit.row) else quote(edit.row)
    start = f"{head} In the table in clause {edit.clause}, "
    if edit.action is PartAction.OMIT:
        return wrap(f"{start}omit the row for {key}.", _SENTENCE_INDENT)
    where = "after" if edit.action is PartAction.INSERT_AFTER else "before"
    rows = "rows" if len(edit.rows) > 1 else "row"
    out = wrap(f"{start}{where} the row for {key} insert the following {rows}:", _SENTENCE_INDENT)
    out.extend(_body([render_row(row) for row in edit.rows]))
    return out


def _place(place: Place) -> str:
    if place.term is not None:
        return f"the definition of {quote(place.term)}"
    if place.row is not None and not _BARE_KEY.fullmatch(place.row):
        return f"the table in clause {place.clause}, in the row for {quote(place.row)}"
    return str(place)


def _edit(edit: EditText) -> str:
    which = occurrence_words(edit.occurrence)
    anchor, text = quote(edit.anchor) + within_words(edit.within), quote(edit.text)
    if edit.kind is TextEditKind.SUBSTITUTE:
        return f"for {which}{anchor} substitute {text}"
    if edit.kind is TextEditKind.INSERT_AFTER:
        return f"after {which}{anchor} insert {text}"
    if edit.kind is TextEditKind.INSERT_BEFORE:
        return f"before {which}{anchor} insert {text}"
    return f"omit {which}{anchor}"


def occurrence_words(occurrence: Occurrence) -> str:
    """`the 2nd occurrence of `, `every occurrence of ` or nothing."""
    if occurrence.which is Which.NTH:
        return f"the {ordinal(occurrence.nth)} occurrence of "
    if occurrence.which is Which.LAST:
        return "the last occurrence of "
    if occurrence.which is Which.EVERY:
        return "every occurrence of "
    return ""


def within_words(terms: tuple[str, ...]) -> str:
    """` (including within "A" and "B")`, or nothing."""
    if not terms:
        return ""
    quoted = [quote(term) for term in terms]
    listed = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]
    return f" (including within {listed})"


def quote(words: str) -> str:
    """Straight quotation marks, or curly ones when the words hold a straight one."""
    return f"\u201c{words}\u201d" if '"' in words else f'"{words}"'


def wrap(sentence: str, indent: str) -> list[str]:
    """Greedy wrap at single spaces; the reader reads each break (even inside quotes) as one space."""
    words = sentence.split(" ")
    lines: list[str] = []
    current = words[0]
    for word in words[1:]:
        # Never break beside a second space: the reader would read the run as one space.
        if len(current) + 1 + len(word) > WIDTH and current.strip() and word and not current.endswith(" "):
            lines.append(current)
            current = indent + word
        else:
            current += " " + word
    lines.append(current)
    return lines


def _body(lines: list[str]) -> list[str]:
    return [f"{_BODY_INDENT}{line}" if line else "" for line in lines]
