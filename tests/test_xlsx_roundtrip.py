"""`export xlsx` → `import xlsx` gives back exactly the values written, whatever the text.

Property test (hypothesis): names, competency texts, notes and the title are arbitrary text
the model accepts — formula-looking strings (`=`, `+`, `-`, `@`, tab/CR first), numbers as
text ("060103"), leading and trailing spaces, TAB/LF/CR, any printable Unicode. Text made of
spaces only is a blank cell by design (docs/opendata.md) and is not generated.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from builder.model import CompetencyList
from builder.opendata.loading import load_standards
from builder.opendata.xlsx_export import build_workbook, workbook_bytes
from builder.opendata.xlsx_import import ImportOptions, import_xlsx
from builder.project import open_project
from builder.yamlparse import UNPRINTABLE
from tests.opendata_support import FIXTURE

PROJECT = open_project(FIXTURE / "standards")
ENTRY = next(iter(load_standards(PROJECT).specialties.values()))
WHEN = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)

TRICKY = [
    "=1+1", "=cmd|' /C calc'!A0", "+86 10 1234", "-1", "@SUM(A1)", "\t=1", "\r=1", "060103",
    " 前导空格", "尾随空格 ", "a\r\nb", "第一行\n第二行", "x\ty", "1e10", "0\x85", "行\u2028分隔", ".NaN", "0o17", "TRUE", "2025-01-01",
    "_x000D_", "'引号", "=HYPERLINK(\"http://evil.example\",\"点我\")", "0.10", "１２３",
]  # fmt: skip
TEXT = st.one_of(
    st.sampled_from(TRICKY),
    st.text(
        st.characters(
            exclude_categories=("Cs", "Cc"),
            include_characters="\t\n\r\x85",
            exclude_characters="\ufffe\uffff",
        ),
        min_size=1,
        max_size=40,
    ),
).filter(lambda t: bool(t.strip()) and not UNPRINTABLE.search(t))


def _rewritten(doc: CompetencyList, texts: st.DrawFn) -> CompetencyList:
    domains = []
    for domain in doc.domains:
        tasks = []
        for task in domain.tasks:
            comps = [c.model_copy(update={"text": texts(TEXT)}) for c in task.competencies]
            tasks.append(
                task.model_copy(
                    update={"name": texts(TEXT), "description": texts(TEXT), "competencies": comps}
                )
            )
        domains.append(
            domain.model_copy(
                update={"name": texts(TEXT), "description": texts(TEXT), "tasks": tasks}
            )
        )
    meta = doc.meta.model_copy(update={"title": texts(TEXT)})
    return doc.model_copy(update={"domains": domains, "meta": meta})


@settings(
    max_examples=30,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # each example exports and imports
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(st.data())
def test_export_then_import_gives_back_exact_values(data: st.DataObject) -> None:
    listing = ENTRY.competencies[0]
    doc = _rewritten(listing.doc, data.draw)
    entry = dataclasses.replace(ENTRY, competencies=[dataclasses.replace(listing, doc=doc)])
    raw = workbook_bytes(build_workbook(entry, PROJECT.config), WHEN)
    with tempfile.TemporaryDirectory() as folder:
        book, out = Path(folder) / "book.xlsx", Path(folder) / "out.yaml"
        book.write_bytes(raw)
        result = import_xlsx(book, out, ImportOptions())
        assert result.diagnostics == [], result.diagnostics
        assert result.document is not None
        assert result.document.domains == doc.domains
        assert result.document.meta.title == doc.meta.title
        assert result.document.specialty == doc.specialty
