"""Deploy templates for users (GitHub Pages, GitLab Pages): they check, build with the README's commands, publish site/."""

from __future__ import annotations

import re

import yaml
from conftest import ROOT


def make_targets() -> set[str]:
    return set(re.findall(r"^([a-z]+):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M))


def test_github_pages_workflow_checks_builds_and_publishes():
    workflow = yaml.safe_load((ROOT / "deploy/github-pages.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    commands = [step["run"] for step in steps if "run" in step]
    assert commands == ["make check", "make build"]
    assert {c.split()[1] for c in commands} <= make_targets()
    # The publishing build refuses the demo's loopback site_url: the address comes from Pages.
    build = next(step for step in steps if step.get("run") == "make build")
    pages = next(step for step in steps if step.get("uses", "").startswith("actions/configure-pages@"))
    assert steps.index(pages) < steps.index(build)
    assert build["env"]["DIA_CHI_TRANG"] == "${{ steps." + pages["id"] + ".outputs.base_url }}/"
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"
    cached = next(step for step in steps if step.get("uses", "").startswith("actions/cache@"))
    assert cached["with"]["path"] == ".cache/guongsang"
    assert workflow["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


def test_gitlab_pages_job_checks_builds_and_publishes():
    ci = yaml.safe_load((ROOT / "deploy/gitlab-ci.yml").read_text(encoding="utf-8"))
    job = ci["pages"]
    assert job["script"] == ["make check", 'DIA_CHI_TRANG="$CI_PAGES_URL/" make build', "mv site public"]
    assert job["artifacts"]["paths"] == ["public"]
    assert ".cache/guongsang" in ci["cache"]["paths"]
