"""Render .docx files to PDF with LibreOffice headless, as a reader's machine would."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

FONTS_CONF = Path(__file__).resolve().parent.parent / "builder" / "docx" / "fonts.conf"


def tools_missing() -> str | None:
    """Name of the first missing external tool, or None."""
    for tool in ("soffice", "pdftotext", "pdfinfo", "pdffonts"):
        if shutil.which(tool) is None:
            return tool
    return None


def to_pdf(files: list[Path], out: Path, profile: Path) -> list[Path]:
    """Convert `files` into `out` with a private LibreOffice profile and the font aliases."""
    env = {**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF), "HOME": str(profile)}
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.resolve().as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        env=env,
        timeout=600,
    )
    return [out / f"{path.stem}.pdf" for path in files]


def pdf_text(pdf: Path) -> list[str]:
    """Text of each page (pdftotext -layout, split at form feeds)."""
    done = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    )
    return done.stdout.split("\f")[:-1]


def pdf_fonts(pdf: Path) -> str:
    """The font list of a PDF (pdffonts)."""
    env = {**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF)}
    return subprocess.run(
        ["pdffonts", str(pdf)], check=True, capture_output=True, text=True, env=env
    ).stdout
