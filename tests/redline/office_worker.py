"""A LibreOffice worker for the redline tests, run by /usr/bin/python3 (the interpreter with `uno`).

It starts one headless office with a private profile, then answers JSON requests, one a line on stdin:
{"op": "text", "path": P, "revisions": "accept" | "reject" | "keep"} -> {"ok": true, "text": ...};
{"op": "compare", "old": P, "new": P, "out": P} -> {"ok": true, "load": s, "compare": s, "save": s, ...};
{"op": "comments", "path": P} -> {"ok": true, "comments": [{"content": ..., "anchor": ...}, ...]};
{"op": "notes", "path": P, "revisions": R} -> {"ok": true, "footnotes": [[line, ...], ...], "endnotes": ...}.
It ends the office when stdin closes.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

import uno  # type: ignore[import-not-found, unused-ignore]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found, unused-ignore]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found, unused-ignore]

_DISPATCH = {"accept": ".uno:AcceptAllTrackedChanges", "reject": ".uno:RejectAllTrackedChanges"}


def _property(name: str, value: Any) -> Any:
    item = PropertyValue()
    item.Name = name
    item.Value = value
    return item


# Debian's LibreOffice without a GUI lacks the .ui file of the margin window a comment gets in a
# document's view, and aborts building one; and a copy it saves after removing the comments itself
# will not open again. So a document with comments is read without a view (model only) for its
# comments, and its text is read from a copy with the comment markup taken out.
_COMMENTS_PART = "word/comments.xml"
_COMMENT_MARKUP = (
    re.compile(r"<w:commentRange(?:Start|End)\b[^>]*/>"),
    re.compile(r"<w:r>(?:(?!</w:r>).)*?<w:commentReference\b[^>]*/>\s*</w:r>", re.DOTALL),
    re.compile(r"<Relationship\b[^>]*relationships/comments\"[^>]*/>"),
    re.compile(r"<Override\b[^>]*PartName=\"/word/comments.xml\"[^>]*/>"),
)
_ANNOTATION = "com.sun.star.text.textfield.Annotation"


def _has_comments(path: str) -> bool:
    with zipfile.ZipFile(path) as archive:
        return _COMMENTS_PART in archive.namelist()


def _annotations(model: Any) -> list[Any]:
    found = []
    fields = model.getTextFields().createEnumeration()
    while fields.hasMoreElements():
        field = fields.nextElement()
        if field.supportsService(_ANNOTATION):
            found.append(field)
    return found


def _items(container: Any) -> list[Any]:
    return [container.getByIndex(index) for index in range(container.getCount())]


def _note_lines(note: Any) -> list[str]:
    lines = []
    paragraphs = note.createEnumeration()
    while paragraphs.hasMoreElements():
        paragraph = paragraphs.nextElement()
        if paragraph.supportsService("com.sun.star.text.Paragraph"):
            label = paragraph.getPropertyValue("ListLabelString")
            lines.append(f"{label} {paragraph.getString()}".strip())
    return lines


class Office:
    def __init__(self) -> None:
        self.profile = Path(tempfile.mkdtemp(prefix="spectool-office-"))
        self.loaded = 0
        pipe = f"spectool_{os.getpid()}"
        self.process = subprocess.Popen(
            [
                "soffice",
                "--headless",
                "--invisible",
                "--nologo",
                "--norestore",
                "--nodefault",
                f"-env:UserInstallation={self.profile.as_uri()}",
                f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + 60
        while True:
            try:
                context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except NoConnectException:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise
                time.sleep(0.1)
        self.context = context
        self.desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        self.dispatcher = context.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.DispatchHelper", context
        )

    def _copy(self, path: str) -> Path:
        # LibreOffice leaves a lock file beside what it opens, and a stale one makes loading fail
        # silently: open a private copy instead.
        copy = self.profile / "documents" / f"{self.loaded}{Path(path).suffix}"
        copy.parent.mkdir(exist_ok=True)
        self.loaded += 1
        shutil.copyfile(path, copy)
        return copy

    def load(self, path: str) -> Any:
        if Path(path).suffix == ".docx" and _has_comments(path):
            return self._open(self._without_comments(path))
        return self._open(path)

    def _open(self, path: str) -> Any:
        copy = self._copy(path)
        url = uno.systemPathToFileUrl(str(copy))
        document = self.desktop.loadComponentFromURL(url, "_blank", 0, (_property("Hidden", True),))
        if document is None:
            raise RuntimeError(f"LibreOffice cannot open {path}")
        copy.unlink(missing_ok=True)
        return document

    def load_model(self, path: str) -> Any:
        """The document without a view (no frame, no window): enough to read its content."""
        copy = self._copy(path)
        model = self.context.ServiceManager.createInstanceWithContext(
            "com.sun.star.text.TextDocument", self.context
        )
        model.load(
            (
                _property("URL", uno.systemPathToFileUrl(str(copy))),
                _property("FilterName", "MS Word 2007 XML"),
            )
        )
        copy.unlink(missing_ok=True)
        return model

    def _without_comments(self, path: str) -> str:
        """A copy of the .docx with every comment deleted, as Word's Delete All Comments leaves it:
        the comment ranges, references and part gone, text and revisions untouched."""
        out = self.profile / "documents" / f"{self.loaded}-uncommented.docx"
        out.parent.mkdir(exist_ok=True)
        self.loaded += 1
        with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                if info.filename == _COMMENTS_PART:
                    continue
                data = source.read(info.filename)
                if info.filename.endswith(".xml") or info.filename.endswith(".rels"):
                    text = data.decode("utf-8")
                    for pattern in _COMMENT_MARKUP:
                        text = pattern.sub("", text)
                    data = text.encode("utf-8")
                target.writestr(info, data)
        return str(out)

    def text(self, path: str, revisions: str) -> str:
        document = self.load(path)
        try:
            if revisions in _DISPATCH:
                frame = document.getCurrentController().getFrame()
                self.dispatcher.executeDispatch(frame, _DISPATCH[revisions], "", 0, ())
            with tempfile.TemporaryDirectory() as folder:
                out = Path(folder) / "out.txt"
                document.storeToURL(
                    uno.systemPathToFileUrl(str(out)),
                    (_property("FilterName", "Text (encoded)"), _property("FilterOptions", "UTF8,LF")),
                )
                return out.read_bytes().decode("utf-8-sig")
        finally:
            document.close(True)

    def comments(self, path: str) -> list[dict[str, str]]:
        """Each comment as LibreOffice reads it: its text and the text it is anchored on."""
        model = self.load_model(path)
        try:
            return [{"content": f.Content, "anchor": f.getAnchor().getString()} for f in _annotations(model)]
        finally:
            model.close(True)

    def notes(self, path: str, revisions: str = "keep") -> dict[str, list[list[str]]]:
        """Each footnote's and endnote's paragraphs as LibreOffice shows them, list labels first (its
        text export leaves the notes out), after accepting or rejecting every change if asked."""
        document = self.load(path)
        try:
            if revisions in _DISPATCH:
                frame = document.getCurrentController().getFrame()
                self.dispatcher.executeDispatch(frame, _DISPATCH[revisions], "", 0, ())
            return {
                "footnotes": [_note_lines(note) for note in _items(document.getFootnotes())],
                "endnotes": [_note_lines(note) for note in _items(document.getEndnotes())],
            }
        finally:
            document.close(True)

    def compare(self, old: str, new: str, out: str) -> dict[str, float]:
        """Seconds to load `new`, compare it with `old` (Compare Document), and save the result."""
        started = time.perf_counter()
        document = self.load(new)
        loaded = time.perf_counter()
        try:
            frame = document.getCurrentController().getFrame()
            arguments = (_property("URL", uno.systemPathToFileUrl(os.path.abspath(old))),)
            self.dispatcher.executeDispatch(frame, ".uno:CompareDocuments", "", 0, arguments)
            compared = time.perf_counter()
            changes = document.getRedlines().getCount() if hasattr(document, "getRedlines") else -1
            document.storeToURL(
                uno.systemPathToFileUrl(os.path.abspath(out)), (_property("FilterName", "MS Word 2007 XML"),)
            )
            return {
                "load": loaded - started,
                "compare": compared - loaded,
                "save": time.perf_counter() - compared,
                "changes": float(changes),
            }
        finally:
            document.close(True)

    def close(self) -> None:
        with contextlib.suppress(Exception):  # the bridge goes down with the office: nothing to tell
            self.desktop.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


def main() -> None:
    office = Office()
    print(json.dumps({"ok": True, "ready": True}), flush=True)
    try:
        for line in sys.stdin:
            request = json.loads(line)
            try:
                if request["op"] == "text":
                    reply = {"ok": True, "text": office.text(request["path"], request["revisions"])}
                elif request["op"] == "comments":
                    reply = {"ok": True, "comments": office.comments(request["path"])}
                elif request["op"] == "notes":
                    reply = {"ok": True, **office.notes(request["path"], request.get("revisions", "keep"))}
                elif request["op"] == "compare":
                    timings = office.compare(request["old"], request["new"], request["out"])
                    reply = {"ok": True, **timings}
                else:
                    reply = {"ok": False, "error": f"unknown op {request['op']!r}"}
            except Exception as error:  # reported to the test, which fails with the message
                reply = {"ok": False, "error": f"{type(error).__name__}: {error}"}
            print(json.dumps(reply), flush=True)
    finally:
        office.close()


if __name__ == "__main__":
    main()
