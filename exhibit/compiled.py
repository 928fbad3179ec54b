"""A compiled copy of the last good exhibit, kept the way Python keeps a .pyc beside its .py.

Reading and validating exhibit.yaml (and importing PyYAML and the validator) is much of a
start before its title, and a kiosk's file is almost always the one it showed last time. After
a start that found no problem at all before its title, the validated exhibit and its editions
are kept here (msgpack: exact, decoded in a millisecond); the next start uses them only if
nothing that decides them changed: the text of exhibit.yaml; the kiosk (version, the code
that reads an exhibit: DECIDING, Python, msgspec, PyYAML); each media file the exhibit names
(size, mtime_ns); the machine's time zones (opening hours are checked again on the copy).

Anything else (no copy, damaged, cut short, unreadable, of an older format) means the YAML
is read as always, and the copy written again after the title: deleting it is always safe.
`--check`, `--screenshot` and live reload never use it.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import stat
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path
from types import MappingProxyType

import msgspec

from . import __version__
from .hours import problems_in
from .logs import LOGGER, default_log_file
from .model import Exhibit

log = logging.getLogger(LOGGER)

MAGIC = b"museum-kiosk compiled exhibit 2\n"
"""The copy's first bytes; a new number for any change to Header or Body."""

# fmt: off
DECIDING = (
    "__init__.py", "checks.py", "compiled.py", "drawings/__init__.py", "drawings/checks.py",
    "drawings/pieces.py", "drawings/timeline.py", "drawings/year_scale.py", "fit.py", "hours.py",
    "languages.py", "layout.py", "length_checks.py", "line_breaks.py", "loader.py", "logs.py",
    "media_problems.py", "model.py", "model_fields.py", "model_pictures.py", "problems.py",
    "text.py", "validate.py", "yaml_lines.py", "yaml_mistakes.py", "yaml_reader.py",
)
# fmt: on
"""The code that decides what exhibit.yaml loads into, relative to the package: every module
`import exhibit.loader` brings (tests/test_compiled_exhibit.py checks that none is missing)."""

LIBRARIES = ("yaml",)
"""Libraries the loader uses that the start does not import: their files are part of the key
(msgspec, imported anyway, by its version)."""

LARGEST = 64 * 2**20
"""A copy larger than this is not read: the exhibit file is at most 2 MiB (yaml_reader.py),
and its copy, every edition included, a few times that."""

MediaStamp = tuple[str, int, int]
"""A media file as the exhibit names it, its size and its mtime_ns ((name, -1, -1) if absent)."""


class Header(msgspec.Struct, frozen=True):
    kiosk: str
    """Digest of everything but the exhibit: version, code, Python and libraries."""
    text: str
    """Digest of exhibit.yaml's text (text_digest)."""
    size: int
    """exhibit.yaml's size in bytes: a file of another size is not read to be compared."""
    media: tuple[MediaStamp, ...]
    body: msgspec.Raw
    """The Body, decoded only once the header matches."""


class Body(msgspec.Struct, frozen=True):
    exhibit: Exhibit
    default: str
    """The default edition's language ("" for a one-language exhibit)."""
    others: dict[str, Exhibit]
    """The other editions, in order (empty for a one-language exhibit)."""
    advice: tuple[str, ...] = ()
    """What the warnings-only checks found, as logged: a start from the copy logs these
    instead of checking again (those checks need the loader, Pillow and their memory)."""


@dataclass(frozen=True)
class Opened:
    """An exhibit from its compiled copy: what a start needs from a load without problems."""

    exhibit: Exhibit
    editions: Mapping[str, Exhibit]
    folder: Path
    advice: tuple[str, ...] = ()
    """The warnings-only checks' findings when the copy was saved (Body.advice)."""


def compiled_file() -> Path:
    """In the kiosk's state folder, beside its log, status and visit record."""
    return default_log_file().with_name("exhibit.compiled")


def exhibit_folder(path: Path) -> Path:
    """The folder media paths are resolved against (the loader's and the copy's)."""
    try:
        return path.resolve().parent
    except (OSError, RuntimeError):  # a symlink loop (RuntimeError before Python 3.13):
        return path.absolute().parent  # the loader's read_text reports it


