"""Turn pydantic validation errors into diagnostics with Chinese messages and hints."""

from __future__ import annotations

import difflib
from functools import cache
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from builder.base.diagnostics import DataPath, Diagnostic, Severity
from builder.base.rules import declare
from builder.model import KINDS

SCHEMA = declare(
    "ZB101",
    "schema",
    Severity.ERROR,
    "值不符合数据模型",
    """
    字段的类型或取值不符合该类文件的数据模型（schemas/ 下的 JSON Schema），例如学时写成了文字、
    课程性质不在“公共基础/专业基础/专业核心/专业拓展/实践”之中、列表为空。
    """,
    "hours: 六十四   # 应为整数 64",
)
UNQUOTED_CODE = declare(
    "ZB102",
    "unquoted-code",
    Severity.ERROR,
    "编码被读成了数字",
    """
    专业代码、课程代码等编码必须是字符串。不加引号的 060103 会被 YAML 读成数字 60103，
    前导零丢失。请给编码加引号。
    """,
    'code: 510209      # 错误\ncode: "510209"    # 正确',
)
UNKNOWN_FIELD = declare(
    "ZB103",
    "unknown-field",
    Severity.ERROR,
    "未知字段",
    """
    数据模型中没有这个字段，通常是拼写错误或缩进错误。提示中给出最接近的合法字段名。
    """,
    "hour: 64   # 应为 hours",
)
MISSING_FIELD = declare(
    "ZB104",
    "missing-field",
    Severity.ERROR,
    "缺少必填字段",
    "该类文件要求的字段没有填写。用 `zhibiao new` 生成的骨架包含全部必填字段。",
)

_TYPE_NAMES = {
    "string_type": "文本（字符串）",
    "int_type": "整数",
    "int_from_float": "整数",
    "float_type": "数字",
    "finite_number": "有限的数字（不能是 .inf 或 .nan）",
    "bool_type": "true 或 false",
    "list_type": "列表",
    "dict_type": "映射（键: 值）",
    "model_type": "映射（键: 值）",
    "model_attributes_type": "映射（键: 值）",
    "date_type": "日期（YYYY-MM-DD）",
}


def diagnostics_from_error(kind: str, file: str, error: ValidationError) -> list[Diagnostic]:
    """Convert every error of a pydantic validation of a `kind` document into diagnostics."""
    return diagnostics_for_model(KINDS[kind], file, error)


def diagnostics_for_model(
    model: type[BaseModel], file: str, error: ValidationError
) -> list[Diagnostic]:
    """Convert every error of a pydantic validation into a diagnostic with a data path.

    Missing fields of one mapping are reported together, so a nearly empty file gives one
    diagnostic instead of fifteen; a missing field that an unknown field of the same mapping
    most likely misspells (`supervisor` for `supervisors`) is left to that ZB103.
    """
    found: list[Diagnostic] = []
    details = error.errors(include_url=False)
    missing: dict[DataPath, list[str]] = {}
    for detail in details:
        path: DataPath = tuple(detail["loc"])
        if detail["type"] == "missing":
            missing.setdefault(path[:-1], []).append(str(path[-1]))
    for detail in details:
        if detail["type"] != "missing":
            diagnostic = _convert(model, file, detail, missing)
            found.append(diagnostic)
    for parent, keys in missing.items():
        if not keys:
            continue
        names = [_field_label(model, (*parent, key)) for key in keys]
        found.append(
            MISSING_FIELD.diag(
                file,
                f"缺少必填字段{'、'.join(names)}",
                path=(*parent, _MISSING),
                hint="补上这些字段；`zhibiao new` 生成的骨架含全部必填字段。"
                if len(names) > 1
                else "补上该字段；`zhibiao new` 生成的骨架含全部必填字段。",
            )
        )
    return found


MISSING_KEY = _MISSING = "\x00missing"
"""Last part of the data path of a ZB104 diagnostic: no key is named so, so the position
falls back to the mapping that lacks the field."""


def _convert(
    model: type[BaseModel],
    file: str,
    detail: ErrorDetails,
    missing: dict[DataPath, list[str]] | None = None,
) -> Diagnostic:
    path: DataPath = tuple(detail["loc"])
    kind_type = detail["type"]
    value = detail.get("input")
    if path and path[-1] == "[key]":  # a dict key, e.g. numeric_rules.levels.高职
        path = path[:-1]
        return SCHEMA.diag(
            file,
            f"键{_actual(path[-1])}无效" + _expected_suffix(detail),
            path=path,
            hint=_hint(detail),
        )
    name = _field_label(model, path)
    if kind_type == "extra_forbidden":
        allowed = _allowed_fields(model, path[:-1])
        close = difflib.get_close_matches(str(path[-1]), allowed, n=1)
        hint = f"是否应为「{close[0]}」？" if close else f"可用字段：{'、'.join(allowed)}"
        absent = (missing or {}).get(path[:-1], [])
        if close and close[0] in absent:
            absent.remove(close[0])  # reported here instead of as a separate ZB104
            hint = f"是否应为「{close[0]}」？该字段是必填的。"
        return UNKNOWN_FIELD.diag(file, f"未知字段「{path[-1]}」", path=path, hint=hint)
    if (
        kind_type == "string_type"
        and isinstance(value, int | float)
        and not isinstance(value, bool)
    ):
        return UNQUOTED_CODE.diag(
            file,
            f"{name}应为文本（字符串），却被读成了数字 {value}",
            path=path,
            hint="给值加上引号。",
        )
    return SCHEMA.diag(file, _message(kind_type, name, detail), path=path, hint=_hint(detail))


