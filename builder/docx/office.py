"""LibreOffice headless as a layout engine: .docx → PDF (PDF/A-2b, fonts embedded), and the
text of each rendered page (poppler's pdftotext).

Both are external programs (Debian: libreoffice-writer-nogui, poppler-utils). A missing one
is a usage error (exit 2) that names the package; a conversion that fails or hangs is one
too, naming the file. Each run uses a private LibreOffice profile in a temporary folder, so
it neither reads nor changes the user's settings and two runs never share a lock, and the
font aliases of `fonts.conf` (方正/华文 names → installed CJK fonts) as the tests do.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from builder.project import UsageError

FONTS_CONF = Path(__file__).resolve().parent / "fonts.conf"
PDF_FILTER = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'
"""LibreOffice's PDF export as PDF/A-2b: every font embedded, no external content."""
TIMEOUT_S = 900
PACKAGES = {"soffice": "libreoffice-writer-nogui", "pdftotext": "poppler-utils"}


def require(tool: str) -> str:
    """The path of `tool`, or a usage error naming the Debian package that provides it."""
    found = shutil.which(tool)
    if found is None:
        raise UsageError(
            f"找不到 {tool}：导出 PDF 和填写目次页码需要它",
            hint=f"安装 LibreOffice 与 poppler（Debian/Ubuntu：apt-get install {PACKAGES[tool]}），"
            "或在 zhibiao.yaml 中设置 docx.toc_pages: false 跳过目次页码。",
        )
    return found


def to_pdf(files: Sequence[Path], out_dir: Path, *, archive: bool = True) -> list[Path]:
    """Render `files` (.docx) into `out_dir` as PDF (PDF/A-2b when `archive`); the PDFs'
    paths in the same order. One LibreOffice process converts them all."""
    soffice = require("soffice")
    if not files:
        return []
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="zhibiao-office-") as profile:
        env = {**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF), "HOME": profile}
        command = [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            PDF_FILTER if archive else "pdf",
            "--outdir",
            str(out_dir),
            *(str(path) for path in files),
        ]
        try:
            subprocess.run(command, check=True, capture_output=True, env=env, timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            raise UsageError(f"LibreOffice 在 {TIMEOUT_S} 秒内没有完成转换，已停止") from None
        except subprocess.CalledProcessError as exc:
            detail = exc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
            raise UsageError(
                f"LibreOffice 转换失败（退出码 {exc.returncode}）：{detail[0]}"
            ) from None
    pdfs = [out_dir / f"{path.stem}.pdf" for path in files]
    missing = [pdf.name for pdf in pdfs if not pdf.is_file()]
    if missing:
        raise UsageError(
            f"LibreOffice 没有生成 {'、'.join(missing)}", hint="检查文件能否用 LibreOffice 打开。"
        )
    return pdfs


def page_texts(pdf: Path) -> list[str]:
    """The text of each page of `pdf`, in layout order (pdftotext -layout)."""
    pdftotext = require("pdftotext")
    try:
        done = subprocess.run(
            [pdftotext, "-layout", "-enc", "UTF-8", str(pdf), "-"],
            check=True,
            capture_output=True,
            timeout=TIMEOUT_S,
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
        raise UsageError(f"无法读取 PDF 的文字：{pdf.name}") from None
    pages = done.stdout.decode("utf-8", "replace").split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages
