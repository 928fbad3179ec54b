"""The visitor's journey without an app: every key in every state, touches and timers."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from exhibit.journey import (
    Choices,
    Do,
    Effect,
    Key,
    Signal,
    State,
    Stop,
    Tap,
    Touch,
    Tour,
    Wheel,
    Window,
    next_state,
    reloaded,
    start,
)
from exhibit.keys import ADVISORY_KEYS, IMAGE_KEYS, INDEX_KEYS, PAGE_KEYS
from exhibit.tour import PanelShape

TOUR = Tour(
    (PanelShape("a", images=2), PanelShape("b", advisory=True), PanelShape("c")),
    languages=("en", "ja"),
    audio=True,
)
"""Three panels: the first with two images, the second behind a content advisory."""
CLOSING = 4
N, A, IX, H, V = Window.NONE, Window.ADVISORY, Window.INDEX, Window.HELP, Window.IMAGE

ALL_KEYS = sorted(
    {*PAGE_KEYS, *ADVISORY_KEYS, *INDEX_KEYS, *IMAGE_KEYS}
    | {str(n) for n in range(10)}
    | {"x", "escape", "s", "f1", "ctrl+c"}
)


def at(number: int, window: Window = N, **changes: object) -> State:
    state = replace(start(TOUR), stop=Stop(number, 3), window=window)
    return replace(state, **changes)  # type: ignore[arg-type]


STATES = {
    "title": at(0),
    "panel": at(1),
    "panel, image chosen": at(1, chosen=0),
    "advisory": at(2, A),
    "panel behind advisory": at(2),
    "last panel": at(3),
    "closing": at(CLOSING),
    "index": at(1, IX),
    "help": at(3, H),
    "image": at(1, V, image=1),
}

# What each key does where it has a meaning: (stop, window) after it; every other key in that
# state changes neither. Choices (c, +, -, d, l, a) are checked further down.
PAGE = {
    **dict.fromkeys(["right", "space", "pagedown", "enter"], "next"),
    **dict.fromkeys(["left", "pageup", "backspace"], "previous"),
    "home": (0, N),
    "end": (3, N),
    "tab": "index",
    "i": "index",
    "question_mark": "help",
    "1": (1, N),
    "2": (2, A),
    "3": (3, N),
}
EXPECTED: dict[str, dict[str, object]] = {
    "title": {
        **PAGE,
        **{k: (1, N) for k in ALL_KEYS if k not in PAGE},  # 0 and 4-9 too: no such panel
        **{k: "same" for k in "lLc"},
        "plus": "same",
        "equals_sign": "same",
        # No dead key: these have no meaning on the title (- only undoes +), so they begin.
        **{k: (1, N) for k in ["left", "pageup", "backspace", "home", "minus"]},
        "a": "same",  # the title read aloud (this tour has a voice; without one, `a` begins)
    },
    "panel": {**PAGE, "enter": (2, A), "z": (1, V), "up": "same", "down": "same"},
    "panel, image chosen": {**PAGE, "enter": (1, V), "z": (1, V), "1": "same"},
    "advisory": {
        **{k: (2, N) for k in ["enter", "right", "space", "pagedown", "2"]},
        **{k: (3, N) for k in ["escape", "s", "3"]},
        **{k: (1, N) for k in ["left", "pageup", "backspace", "1"]},
        "home": (0, N),
        "l": (2, A),
        "L": (2, A),
    },
    "panel behind advisory": {**PAGE, "2": "same", "enter": (3, N)},
    "last panel": {**PAGE, "3": "same", "end": "same", "enter": (CLOSING, N)},
    "closing": {**PAGE, "enter": (0, N), "right": (0, N), "space": (0, N), "pagedown": (0, N)},
    "index": {**{k: (1, N) for k in ["escape", "tab", "i", "1"]}, "2": (2, A), "3": (3, N)},
    "help": {k: (3, N) for k in ALL_KEYS},
    "image": {k: (1, N) for k in ["escape", "z", "enter", "space"]},
}


def expected(name: str, key: str) -> tuple[int, Window]:
    state = STATES[name]
    outcome = EXPECTED[name].get(key, "same")
    here = state.stop.number
    if outcome == "same":
        return (here, state.window)
    if outcome == "next":
        return (0 if here == CLOSING else here + 1, A if here + 1 == 2 else N)
    if outcome == "previous":
        return (max(0, here - 1), A if here - 1 == 2 else N)
    if outcome in ("index", "help"):
        return (here, IX if outcome == "index" else H)
    assert isinstance(outcome, tuple)
    return outcome


@pytest.mark.parametrize("key", ALL_KEYS)
@pytest.mark.parametrize("name", list(STATES))
def test_every_key_in_every_state(name: str, key: str) -> None:
    after = next_state(STATES[name], Key(key)).state
    assert (after.stop.number, after.window) == expected(name, key)


@pytest.mark.parametrize("key", ALL_KEYS)
@pytest.mark.parametrize("name", ["attract", "countdown"])
def test_the_first_key_after_a_pause_only_hands_control_over(name: str, key: str) -> None:
    before = replace(STATES["advisory"], **{name: True})  # type: ignore[arg-type]
    step = next_state(before, Key(key))
    assert step.state == replace(before, attract=False, countdown=False)
    assert Effect.SHOW_PAGE not in step.effects


@pytest.mark.parametrize(
    ("key", "change"),
    [("c", {"contrast": True}), ("plus", {"large": True}), ("equals_sign", {"large": True})],
)
@pytest.mark.parametrize("name", ["title", "panel", "advisory", "closing"])
def test_contrast_and_size_change_nothing_else(name: str, key: str, change: dict[str, Any]) -> None:
    before = STATES[name]
    step = next_state(before, Key(key))
    assert step.state == replace(before, choices=replace(before.choices, **change))
    assert step.effects == ()
    large = replace(before, choices=replace(before.choices, large=True))
    assert not next_state(large, Key("minus")).state.choices.large


@pytest.mark.parametrize("name", ["index", "help", "image"])
@pytest.mark.parametrize("key", ["c", "plus", "d", "a"])
def test_windows_other_than_the_advisory_keep_the_choices(name: str, key: str) -> None:
    assert next_state(STATES[name], Key(key)).state.choices == STATES[name].choices


def test_the_language_key_stays_on_the_page_and_keeps_the_advisory() -> None:
    step = next_state(STATES["advisory"], Key("l"))
    assert step.state.choices.language == "ja" and step.state.window is A
    assert Effect.SHOW_PAGE in step.effects
    back = next_state(step.state, Key("L")).state
    assert back.choices.language == "en" and back.stop.number == 2
    one_language = replace(STATES["panel"], tour=replace(TOUR, languages=("en",)))
    one_language = replace(one_language, choices=Choices(language="en"))
    assert next_state(one_language, Key("l")) == next_state(one_language, Key("x"))


def test_description_mode_shows_the_page_anew_without_its_chosen_image() -> None:
    step = next_state(STATES["panel, image chosen"], Key("d"))
    assert step.state.choices.describe and step.state.chosen is None
    assert step.effects == (Effect.SHOW_PAGE,)
    assert next_state(STATES["title"], Key("d")).state.stop.number == 1  # begins instead


def test_reading_aloud_starts_stops_and_ends_with_the_next_input() -> None:
    speaking = next_state(STATES["panel"], Key("a"))
    assert speaking.state.choices.audio and speaking.effects == (Effect.SPEAK,)
    assert next_state(speaking.state, Key("a")).effects == (Effect.STOP_SPEAKING,)
    for event in (Key("down"), Touch(), Wheel(), Tap(Do.HELP)):
        step = next_state(speaking.state, event)
        assert Effect.STOP_SPEAKING in step.effects and not step.state.choices.audio
    ended = next_state(speaking.state, Signal.SPEECH_ENDED).state
    assert next_state(ended, Key("a")).effects == (Effect.SPEAK,)
    silent = replace(STATES["panel"], tour=replace(TOUR, audio=False))
    assert next_state(silent, Key("a")).state == silent


def test_down_scrolls_the_text_then_chooses_each_image_and_up_goes_back() -> None:
    panel = STATES["panel"]
    assert next_state(panel, Key("down")).effects == (Effect.SCROLL_DOWN,)
    first = next_state(panel, Key("down", text_at_end=True)).state
    assert first.chosen == 0
    second = next_state(first, Key("down")).state
    assert second.chosen == 1
    assert next_state(second, Key("down")).effects == (Effect.SCROLL_DOWN,)
    assert next_state(second, Key("up")).state.chosen == 0
    assert next_state(first, Key("up")).state.chosen is None
    assert next_state(panel, Key("up")).effects == (Effect.SCROLL_UP,)
    text_only = STATES["last panel"]
    assert next_state(text_only, Key("down", text_at_end=True)).state.chosen is None


def test_an_image_full_screen_steps_round_and_scrolls_its_words() -> None:
    image = STATES["image"]
    assert next_state(image, Key("right")).state.image == 0  # round to the first
    assert next_state(image, Key("left")).state.image == 0
    assert next_state(image, Key("down")).effects == (Effect.SCROLL_DOWN,)
    assert next_state(STATES["panel, image chosen"], Key("enter")).state.image == 0


def test_touch_targets_ask_for_what_keys_ask_for() -> None:
    for name, state in STATES.items():
        for key, do in PAGE_KEYS.items():
            if state.window is N and not state.stop.is_title and do is not Do.DOWN:
                by_key, by_touch = next_state(state, Key(key)), next_state(state, Tap(do))
                assert by_key == by_touch, (name, key)
    assert next_state(STATES["panel"], Tap(Do.PANEL, 3)).state.stop.number == 3
    assert next_state(STATES["panel"], Tap(Do.IMAGE, 1)).state.image == 1
    assert next_state(STATES["title"], Tap(Do.PAGE)).state.stop.number == 1
    for name in ("advisory", "help", "image", "index"):
        assert next_state(STATES[name], Tap(Do.PAGE)).state.window is N
    assert next_state(STATES["image"], Tap(Do.NEXT_IMAGE)).state.image == 0
    assert next_state(STATES["panel"], Touch()).state == STATES["panel"]
    assert next_state(STATES["index"], Key("down")).effects == (Effect.PASS,)


def test_the_demo_loop_walks_every_panel_and_shows_advisories_one_step() -> None:
    state = replace(start(replace(TOUR, demo=True)))
    assert state.attract
    seen = []
    for _ in range(6):
        state = next_state(state, Signal.DEMO_STEP).state
        seen.append((state.stop.number, state.window))
    assert seen == [(1, N), (2, A), (2, N), (3, N), (0, N), (1, N)]
    assert next_state(STATES["panel"], Signal.DEMO_STEP).state == STATES["panel"]


def test_idle_brings_the_countdown_except_on_a_quiet_title() -> None:
    assert next_state(STATES["title"], Signal.IDLE).state == STATES["title"]
    demo = replace(STATES["title"], tour=replace(TOUR, demo=True))
    assert next_state(demo, Signal.IDLE).state.attract
    for name in ("panel", "index", "closing", "advisory"):
        assert next_state(STATES[name], Signal.IDLE).state.countdown, name
    asking = replace(STATES["index"], countdown=True)
    assert next_state(asking, Key("x")).state == STATES["index"]  # the window below stays


def test_the_countdown_ends_at_a_fresh_start_with_every_choice_undone() -> None:
    chosen = Choices(language="ja", contrast=True, large=True, describe=True, audio=True)
    asking = replace(STATES["image"], countdown=True, choices=chosen)
    step = next_state(asking, Signal.COUNTDOWN_END)
    assert step.state == start(TOUR)
    assert Effect.SHOW_PAGE in step.effects and Effect.STOP_SPEAKING in step.effects
    assert next_state(STATES["panel"], Signal.COUNTDOWN_END).state == STATES["panel"]


def test_a_restart_keeps_the_choices_but_not_the_place() -> None:
    contrast = replace(STATES["image"], choices=Choices(language="ja", contrast=True))
    state = next_state(contrast, Signal.RESTART).state
    assert (state.stop.number, state.window, state.choices.contrast) == (0, N, True)


def test_a_reload_keeps_the_visitor_on_the_same_panel_by_id() -> None:
    moved = Tour((PanelShape("new"), PanelShape("c"), PanelShape("a", images=1)), ("en",))
    on_c = replace(STATES["last panel"], choices=Choices(language="ja"))
    step = reloaded(on_c, moved)
    assert step.state.stop == Stop(2, 3) and step.state.choices.language == "en"
    assert Effect.SHOW_PAGE in step.effects
    assert reloaded(STATES["closing"], moved).state.stop.is_closing
    shorter = Tour((PanelShape("x"),))
    assert reloaded(replace(STATES["last panel"]), shorter).state.stop == Stop(1, 1)
    assert reloaded(STATES["image"], moved).state.window is N


# The staff status screen (kiosk.staff_status) --------------------------------------------------


@pytest.mark.parametrize("name", list(STATES))
def test_the_staff_sequence_opens_the_status_screen_from_anywhere(name: str) -> None:
    busy = replace(STATES[name], attract=True, countdown=True)
    state = next_state(busy, Signal.STAFF_STATUS).state
    assert state.window is Window.STATUS and not state.attract and not state.countdown


@pytest.mark.parametrize("event", [Key("escape"), Key("right"), Key("q"), Touch(), Tap(Do.NEXT)])
def test_any_key_or_touch_leaves_the_status_screen_for_a_fresh_title(event: Any) -> None:
    status = next_state(
        replace(STATES["panel"], choices=Choices(contrast=True)), Signal.STAFF_STATUS
    )
    step = next_state(status.state, event)
    assert (step.state.stop.number, step.state.window) == (0, N)
    assert step.state.choices.contrast and Effect.SHOW_PAGE in step.effects


def test_timers_do_not_move_the_status_screen_and_a_wheel_stays() -> None:
    status = next_state(STATES["panel"], Signal.STAFF_STATUS).state
    assert next_state(status, Signal.DEMO_STEP).state == status
    assert next_state(status, Wheel()).state.window is Window.STATUS


def test_the_status_screen_stops_reading_aloud() -> None:
    speaking = replace(STATES["panel"], choices=Choices(audio=True))
    step = next_state(speaking, Signal.STAFF_STATUS)
    assert not step.state.choices.audio and Effect.STOP_SPEAKING in step.effects


# The second layer of text (a panel's body after its lead) ------------------------------------

LAYERED = Tour(
    (PanelShape("a", images=1, layers=True), PanelShape("b", layers=True), PanelShape("c")),
    languages=("en", "ja"),
)
"""Three panels: the first two have a lead and a body, the third only a body."""


def on(number: int, **changes: object) -> State:
    state = replace(start(LAYERED), stop=Stop(number, 3))
    return replace(state, **changes)  # type: ignore[arg-type]


def test_m_or_a_touch_opens_the_second_layer_and_closes_it_again() -> None:
    for event in (Key("m"), Tap(Do.MORE)):
        opened = next_state(on(1), event).state
        assert opened.more and opened.stop.number == 1 and opened.window is N
        assert not next_state(opened, event).state.more


def test_the_second_layer_is_closed_on_every_other_page() -> None:
    opened = on(1, more=True)
    for key in ("right", "left", "home", "end", "2"):
        assert not next_state(opened, Key(key)).state.more, key
    assert not next_state(opened, Signal.RESTART).state.more
    countdown = next_state(opened, Signal.IDLE).state
    assert not next_state(countdown, Signal.COUNTDOWN_END).state.more
    assert not reloaded(opened, LAYERED).state.more
    # The same page in the other language keeps it open.
    assert next_state(opened, Key("l")).state.more


def test_m_does_nothing_where_there_is_no_second_layer() -> None:
    for state in (on(3), on(0, stop=Stop(4, 3)), on(1, window=IX), on(1, window=H)):
        after = next_state(state, Key("m")).state
        assert not after.more and after.window in (state.window, N)
    assert next_state(on(0), Key("m")).state.stop.number == 1  # on the title: begin


def test_opening_the_layer_leaves_the_chosen_image_for_the_text() -> None:
    assert next_state(on(1, chosen=0), Key("m")).state.chosen is None


@pytest.mark.parametrize("key", ALL_KEYS)
def test_no_key_is_dead_on_the_title(key: str) -> None:
    """The title says "Touch or press any key": every key begins the visit, or changes what
    is on screen there at once (a panel, the index, help, language, contrast, size)."""
    title = STATES["title"]
    assert next_state(title, Key(key)).state != title, key
    assert next_state(title, Tap(Do.PAGE)).state.stop.number == 1


def test_the_scroll_targets_ask_for_what_the_arrow_keys_ask_for() -> None:
    panel, chosen = STATES["panel"], STATES["panel, image chosen"]
    assert next_state(panel, Tap(Do.DOWN)) == next_state(panel, Key("down"))
    assert next_state(panel, Tap(Do.UP)) == next_state(panel, Key("up"))
    assert next_state(chosen, Tap(Do.DOWN)).state.chosen == 1
    image = STATES["image"]
    assert next_state(image, Tap(Do.CLOSE)).state.window is N
    assert next_state(image, Tap(Do.PREVIOUS_IMAGE)).state.image == 0


def test_a_begins_on_the_title_where_no_voice_is_installed() -> None:
    silent = replace(STATES["title"], tour=replace(TOUR, audio=False))
    assert next_state(silent, Key("a")).state.stop.number == 1
    reading = next_state(STATES["title"], Key("a"))
    assert reading.state.stop.number == 0 and Effect.SPEAK in reading.effects
