"""Rendering folium's map to text: the same inputs give the same bytes, and nothing from the
data runs as a template."""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterator

import branca.element


@contextlib.contextmanager
def numbered_ids() -> Iterator[None]:
    """Give folium/branca elements counter-based ids instead of random ones, for this block."""
    counter = itertools.count(1)
    original = branca.element.Element.__dict__["_generate_id"]
    # patching a class for the block is the point here: mypy's method-assign check is waived
    branca.element.Element._generate_id = classmethod(  # type: ignore[method-assign, assignment]
        lambda cls: f"{next(counter):08x}")
    try:
        yield
    finally:
        branca.element.Element._generate_id = original  # type: ignore[method-assign]


class _Verbatim:
    """Stands in for a Jinja template built from text that is already rendered: gives it back
    unchanged."""

    def __init__(self, source: str, *args, **kwargs):
        self.source = source

    def render(self, *args, **kwargs) -> str:
        return self.source


@contextlib.contextmanager
def rendered_output_is_text() -> Iterator[None]:
    """branca turns each rendered block (every ``header``/``html``/``script`` macro's output) into
    a new ``Element(output)``, which compiles that output as a Jinja template and renders it a
    second time. Data inside it (a gazetteer name, a kind, a search label) would then run as
    template code on the building machine. While the page is rendered, text given to
    ``branca.element.Element`` is kept as text. Class-level templates (folium's own and ours)
    were compiled at import and are not affected."""
    original = branca.element.Template
    branca.element.Template = _Verbatim  # type: ignore[misc, assignment]  # replaced for the block
    try:
        yield
    finally:
        branca.element.Template = original  # type: ignore[misc]
