"""A visitor's journey through an exhibit, without Textual: where the visitor is, and where
each key, touch and timer takes them.

Everything here is a frozen value. `next_state(state, event)` is the whole of the kiosk's
navigation: the UI feeds it what happened (a key, a touch, a timer) and shows what the returned
state says, doing the few things listed in its effects (scrolling, speech). Nothing on screen
decides where a visitor goes.

A visitor is at a stop (the title, a panel, or the closing page of sources), perhaps with one
window over it (a content advisory, the index, help, an image full screen) and perhaps with the
idle countdown over both. While the attract loop runs, the first key or touch only hands
control over.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .keys import (
    ADVISORY_KEYS,
    DIGITS,
    IMAGE_KEYS,
    INDEX_KEYS,
    PAGE_KEYS,
    TITLE_OWN,
    Do,
)
from .tour import Choices, Effect, Event, Key, Signal, Stop, Tap, Touch, Tour, Wheel, Window

__all__ = ["Choices", "Do", "Effect", "Event", "Key", "Signal", "State", "Step", "Stop"]
__all__ += ["Tap", "Touch", "Tour", "Wheel", "Window", "next_state", "reloaded", "start"]


@dataclass(frozen=True)
class State:
    tour: Tour
    stop: Stop
    window: Window = Window.NONE
    image: int = 0
    """With Window.IMAGE: the index of the panel's image shown full screen."""
    chosen: int | None = None
    """On a panel: the image chosen with ↓ (by index), None while reading the text."""
    direction: int = 1
    """+1 when the visitor came to this stop forwards, -1 backwards (skipping goes on so)."""
    more: bool = False
    """On a panel with a lead: its second layer (the body) is open. Closed on every new stop."""
    countdown: bool = False
    """"Still reading?" over whatever is on screen."""
    attract: bool = False
    choices: Choices = field(default_factory=Choices)

    @property
    def panel(self) -> int | None:
        """The index (from 0) of the panel on screen, None on the title or closing page."""
        return self.stop.panel


@dataclass(frozen=True)
class Step:
    state: State
    effects: tuple[Effect, ...] = ()


def start(tour: Tour) -> State:
    """A fresh kiosk: the title, every choice at its default, the attract loop in demo mode."""
    return State(tour, Stop(0, len(tour.panels)), attract=tour.demo, choices=tour.defaults)


def next_state(state: State, event: Event) -> Step:
    """Where `event` takes a visitor who is at `state`."""
    effects: list[Effect] = []
    if isinstance(event, Signal):
        return _signal(state, event)
    if state.choices.audio and not (isinstance(event, Key) and event.name == "a"):
        state = replace(state, choices=replace(state.choices, audio=False))
        effects.append(Effect.STOP_SPEAKING)
    if state.attract or state.countdown:  # the first input only hands control over
        state = replace(state, attract=False, countdown=False)
        if not isinstance(event, Wheel):
            return Step(state, tuple(effects))
    if state.window is Window.STATUS and not isinstance(event, Wheel):
        return _leave_status(state, effects)
    if isinstance(event, Touch):
        return Step(state, tuple(effects))
    if isinstance(event, Wheel):
        return Step(state, (*effects, Effect.PASS))
    do, number = _asked(state, event)
    step = _do(state, do, number, isinstance(event, Key) and event.text_at_end)
    if step == Step(state) and state.stop.is_title and state.window is Window.NONE:
        step = _do(state, Do.BEGIN, 0, False)  # the title says "any key": none is dead there
    return Step(step.state, (*effects, *step.effects))


def _asked(state: State, event: Key | Tap) -> tuple[Do | None, int]:
    """What the key or touch asks for where the visitor is."""
    if isinstance(event, Tap):
        return event.do, event.number
    key = event.name
    window = state.window
    if window is Window.HELP:
        return Do.CLOSE, 0  # any key closes help
    if key in DIGITS and window in (Window.NONE, Window.ADVISORY, Window.INDEX):
        return Do.PANEL, int(key)
    keymap = {
        Window.NONE: PAGE_KEYS,
        Window.ADVISORY: ADVISORY_KEYS,
        Window.INDEX: INDEX_KEYS,
        Window.IMAGE: IMAGE_KEYS,
    }[window]
    if window is Window.NONE and state.stop.is_title and key not in TITLE_OWN:
        return Do.BEGIN, 0
    return keymap.get(key), 0


