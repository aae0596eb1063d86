"""The user guide (docs/panduan): every image it shows exists and is made by the screenshot
script, every link between its pages resolves, every page is reachable from the index, and the
script renders a shot."""

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "panduan"
SCRIPT = ROOT / "scripts" / "guide_screenshots.py"
LINK = re.compile(r"(!?)\[[^\]]*\]\(([^)\s]+)\)")


def pages() -> list[Path]:
    return sorted(GUIDE.glob("*.md"))


def links(page: Path) -> list[tuple[bool, str]]:
    """(is an image, target) of every Markdown link on the page."""
    return [(bang == "!", target) for bang, target in LINK.findall(page.read_text("utf-8"))]


def local(target: str) -> bool:
    return not re.match(r"^[a-z]+:", target)


def script_shots() -> set[str]:
    spec = importlib.util.spec_from_file_location("guide_screenshots", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up while being defined
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return set(module.SHOTS)


def linked_images() -> set[str]:
    return {t for page in pages() for image, t in links(page) if image}


def test_the_guide_has_an_index_and_one_page_per_task():
    names = {p.name for p in pages()}
    assert "index.md" in names
    # the tasks of issue 9 part 3, each in its own page
    for task in ("mula.md", "daftar.md", "kekosongan.md", "psh.md", "tanggung-kerja.md",
                 "gantian.md", "kehadiran.md", "penyata.md", "surat.md", "sandaran.md",
                 "gabungan.md", "pengguna.md"):
        assert task in names


def test_every_image_the_guide_shows_exists():
    missing = [(page.name, t) for page in pages() for image, t in links(page)
               if image and not (GUIDE / t).is_file()]
    assert missing == []
    assert all(t.startswith("img/") and t.endswith(".png") for t in linked_images())


def test_every_link_between_pages_resolves():
    broken = []
    for page in pages():
        for image, target in links(page):
            if image or not local(target):
                continue
            # the in-app browser follows file links only: no #anchors inside a page
            if "#" in target or not (GUIDE / target).is_file():
                broken.append((page.name, target))
    assert broken == []


def test_every_page_is_reachable_from_the_index():
    seen, todo = set(), ["index.md"]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        todo += [t for image, t in links(GUIDE / name) if not image and local(t)
                 and t.endswith(".md")]
    assert {p.name for p in pages()} - seen == set()


def test_the_script_makes_every_image_and_no_image_is_left_unused():
    shots = script_shots()
    used = {t.removeprefix("img/") for t in linked_images()}
    assert used - shots == set(), "add these to SHOTS in scripts/guide_screenshots.py"
    assert shots - used == set(), "shots the guide never shows"
    on_disk = {p.name for p in (GUIDE / "img").glob("*.png")}
    assert on_disk == shots, "run python scripts/guide_screenshots.py and commit the PNGs"


def test_the_committed_screenshots_are_small():
    sizes = {p.name: p.stat().st_size for p in (GUIDE / "img").glob("*.png")}
    assert max(sizes.values()) < 300_000
    assert sum(sizes.values()) < 4_000_000


def test_every_page_links_back_to_the_contents():
    for page in pages():
        text = page.read_text("utf-8")
        if page.name != "index.md":
            assert "(index.md)" in text, f"{page.name} links back to the contents"


@pytest.mark.slow
def test_the_script_renders_a_shot(tmp_path):
    done = subprocess.run([sys.executable, str(SCRIPT), "--only", "log-masuk.png",
                           "--out", str(tmp_path)], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    png = tmp_path / "log-masuk.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert [p.name for p in tmp_path.iterdir()] == ["log-masuk.png"]
