"""The Jinja environment of the redline writers: autoescape on, undefined names an error, and every
rendered XML fragment parsed at once, so that a template mistake fails when the document is written."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2
from lxml import etree
from markupsafe import Markup, escape

from spectool.errors import SpectoolError
from spectool.resources import resource_dir

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# Fragments are written without namespace declarations; they are parsed inside this wrapper.
_WRAPPER_OPEN = f'<fragment xmlns:w="{W}" xmlns:r="{R}">'
_WRAPPER_CLOSE = "</fragment>"
_FEED = 1 << 16  # characters handed to the parser at once


class TemplateOutputError(SpectoolError):
    """A template (the bundled one or a drafter's copy) rendered something that is not well-formed XML."""


def template_environment(template_dir: Path | None = None) -> jinja2.Environment:
    """Templates from `template_dir` first, then the bundled templates/ for any it does not have.
    Environments are kept, with their compiled templates; an edited template file is read again."""
    if template_dir is not None and not template_dir.is_dir():
        raise SpectoolError(f"{template_dir}: no such template folder")
    return _environment(template_dir.resolve() if template_dir is not None else None)


@functools.lru_cache(maxsize=8)
def _environment(template_dir: Path | None) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = []
    if template_dir is not None:
        loaders.append(jinja2.FileSystemLoader(template_dir))
    loaders.append(jinja2.FileSystemLoader(resource_dir("templates")))
    environment = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["md"] = markdown_text
    return environment


# Characters Markdown would read as markup anywhere in a line, and markers it reads at a line's start.
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]~|])")
_MARKDOWN_LEADING = re.compile(r"^(\s*)(#+|[+\-]|\d{1,9}[.)])(?=\s|$)")


def markdown_text(text: str) -> Markup:
    """Text for Markdown with inline HTML: HTML-escaped, then Markdown punctuation backslash-escaped.
    Quotes stay as written: outside a tag they mean nothing to HTML, and a reviewer reads the raw text too."""
    escaped = str(escape(text)).replace("&#34;", '"').replace("&#39;", "'")
    escaped = _MARKDOWN_INLINE.sub(r"\\\1", escaped)
    escaped = _MARKDOWN_LEADING.sub(lambda m: f"{m[1]}{m[2][:-1]}\\{m[2][-1]}", escaped)
    return Markup(escaped)


def render(environment: jinja2.Environment, name: str, **context: Any) -> str:
    """Render one template; a missing template or an undefined name is a TemplateOutputError."""
    try:
        return environment.get_template(name).render(**context)
    except jinja2.TemplateNotFound:
        raise TemplateOutputError(f"template {name} is missing") from None
    except jinja2.TemplateError as error:
        where = f"{getattr(error, 'filename', None) or name}:{getattr(error, 'lineno', None) or '?'}"
        raise TemplateOutputError(f"template {where}: {error}") from None


def render_part(environment: jinja2.Environment, name: str, **context: Any) -> Any:
    """A whole XML part (with its own namespace declarations), parsed: the root element."""
    text = render(environment, name, **context)
    try:
        return etree.fromstring(text.encode("utf-8"))
    except etree.XMLSyntaxError as error:
        raise TemplateOutputError(f"template {name} gave XML that does not parse: {error}") from None


def render_fragment(environment: jinja2.Environment, name: str, **context: Any) -> list[Any]:
    """A fragment of WordprocessingML (several elements, no declarations), parsed: its elements. The
    template's output is streamed into the parser, never held whole (a body can be tens of MB)."""
    parser = etree.XMLParser()
    try:
        parser.feed(_WRAPPER_OPEN)
        pending: list[str] = []
        size = 0
        for chunk in _generate(environment, name, context):
            pending.append(chunk)
            size += len(chunk)
            if size >= _FEED:
                parser.feed("".join(pending))
                pending, size = [], 0
        parser.feed("".join(pending) + _WRAPPER_CLOSE)
        wrapper = parser.close()
    except etree.XMLSyntaxError as error:
        raise TemplateOutputError(f"template {name} gave XML that does not parse: {error}") from None
    return list(wrapper)


def _generate(environment: jinja2.Environment, name: str, context: dict[str, Any]) -> Iterator[str]:
    """The template's output piece by piece; errors as `render` gives them."""
    try:
        yield from environment.get_template(name).generate(**context)
    except jinja2.TemplateNotFound:
        raise TemplateOutputError(f"template {name} is missing") from None
    except jinja2.TemplateError as error:
        where = f"{getattr(error, 'filename', None) or name}:{getattr(error, 'lineno', None) or '?'}"
        raise TemplateOutputError(f"template {where}: {error}") from None
