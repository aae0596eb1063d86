"""Render the main window on a fresh demo office, offscreen, into docs/img/.

`python scripts/screenshot.py [--page premises] [--out docs/img/main-window.png]`
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    p = argparse.ArgumentParser()
    p.add_argument("--page", default=None, help="sidebar page to show (default: the first)")
    p.add_argument("--out", default=str(ROOT / "docs" / "img" / "main-window.png"))
    p.add_argument("--lang", default="ms", choices=("ms", "en"))
    args = p.parse_args(argv)

    from desktop.app import create_window, ensure_application, install_translator
    from desktop.services.database import open_database
    from desktop.services.demo import fill_demo
    from desktop.services.unit import perform

    app = ensure_application()
    install_translator(app, args.lang)
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(str(Path(tmp) / "demo.sqlite"))
        try:
            perform(db, fill_demo, state="SGR", seed=1, actor="demo")
            window = create_window(db, args.lang)
            window.resize(1280, 780)
            window.show()
            if args.page:
                window.open_page(args.page)
            app.processEvents()
            out = Path(args.out)
            out.parent.mkdir(parents=True, exist_ok=True)
            if not window.grab().save(str(out)):
                print(f"could not write {out}", file=sys.stderr)
                return 1
            window.close()
        finally:
            db.dispose()
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
