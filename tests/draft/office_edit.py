"""Edit a .docx in LibreOffice with changes recorded, as a person would, and save it as DOCX.

Run by /usr/bin/python3 (the interpreter with `uno`): office_edit.py IN OUT. It starts a headless
office through the redline tests' worker, turns on Record Changes, replaces one phrase, deletes
another, types a new clause as a new paragraph, and saves in Word's format.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "redline"))

import uno  # type: ignore[import-not-found, unused-ignore]
from office_worker import Office, _property  # type: ignore[import-not-found, unused-ignore]

PARAGRAPH_BREAK = 0  # com.sun.star.text.ControlCharacter.PARAGRAPH_BREAK


def _found(document: Any, words: str) -> Any:
    search = document.createSearchDescriptor()
    search.SearchString = words
    found = document.findFirst(search)
    if found is None:
        raise LookupError(words)
    return found


def main() -> None:
    source, target = sys.argv[1], sys.argv[2]
    office = Office()
    try:
        document = office.load(source)
        document.RecordChanges = True
        _found(document, "firmware update").setString("firmware upgrade")
        _found(document, " and current").setString("")
        anchor = _found(document, "on each phase on its display.")
        text = document.getText()
        cursor = text.createTextCursorByRange(anchor.getEnd())
        text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
        text.insertString(cursor, "5.6.5 Polyphase ESME shall keep the Communications Hub powered.", False)
        document.storeToURL(
            uno.systemPathToFileUrl(str(Path(target).resolve())),
            (_property("FilterName", "MS Word 2007 XML"),),
        )
        document.close(True)
    finally:
        office.close()


if __name__ == "__main__":
    main()
