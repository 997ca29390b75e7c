"""Read coverage matrices from the file `[coverage] file` names, or inline; each mistake is a ConfigError."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spectool.config import Config, read_toml
from spectool.coverage.matrix import Column, CoverageMatrix, CoverageSettings, NotApplicable, Row
from spectool.coverage.words import term_problem

COVERAGE_KEYS = ("file", "default", "matrices")
MATRIX_KEYS = ("title", "description", "subject", "synonyms", "rows", "columns")
ROW_KEYS = ("label", "spec", "terms", "description", "not-applicable", "context", "sections")
COLUMN_KEYS = ("label", "terms", "description", "parameter")


def has_coverage(config: Config) -> bool:
    return "coverage" in config.data


def load_coverage(config: Config) -> CoverageSettings:
    """The matrices configured by `[coverage]` in spectool.toml."""
    table = config.table("coverage")
    _known_keys(config, "coverage", table, COVERAGE_KEYS)
    known_specs = tuple(config.live_versions)
    path: Path | None = None
    if "matrices" in table:
        # Inline matrices suit a small repository (and a rule's test case) with one spectool.toml.
        if "file" in table:
            raise config.error("coverage.matrices", "give [coverage] either 'file' or 'matrices', not both")
        matrices = _matrices(config, "coverage.matrices", table["matrices"], known_specs)
    else:
        file = table.get("file")
        if not isinstance(file, str) or not file.strip():
            where = "coverage.file" if "file" in table else "coverage"
            raise config.error(where, _FILE_MESSAGE, hint=_FILE_HINT)
        path = config.resolve(file)
        if not path.is_file():
            raise config.error("coverage.file", f"'coverage.file' names {file}, which does not exist")
        matrices = read_matrices(path, known_specs=known_specs)
    default = table.get("default", matrices[0].name)
    if not isinstance(default, str) or default not in {matrix.name for matrix in matrices}:
        names = ", ".join(matrix.name for matrix in matrices)
        raise config.error("coverage.default", f"'coverage.default' must name a matrix: one of {names}")
    return CoverageSettings(matrices, default, path)


_FILE_MESSAGE = "'coverage.file' must name the file of coverage matrices"
_FILE_HINT = 'file = "config/coverage.toml"'


def read_matrices(path: Path, *, known_specs: tuple[str, ...] = ()) -> tuple[CoverageMatrix, ...]:
    """Every `[matrices.NAME]` in a coverage file; `known_specs`, when given, bounds the rows' specs."""
    data = read_toml(path)
    source = Config(root=path.parent, path=path, data=data)
    _known_keys(source, "", data, ("matrices",))
    return _matrices(source, "matrices", data.get("matrices"), known_specs)


def _matrices(
    source: Config, prefix: str, value: object, known_specs: tuple[str, ...]
) -> tuple[CoverageMatrix, ...]:
    matrices = _table(source, prefix, value)
    if not matrices:
        raise source.error(prefix, f"no matrix is defined: expected a [{prefix}.NAME] table")
    return tuple(
        _matrix(source, f"{prefix}.{name}", name, _table(source, f"{prefix}.{name}", body), known_specs)
        for name, body in matrices.items()
    )


def _matrix(
    source: Config, key: str, name: str, body: dict[str, Any], known_specs: tuple[str, ...]
) -> CoverageMatrix:
    _known_keys(source, key, body, MATRIX_KEYS)
    rows_table = _table(source, f"{key}.rows", body.get("rows"), required=True)
    columns_table = _table(source, f"{key}.columns", body.get("columns"), required=True)
    columns = tuple(
        _column(source, f"{key}.columns.{ck}", ck, _table(source, f"{key}.columns.{ck}", cv))
        for ck, cv in columns_table.items()
    )
    rows: list[Row] = []
    not_applicable: list[NotApplicable] = []
    for row_key, row_body in rows_table.items():
        where = f"{key}.rows.{row_key}"
        row = _row(source, where, row_key, _table(source, where, row_body), known_specs)
        rows.append(row)
        cells = _table(source, f"{where}.not-applicable", row_body.get("not-applicable"))
        for column_key, reason in cells.items():
            cell_key = f"{where}.not-applicable.{column_key}"
            if column_key not in columns_table:
                known = ", ".join(columns_table)
                raise source.error(
                    cell_key, f"'{column_key}' is not a column of {name}: expected one of {known}"
                )
            not_applicable.append(NotApplicable(row_key, column_key, _text(source, cell_key, reason)))
    return CoverageMatrix(
        name=name,
        title=_text(source, f"{key}.title", body.get("title")),
        description=_text(source, f"{key}.description", body.get("description", ""), allow_empty=True),
        rows=tuple(rows),
        columns=columns,
        not_applicable=tuple(not_applicable),
        subject=_terms(source, f"{key}.subject", body.get("subject", []), allow_empty=True),
        synonyms=_synonyms(source, f"{key}.synonyms", body.get("synonyms", [])),
    )


