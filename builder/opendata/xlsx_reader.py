"""Read a 职业能力清单 sheet (工作领域｜工作任务｜职业能力｜学习水平) into the competency tree.

Blank 工作领域/工作任务 cells mean "same as the row above" (merged cells read as blanks), so
both hand-written sheets and `zhibiao export xlsx` output are understood. Every problem
becomes a diagnostic located at 工作表「…」第 N 行 X 列.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from builder.check.suggest import did_you_mean
from builder.config import ProjectConfig
from builder.diagnostics import Diagnostic
from builder.opendata import import_rules as rules
from builder.opendata import xlsx_layout as lay
from builder.rules import Rule

OUTCOME_TYPES = ("素质", "知识", "能力")
HEADER_SCAN = 10


def cell_text(value: Any) -> str:
    """A cell value as stripped text (integral numbers without `.0`, dates as ISO)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()[:10]
    return str(value).strip()


def where(sheet: str, row: int, column: int | None = None) -> str:
    """`工作表「职业能力清单」第 5 行 C 列`."""
    text = f"工作表「{sheet}」第 {row} 行"
    return f"{text} {lay.column_letter(column)} 列" if column else text


@dataclass(slots=True)
class _Node:
    """A domain or task being built, with the row it started on."""

    key: str
    name: str
    row: int
    code: str = ""
    code_column: int = 0
    description: str = ""
    tasks: list[_Node] = field(default_factory=list)
    competencies: list[_Competency] = field(default_factory=list)


@dataclass(slots=True)
class _Competency:
    row: int
    text: str
    level: str
    type: str
    code: str
    code_column: int


