"""Refresh the English translation: `python scripts/update_translations.py [--check]`.

Malay is the source language of every string in the code. This runs ``pyside6-lupdate`` over the
Qt code into ``resources/i18n/isitugas_en.ts`` (keeping existing translations), then
``pyside6-lrelease`` into the ``.qm`` file the app loads. ``--check`` fails when a string has no
English translation yet or the ``.qm`` is older than its ``.ts``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "isitugas_en.ts"
QM = TS.with_suffix(".qm")


def qt_sources() -> list[Path]:
    files = sorted((ROOT / "desktop" / "views").glob("*.py"))
    return files + [ROOT / "desktop" / "app.py"]


def _tool(name: str) -> str:
    exe = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if exe is None:
        sys.exit(f"{name} not found: pip install PySide6-Essentials")
    return exe


def unfinished(ts: Path = TS) -> list[str]:
    """Source texts that lack an English translation (or whose source changed)."""
    root = ET.parse(ts).getroot()
    missing = []
    for message in root.iter("message"):
        tr = message.find("translation")
        if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") or not tr.text:
            if tr is not None and tr.get("type") in ("vanished", "obsolete"):
                continue
            missing.append(message.findtext("source") or "")
    return missing


def update() -> None:
    TS.parent.mkdir(parents=True, exist_ok=True)
    rel = [str(p.relative_to(ROOT)) for p in qt_sources()]
    subprocess.run([_tool("pyside6-lupdate"), *rel, "-no-obsolete", "-locations", "none",
                    "-source-language", "ms_MY", "-target-language", "en_GB", "-ts",
                    str(TS.relative_to(ROOT))], cwd=ROOT, check=True)
    release()


def release() -> None:
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True)


def main(argv: list[str]) -> int:
    if "--check" in argv:
        missing = unfinished()
        for text in missing:
            print(f"untranslated: {text!r}")
        return 1 if missing else 0
    update()
    missing = unfinished()
    if missing:
        print(f"{len(missing)} strings still need English in {TS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
