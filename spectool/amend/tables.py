"""The table of a clause as instructions name it: `In the table in clause 4.3.5.1, in the row for
G06, ...`, and rows omitted or inserted (`omit the row for G06`, `after the row for G06 insert the
following row:`). A row is named by the words of its first cell."""

from __future__ import annotations

from dataclasses import replace

from spectool.amend.edit_error import EditError
from spectool.amend.model import PartAction, RowEdit
from spectool.model.document import Attachment, Clause, Definition, Table


def only_attachment(paragraph: Clause | Definition, kind: type[Attachment], name: str) -> int:
    """Where the paragraph's one attachment of `kind` (a "table", a "Note") stands among its
    attachments; EditError if it has none or several, since "the table" names a clause's only one."""
    found = [index for index, attachment in enumerate(paragraph.attachments) if isinstance(attachment, kind)]
    if len(found) != 1:
        what = f"no {name}" if not found else f"{len(found)} {name}s"
        raise EditError(f"it has {what}: 'the {name}' names a clause's only {name}")
    return found[0]


def table_index(paragraph: Clause | Definition) -> int:
    """Where the paragraph's one table stands among its attachments."""
    return only_attachment(paragraph, Table, "table")


def row_index(table: Table, key: str) -> int:
    """The 0-based place among the table's body rows of the row whose first cell reads `key`."""
    found = [index for index, row in enumerate(table.rows) if row and " ".join(row[0].split()) == key]
    if not found:
        keys = ", ".join(row[0] for row in table.rows[:12] if row)
        raise EditError(f"the table has no row for {key} (its rows are for {keys})")
    if len(found) > 1:
        raise EditError(
            f"the table has {len(found)} rows for {key}: a row must be named by words only it has"
        )
    return found[0]


def apply_row_edit(clause: Clause, edit: RowEdit) -> Clause:
    """`clause` with the row named omitted, or the new rows inserted beside it."""
    index = table_index(clause)
    table = clause.attachments[index]
    assert isinstance(table, Table)
    at = row_index(table, edit.row)
    rows = list(table.rows)
    if edit.action is PartAction.OMIT:
        del rows[at]
        if not rows:
            raise EditError("it would leave the table without rows: omit or substitute the clause instead")
    else:
        width = len(table.header) or len(rows[at])
        wrong = next((row for row in edit.rows if len(row) != width), None)
        if wrong is not None:
            raise EditError(f"the new row has {len(wrong)} cells, but the table's rows have {width}")
        keys = {" ".join(row[0].split()) for row in table.rows if row}
        taken = next((row[0] for row in edit.rows if " ".join(row[0].split()) in keys), None)
        if taken is not None:
            raise EditError(f"the table already has a row for {taken}: a new row needs words of its own")
        place = at + (1 if edit.action is PartAction.INSERT_AFTER else 0)
        rows[place:place] = edit.rows
    attachments = list(clause.attachments)
    attachments[index] = replace(table, rows=tuple(rows), cell_starts=())
    return replace(clause, attachments=tuple(attachments))
