"""Start-up on the demo office, against a bare PySide6 window (``python -m bench`` does the same
on the 10x national file).

`python bench/bench_startup.py [--runs 3]`: each run is a fresh process; the app's is started
as run_app starts it (``desktop.app.launch``) and timed to its interactive window and to its
filled dashboard (see ``bench.__main__.startup``); the demo database is made once beforehand.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.__main__ import _env, startup  # noqa: E402


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=3)
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.sqlite"
        subprocess.run([sys.executable, "-m", "desktop", "--db", str(db), "demo"], check=True,
                       env=_env(), stdout=subprocess.DEVNULL)
        for result in startup(db, args.runs, Path(tmp)):
            print(result.line(quick=False))


if __name__ == "__main__":
    main()
