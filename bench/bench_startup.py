"""Start-up to an interactive window on the demo database, against a bare PySide6 window.

`python bench/bench_startup.py [--runs 3]`: each run is a fresh process (imports included) that
shows the window, processes its events and exits; the demo database is made once beforehand.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1200, 760); w.show(); app.processEvents()
"""

APP = """
from desktop.app import create_window, ensure_application
from desktop.services.database import open_database
app = ensure_application()
db = open_database({db!r})
w = create_window(db); w.show(); app.processEvents()
"""


def run(code: str, env: dict) -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=3)
    args = p.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "demo.sqlite")
        subprocess.run([sys.executable, "-m", "desktop", "--db", db, "demo"], check=True,
                       env=env, stdout=subprocess.DEVNULL)
        bare = min(run(BARE, env) for _ in range(args.runs))
        app = min(run(APP.format(db=db), env) for _ in range(args.runs))
    print(f"start-up to the dashboard on the demo office: {app:.2f} s; bare PySide6 window "
          f"{bare:.2f} s; ratio {app / bare:.1f}x")


if __name__ == "__main__":
    main()
