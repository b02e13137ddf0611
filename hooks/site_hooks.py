"""MkDocs hooks of Gương sáng: each event hands over to the guongsang package."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from guongsang.mkdocs_adapter import backgroundsearch, rebuild, serving
from guongsang.mkdocs_adapter import build as mkdocs_build

if TYPE_CHECKING:
    from collections.abc import Callable

    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page


def on_startup(command: str, dirty: bool) -> None:
    serving.start(command == "serve", dirty)


def on_config(config: MkDocsConfig) -> None:
    if staging := serving.staging_dir():  # only rebuilds under `mkdocs serve`
        config.site_dir = staging


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[[], None]) -> LiveReloadServer:
    return serving.keep_last_good(server, rebuild.rebuild)


def on_pre_build(config: MkDocsConfig) -> None:
    rebuild.forget()
    mkdocs_build.load(config)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    return mkdocs_build.add_files(files, config)


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    mkdocs_build.keep_nav(nav, files, config)
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return mkdocs_build.prepare_markdown(markdown, page)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return mkdocs_build.clean_content(html, page)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    mkdocs_build.keep_env(env)
    return env


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    return mkdocs_build.add_context(context, page)


def on_post_build(config: MkDocsConfig) -> None:
    produced = mkdocs_build.write_outputs(config)
    if serving.is_serving():
        rebuild.remember(config, produced)


def on_build_error(error: Exception) -> None:
    mkdocs_build.abandon()


def on_shutdown() -> None:
    backgroundsearch.cancel()
    serving.stop()
