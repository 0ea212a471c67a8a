"""Generate the JSON Schemas in `schemas/` from the pydantic models, and detect drift."""

from __future__ import annotations

from pathlib import Path

from builder.base.schema_text import DIALECT, model_schema_text
from builder.model import KIND_TITLES, KINDS
from builder.opendata.dataset import schema_text as dataset_schema_text
from builder.read.config import ProjectConfig

__all__ = ["DIALECT", "dataset_schema_text", "generate", "write"]

_schema_text = model_schema_text


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
