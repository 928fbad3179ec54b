"""`kiosk --screenshot DIR`: one SVG per page, for a curator to review without a kiosk (on
small exhibits written in tmp_path)."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import LIGHTHOUSES
from small_exhibits import write_tokei
from test_command_line import kiosk

from exhibit.model import Exhibit, ExhibitInfo, ImageRef, Panel
from exhibit.ui.preview import preview_pages


def svg_text(path: Path) -> str:
    """The words in an SVG screenshot, tags removed, entities and spacing made plain."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")))
    return " ".join(text.split())


def first_words(text: str, count: int = 3) -> str:
    return " ".join(text.split()[:count])


def svg_cells(path: Path) -> tuple[float, float]:
    """Pixels per column and per row of the picture (Rich draws a cell about 12 x 25 px)."""
    found = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', path.read_text(encoding="utf-8"))
    assert found is not None
    return float(found[1]), float(found[2])


def expected_names(exhibit: Exhibit) -> list[str]:
    names = ["00-title.svg"]
    for number, panel in enumerate(exhibit.panels, start=1):
        if panel.advisory:
            names.append(f"{number:02d}-{panel.id}.advisory.svg")
        names.append(f"{number:02d}-{panel.id}.svg")
        if panel.lead.strip() and panel.body.strip():
            names.append(f"{number:02d}-{panel.id}.with-more.svg")
        names += [f"{number:02d}-{panel.id}.zoom-{n}.svg" for n in range(1, len(panel.images) + 1)]
    return [*names, "90-index.svg", "91-help.svg", "99-sources.svg"]


def test_every_page_of_a_bilingual_exhibit(tmp_path: Path) -> None:
    tokei = write_tokei(tmp_path / "tokei")
    exhibit = tokei.exhibit
    assert exhibit is not None
    out = tmp_path / "new" / "previews"  # created, parents too
    run = kiosk(str(tokei.folder / "exhibit.yaml"), "--screenshot", str(out), "--size", "80x24")
    assert run.returncode == 0, run.stdout + run.stderr
    names = expected_names(exhibit)
    assert sorted(p.name for p in out.iterdir()) == ["en", "ja"]  # a folder per language
    japanese = out / "ja"
    out = out / "en"
    assert sorted(p.name for p in out.iterdir()) == names  # sorted is the visiting order
    assert sorted(p.name for p in japanese.iterdir()) == names
    lines = run.stdout.splitlines()
    assert lines[:-1] == [str(out / name) for name in names] + [
        str(japanese / name) for name in names
    ]
    assert lines[-1] == (
        f"{2 * len(names)} pictures at 80x24 in {out.parent}; open them in a browser"
    )
    assert tokei.editions["ja"].title in svg_text(japanese / "00-title.svg")
    advisory = next(n for n, p in enumerate(exhibit.panels, start=1) if p.advisory)
    advisory_page = f"{advisory:02d}-{exhibit.panels[advisory - 1].id}.advisory.svg"
    assert "ご覧になる前に" in svg_text(japanese / advisory_page)

    assert exhibit.title in svg_text(out / "00-title.svg")
    for number, panel in enumerate(exhibit.panels, start=1):
        assert first_words(panel.title) in svg_text(out / f"{number:02d}-{panel.id}.svg")
        for shown, image in enumerate(panel.images, start=1):
            zoom = svg_text(out / f"{number:02d}-{panel.id}.zoom-{shown}.svg")
            assert f"Image {shown} of {len(panel.images)}" in zoom
            # A drawn chart or timeline is its own words; a picture shows as its alt text.
            assert first_words(image.caption if image.drawn else image.alt) in zoom
    index = svg_text(out / "90-index.svg")
    assert all(first_words(panel.title, 2) in index for panel in exhibit.panels)
    assert "Keys" in svg_text(out / "91-help.svg")
    assert "Sources and credits" in svg_text(out / "99-sources.svg")
    width, height = svg_cells(out / f"01-{exhibit.panels[0].id}.svg")
    assert 11 < width / 80 < 14 and 22 < height / 24 < 30


def test_a_second_exhibit_at_120x40(write_yaml: Callable[[str], Path], tmp_path: Path) -> None:
    exhibit_file = write_yaml(LIGHTHOUSES)
    out = tmp_path / "shots"
    run = kiosk(str(exhibit_file), "--screenshot", str(out), "--size", "120x40")
    assert run.returncode == 0, run.stdout + run.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "00-title.svg",
        "01-towers.svg",
        "01-towers.zoom-1.svg",
        "02-keepers.svg",
        "03-lamps.svg",
        "90-index.svg",
        "91-help.svg",
        "99-sources.svg",
    ]
    assert "Lighthouses of the North Sea" in svg_text(out / "00-title.svg")
    assert "Building on the rocks" in svg_text(out / "01-towers.svg")
    assert "A granite tower on a rock" in svg_text(out / "01-towers.zoom-1.svg")
    assert "The keepers' watch" in svg_text(out / "02-keepers.svg")
    assert "Lamps and lenses" in svg_text(out / "03-lamps.svg")
    width, height = svg_cells(out / "02-keepers.svg")
    assert 11 < width / 120 < 14 and 22 < height / 40 < 30


@pytest.mark.parametrize("size", ["80", "80x", "80 by 24", "x24", "19x24", "80x401", "-80x24"])
def test_a_bad_size_is_refused_plainly(tmp_path: Path, size: str) -> None:
    run = kiosk("--screenshot", str(tmp_path / "out"), f"--size={size}")
    assert run.returncode == 2
    assert "argument --size" in run.stderr and (
        "WIDTHxHEIGHT" in run.stderr or "20 to 400" in run.stderr
    )
    assert "Traceback" not in run.stderr
    assert not (tmp_path / "out").exists()


def test_a_file_in_place_of_the_folder_is_refused(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("keep me", encoding="utf-8")
    run = kiosk("--screenshot", str(not_a_folder))
    assert run.returncode == 2
    assert "is a file; give a folder" in run.stderr
    assert not_a_folder.read_text(encoding="utf-8") == "keep me"


def test_size_without_screenshot_is_refused() -> None:
    run = kiosk("--size", "120x40", "--check")
    assert run.returncode == 2 and "--size goes with --screenshot" in run.stderr


def test_a_broken_exhibit_takes_no_pictures(
    write_yaml: Callable[[str], Path], tmp_path: Path
) -> None:
    bad = write_yaml("exhibit:\n  titel: Oops\npanels: []\n")
    run = kiosk(str(bad), "--screenshot", str(tmp_path / "out"))
    assert run.returncode == 1
    assert f"{bad}:2:3: error: exhibit.titel: unknown key 'titel'" in run.stderr
    assert f"{bad}: not valid" in run.stderr
    assert not (tmp_path / "out").exists()


def test_names_sort_in_visiting_order_even_with_a_hundred_panels() -> None:
    images = tuple(ImageRef(alt=f"Image {n}") for n in range(1, 11))
    panels = tuple(
        Panel(id=f"p{n}", title=f"Panel {n}", images=images if n == 1 else ())
        for n in range(1, 101)
    )
    exhibit = Exhibit(exhibit=ExhibitInfo(title="Many"), panels=panels)
    names = [page.filename for page in preview_pages(exhibit)]
    assert names[:4] == ["000-title.svg", "001-p1.svg", "001-p1.zoom-01.svg", "001-p1.zoom-02.svg"]
    assert names[11:13] == ["001-p1.zoom-10.svg", "002-p2.svg"]
    assert names[-4:] == ["100-p100.svg", "900-index.svg", "901-help.svg", "999-sources.svg"]
    assert sorted(names) == names
