"""Pause the cyclic garbage collector around work that makes many objects and no cycles."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the body with the cyclic collector off, then restore it as it was.

    Parsing a spec or running the rules makes hundreds of thousands of small objects and no
    reference cycles (reference counting frees them); with a corpus loaded, the collector's passes
    over everything alive cost a quarter of the parse. Measured in bench/parse_bench.py.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