def _expected_suffix(detail: ErrorDetails) -> str:
    expected = str((detail.get("ctx") or {}).get("expected", ""))
    return f"，应为{_choices(expected)}之一" if expected else f"：{detail['msg']}"


def _message(kind_type: str, name: str, detail: ErrorDetails) -> str:
    ctx: dict[str, Any] = dict(detail.get("ctx") or {})
    value = _actual(detail.get("input"))
    if kind_type in _TYPE_NAMES:
        return f"{name}应为{_TYPE_NAMES[kind_type]}，实际为{value}"
    if kind_type == "literal_error":
        gap = "" if value.endswith("」") else " "
        return f"{name}的取值{value}{gap}无效" + _expected_suffix(detail)
    if kind_type in {"greater_than_equal", "greater_than", "less_than_equal", "less_than"}:
        sign = {"greater_than_equal": "≥", "greater_than": ">", "less_than_equal": "≤"}.get(
            kind_type, "<"
        )
        bound = next(iter(ctx.values()), "")
        if isinstance(bound, float) and bound.is_integer():
            bound = int(bound)
        return f"{name}应 {sign} {bound}，实际为{value}"
    if kind_type == "too_short":
        return f"{name}至少需要 {ctx.get('min_length', 1)} 项"
    if kind_type == "string_too_short":
        return f"{name}不能为空"
    if kind_type == "too_long" or kind_type == "string_too_long":
        return f"{name}过长（上限 {ctx.get('max_length', '')}）"
    if kind_type in {"date_from_datetime_parsing", "date_parsing", "date_from_datetime_inexact"}:
        return f"{name}应为日期 YYYY-MM-DD，实际为{value}"
    return f"{name}：{str(detail['msg']).removeprefix('Value error, ')}"


def _choices(expected: str) -> str:
    return "、".join(f"「{option}」" for option in _options(expected))


def _options(expected: str) -> list[str]:
    return [part.strip(" '") for part in expected.replace(" or ", ",").split(",") if part.strip()]


def _hint(detail: ErrorDetails) -> str | None:
    if detail["type"] == "list_type":
        return "列表写作 [甲, 乙]，或每项单独一行、以“- ”开头。"
    if detail["type"] == "literal_error":
        options = _options(str((detail.get("ctx") or {}).get("expected", "")))
        close = difflib.get_close_matches(str(detail.get("input")), options, n=1, cutoff=0.3)
        if close:
            return f"是否应为「{close[0]}」？"
    return None


def _actual(value: object) -> str:
    """`value` ready to follow 实际为: Chinese words and 「text」 directly, numbers after a space."""
    shown = _show(value)
    return shown if shown.startswith("「") or not shown.isascii() else f" {shown}"


def _show(value: object) -> str:
    if isinstance(value, dict):
        return "映射"
    if isinstance(value, list):
        return "列表"
    if value is None:
        return "空值"
    if isinstance(value, bool):
        text = "true" if value else "false"
    else:
        text = str(value).replace("\n", " ")
    text = text if len(text) <= 40 else text[:39] + "…"
    return f"「{text}」" if isinstance(value, str) else text


def _field_label(model: type[BaseModel], path: DataPath) -> str:
    key = next((part for part in reversed(path) if isinstance(part, str)), None)
    if key is None:
        return "该项"
    title = _node(model, path).get("title") if path and path[-1] == key else None
    generated = str(key).replace("_", " ").title()  # pydantic's default title, not a label
    return f"「{key}」（{title}）" if title and title not in {key, generated} else f"「{key}」"


def _allowed_fields(model: type[BaseModel], path: DataPath) -> list[str]:
    return sorted(_node(model, path).get("properties", {}))


def _node(model: type[BaseModel], path: DataPath) -> dict[str, Any]:
    """The JSON-schema node that describes `path` (best effort; {} when not found)."""
    schema = _schema(model)
    node: dict[str, Any] = schema
    for part in path:
        node = _resolve(schema, node)
        if isinstance(part, int):
            node = node.get("items", {})
        elif "properties" in node:
            node = node["properties"].get(part, {})
        else:  # a dict: every value has the same schema
            extra = node.get("additionalProperties")
            node = extra if isinstance(extra, dict) else {}
    return _resolve(schema, node)


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    for _ in range(8):
        if "$ref" in node:
            target = node["$ref"].rsplit("/", 1)[-1]
            # A model's own title is its class name (English); keep only the field's title.
            definition = dict(schema.get("$defs", {}).get(target, {}))
            definition.pop("title", None)
            node = {**definition, **{k: v for k, v in node.items() if k != "$ref"}}
        elif "anyOf" in node:
            branches = [b for b in node["anyOf"] if b.get("type") != "null"]
            node = {**(branches[0] if branches else {}), "title": node.get("title")}
        else:
            break
    return node


@cache
def _schema(model: type[BaseModel]) -> dict[str, Any]:
    return model.model_json_schema()


def unquoted_hint(source: str) -> str:
    """The ZB102 hint once the value is located: show it quoted exactly as the author wrote it."""
    hint = f'给值加上引号，写成 "{source}"'
    if source.lstrip("+-").startswith("0") and len(source.lstrip("+-")) > 1:
        return hint + f"；不加引号时前导零会丢失（{source} 被读成 {source.lstrip('+-0') or '0'}）。"
    return hint + "，该字段应为文本。"
