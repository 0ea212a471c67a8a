"""The peers benchmark's sphinx-needs project (`benchmarks/peers.py`) holds the generated
corpus's content: every need has a unique id, every link names a need of the project."""

from __future__ import annotations

import re
from pathlib import Path

from benchmarks.generate import generate
from benchmarks.peers import edit_needs, needs_project


def test_needs_project_mirrors_the_generated_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    generate(corpus, 2, seed=7)
    source = tmp_path / "needs"
    count = needs_project(corpus, source, 10_000)
    pages = sorted(source.glob("s*.rst"))
    assert len(pages) == 2 and (source / "conf.py").is_file()
    text = "".join(p.read_text("utf-8") for p in pages)
    ids = re.findall(r"^   :id: (\S+)$", text, flags=re.MULTILINE)
    assert len(ids) == count == len(set(ids)) > 60
    links = {
        x
        for line in re.findall(r"^   :links: (.+)$", text, flags=re.MULTILINE)
        for x in line.split(", ")
    }
    assert links and links <= set(ids)
    competency = next((corpus / "standards").glob("*/competencies.yaml")).read_text("utf-8")
    first = re.search(r"text: ([^,}]+)", competency)
    assert first and f".. req:: {first[1]}" in text  # the same Chinese text
    for page in (source / "index.rst").read_text("utf-8").split()[-2:]:
        assert (source / f"{page}.rst").is_file()

    assert needs_project(corpus, source, 25) == 25  # capped
    before = pages[0].read_text("utf-8")
    edit_needs(source)
    after = pages[0].read_text("utf-8")
    assert after != before and after.count("（修订）") == 1
