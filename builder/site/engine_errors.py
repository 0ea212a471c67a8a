"""mkdocs failures told in Chinese: no Python traceback reaches the user, and the hint fits
the cause (a full disk is not a mkdocs.yml problem).

mkdocs runs in a subprocess; when it fails, its output is read here. Strict-mode warnings
are quoted as mkdocs wrote them (they name files and settings); a crash is summed up by its
last line, and the whole output is saved to a log file named in the message.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Sequence

_WARNING = re.compile(r"^(?:WARNING|ERROR)\s+-\s+(.*)$")
_ERRNO = re.compile(r"\[Errno (\d+)\]")
_REASONS = {
    28: ("磁盘空间不足", "清理磁盘空间后重试；上次发布的站点保持原样。"),
    13: ("没有写入权限", "检查输出目录和 build/ 目录的权限。"),
    1: ("没有写入权限", "检查输出目录和 build/ 目录的权限。"),
    30: ("文件系统是只读的", "用 -d 指定一个可写的输出目录。"),
    5: ("输入输出错误（磁盘或网络文件系统故障）", "检查磁盘后重试。"),
    12: ("内存不足", "关闭其他程序后重试，或用 --split 把站点拆成分站点。"),
}
STRICT_HINT = "若警告来自根目录 mkdocs.yml 的设置，请修改该文件；否则请报告此问题。"


def explain(output: str, found: Sequence[str] = (), *, engine: str = "mkdocs") -> tuple[str, str]:
    """(message, hint) for failed engine runs (mkdocs unless `engine` names another): their
    raw `output` and the warnings `found`."""
    text = "\n".join([output, *found])
    for number, (reason, hint) in _REASONS.items():
        if f"[Errno {number}]" in text or (number == 28 and "No space left" in text):
            return f"{engine} 构建失败：{reason}", hint
    if "MemoryError" in text:
        reason, hint = _REASONS[12]
        return f"{engine} 构建失败：{reason}", hint
    warnings = [*found] or [m.group(1) for m in map(_WARNING.match, output.splitlines()) if m]
    if warnings:
        detail = "\n".join(f"  {w}" for w in warnings[:50])
        return f"{engine} 构建失败（严格模式下不允许任何警告）：\n{detail}", STRICT_HINT
    log = _save(text)
    last = _last_error(text)
    shown = f"：{last}" if last else ""
    return (
        f"{engine} 构建失败，意外中止{shown}（完整输出已写入 {log}）",
        "可能是 mkdocs.yml 中的主题或插件设置有误；修正后重试，若仍失败请附上该文件报告此问题。",
    )


def _last_error(text: str) -> str:
    """The last line of a traceback (`KeyError: 'x'`), or the last non-empty line."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in reversed(lines):
        if re.match(r"^[A-Za-z_.]+(?:Error|Exception|Exit)\b", line):
            return line[:300]
    tail = [line for line in lines if not line.startswith(("File ", "Traceback", "^"))]
    return tail[-1][:300] if tail else ""


def _save(text: str) -> str:
    with tempfile.NamedTemporaryFile(
        "w", prefix="zhibiao-mkdocs-", suffix=".log", delete=False, encoding="utf-8"
    ) as log:
        log.write(text)
    return log.name