def text_digest(text: str) -> str:
    """The digest of exhibit.yaml's text as the loader reads it (UTF-8, without a BOM)."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()


class Unusable(Exception):
    """Why the copy cannot be used (said in the log)."""


def load(path: Path, copy: Path | None = None) -> Opened | None:
    """The exhibit at `path` from its compiled copy, or None (the reason logged) if the copy
    is absent, damaged or out of date. Never raises."""
    copy = copy or compiled_file()
    try:
        opened = _load(path, copy)
    except Unusable as reason:
        log.info("compiled exhibit %s not used: %s; reading %s", copy, reason, path)
        return None
    except Exception:  # a bug here must never stop a start: the YAML is there
        log.exception("compiled exhibit %s not used; reading %s", copy, path)
        return None
    log.info("exhibit loaded from its compiled copy %s", copy)
    return opened


def _load(path: Path, copy: Path) -> Opened:
    kiosk = kiosk_digest()  # first: the code as it is before the loader may be imported
    try:
        data = _read(copy, LARGEST)
    except FileNotFoundError:
        raise Unusable("there is none yet") from None
    except OSError as error:
        raise Unusable(f"it cannot be read ({error.strerror})") from None
    if not data.startswith(MAGIC):
        raise Unusable("it is not one, or of an older format")
    try:
        header = msgspec.msgpack.decode(data[len(MAGIC) :], type=Header)
    except msgspec.DecodeError as error:  # ValidationError included
        raise Unusable(f"it is damaged ({error})") from None
    if header.kiosk != kiosk:
        raise Unusable("the kiosk's code changed")
    if header.text != _digest_of(path, header.size):
        raise Unusable(f"{path.name} changed")
    folder = exhibit_folder(path)
    if header.media != tuple(_stamp(folder, name) for name, _, _ in header.media):
        raise Unusable("a media file changed")
    try:
        body = msgspec.msgpack.decode(header.body, type=Body)
    except msgspec.DecodeError as error:
        raise Unusable(f"it is damaged ({error})") from None
    hours = body.exhibit.kiosk.hours
    if hours is not None and problems_in(hours):  # a time zone this machine no longer knows
        raise Unusable("the opening hours do not check on this machine")
    editions = {body.default: body.exhibit, **body.others} if body.default else {}
    return Opened(body.exhibit, MappingProxyType(editions), folder, body.advice)


def save(
    path: Path,
    exhibit: Exhibit,
    editions: Mapping[str, Exhibit],
    digest: str,
    copy: Path | None = None,
    advice: Sequence[str] = (),
) -> None:
    """Keep `exhibit` (loaded from `path`, whose text had `digest`, with no problem at all
    before the title; `advice`: what the warnings-only checks then found) for the next start.
    Written whole or not at all; never raises."""
    copy = copy or compiled_file()
    default, *others = editions or ("",)  # the loader gives the default edition first
    folder = exhibit_folder(path)
    try:
        header = Header(
            kiosk=kiosk_digest(),
            text=digest,
            size=_size(path),
            media=tuple(_stamp(folder, name) for name in _media(exhibit, editions)),
            body=msgspec.Raw(
                msgspec.msgpack.encode(
                    Body(
                        exhibit,
                        default,
                        {code: editions[code] for code in others},
                        tuple(advice),
                    )
                )
            ),
        )
        _write(copy, MAGIC + msgspec.msgpack.encode(header))
    except (OSError, Unusable) as error:
        log.info("compiled exhibit not saved in %s: %s", copy, error)
        return
    log.info("compiled exhibit saved in %s", copy)


def _write(copy: Path, data: bytes) -> None:
    """A new file beside the copy, flushed to disk, then renamed over it: a reader (another
    kiosk process, or this one after a power cut) sees the old copy or the new, never half."""
    copy.parent.mkdir(parents=True, exist_ok=True)
    temporary = copy.with_name(f".{copy.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, copy)
    finally:
        temporary.unlink(missing_ok=True)


def _media(exhibit: Exhibit, editions: Mapping[str, Exhibit]) -> Iterator[str]:
    """Every media file any edition names, each once, in order."""
    seen: set[str] = set()
    for edition in (exhibit, *editions.values()):
        for panel in edition.panels:
            for image in panel.images:
                if image.file and image.file not in seen:
                    seen.add(image.file)
                    yield image.file


def _stamp(folder: Path, name: str) -> MediaStamp:
    try:
        info = os.stat(folder / name)
    except (OSError, ValueError):  # absent, unreadable, or a name no file can have
        return (name, -1, -1)
    return (name, info.st_size, info.st_mtime_ns)


def _size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError as error:
        raise Unusable(f"{path.name} cannot be read ({error.strerror})") from None


def _digest_of(path: Path, size: int) -> str:
    """text_digest of the file's text, decoded as the loader decodes it; "" if it is no
    longer `size` bytes long (a file of another size is not read to be compared)."""
    try:
        data = _read(path, size)
        return text_digest(data.decode("utf-8-sig")) if len(data) == size else ""
    except (OSError, UnicodeDecodeError) as error:
        raise Unusable(f"{path.name} cannot be read ({error})") from None


def _read(path: Path, limit: int) -> bytes:
    """A regular file's bytes, at most `limit` + 1 of them. Opened without blocking: a FIFO
    or a device put in its place never hangs the start; it is Unusable."""
    with open(os.open(path, os.O_RDONLY | os.O_NONBLOCK), "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            raise Unusable(f"{path.name} is not a regular file")
        return file.read(limit + 1)


@functools.cache
def kiosk_digest() -> str:
    """Digest of everything but the exhibit that decides what it loads into. Once a process,
    at its start: the code read is the code the loader then imports, even if an upgrade
    replaces the files before the copy is saved."""
    digest = hashlib.blake2b(digest_size=20)
    for part in (MAGIC, __version__, sys.version, msgspec.__version__):
        digest.update(repr(part).encode())
    package = Path(__file__).parent
    files = [package / name for name in DECIDING]
    for library in LIBRARIES:
        spec = find_spec(library)
        if spec is None or spec.origin is None:
            raise Unusable(f"{library} is not installed")
        home = Path(spec.origin).parent
        files.append(home / "__init__.py")  # its version, and...
        try:
            digest.update(repr(sorted(os.listdir(home))).encode())  # ...whether its C part is
        except OSError as error:
            raise Unusable(f"{library} cannot be read ({error})") from None
    for file in files:
        try:
            digest.update(file.read_bytes())
        except OSError as error:
            raise Unusable(f"the kiosk's code cannot be read ({error})") from None
    return digest.hexdigest()