def _do(state: State, do: Do | None, number: int, text_at_end: bool) -> Step:
    stop, window, choices = state.stop, state.window, state.choices
    if do is None:
        return Step(state)
    if do is Do.OWN:
        return Step(state, (Effect.PASS,))
    if window is Window.IMAGE:
        return _in_image(state, do)
    if window in (Window.HELP, Window.INDEX) and do in (Do.CLOSE, Do.PAGE):
        return Step(replace(state, window=Window.NONE))
    if window is Window.ADVISORY and do in (Do.CLOSE, Do.PAGE):
        return Step(replace(state, window=Window.NONE))
    if do is Do.SKIP:
        return go(state, stop.number + state.direction)
    if do in (Do.NEXT, Do.BEGIN) or (do is Do.OPEN and state.chosen is None):
        return go(state, stop.after)
    if do is Do.PAGE:
        return go(state, stop.after) if stop.is_title else Step(state)
    if do is Do.PREVIOUS:
        return go(state, stop.number - 1)
    if do is Do.FIRST:
        return go(state, 0)
    if do is Do.LAST:
        return go(state, stop.count)
    if do is Do.PANEL:
        return go(state, number) if 1 <= number <= stop.count else Step(state)
    if do is Do.LANGUAGE:
        if len(state.tour.languages) < 2:
            return Step(state)
        languages = state.tour.languages
        language = languages[(languages.index(choices.language) + 1) % len(languages)]
        keep = Window.ADVISORY if window is Window.ADVISORY else Window.NONE
        shown = replace(
            state, window=keep, chosen=None, choices=replace(choices, language=language)
        )
        return Step(shown, (Effect.SHOW_PAGE,))
    if do in (Do.CONTRAST, Do.LARGER, Do.SMALLER):
        contrast = not choices.contrast if do is Do.CONTRAST else choices.contrast
        large = choices.large if do is Do.CONTRAST else do is Do.LARGER
        return Step(replace(state, choices=replace(choices, contrast=contrast, large=large)))
    if window is not Window.NONE:
        return Step(state)  # the rest asks for a bare page
    if do is Do.INDEX:
        return Step(replace(state, window=Window.INDEX))
    if do is Do.HELP:
        return Step(replace(state, window=Window.HELP))
    if do is Do.DESCRIBE:
        described = replace(choices, describe=not choices.describe)
        return Step(replace(state, chosen=None, choices=described), (Effect.SHOW_PAGE,))
    if do is Do.SPEAK:
        if not state.tour.audio:
            return Step(state)
        speaking = not choices.audio
        effect = Effect.SPEAK if speaking else Effect.STOP_SPEAKING
        return Step(replace(state, choices=replace(choices, audio=speaking)), (effect,))
    if do is Do.MORE:
        layers = stop.panel is not None and state.tour.panels[stop.panel].layers
        return Step(replace(state, more=not state.more, chosen=None)) if layers else Step(state)
    return _on_page(state, do, number, text_at_end)


def _on_page(state: State, do: Do, number: int, text_at_end: bool) -> Step:
    """Scrolling, choosing an image and opening it, on a page with no window."""
    images = state.tour.images(state.stop)
    chosen = state.chosen
    if do is Do.UP:
        if chosen is not None:
            return Step(replace(state, chosen=chosen - 1 if chosen > 0 else None))
        return Step(state, (Effect.SCROLL_UP,) if not state.stop.is_title else ())
    if do is Do.DOWN:
        if chosen is not None and chosen < images - 1:
            return Step(replace(state, chosen=chosen + 1))
        if chosen is None and images and text_at_end:
            return Step(replace(state, chosen=0))
        return Step(state, (Effect.SCROLL_DOWN,) if not state.stop.is_title else ())
    if do in (Do.OPEN, Do.ZOOM, Do.IMAGE) and images:
        index = number if do is Do.IMAGE else (chosen or 0)
        return Step(replace(state, window=Window.IMAGE, image=min(index, images - 1)))
    return Step(state)


