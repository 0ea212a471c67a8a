"""One JSON Schema as text, the way `schemas/` holds them: draft 2020-12, with a title and
a description, `$ref` wrapped for editors (shared by `builder.schema` and the dataset export)."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaMode
from pydantic_core import CoreSchema

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


def model_schema_text(model: type[BaseModel], title: str, description: str) -> str:
    """The JSON Schema of `model` as stable text, with `title` and `description`."""
    schema = model.model_json_schema(schema_generator=_WithDialect)
    schema["title"] = title
    schema["description"] = description
    return json.dumps(_editor_friendly(schema), ensure_ascii=False, indent=2) + "\n"
