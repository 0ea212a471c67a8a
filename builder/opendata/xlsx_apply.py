"""Apply one edited table sheet to the round-trip YAML of a specialty's documents.

Rows are matched by their hidden key (`xlsx_rows`); a cell is parsed only when its text
differs from what the export wrote, so only edited fields change. Rows without a key (or
with a key already used above: a copied row) are added, rows missing from the sheet are
deleted, and the list takes the order of the sheet. New rows without a code get the next
one by the scheme of their neighbours (M3 after M2, ZH08 after ZH07, M2-4 after M2-3).
"""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from builder.opendata import update_rules as rules
from builder.opendata.xlsx_cells import ABSENT, CellProblem, parse, shown_text
from builder.opendata.xlsx_grid import Grid
from builder.opendata.xlsx_session import Doc, Origin, Original, Session, owner_model
from builder.opendata.xlsx_sheets import parent_title
from builder.opendata.xlsx_tables import DOC_COLUMN, Column, Table
from builder.opendata.yaml_edit import drop_key, node, replace_items, set_key, unwrap, walk

_NUMBERED = re.compile(r"^(.*?)(\d+)$")


class TableImport:
    """The import of one table sheet."""

    def __init__(self, session: Session, table: Table, grid: Grid) -> None:
        self.s = session
        self.table = table
        self.grid = grid
        self.fields = {
            c.field: grid.columns[c.title] for c in table.columns if c.title in grid.columns
        }
        doc_title = DOC_COLUMN.get(table.kind)
        self.doc_column = grid.columns.get(doc_title) if doc_title else None
        title = parent_title(table)
        self.parent_column = grid.columns.get(title) if title else None
        self.order = list(table.model.model_fields)
        self.desired: dict[int, list[Any]] = {}
        self.containers: dict[int, Any] = {}
        self.before: dict[int, list[Any]] = {}
        self.carried: dict[int, str] = {}

    def _above(self, cells: list[str], column: int | None) -> str:
        """A 课程代码 or parent code; blank on a new row means "as the row above"."""
        return self.grid.text(cells, column).strip() or self.carried.get(column or 0, "")

    def _carry(self, cells: list[str]) -> None:
        for column in (self.doc_column, self.parent_column):
            text = self.grid.text(cells, column).strip()
            if column and text:
                self.carried[column] = text

    def run(self) -> None:
        """Read every row, then give each list its new items."""
        originals = self.s.originals[self.table.id]
        for original in originals.values():
            container = unwrap(walk(original.doc.data, original.row.path[:-1]))
            if original.parent is not None:
                container = self._list_of(original.parent)
            self._track(container)
        used: set[str] = set()
        key_column = self.grid.columns[self.table.key_header]
        for number, cells in self.grid.data():
            key = self.grid.text(cells, key_column).strip()
            if key.startswith("#") or not any(c.strip() for c in cells):
                continue
            if key.partition("#")[0] in self.s.skipped:
                continue
            self._carry(cells)
            if key and key not in used and key in originals:
                used.add(key)
                self._keyed(number, cells, originals[key])
            elif key and key not in used and key not in originals:
                self.s.report(
                    rules.BAD_KEY,
                    self.grid,
                    number,
                    key_column,
                    f"隐藏键「{key[:60]}」不对应任何行",
                    "请勿修改隐藏的键列；新增的行键列留空。",
                )
            else:
                self._added(number, cells)
        self._finish()

    def _list_of(self, owner: Any) -> Any:
        return unwrap(walk(owner, self.table.path))

    def _track(self, container: Any) -> None:
        if isinstance(container, list) and id(container) not in self.containers:
            self.containers[id(container)] = container
            self.before[id(container)] = list(container)
            self.desired[id(container)] = []

    def _cell(self, number: int, cells: list[str], column: Column) -> tuple[bool, str]:
        """(readable, text) of a field's cell; a formula without a result is reported."""
        index = self.fields[column.field]
        formula = self.grid.formulas.get((number, index))
        if formula is not None:
            self.s.report(
                rules.FORMULA,
                self.grid,
                number,
                index,
                f"公式 {formula[:40]} 没有保存的计算结果，导入不执行公式",
                "在表格软件中重新计算并保存，或直接填写数值。",
            )
            return False, ""
        return True, self.grid.text(cells, index)

    def _value(self, number: int, column: Column, text: str) -> Any:
        """The parsed value, `ABSENT`, or None after reporting a problem."""
        index = self.fields[column.field]
        try:
            value = parse(column, text)
        except CellProblem as problem:
            self.s.report(
                rules.BAD_VALUE,
                self.grid,
                number,
                index,
                f"{column.title}：{problem.message}",
                problem.hint or "",
            )
            return None
        if value is ABSENT and column.required:
            self.s.report(rules.REQUIRED, self.grid, number, index, f"「{column.title}」不能为空")
            return None
        return value

    def _keyed(self, number: int, cells: list[str], original: Original) -> None:
        if not self._same_owner(number, cells, original):
            return
        mapping = original.mapping
        container = (
            self._list_of(original.parent)
            if original.parent is not None
            else unwrap(walk(original.doc.data, original.row.path[:-1]))
        )
        for column in self.table.columns:
            if column.field not in self.fields:
                continue
            readable, text = self._cell(number, cells, column)
            if not readable or text == shown_text(column, original.row.item):
                continue
            value = self._value(number, column, text)
            if value is None:
                continue
            if value is ABSENT:
                drop_key(mapping, column.field)
            else:
                set_key(mapping, column.field, node(value, column.code), self.order)
            self._changed(original.doc, f"修改 {self._label(mapping)}的「{column.title}」", number)
        self.s.origins[id(mapping)] = Origin(self.grid.title, number, self.fields)
        self.desired.setdefault(id(container), []).append(mapping)

    def _same_owner(self, number: int, cells: list[str], original: Original) -> bool:
        """False (reported) when the row's 课程代码 or parent code was changed."""
        checks: list[tuple[int | None, list[str], str]] = []
        if self.doc_column is not None:
            code = str(original.doc.data.get("code", ""))
            checks.append((self.doc_column, [code], DOC_COLUMN[self.table.kind]))
        if self.parent_column is not None and original.parent is not None:
            before = str(getattr(original.row.parent, "code", ""))
            checks.append((self.parent_column, [before, str(original.parent.get("code", ""))], ""))
            if id(original.parent) in self.s.deleted:
                self.s.report(
                    rules.PARENT, self.grid, number, self.parent_column,
                    f"所属的「{before}」已在「{self.table.parent.sheet if self.table.parent else ''}」"
                    "表中删除，这一行不能保留",
                    "一并删除这一行，或保留它所属的行。",
                )  # fmt: skip
                return False
        for column, allowed, _ in checks:
            text = self.grid.text(cells, column).strip()
            if text and text not in allowed:
                self.s.report(
                    rules.PARENT, self.grid, number, column,
                    f"已有的行不能改到「{text}」之下（原为「{allowed[0]}」）",
                    "删除这一行，再在目标处新增一行。",
                )  # fmt: skip
                return False
        return True

    def _added(self, number: int, cells: list[str]) -> None:
        doc = self._target_doc(number, cells)
        if doc is None:
            return
        owner = doc.data
        if self.table.parent is not None:
            owner = self._parent(number, cells, doc)
            if owner is None:
                return
        container = self._container(owner, doc)
        mapping = CommentedMap()
        ok = True
        for column in self.table.columns:
            if column.field not in self.fields:
                if column.required and not (column.field == "code" and self.table.invents_codes):
                    self.s.report(
                        rules.REQUIRED, self.grid, number, None,
                        f"新增的行需要「{column.title}」列，工作表中没有这一列",
                    )  # fmt: skip
                    ok = False
                continue
            readable, text = self._cell(number, cells, column)
            if not readable:
                ok = False
                continue
            if not text.strip() and column.field == "code" and self.table.invents_codes:
                continue
            value = self._value(number, column, text)
            if value is None:
                ok = False
            elif value is not ABSENT:
                set_key(mapping, column.field, node(value, column.code), self.order)
        if not ok:
            return
        invented = ""
        if "code" in self.table.model.model_fields and "code" not in mapping:
            invented = self._invent(container, owner)
            set_key(mapping, "code", node(invented, True), self.order)
        note = f"（编码按规律编为 {invented}）" if invented else ""
        self._changed(doc, f"新增 {self._label(mapping)}{note}", number)
        self.s.origins[id(mapping)] = Origin(self.grid.title, number, self.fields)
        self.desired.setdefault(id(container), []).append(mapping)

    def _target_doc(self, number: int, cells: list[str]) -> Doc | None:
        docs = self.s.of_kind(self.table.kind)
        if self.doc_column is None:
            if len(docs) == 1 or (docs and self.table.kind not in DOC_COLUMN):
                return docs[0]
            self.s.report(rules.PARENT, self.grid, number, None, "无法确定新增的行属于哪个文件")
            return None
        code = self._above(cells, self.doc_column)
        found = next((d for d in docs if str(d.data.get("code", "")) == code), None)
        if found is None:
            title = DOC_COLUMN[self.table.kind]
            known = "、".join(str(d.data.get("code", "")) for d in docs)
            self.s.report(
                rules.PARENT, self.grid, number, self.doc_column,
                f"{title}「{code}」没有对应的文件" if code else f"新增的行须写明{title}",
                f"已有：{known}" if known else "",
            )  # fmt: skip
        return found

    def _parent(self, number: int, cells: list[str], doc: Doc) -> Any | None:
        assert self.table.parent is not None
        parent_table = self.table.parent
        code = self._above(cells, self.parent_column)
        owners = [doc.data] if parent_table.parent is None else []
        for owner in owners:
            items = unwrap(walk(owner, parent_table.path))
            if isinstance(items, list):
                for item in items:
                    if isinstance(item, dict) and str(item.get("code", "")) == code and code:
                        return item
        title = parent_title(self.table) or ""
        self.s.report(
            rules.PARENT, self.grid, number, self.parent_column,
            f"{title}「{code}」不存在" if code else f"新增的行须写明{title}",
            f"先在「{parent_table.sheet}」表中新增它，或改为已有的{title}。",
        )  # fmt: skip
        return None

    def _container(self, owner: Any, doc: Doc) -> Any:
        """The list the new row goes into, created (or made a list) when absent or 原文未给出."""
        holder = walk(owner, self.table.path[:-1])
        name = self.table.path[-1]
        current = unwrap(holder.get(name)) if isinstance(holder, dict) else None
        if isinstance(current, list):
            self._track(current)
            return current
        created = CommentedSeq()
        set_key(holder, name, created, list(owner_model(self.table).model_fields))
        self._track(created)
        doc.changed = True
        return created

    def _invent(self, container: list[Any], owner: Any) -> str:
        siblings = [*container, *self.desired.get(id(container), [])]
        codes = {str(m.get("code")) for m in siblings if isinstance(m, dict) and m.get("code")}
        numbered = [_NUMBERED.match(c) for c in sorted(codes)]
        last = next((str(m.get("code")) for m in reversed(siblings) if isinstance(m, dict)), "")
        match = _NUMBERED.match(last)
        if match:
            prefix, digits = match.group(1), match.group(2)
            n = max(int(m.group(2)) for m in numbered if m and m.group(1) == prefix)
        else:
            base = str(owner.get("code", "")) if self.table.parent is not None else ""
            prefix, digits, n = (f"{base}-" if base else ""), "1", 0
        while True:
            n += 1
            code = f"{prefix}{n:0{len(digits)}d}"
            if code not in codes:
                return code

    def _label(self, mapping: Any) -> str:
        name = next(
            (mapping.get(k) for k in ("code", "name", "type", "title") if mapping.get(k)), ""
        )
        return f"{self.table.sheet}「{str(name)[:30]}」" if name else self.table.sheet

    def _changed(self, doc: Doc, what: str, number: int) -> None:
        doc.changed = True
        self.s.changes.append(f"{doc.file}：{what}（工作表「{self.grid.title}」第 {number} 行）")

    def _finish(self) -> None:
        for key, container in self.containers.items():
            desired = self.desired.get(key, [])
            kept = {id(m) for m in desired}
            for item in self.before[key]:
                if id(item) not in kept:
                    self.s.deleted.add(id(item))
                    doc = self._doc_of(item)
                    if doc is not None:
                        doc.changed = True
                        self.s.changes.append(f"{doc.file}：删除 {self._label(item)}")
            self._duplicates(desired)
            if [id(x) for x in container] != [id(x) for x in desired]:
                replace_items(container, desired)

    def _doc_of(self, item: Any) -> Doc | None:
        for original in self.s.originals[self.table.id].values():
            if original.mapping is item:
                return original.doc
        return None

    def _duplicates(self, items: list[Any]) -> None:
        if "code" not in self.table.model.model_fields:
            return
        seen: dict[str, int] = {}
        for item in items:
            code = str(item.get("code", ""))
            origin = self.s.origins.get(id(item))
            if code in seen and origin is not None:
                self.s.report(
                    rules.DUPLICATE, self.grid, origin.row, self.fields.get("code"),
                    f"编码「{code}」与第 {seen[code]} 行重复",
                    "每个编码只能出现一次；新增的行编码留空时自动编号。",
                )  # fmt: skip
            elif origin is not None:
                seen[code] = origin.row
