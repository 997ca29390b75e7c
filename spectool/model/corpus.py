"""The corpus: every spec version loaded at once, so rules can look across versions and specs."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spectool.errors import UsageError
from spectool.model.document import Spec


def split_key(key: str) -> tuple[str, str | None]:
    """`SMETS2@4.2` -> ("SMETS2", "4.2"); `CHTS` -> ("CHTS", None)."""
    name, _, version = key.partition("@")
    return name.strip(), (version.strip() or None)


@dataclass(frozen=True, slots=True)
class Corpus:
    """Spec versions keyed by `NAME@VERSION`, in the order they were loaded."""

    specs: tuple[Spec, ...]
    _by_key: dict[str, Spec] = field(init=False, compare=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        index: dict[str, Spec] = {}
        for spec in self.specs:
            if spec.key in index:
                raise UsageError(f"{spec.key} is loaded twice: from {index[spec.key].path} and {spec.path}")
            index[spec.key] = spec
        object.__setattr__(self, "_by_key", index)

    def __iter__(self) -> Iterator[Spec]:
        return iter(self.specs)

    def __len__(self) -> int:
        return len(self.specs)

    def get(self, name: str, version: str | None = None) -> Spec | None:
        """One spec version; without a version, the only (or latest) version of `name`."""
        if version is not None:
            return self._by_key.get(f"{name}@{version}")
        versions = self.versions_of(name)
        return versions[-1] if versions else None

    def require(self, key: str) -> Spec:
        """The spec named by `SMETS2@4.2` (or `CHTS` when only one version is loaded), else UsageError."""
        name, version = split_key(key)
        spec = self.get(name, version)
        if spec is None:
            known = ", ".join(self._by_key) or "none"
            raise UsageError(f"no spec {key} in the corpus (loaded: {known})")
        if version is None and len(self.versions_of(name)) > 1:
            raise UsageError(f"{name} has several versions loaded: say which, e.g. {spec.key}")
        return spec

    def names(self) -> list[str]:
        return list(dict.fromkeys(spec.name for spec in self.specs))

    def versions_of(self, name: str) -> list[Spec]:
        """Every loaded version of `name`, oldest first."""
        found = [spec for spec in self.specs if spec.name == name]
        return sorted(found, key=lambda spec: _version_key(spec.version))

    def with_spec(self, spec: Spec) -> Corpus:
        """This corpus with `spec` replacing the version of the same key (or added)."""
        if spec.key in self._by_key:
            return Corpus(tuple(spec if old.key == spec.key else old for old in self.specs))
        return Corpus((*self.specs, spec))


def _version_key(version: str) -> tuple[tuple[int, str], ...]:
    return tuple((int(part), "") if part.isdigit() else (0, part) for part in version.split("."))
