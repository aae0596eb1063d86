"""The wheel ships every subpackage and the resources (listed by hand in pyproject.toml)."""

import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]


def test_every_subpackage_is_listed():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "desktop").rglob("__init__.py")}
    assert found - listed == set(), "add these to [tool.setuptools] packages"
    assert "desktop._resources" in listed


def test_resources_found_from_a_checkout():
    from desktop.paths import resources_root

    assert resources_root() == ROOT / "resources"


def test_guide_found_from_a_checkout():
    from desktop.paths import guide_root

    assert guide_root() == ROOT / "docs" / "panduan"


def test_the_guide_is_shipped_from_its_one_source():
    """docs/panduan is mapped to the package desktop._guide, its pages and images included."""
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    assert "desktop._guide" in setuptools["packages"]
    assert setuptools["package-dir"]["desktop._guide"] == "docs/panduan"
    patterns = setuptools["package-data"]["desktop._guide"]
    guide = ROOT / "docs" / "panduan"
    files = [p for p in guide.rglob("*") if p.is_file()]
    unshipped = [str(p.relative_to(guide)) for p in files
                 if not any(p.relative_to(guide).match(pattern) for pattern in patterns)]
    assert unshipped == []


def test_the_built_package_holds_the_guide_and_finds_it(tmp_path):
    """setuptools' build_py (what a wheel and `pip install .` copy) on a copy of the checkout:
    desktop/_guide holds every page and image, and guide_root() finds it there."""
    import os
    import shutil
    import subprocess
    import sys

    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("desktop", "resources", "docs/panduan"):
        shutil.copytree(ROOT / folder, src / folder, ignore=ignore)
    build = tmp_path / "build"
    done = subprocess.run([sys.executable, "-W", "ignore", "-c",
                           "import setuptools; setuptools.setup()", "-q", "build_py",
                           "--build-lib", str(build)], cwd=src, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    guide = ROOT / "docs" / "panduan"
    expected = {str(p.relative_to(guide)) for p in guide.rglob("*") if p.is_file()}
    shipped = build / "desktop" / "_guide"
    assert {str(p.relative_to(shipped)) for p in shipped.rglob("*") if p.is_file()} == expected
    found = subprocess.run([sys.executable, "-c",
                            "from desktop.paths import guide_root; print(guide_root())"],
                           cwd=tmp_path, capture_output=True, text=True, timeout=60,
                           env={**os.environ, "PYTHONPATH": str(build)})
    assert found.stdout.strip() == str(shipped)
