"""Generate the JSON Schemas in `schemas/` from the pydantic models, and detect drift."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaMode
from pydantic_core import CoreSchema

from builder.config import ProjectConfig
from builder.model import KIND_TITLES, KINDS

DIALECT = "https://json-schema.org/draft/2020-12/schema"


class _WithDialect(GenerateJsonSchema):
    def generate(self, schema: CoreSchema, mode: JsonSchemaMode = "validation") -> dict[str, Any]:
        return {"$schema": DIALECT, **super().generate(schema, mode=mode)}


def _editor_friendly(node: Any) -> Any:
    """Wrap `$ref` that has siblings in `allOf`, so draft-07 editors keep the hover text."""
    if isinstance(node, dict):
        node = {key: _editor_friendly(value) for key, value in node.items()}
        if "$ref" in node and len(node) > 1:
            ref = node.pop("$ref")
            node = {"allOf": [{"$ref": ref}], **node}
        return node
    if isinstance(node, list):
        return [_editor_friendly(item) for item in node]
    return node


def _schema_text(model: type[BaseModel], title: str, description: str) -> str:
    schema = model.model_json_schema(schema_generator=_WithDialect)
    schema["title"] = title
    schema["description"] = description
    return json.dumps(_editor_friendly(schema), ensure_ascii=False, indent=2) + "\n"


def generate() -> dict[str, str]:
    """File name → schema text for every document kind and the config."""
    files = {
        f"{kind}.schema.json": _schema_text(
            model, KIND_TITLES[kind], f"职标 Zhibiao：{KIND_TITLES[kind]}（kind: {kind}）"
        )
        for kind, model in KINDS.items()
    }
    files["zhibiao.schema.json"] = _schema_text(
        ProjectConfig, "职标项目配置", "zhibiao.yaml：目录版本、学习水平、数值规则与严重级别"
    )
    files["dataset.schema.json"] = dataset_schema_text()
    files["review.schema.json"] = review_schema_text()
    return files


def review_schema_text() -> str:
    """Schema of the review records (`X.review.yaml`) kept next to the standards."""
    from builder.comments.model import ReviewRecord

    return _schema_text(
        ReviewRecord,
        "征求意见与审查记录",
        "职标 Zhibiao：标准文件旁的 X.review.yaml（征求意见、处理结果、审查表决、复核确认）",
    )


def dataset_schema_text() -> str:
    """Schema of the open dataset written by `zhibiao export json`."""
    from builder.opendata.dataset_model import Dataset

    return _schema_text(
        Dataset, "职标开放数据集", "zhibiao export json 输出的规范化数据集（各表以编码关联）"
    )


def write(folder: Path) -> list[str]:
    """Write every schema; return the names of files that changed."""
    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, text in generate().items():
        target = folder / name
        if not target.is_file() or target.read_text("utf-8") != text:
            tmp = target.with_suffix(".tmp")
            tmp.write_text(text, "utf-8")
            tmp.replace(target)
            changed.append(name)
    return changed


def drift(folder: Path) -> list[str]:
    """Names of schema files that are missing or differ from the models."""
    return [
        name
        for name, text in generate().items()
        if not (folder / name).is_file() or (folder / name).read_text("utf-8") != text
    ]
