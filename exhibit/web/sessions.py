"""One browser tab's kiosk process, and the count of them.

textual-serve starts the app through a shell and, when the tab goes, asks it to quit and waits
for as long as it takes. Here the kiosk is started directly (so the process we count is the
kiosk itself) and, if it has not ended a few seconds after being asked, it is terminated, then
killed: a closed tab never leaves a kiosk behind.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence
from typing import Any

from textual_serve.app_service import AppService

log = logging.getLogger("museum-kiosk.serve")

GRACE_SECONDS = 3.0
"""How long a kiosk has to end by itself before it is terminated, and then killed."""


class KioskSession(AppService):
    """A kiosk process for one browser tab."""

    def __init__(self, argv: Sequence[str], environment: dict[str, str], **options: Any) -> None:
        super().__init__(" ".join(argv), **options)
        self.argv = tuple(argv)
        self.extra_environment = environment

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Any:
        environment = self._build_environment(width=width, height=height)
        environment.update(self.extra_environment)
        environment.pop("TEXTUAL_ALLOW_SIGNALS", None)  # ctrl+c is a key, not a kill
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=environment,
        )
        self._stdin = process.stdin
        return process

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    async def stop(self) -> None:
        """Ask the kiosk to quit; terminate, then kill it, if it does not."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(super().stop(), GRACE_SECONDS)
        process = self._process
        if process is None or process.returncode is not None:
            return
        for ending in (process.terminate, process.kill):
            with contextlib.suppress(ProcessLookupError):
                ending()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(process.wait(), GRACE_SECONDS)
                return
        log.error("kiosk process %s did not end", process.pid)
