"""The curator's pictures made fit for the web, and text-drawn pictures as HTML data.

Pictures go through media.py's safe opening (formats, size caps, EXIF rotation, colour
conversion) and are scaled down once into the site's media/ folder. A picture the model
describes as data (a chart, a timeline, a labelled map: any field of ImageRef beyond the words
and the file) is written out as that data, a table or a list a screen reader can walk.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec

from ..media import MediaError, prepare, resolve
from ..model import ImageRef
from ..text import clean
from .addresses import MEDIA

WEB_BOX = (1200, 1200)
"""The largest a picture is published at, in pixels: sharp on a laptop, light on a phone."""
BACKGROUND = (255, 255, 255)
"""What transparent parts of a picture are laid on: the page's own white."""
JPEG_QUALITY = 85
WORDS_AND_FILE = {"alt", "file", "description", "caption", "credit"}
"""ImageRef's fields that are not picture data."""


@dataclass(frozen=True)
class WebPicture:
    """A picture written into the site: its path from the site's top, and its size."""

    path: str
    width: int
    height: int


class PictureShelf:
    """Writes each of the exhibit's picture files once, whichever pages show it."""

    def __init__(self, exhibit_folder: Path, site_folder: Path) -> None:
        self.exhibit_folder = exhibit_folder
        self.site_folder = site_folder
        self.written: dict[str, WebPicture | None] = {}
        self.problems: list[str] = []

    def get(self, name: str) -> WebPicture | None:
        """The web copy of media file `name`, or None (noted in `problems`) if it cannot be
        read: the page then shows the picture's words, as the kiosk does."""
        if name not in self.written:
            self.written[name] = self._write(name)
        return self.written[name]

    def _write(self, name: str) -> WebPicture | None:
        try:
            source = resolve(self.exhibit_folder, name)
            image = prepare(source, WEB_BOX, BACKGROUND)
        except FileNotFoundError:
            self.problems.append(f"{name}: not found; the page shows the picture's words")
            return None
        except MediaError as error:
            self.problems.append(f"{name}: {error}; the page shows the picture's words")
            return None
        drawing = source.suffix.lower() in (".png", ".gif")  # line art stays sharp in PNG
        parts = Path(name).with_suffix("").parts
        stem = "-".join(parts[1:] if parts[0] == MEDIA and len(parts) > 1 else parts)
        relative = f"{MEDIA}/{stem}.{'png' if drawing else 'jpg'}"
        target = self.site_folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if drawing:
            image.save(target, "PNG", optimize=True)
        else:
            image.save(target, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
        return WebPicture(relative, image.width, image.height)


def picture_data(image: ImageRef) -> dict[str, Any]:
    """The picture's data fields that are set (none for a plain photograph): any field beyond
    the words and the file whose value is not its default."""
    data = {}
    for field in msgspec.structs.fields(image):
        value = getattr(image, field.name)
        if field.name in WORDS_AND_FILE or value in (None, "", (), []) or value == field.default:
            continue
        data[field.name] = msgspec.to_builtins(value)
    return data


def data_html(value: Any, heading: str = "") -> str:
    """Any picture data as HTML: rows of like records as a table, a record as a description
    list, a list as a list, anything else as text."""
    caption = f"<caption>{_text(heading)}</caption>" if heading else ""
    if isinstance(value, list | tuple) and value and all(isinstance(v, dict) for v in value):
        keys = list(dict.fromkeys(key for row in value for key in row))
        head = "".join(f'<th scope="col">{_text(_label(k))}</th>' for k in keys)
        rows = "".join(
            "<tr>" + "".join(f"<td>{data_html(row.get(k, ''))}</td>" for k in keys) + "</tr>"
            for row in value
        )
        return f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    title = f"<p><strong>{_text(heading)}</strong></p>" if heading else ""
    if isinstance(value, dict):
        items = "".join(
            f"<dt>{_text(_label(key))}</dt><dd>{data_html(item)}</dd>"
            for key, item in value.items()
        )
        return f"{title}<dl>{items}</dl>"
    if isinstance(value, list | tuple):
        return f"{title}<ul>{''.join(f'<li>{data_html(item)}</li>' for item in value)}</ul>"
    return f"{title}{_text(str(value))}" if title else _text(str(value))


def _label(key: str) -> str:
    return key.replace("_", " ").capitalize()


def _text(text: str) -> str:
    return html.escape(clean(text))
