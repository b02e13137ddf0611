"""Material's frame rendered once per template and depth for the pages out of the navigation.

Material's frame (head, header, tabs, navigation, footer, scripts) is about nine tenths of the work of a
page, and it is the same for every page that is out of the navigation, has no table of contents, uses
the same template and sits at the same folder depth. Such a page renders its own blocks only, into a
frame rendered once with markers where those blocks go. The output is byte-identical to a full render:
set GUONGSANG_FULL_RENDER=1 (settings.full_render) to render every page whole and every shared fragment afresh (the tests
build both ways and compare).

It works by the theme environment's template class, so it applies alike to the pages MkDocs renders
(stories, documents) and to the generated pages rendered by build.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, Template, pass_context
from jinja2.runtime import Context

PAGE_BLOCKS = ("site_meta", "htmltitle", "extrahead", "container", "footer")
"""Blocks of base.html that hold the page's own values (description, canonical URL, title, share
preview, the body and its search attributes, the source line above the footer); everything else depends only on the template, the
depth and the page's hide list."""

_MARK = "\ue000"
"""A private-use character around marker names. The frame is split at markers before any page's values
go in, so nothing a record holds can be taken for one."""
_TITLE = f"{_MARK}title{_MARK}"
_MARKER = re.compile(f"{_MARK}(\\w+){_MARK}")

Block = Callable[[Context], Iterator[str]]


def install(env: Environment, full_render: bool) -> None:
    """Make every template the theme loads from now on render out-of-navigation pages with frames
    (unless ``full_render``), and give templates ``shared_include``. Frames and fragments are made afresh
    for each build (a rebuild under serve keeps the environment and its compiled templates)."""
    if env.template_class is not FramedTemplate:
        env.template_class = FramedTemplate
        if env.cache is not None:
            env.cache.clear()
    # Set, not env.extend(): that keeps what an earlier build of the same environment left.
    for name, value in {"guongsang_frames": {}, "guongsang_fragments": {}, "guongsang_full_render": full_render}.items():
        setattr(env, name, value)
    env.globals["shared_include"] = shared_include


@pass_context
def shared_include(context: Context, name: str, key: str, **variables: Any) -> str:
    """``{% include name %}`` with ``variables``, rendered once per ``key`` and page depth, for fragments
    many pages share (an honoree's card on a dozen index pages, the browse menu on every page of a
    group). ``key`` must name everything the fragment shows besides its links."""
    fragments: dict[tuple[str, str, str], str] = context.environment.guongsang_fragments  # type: ignore[attr-defined]
    cache_key = (name, key, context.get("base_url", ""))
    html = fragments.get(cache_key)
    if html is None or context.environment.guongsang_full_render:  # type: ignore[attr-defined]
        partial = context.environment.get_template(name)
        html = fragments[cache_key] = Template.render(partial, {**context.get_all(), **variables})  # a fragment: never framed
    return html


@dataclass(frozen=True)
class _Frame:
    parts: list[str]
    """Literal text and marker names, alternating (split keeps the captured names at odd places)."""
    blocks: dict[str, list[Block]]
    """Each page block's chain from the template to base.html, as super() walks it."""


class FramedTemplate(Template):
    def render(self, *args: Any, **kwargs: Any) -> str:
        context = dict(*args, **kwargs)
        page = context.get("page")
        if self.environment.guongsang_full_render or not _framable(page, context.get("nav")):  # type: ignore[attr-defined]
            return super().render(context)
        frames: dict[tuple[str, ...], _Frame] = self.environment.guongsang_frames  # type: ignore[attr-defined]
        key = (self.name or "", context.get("base_url", ""), *(page.meta.get("hide") or ()))
        frame = frames.get(key)
        if frame is None:
            frame = frames[key] = self._frame(context)
        page_context = self.new_context(context)
        page_context.blocks.update({name: list(chain) for name, chain in frame.blocks.items()})
        values = {name: "".join(page_context.blocks[name][0](page_context)) for name in PAGE_BLOCKS}
        values["title"] = page.meta.get("title") or page.title or ""
        return "".join(part if index % 2 == 0 else values[part] for index, part in enumerate(frame.parts))

    def _frame(self, context: dict[str, Any]) -> _Frame:
        page = context["page"]
        saved = page.meta.get("title")
        page.meta["title"] = _TITLE
        try:
            frame_context = self.new_context(context)
            own = {name: frame_context.blocks.get(name, []) for name in PAGE_BLOCKS}
            for name in PAGE_BLOCKS:
                frame_context.blocks[name] = [_marker(name)]
            html = "".join(self.root_render_func(frame_context))
        finally:
            if saved is None:
                del page.meta["title"]
            else:
                page.meta["title"] = saved
        # Rendering the parents appended their blocks after each marker: with the template's own,
        # that is each block's whole chain.
        blocks = {name: [*own[name], *frame_context.blocks[name][1:]] for name in PAGE_BLOCKS}
        return _Frame(_MARKER.split(html), blocks)


def _framable(page: Any, nav: Any) -> bool:
    """Out of the navigation (so no active item, no previous or next) and without a table of contents."""
    if page is None or nav is None or len(page.toc) or page.previous_page or page.next_page:
        return False
    return not any(item is page for item in nav.pages)


def _marker(name: str) -> Block:
    def block(context: Context) -> Iterator[str]:
        yield f"{_MARK}{name}{_MARK}"

    return block