class SheetReader:
    """Turns the rows of one sheet into domains → tasks → competencies."""

    def __init__(self, file: str, sheet: str, config: ProjectConfig) -> None:
        self.file = file
        self.sheet = sheet
        self.config = config
        self.diagnostics: list[Diagnostic] = []
        self.columns: dict[str, int] = {}

    def problem(
        self, rule: Rule, row: int, column: int | None, message: str, hint: str | None = None
    ) -> None:
        """Record a diagnostic at a cell (or a whole row when `column` is None)."""
        self.diagnostics.append(
            rule.diag(
                self.file,
                f"{where(self.sheet, row, column)}：{message}",
                line=row,
                column=column or 1,
                hint=hint,
            )
        )

    def find_header(self, rows: list[tuple[int, list[str]]]) -> int | None:
        """Row number of the header; fills `columns`; None (and a diagnostic) when missing."""
        for number, cells in rows[:HEADER_SCAN]:
            if lay.DOMAIN in cells:
                self.columns = {}
                for index, text in enumerate(cells, start=1):
                    if text in lay.COMPETENCY_COLUMNS and text not in self.columns:
                        self.columns[text] = index
                missing = [name for name in lay.REQUIRED if name not in self.columns]
                if missing:
                    self.problem(
                        rules.HEADER,
                        number,
                        None,
                        f"表头缺少「{'」「'.join(missing)}」列",
                        hint=f"表头应为：{'｜'.join(lay.REQUIRED)}（另可有：{'、'.join(lay.OPTIONAL)}）",
                    )
                    return None
                return number
        first = rows[0][0] if rows else 1
        self.problem(
            rules.HEADER,
            first,
            None,
            f"前 {HEADER_SCAN} 行中没有含「{lay.DOMAIN}」的表头行",
            hint=f"第一行写表头：{'｜'.join(lay.REQUIRED)}",
        )
        return None

    def _get(self, cells: list[str], name: str) -> str:
        index = self.columns.get(name)
        return cells[index - 1] if index and index <= len(cells) else ""

    def read(self, rows: list[tuple[int, list[str]]], header: int) -> list[dict[str, Any]]:
        """The domains found after the header row (possibly with diagnostics recorded)."""
        domains: list[_Node] = []
        domain: _Node | None = None
        task: _Node | None = None
        for number, cells in rows:
            if number <= header or not any(self._get(cells, n) for n in lay.COMPETENCY_COLUMNS):
                continue
            found = self._domain(number, cells, domains, domain)
            if found is None:
                continue
            if found is not domain:
                domain, task = found, None
            domain.description = domain.description or self._get(cells, lay.DOMAIN_NOTE)
            task = self._task(number, cells, domain, task)
            if task is None:
                continue
            task.description = task.description or self._get(cells, lay.TASK_NOTE)
            competency = self._competency(number, cells)
            if competency is not None:
                task.competencies.append(competency)
        return self._assign_codes(domains)

    def _domain(
        self, number: int, cells: list[str], domains: list[_Node], domain: _Node | None
    ) -> _Node | None:
        dname, dcode = self._get(cells, lay.DOMAIN), self._get(cells, lay.DOMAIN_CODE)
        if not (dname or dcode):
            if domain is None:
                self._empty(number, lay.DOMAIN, "第一个数据行必须写明工作领域")
            return domain
        key = dcode or dname
        if domain is not None and key == domain.key:
            return domain
        previous = next((d for d in domains if d.key == key), None)
        if previous is not None:
            self._not_adjacent(number, lay.DOMAIN, dname or dcode, previous)
            return previous
        if not dname:
            self._empty(number, lay.DOMAIN, "工作领域名称为空")
        node = _Node(key, dname, number, dcode, self.columns.get(lay.DOMAIN_CODE, 0))
        domains.append(node)
        return node

    def _task(
        self, number: int, cells: list[str], domain: _Node, task: _Node | None
    ) -> _Node | None:
        tname, tcode = self._get(cells, lay.TASK), self._get(cells, lay.TASK_CODE)
        if not (tname or tcode):
            if task is None:
                self._empty(number, lay.TASK, "工作领域的第一行必须写明工作任务")
            return task
        key = tcode or tname
        if task is not None and key == task.key:
            return task
        previous = next((t for t in domain.tasks if t.key == key), None)
        if previous is not None:
            self._not_adjacent(number, lay.TASK, tname or tcode, previous)
            return previous
        if not tname:
            self._empty(number, lay.TASK, "工作任务名称为空")
        node = _Node(key, tname, number, tcode, self.columns.get(lay.TASK_CODE, 0))
        domain.tasks.append(node)
        return node

    def _competency(self, number: int, cells: list[str]) -> _Competency | None:
        text, level = self._get(cells, lay.COMPETENCY), self._get(cells, lay.LEVEL)
        kind = self._get(cells, lay.TYPE) or "能力"
        ok = True
        if not text:
            self._empty(number, lay.COMPETENCY, "职业能力描述为空")
            ok = False
        vocabulary = self.config.learning_levels
        if not level:
            self._empty(number, lay.LEVEL, "学习水平为空")
            ok = False
        elif level not in vocabulary:
            self.problem(
                rules.LEVEL,
                number,
                self.columns[lay.LEVEL],
                f"学习水平「{level}」不在词表中",
                hint=did_you_mean(level, vocabulary) or f"可用取值：{'、'.join(vocabulary)}",
            )
            ok = False
        if kind not in OUTCOME_TYPES:
            self.problem(
                rules.TYPE,
                number,
                self.columns.get(lay.TYPE),
                f"类型「{kind}」无效",
                hint=f"可用取值：{'、'.join(OUTCOME_TYPES)}（留空为能力）",
            )
            ok = False
        code = self._get(cells, lay.CODE)
        column = self.columns.get(lay.CODE, 0) if code else self.columns[lay.COMPETENCY]
        return _Competency(number, text, level, kind, code, column) if ok else None

    def _empty(self, number: int, column: str, message: str) -> None:
        self.problem(rules.EMPTY, number, self.columns.get(column), message)

    def _not_adjacent(self, number: int, column: str, name: str, first: _Node) -> None:
        self.problem(
            rules.STRUCTURE,
            number,
            self.columns.get(column),
            f"{column}「{name}」已在第 {first.row} 行出现，同一{column}的行必须相邻",
            hint="把这些行移到一起，或改用不同的名称/编码。",
        )

    def _assign_codes(self, domains: list[_Node]) -> list[dict[str, Any]]:
        """Fill in missing codes (derived from 1-2-3 style codes, else numbered) and check uniqueness."""
        seen: dict[str, int] = {}
        tree: list[dict[str, Any]] = []
        for d, domain in enumerate(domains, start=1):
            tasks: list[dict[str, Any]] = []
            for t, task in enumerate(domain.tasks, start=1):
                first = next((c.code for c in task.competencies if c.code), "")
                if not task.code and "-" in first:
                    task.code = first.rsplit("-", 1)[0]
                if not domain.code and "-" in task.code:
                    domain.code = task.code.rsplit("-", 1)[0]
                domain.code = domain.code or str(d)
                task.code = task.code or f"{domain.code}-{t}"
                comps = []
                for c, comp in enumerate(task.competencies, start=1):
                    comp.code = comp.code or f"{task.code}-{c}"
                    self._unique(seen, comp.code, comp.row, comp.code_column, "能力编码")
                    row = {"code": comp.code, "text": comp.text, "level": comp.level}
                    if comp.type != "能力":
                        row = {
                            "code": comp.code,
                            "text": comp.text,
                            "type": comp.type,
                            "level": comp.level,
                        }
                    comps.append(row)
                self._unique(seen, task.code, task.row, task.code_column, "任务编码")
                tasks.append(_named(task, {"competencies": comps}))
            domain.code = domain.code or str(d)
            self._unique(seen, domain.code, domain.row, domain.code_column, "领域编码")
            tree.append(_named(domain, {"tasks": tasks}))
        return tree

    def _unique(self, seen: dict[str, int], code: str, row: int, column: int, what: str) -> None:
        scoped = f"{what}:{code}"
        if scoped in seen:
            self.problem(
                rules.STRUCTURE,
                row,
                column or None,
                f"{what}「{code}」与第 {seen[scoped]} 行重复",
                hint="每个编码只能出现一次；留空则按顺序自动编号。",
            )
        else:
            seen[scoped] = row


def _named(node: _Node, children: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {"code": node.code, "name": node.name}
    if node.description:
        row["description"] = node.description
    row.update(children)
    return row
