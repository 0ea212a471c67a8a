"""What the drafter changed: the returned working copy against the reference rendering.

The reference is the working copy the current YAML renders to; its containers (table rows,
body paragraphs) are found in the returned file by their bookmarks. A field whose text
differs from the reference is an edit; a home row that is gone is a removed item; a row
copied or inserted into a table of items (or a list paragraph copied) is a new item.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from builder.base.rules import Rule
from builder.docx.marks import ROW_SUFFIX
from builder.drafting import rules
from builder.drafting.changes import (
    Addition,
    Changes,
    Problem,
    get,
    is_choice,
    list_title,
    next_code,
)
from builder.drafting.containers import (
    Container,
    fields_of,
    group,
    is_front,
    read_cell,
    template,
)
from builder.drafting.values import NotReadable, Token, decode, item_of, slot, tokens
from builder.drafting.wordread import Para, WordFile
from builder.model.introspect import nested_model


class _Reader:
    """One comparison of a returned working copy with its reference rendering."""

    def __init__(self, reference: WordFile, returned: WordFile, model: type[BaseModel], data: Any):
        self.model = model
        self.data = data
        self.ref = group(reference.paragraphs)
        self.got = group(returned.paragraphs)
        self.out = Changes()
        self.by_mark: dict[str, int] = {}
        for index, container in enumerate(self.ref):
            for name in container.bookmarks():
                self.by_mark[name] = index
        self.matched: dict[int, int] = {}  # returned container → reference container
        self.continued: set[int] = set()  # returned paragraphs added to a text field
        self.values: dict[str, list[tuple[str, Container, Para]]] = {}

    # -- matching -------------------------------------------------------------------
    def match(self) -> None:
        taken: set[int] = set()
        for g, container in enumerate(self.got):
            if all(p.removed for p in container.paras):
                continue  # deleted with track changes on: as if accepted
            for name in container.bookmarks():
                r = self.by_mark.get(name)
                if r is not None and r not in taken:
                    taken.add(r)
                    self.matched[g] = r
                    break

    # -- fields ---------------------------------------------------------------------
    def read_fields(self) -> None:
        text_field: str | None = None  # the text field of the last body paragraph read
        for g, got in enumerate(self.got):
            r = self.matched.get(g)
            if r is None:
                if text_field is not None and self._continues(got, text_field):
                    self.values[text_field].append((got.text(), got, got.first))
                    self.continued.add(g)
                    continue
                if got.text().strip() or got.table:
                    text_field = None
                continue
            ref = self.ref[r]
            text_field = self._text_field(ref)
            columns = got.columns()
            for column, paras in ref.columns().items():
                pieces = template(paras)
                if not fields_of(pieces):
                    continue
                there = columns.get(column, [])
                found = read_cell(pieces, there) if there else None
                anchor = (there or got.paras)[0]
                if found is None:
                    self._problem(
                        rules.IGNORED,
                        "此处的格式已改变（编码、名称之间的空格或括号被删改），无法分辨各项，未导入此处的改动",
                        anchor,
                        hint=f"原来的样子是「{''.join(t for t, _ in pieces)}」；请按原样保留编码、名称之间的分隔。",
                    )
                    continue
                for path, text in found:
                    self.values.setdefault(path, []).append((text, got, anchor))
                    self.out.places.setdefault(path, (anchor.where, anchor.element))

    def _text_field(self, ref: Container) -> str | None:
        """The field a body paragraph wholly consists of (one paragraph of a text), if any."""
        if ref.table or ref.homes():
            return None
        pieces = template(ref.paras)
        if len(pieces) != 1 or pieces[0][1] is None:
            return None
        return pieces[0][1]

    def _continues(self, got: Container, path: str) -> bool:
        """A paragraph the drafter added after a paragraph of a text field (Enter at its end):
        same style, new text."""
        before = self.values.get(path)
        if not before or got.table or not got.text().strip():
            return False
        if got.first.style != before[-1][2].style:
            return False
        return got.text() not in {c.text() for c in self.ref}

    def compare(self, removed: set[str]) -> None:
        reference: dict[str, list[tuple[str, Container]]] = {}
        for container in self.ref:
            for paras in container.columns().values():
                for path, text in fields_of(template(paras)):
                    reference.setdefault(path, []).append((text, container))
        for path, before in reference.items():
            if any(path == item or path.startswith((item + ".", item + "[")) for item in removed):
                continue
            after = self.values.get(path, [])
            if [t for t, _, _ in after] == [t for t, _ in before]:
                continue
            if not after and all(is_front(c) for _, c in before):
                continue  # a cover or 前言 line this copy does not print (a forced export's)
            parts = all(c.table == 0 for _, c in before)
            if parts:
                if not after and len(before) > 1:
                    continue
                text = "\n\n".join(t.strip() for t, _, _ in after if t.strip())
                place = after[0][2] if after else None
            else:
                if not after:
                    continue
                original = before[0][0]
                changed = list(dict.fromkeys(t for t, _, _ in after if t != original))
                if not changed:
                    continue
                if len(changed) > 1:
                    for t, _, para in after:
                        if t != original:
                            self._problem(
                                rules.CONFLICT,
                                f"此项在 {len(after)} 处出现，改成了不同的内容（{'、'.join(f'「{c}」' for c in changed)}），未导入",
                                para,
                                hint="请把各处改成一致的文字。",
                            )
                    continue
                text = changed[0]
                place = next(para for t, _, para in after if t == text)
            if "\n" in before[0][0] and "\n" not in str(get(self.data, tokens(path)) or ""):
                text = text.replace("\n", "")  # a line break of the layout (the cover's title)
            self._edit(path, text, place)

    def _edit(self, path: str, text: str, place: Para | None) -> None:
        parts = tokens(path)
        field_slot = slot(self.model, parts)
        if field_slot is None:
            return
        try:
            value = decode(text, field_slot)
        except NotReadable as exc:
            self._problem(rules.VALUE, f"「{text.strip()}」无法读作此项的值：{exc}", place)
            return
        if value == get(self.data, parts) or (value is None and get(self.data, parts) is None):
            return
        self.out.edits[parts] = value

    # -- items ----------------------------------------------------------------------
    def removals(self) -> set[str]:
        present = set(self.matched.values())
        removed: set[str] = set()
        for r, container in enumerate(self.ref):
            if r in present:
                continue
            for item in container.homes():
                if any(item.startswith((gone + ".", gone + "[")) for gone in removed):
                    continue
                removed.add(item)
                self.out.removals.append(tokens(item))
                anchor = self._near(r)
                code = self._code(tokens(item))
                self._problem(
                    rules.REMOVED,
                    f"删除了{self._label(tokens(item))}{f' {code}' if code else ''}（原在{container.where}）",
                    anchor,
                )
        return removed

    def additions(self) -> None:
        previous: int | None = None  # the last returned container with a home, by reference
        home_tables: dict[int, int] = {}  # returned table → reference table (rows with homes)
        for g, container in enumerate(self.got):
            r = self.matched.get(g)
            if g in self.continued:
                continue
            if r is not None:
                if self.ref[r].homes():
                    previous = r
                    if container.table:
                        home_tables[container.table] = self.ref[r].table
                elif container.table == 0:
                    previous = None
                continue
            if not container.text().strip():
                continue
            tagged = [
                item_of(t.removesuffix(ROW_SUFFIX))
                for p in container.paras
                for t in p.tags
                if t.endswith(ROW_SUFFIX)
            ]
            source = self._home_of(tagged[0]) if tagged else None
            if source is None and previous is not None:
                same_table = (
                    container.table and home_tables.get(container.table) == self.ref[previous].table
                )
                same_body = container.table == 0 and self.ref[previous].table == 0
                if same_table or same_body:
                    source = previous
            if source is None:
                if container.table == 0 or container.table in home_tables:
                    self._unplaced(container)
                continue
            if self._is_fixed(container):
                continue
            if container.table == 0 and container.first.style != self.ref[source].first.style:
                self._unplaced(container)  # a heading or a note, not another item of the list
                continue
            self._add(container, self.ref[source])
            previous = source if container.table else previous

    def _is_fixed(self, container: Container) -> bool:
        """A heading, a header or 合计 row, a generated sentence of the reference: unchanged
        text that holds no field."""
        kind = bool(container.table)
        texts = {c.text() for c in self.ref if not c.bookmarks() and bool(c.table) == kind}
        return container.text() in texts

    def _unplaced(self, container: Container) -> None:
        """Warn about text typed outside every field: a paragraph in the style of the
        document's marked text (body text, list items, table cells) that the reference does
        not have. Cover lines, banners (e.g. the 未通过检查 notice of a forced export) and
        headings are the document's own, not the drafter's."""
        texts = {c.text() for c in self.ref}
        styles = {p.style for c in self.ref if c.bookmarks() and not is_front(c) for p in c.paras}
        if container.text() in texts or container.first.style not in styles:
            return
        self._problem(
            rules.IGNORED,
            "这段文字不属于标准中的任何一项，导入时被忽略",
            container.first,
            hint="请把内容写进相应条目或表格中；需要新的章节时请告诉秘书处。",
        )

    def _home_of(self, item: str) -> int | None:
        for r, container in enumerate(self.ref):
            if item in container.homes():
                return r
        return None

    def _add(self, container: Container, source: Container) -> None:
        item = source.homes()[0]
        parts = tokens(item)
        into, index = parts[:-1], parts[-1]
        assert isinstance(index, int)
        columns = container.columns()
        texts: dict[str, str] = {}
        for column, paras in source.columns().items():
            pieces = template(paras)
            if not fields_of(pieces):
                continue
            found = read_cell(pieces, columns.get(column, []))
            if found is None and column in columns:
                found = self._loose(pieces, columns[column])
            for path, text in found or []:
                if path == item:
                    texts[""] = text
                elif path.startswith(item + "."):
                    texts[path[len(item) + 1 :]] = text
        value = self._new_value(into, index, texts, container)
        if value is None:
            return
        after = index
        self.out.additions.append(
            Addition(into, after, value, container.where, container.first.element)
        )

    def _loose(
        self, pieces: list[tuple[str, str | None]], paras: list[Para]
    ) -> list[tuple[str, str]]:
        """A new row typed into an empty cell: the whole text is the cell's first field (a
        code cell left empty then gets the next code)."""
        wanted = [tag for _, tag in pieces if tag is not None]
        text = "\n".join(p.text for p in paras)
        return [(wanted[-1], text)] if wanted else []

    def _new_value(
        self, into: tuple[Token, ...], index: int, texts: dict[str, str], container: Container
    ) -> Any:
        where = container.first
        if "" in texts:  # a list of texts
            return texts[""].strip()
        item_slot = slot(self.model, (*into, 0))
        model = nested_model(item_slot.annotation) if item_slot else None
        if model is None:
            return None
        value: dict[str, Any] = {}
        siblings = get(self.data, into) or []
        template_item = siblings[index] if index < len(siblings) else {}
        for name in model.model_fields:
            if name in texts:
                field_slot = slot(self.model, (*into, 0, name))
                if field_slot is None:
                    continue
                try:
                    decoded = decode(texts[name], field_slot)
                except NotReadable as exc:
                    self._problem(
                        rules.VALUE, f"「{texts[name].strip()}」无法读作此项的值：{exc}", where
                    )
                    return None
                if decoded is not None and decoded != []:
                    value[name] = decoded
            elif model.model_fields[name].is_required() and name in template_item:
                kept = template_item[name]
                if isinstance(kept, str) and is_choice(model, name):
                    value[name] = kept
        if "code" in model.model_fields:
            codes = [s.get("code") for s in siblings if isinstance(s, dict)]
            codes += [
                a.value.get("code")
                for a in self.out.additions
                if a.into == into and isinstance(a.value, dict)
            ]
            given = value.get("code")
            if not given or given in codes:
                made = next_code(str(template_item.get("code", "")), [str(c) for c in codes if c])
                if made is None:
                    self._problem(
                        rules.INVALID,
                        "新增的一项没有编码，也无法按同一列表的编号规则给出，请填写编码",
                        where,
                    )
                    return None
                value["code"] = made
            ordered = {k: value[k] for k in model.model_fields if k in value}
            value = ordered
        label = self._label((*into, 0))
        self._problem(
            rules.ADDED,
            f"新增{label}{' ' + value['code'] if 'code' in value else ''}（{container.where}）",
            where,
        )
        return value

    # -- helpers --------------------------------------------------------------------
    def _code(self, parts: tuple[Token, ...]) -> str:
        found = get(self.data, parts)
        return str(found.get("code", "")) if isinstance(found, dict) else ""

    def _label(self, parts: tuple[Token, ...]) -> str:
        """The title of a list's items (课程设置, 职业能力 …) from the model."""
        return list_title(self.model, parts)

    def _near(self, r: int) -> Para | None:
        """The returned paragraph nearest before where reference container `r` was."""
        inverse = {ref: g for g, ref in self.matched.items()}
        for before in range(r - 1, -1, -1):
            if before in inverse:
                return self.got[inverse[before]].first
        return self.got[0].first if self.got else None

    def _problem(
        self, rule: Rule, message: str, para: Para | None, *, hint: str | None = None
    ) -> None:
        self.out.problems.append(
            Problem(rule, message, para.where if para else "", para.element if para else None, hint)
        )


def read_changes(
    reference: WordFile, returned: WordFile, model: type[BaseModel], data: Any
) -> Changes:
    """Compare the returned working copy with the reference rendering of `data`."""
    reader = _Reader(reference, returned, model, data)
    reader.match()
    if not reader.matched:
        return reader.out
    removed = reader.removals()
    reader.read_fields()
    reader.compare(removed)
    reader.additions()
    return reader.out
