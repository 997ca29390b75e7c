"""Test-wide settings: in CI, Hypothesis draws the same examples on every run."""

from __future__ import annotations

import os

from hypothesis import settings

# A property that fails in CI must fail again on a re-run, and a landing must not hang on a draw that no
# one has seen before: CI derandomises (the examples follow from each test's name) and keeps no example
# database. On a workstation the draws stay random, so new counterexamples keep being found there.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