def _synonyms(source: Config, key: str, value: object) -> tuple[tuple[str, ...], ...]:
    hint = 'synonyms = [["upgrade", "update"], ["restart", "reboot"]]'
    if not isinstance(value, list) or not all(
        isinstance(group, list) and len(group) >= 2 and all(isinstance(word, str) for word in group)
        for group in value
    ):
        raise source.error(key, f"'{key}' must be a list of groups of two or more words", hint=hint)
    for group in value:
        for word in group:
            if len(word.split()) != 1 or not word.replace("-", "").isalpha():
                raise source.error(key, f"'{key}': {word!r} is not one word", hint=hint)
    return tuple(tuple(group) for group in value)


def _sections(source: Config, key: str, value: object) -> tuple[tuple[str, str], ...]:
    hint = 'sections = { "SMETS2@4.2" = ["5.6"], "SMETS2@5.0" = ["5.7"] }'
    table = _table(source, key, value)
    found: list[tuple[str, str]] = []
    for spec, numbers in table.items():
        if (
            "@" not in spec
            or not isinstance(numbers, list)
            or not all(isinstance(number, str) and number.replace(".", "").isdigit() for number in numbers)
        ):
            raise source.error(
                f"{key}.{spec}", f"'{key}' maps SPEC@VERSION to a list of section numbers", hint=hint
            )
        found.extend((spec, number) for number in numbers)
    return tuple(found)


def _row(source: Config, key: str, name: str, body: dict[str, Any], known_specs: tuple[str, ...]) -> Row:
    _known_keys(source, key, body, ROW_KEYS)
    raw_specs = body.get("spec")
    specs = (raw_specs,) if isinstance(raw_specs, str) else raw_specs
    if not isinstance(specs, list | tuple) or not specs or not all(isinstance(s, str) and s for s in specs):
        raise source.error(
            f"{key}.spec" if "spec" in body else key,
            f"'{key}.spec' must name the spec responsible for this row, or a list of them",
            hint='spec = "SMETS2"',
        )
    unknown = [spec for spec in specs if known_specs and spec not in known_specs]
    if unknown:
        raise source.error(
            f"{key}.spec", f"'{key}.spec' names {unknown[0]}, which [versions] in spectool.toml does not list"
        )
    return Row(
        key=name,
        label=_text(source, f"{key}.label", body.get("label")),
        specs=tuple(specs),
        terms=_terms(source, f"{key}.terms", body.get("terms")),
        description=_text(source, f"{key}.description", body.get("description", ""), allow_empty=True),
        context=_terms(source, f"{key}.context", body.get("context", []), allow_empty=True),
        sections=_sections(source, f"{key}.sections", body.get("sections")),
    )


def _column(source: Config, key: str, name: str, body: dict[str, Any]) -> Column:
    _known_keys(source, key, body, COLUMN_KEYS)
    return Column(
        key=name,
        label=_text(source, f"{key}.label", body.get("label")),
        terms=_terms(source, f"{key}.terms", body.get("terms")),
        description=_text(source, f"{key}.description", body.get("description", ""), allow_empty=True),
        parameter=_text(source, f"{key}.parameter", body.get("parameter", ""), allow_empty=True),
    )


def _terms(source: Config, key: str, value: object, *, allow_empty: bool = False) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise source.error(
            key, f"'{key}' must be a list of terms", hint='terms = ["Polyphase ESME", "three phase"]'
        )
    if not value and not allow_empty:
        raise source.error(key, f"'{key}' needs at least one term")
    for term in value:
        problem = term_problem(term)
        if problem:
            raise source.error(key, f"'{key}': the term {term!r} {problem}")
    return tuple(term.strip() for term in value)


def _text(source: Config, key: str, value: object, *, allow_empty: bool = False) -> str:
    if value is None:
        raise source.error(key.rsplit(".", 1)[0], f"'{key}' is missing")
    if not isinstance(value, str) or not (value.strip() or allow_empty):
        raise source.error(key, f"'{key}' must be {'a' if allow_empty else 'a non-empty'} string")
    return value.strip()


def _table(source: Config, key: str, value: object, *, required: bool = False) -> dict[str, Any]:
    if value is None and not required:
        return {}
    if not isinstance(value, dict) or (required and not value):
        parent = key.rsplit(".", 1)[0] if value is None else key
        raise source.error(parent, f"'{key}' must be a table{' with at least one entry' if required else ''}")
    return value


def _known_keys(source: Config, key: str, body: dict[str, Any], allowed: tuple[str, ...]) -> None:
    for name in body:
        if name not in allowed:
            where = f"{key}.{name}" if key else name
            raise source.error(where, f"unknown key '{where}': expected one of {', '.join(allowed)}")
