"""textual-serve's server, made fit for a museum: no font or file from another host, at most
`max_sessions` kiosks at once (later visitors get a polite page, not a new process), and every
tab's kiosk ended when the tab closes or the server stops."""

from __future__ import annotations

import asyncio
import html
import logging
from pathlib import Path

import aiohttp_jinja2
from aiohttp import web
from textual_serve.server import Server, to_int

from ..model import Exhibit
from ..site.addresses import exhibit_address
from ..site.words import site_words
from .sessions import KioskSession

log = logging.getLogger("museum-kiosk.serve")

TEMPLATES = Path(__file__).resolve().parent / "templates"
BUSY_STYLE = (
    "<style>body{font-family:system-ui,'Noto Sans CJK JP',sans-serif;max-width:40rem;"
    "margin:3rem auto;padding:0 1rem;line-height:1.6;color:#1a1a1a;background:#fff}"
    "a{color:#0a4a80}</style>"
)
RETRY_SECONDS = 60
"""What a refused visitor's browser is told to wait before trying again."""


def websocket_url(request: web.Request) -> str:
    """From the request, not the --host given: right on 0.0.0.0 and behind an HTTPS proxy
    (a page served over https may only open wss:// sockets)."""
    secure = request.secure or request.headers.get("X-Forwarded-Proto") == "https"
    return f"{'wss' if secure else 'ws'}://{request.host}/ws"


class KioskServer(Server):
    """Serves one kiosk per browser tab, up to `max_sessions` at once."""

    def __init__(
        self,
        argv: list[str],
        environment: dict[str, str],
        exhibit: Exhibit,
        *,
        host: str,
        port: int,
        max_sessions: int,
    ) -> None:
        super().__init__(
            " ".join(argv), host=host, port=port, title=exhibit.title, templates_path=TEMPLATES
        )
        self.argv = argv
        self.environment = environment
        self.exhibit = exhibit
        self.max_sessions = max_sessions
        self.sessions: set[KioskSession] = set()

    @property
    def full(self) -> bool:
        return len(self.sessions) >= self.max_sessions

    def initialize_logging(self) -> None:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")

    async def on_startup(self, app: web.Application) -> None:
        print(f"Serving the kiosk on http://{self.host}:{self.port}/", flush=True)

    async def on_shutdown(self, app: web.Application) -> None:
        await asyncio.gather(*(session.stop() for session in list(self.sessions)))

    def busy_page(self) -> web.Response:
        """What a visitor past the limit sees, in each of the exhibit's languages."""
        languages = self.exhibit.languages or ("en",)
        parts = []
        for code in languages:
            words = site_words(code)
            site = self.exhibit.exhibit.site_url
            more = (
                f' <a href="{html.escape(site)}">{html.escape(words.BUSY_SITE)}</a>' if site else ""
            )
            parts.append(
                f'<section lang="{code}"><h1>{html.escape(words.BUSY_TITLE)}</h1>'
                f"<p>{html.escape(words.BUSY_TEXT)}{more}</p></section>"
            )
        page = (
            f'<!DOCTYPE html>\n<html lang="{languages[0]}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html.escape(self.exhibit.title)}</title>{BUSY_STYLE}</head>"
            f"<body><main>{''.join(parts)}</main></body></html>\n"
        )
        return web.Response(
            text=page,
            status=503,
            content_type="text/html",
            headers={"Retry-After": str(RETRY_SECONDS)},
        )

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        if self.full:
            log.info("refused a visitor: %d sessions running", len(self.sessions))
            return self.busy_page()
        language = (self.exhibit.languages or ("en",))[0]
        words = site_words(language)
        context = {
            "language": language,
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": websocket_url(request),
            "config": {"static": {"url": "/static/"}},
            "application": {"name": self.exhibit.title},
            "site": exhibit_address(self.exhibit, language),
            "text_version": words.TEXT_VERSION,
            "ended": words.SESSION_ENDED,
            "again": words.START_AGAIN,
        }
        return aiohttp_jinja2.render_template("app_index.html", request, context)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        websocket = web.WebSocketResponse(heartbeat=15)
        if self.full:  # two tabs opened at once may both have got the page
            await websocket.prepare(request)
            await websocket.close(code=1013, message=b"the kiosk is busy")
            return websocket
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        session = KioskSession(
            self.argv,
            self.environment,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=websocket.close,
            download_manager=self.download_manager,
        )
        self.sessions.add(session)
        log.info("session started: %d of %d", len(self.sessions), self.max_sessions)
        try:
            await websocket.prepare(request)
            await session.start(width, height)
            await self._process_messages(websocket, session)
        except asyncio.CancelledError:
            pass
        except Exception as error:  # one tab's trouble never takes the server down
            log.exception("session failed: %s", error)
        finally:
            await asyncio.shield(self._end(session, websocket))
        return websocket

    async def _end(self, session: KioskSession, websocket: web.WebSocketResponse) -> None:
        try:
            await session.stop()
        finally:
            self.sessions.discard(session)
            log.info("session ended: %d running", len(self.sessions))
        if not websocket.closed:
            await websocket.close()