def _in_image(state: State, do: Do) -> Step:
    """An image full screen: step through the panel's images, scroll its words, close."""
    images = state.tour.images(state.stop)
    if do in (Do.NEXT_IMAGE, Do.PREVIOUS_IMAGE):
        step = 1 if do is Do.NEXT_IMAGE else -1
        return Step(replace(state, image=(state.image + step) % images))
    if do in (Do.UP, Do.DOWN):
        return Step(state, (Effect.SCROLL_UP if do is Do.UP else Effect.SCROLL_DOWN,))
    if do in (Do.CLOSE, Do.PAGE):
        return Step(replace(state, window=Window.NONE))
    return Step(state)


def go(state: State, number: int) -> Step:
    """To the stop `number` (clamped), every window closed; a panel with a content advisory
    shows it first. Going to the stop already shown only closes the windows."""
    number = max(0, min(number, state.stop.count + 1))
    effects = (Effect.STOP_SPEAKING,) if state.choices.audio else ()
    choices = replace(state.choices, audio=False)
    if number == state.stop.number:
        return Step(replace(state, window=Window.NONE, choices=choices), effects)
    stop = Stop(number, state.stop.count)
    advisory = stop.panel is not None and state.tour.panels[stop.panel].advisory
    moved = replace(
        state,
        stop=stop,
        window=Window.ADVISORY if advisory else Window.NONE,
        direction=1 if number > state.stop.number else -1,
        chosen=None,
        more=False,
        choices=choices,
    )
    return Step(moved, (*effects, Effect.SHOW_PAGE))


def _leave_status(state: State, effects: list[Effect]) -> Step:
    """Staff leave the status screen (any key or touch): a fresh title, as after a restart."""
    fresh = replace(start(state.tour), choices=replace(state.choices, audio=False))
    return Step(fresh, (*effects, Effect.SHOW_PAGE))


def _signal(state: State, signal: Signal) -> Step:
    if signal is Signal.STAFF_STATUS:
        quiet = replace(state.choices, audio=False)
        shown = replace(state, window=Window.STATUS, attract=False, countdown=False, chosen=None)
        shown = replace(shown, choices=quiet)
        return Step(shown, (Effect.STOP_SPEAKING,) if state.choices.audio else ())
    if signal is Signal.SPEECH_ENDED:
        return Step(replace(state, choices=replace(state.choices, audio=False)))
    if signal is Signal.RESTART:
        fresh = replace(start(state.tour), choices=replace(state.choices, audio=False))
        return Step(fresh, (Effect.STOP_SPEAKING, Effect.SHOW_PAGE))
    if signal is Signal.COUNTDOWN_END:
        if not state.countdown:
            return Step(state)  # a visitor came back just as it ended
        return Step(start(state.tour), (Effect.STOP_SPEAKING, Effect.SHOW_PAGE))
    if signal is Signal.IDLE:
        if state.attract or state.countdown:
            return Step(state)
        if state.stop.is_title and state.window is Window.NONE:
            return Step(replace(state, attract=state.tour.demo))
        return Step(replace(state, countdown=True))
    # The demo step: title, every panel, title again (the closing page is left to visitors);
    # a panel's advisory is shown for one step before the panel itself.
    if not state.attract:
        return Step(state)
    if state.window is Window.ADVISORY:
        return Step(replace(state, window=Window.NONE))
    return go(state, state.stop.demo_next)


def reloaded(state: State, tour: Tour) -> Step:
    """After a new exhibit file: the same panel (by id) if it is still there, the closing page
    if the visitor was there, else the nearest stop; the language kept if it still exists.
    Windows close; the attract loop goes on."""
    old = state.stop
    ids = [panel.id for panel in tour.panels]
    here = state.tour.panels[old.panel].id if old.panel is not None else None
    count = len(ids)
    if here in ids:
        number = ids.index(here) + 1
    else:
        number = count + 1 if old.is_closing else min(old.number, count)
    language = state.choices.language
    if language not in tour.languages:
        language = tour.defaults.language
    moved = replace(
        state,
        tour=tour,
        stop=Stop(number, count),
        window=Window.NONE,
        chosen=None,
        more=False,
        choices=replace(state.choices, language=language),
    )
    return Step(moved, (Effect.SHOW_PAGE,))
