"""Baseline for the Word export: raw python-docx writing the same paragraphs and tables.

    python3 benchmarks/baseline_docx.py extract DOCX_DIR CONTENT.json   # not timed
    python3 benchmarks/baseline_docx.py write CONTENT.json OUT_DIR      # timed by run.py

`extract` reads the documents `zhibiao export docx` wrote and keeps, in body order, the
text and style of every paragraph and the cell texts of every table. `write` rebuilds
each document with nothing but python-docx: `add_paragraph` with the same text (and the
built-in heading style for headings) and `add_table` filled cell by cell. Covers, page
setup, fonts, numbering and fields are the export's own work and are not reproduced.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml.ns import qn


def extract(folder: Path, target: Path) -> int:
    """Write the paragraphs and tables of every .docx in `folder` to `target` (JSON)."""
    documents = []
    for path in sorted(folder.glob("*.docx")):
        doc = Document(str(path))
        blocks: list[Any] = []
        for child in doc.element.body.iterchildren():
            if child.tag == qn("w:p"):
                text = "".join(t.text or "" for t in child.iter(qn("w:t")))
                style = child.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
                blocks.append(["p", text, style.get(qn("w:val")) if style is not None else ""])
            elif child.tag == qn("w:tbl"):
                rows = [
                    [
                        "".join(t.text or "" for t in cell.iter(qn("w:t")))
                        for cell in row.iter(qn("w:tc"))
                    ]
                    for row in child.iter(qn("w:tr"))
                ]
                blocks.append(["t", rows])
        documents.append({"name": path.name, "blocks": blocks})
    target.write_text(json.dumps(documents, ensure_ascii=False), encoding="utf-8")
    return len(documents)


def write(source: Path, folder: Path) -> int:
    """Rebuild every document of `source` with plain python-docx into `folder`."""
    documents = json.loads(source.read_text("utf-8"))
    folder.mkdir(parents=True, exist_ok=True)
    for item in documents:
        doc = Document()
        for block in item["blocks"]:
            if block[0] == "p":
                _, text, style = block
                level = next((c for c in style if c.isdigit()), None) if "eading" in style else None
                doc.add_paragraph(text, style=f"Heading {level}" if level else None)
            else:
                rows = block[1]
                columns = max((len(row) for row in rows), default=0)
                if not rows or not columns:
                    continue
                table = doc.add_table(rows=len(rows), cols=columns)
                for r, row in enumerate(rows):
                    cells = table.rows[r].cells
                    for c, text in enumerate(row):
                        cells[c].text = text
        doc.save(str(folder / item["name"]))
    return len(documents)


def main() -> int:
    """Command line: `extract DOCX_DIR CONTENT.json` or `write CONTENT.json OUT_DIR`."""
    action, first, second = sys.argv[1:4]
    count = (
        extract(Path(first), Path(second))
        if action == "extract"
        else write(Path(first), Path(second))
    )
    print(count)  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
