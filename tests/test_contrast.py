"""Every text colour the kiosk shows must be readable on what it is shown on.

The ratios are computed from the themes themselves, never from numbers copied here:

1. Each theme's colour system is generated exactly as Textual does when the theme is applied
   (`theme.to_color_system().generate()`), giving the values of `$foreground`, `$text-muted`,
   `$panel` and the rest.
2. kiosk.tcss is parsed into rules (comments removed; nested blocks are read as rules of their
   own). A rule's text colours are its `color`, `border-title-color` and `border-subtitle-color`;
   its background is `background`.
   - A rule with a text colour and a background gives that exact pair.
   - A text colour in a rule without a background sits on whatever contains it. Rather than
     guess the widget tree, it is measured against every *container background*: `$background`
     (screens), `$surface` (overlay windows, the index list) and every other background
     kiosk.tcss declares (such as `$panel`). Conservative: the worst container counts.
   - A background with an alpha (`$background 70%`) is first blended over `$background`, the
     screen underneath; a text colour with an alpha (or Textual's `auto 87%`) is blended over
     the background it is measured on. `transparent` backgrounds add no container.
3. Text that Textual's own widgets draw in the kiosk (Markdown body `$text`, headings
   `$markdown-h1-color`…, bullets `$text-primary`, the option list's `$foreground`) and the
   theme's named colours (`$text-muted`, `$primary`, `$accent`, `$warning`, `$error`,
   `$success`) are measured on `$background`, `$surface` and `$panel` as well.

Contrast is the WCAG 2 ratio of relative luminances (sRGB linearised), (L1 + 0.05) / (L2 + 0.05):
at least 4.5:1 (AA) for MUSEUM and 7:1 (AAA) for HIGH_CONTRAST. Borders and scrollbars are not
text and are not held to these numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from conftest import ROOT
from textual.color import Color
from textual.theme import Theme

from exhibit.ui.theme import HIGH_CONTRAST, MUSEUM, THEMES

TCSS = ROOT / "exhibit" / "ui" / "kiosk.tcss"

TEXT_PROPERTIES = ("color", "border-title-color", "border-subtitle-color")
ALWAYS_CONTAINERS = ("$background", "$surface")
EXTRA_TEXT = (
    "$foreground",
    "$text",
    "$text-muted",
    "$text-primary",
    "$primary",
    "$accent",
    "$warning",
    "$error",
    "$success",
    "$markdown-h1-color",
    "$markdown-h2-color",
    "$markdown-h3-color",
    "$markdown-h4-color",
    "$markdown-h5-color",
)
EXTRA_BACKGROUNDS = ("$background", "$surface", "$panel")
REQUIRED = {MUSEUM.name: 4.5, HIGH_CONTRAST.name: 7.0}


# WCAG 2 contrast ------------------------------------------------------------------------------


def relative_luminance(color: Color) -> float:
    """WCAG 2 relative luminance of an opaque sRGB colour, 0 (black) to 1 (white)."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = color.rgb
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast_ratio(first: Color, second: Color) -> float:
    """WCAG 2 contrast ratio, 1 (none) to 21 (black on white); order does not matter."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


# Theme variables ------------------------------------------------------------------------------


def theme_variables(theme: Theme) -> dict[str, str]:
    """The CSS variables Textual generates for `theme` (as App.get_css_variables does)."""
    return theme.to_color_system().generate()


def resolve(value: str, variables: dict[str, str], under: Color) -> Color | None:
    """`value` ("$accent", "$background 70%", "#fff", "auto 87%") as the opaque colour it
    makes when laid over `under`; None for values with no colour ("initial", ANSI colours)."""
    color = css_color(value, variables)
    return None if color is None else under + color


def css_color(value: str, variables: dict[str, str]) -> Color | None:
    """A CSS colour value, variables substituted: possibly translucent or automatic."""
    head, *rest = value.split()
    color: Color | None
    if head.startswith("$"):
        color = css_color(variables[head[1:]], variables)
    elif head in ("initial", "inherit", "none"):
        color = None
    elif head == "auto":
        color = Color.automatic()
    else:
        color = Color.parse(head)
    if color is None or color.ansi is not None:
        return None
    for token in rest:
        if token.endswith("%"):
            color = color.multiply_alpha(float(token[:-1]) / 100)
    return color


# kiosk.tcss -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    selector: str
    declarations: dict[str, str]


def parse_rules(css: str) -> list[Rule]:
    """Every block of `css` as (selector, declarations), nested blocks as rules of their own."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    rules: list[Rule] = []
    stack: list[tuple[str, dict[str, str]]] = []
    pending = ""
    for char in css:
        if char == "{":
            stack.append((pending.strip(), {}))
            pending = ""
        elif char == "}":
            _declare(pending, stack)
            pending = ""
            if stack:
                selector, declarations = stack.pop()
                rules.append(Rule(selector, declarations))
        elif char == ";":
            _declare(pending, stack)
            pending = ""
        else:
            pending += char
    return rules


def _declare(text: str, stack: list[tuple[str, dict[str, str]]]) -> None:
    name, colon, value = text.partition(":")
    if colon and stack:
        stack[-1][1][name.strip()] = value.replace("!important", "").strip()


@dataclass(frozen=True)
class Pair:
    foreground: str
    background: str
    where: str


def pairs_from_tcss(rules: list[Rule]) -> list[Pair]:
    """The (text colour, background) pairs kiosk.tcss puts on screen (see the module doc)."""
    containers = dict.fromkeys(ALWAYS_CONTAINERS, "the screens")
    for rule in rules:
        background = rule.declarations.get("background")
        if background and background.split()[0] not in ("transparent", "initial", "inherit"):
            containers.setdefault(background, rule.selector)
    pairs: list[Pair] = []
    for rule in rules:
        background = rule.declarations.get("background")
        for prop in TEXT_PROPERTIES:
            foreground = rule.declarations.get(prop)
            if foreground is None:
                continue
            where = f"{rule.selector} {{{prop}}}"
            if background and background.split()[0] not in ("transparent", "initial", "inherit"):
                pairs.append(Pair(foreground, background, where))
            else:
                for container, origin in containers.items():
                    origin_text = f"container background set by {origin}"
                    pairs.append(Pair(foreground, container, f"{where}, {origin_text}"))
    return pairs


def all_pairs() -> list[Pair]:
    pairs = pairs_from_tcss(parse_rules(TCSS.read_text(encoding="utf-8")))
    pairs += [
        Pair(foreground, background, "Textual widgets / theme colours")
        for foreground in EXTRA_TEXT
        for background in EXTRA_BACKGROUNDS
    ]
    return pairs


def measure(theme: Theme, pairs: list[Pair]) -> Iterator[tuple[Pair, float]]:
    variables = theme_variables(theme)
    screen = resolve("$background", variables, Color(0, 0, 0))
    assert screen is not None
    for pair in pairs:
        background = resolve(pair.background, variables, screen)
        assert background is not None, pair
        foreground = resolve(pair.foreground, variables, background)
        assert foreground is not None, pair
        yield pair, contrast_ratio(foreground, background)


# Tests ----------------------------------------------------------------------------------------


def test_the_ratio_function_matches_known_values() -> None:
    white, black = Color.parse("#ffffff"), Color.parse("#000000")
    assert contrast_ratio(white, black) == pytest.approx(21.0)
    assert contrast_ratio(black, white) == pytest.approx(21.0)
    assert contrast_ratio(white, white) == pytest.approx(1.0)
    # The WCAG reference grey: #767676 on white is the lightest grey passing 4.5:1.
    assert contrast_ratio(Color.parse("#767676"), white) == pytest.approx(4.54, abs=0.01)


def test_a_grey_on_grey_theme_is_flagged() -> None:
    """The check can fail: a murky theme falls below both thresholds."""
    murky = Theme(
        name="murky",
        primary="#777777",
        accent="#808080",
        foreground="#8a8a8a",
        background="#5a5a5a",
        surface="#606060",
        panel="#666666",
        variables={"text-muted": "#707070"},
    )
    ratios = dict(measure(murky, all_pairs()))
    failing = [pair for pair, ratio in ratios.items() if ratio < 4.5]
    assert failing, "grey on grey passed the contrast check"
    assert min(ratios.values()) < 2


def test_kiosk_tcss_pairs_are_found() -> None:
    """The parser sees the rules that matter, so a passing test means something."""
    pairs = pairs_from_tcss(parse_rules(TCSS.read_text(encoding="utf-8")))
    found = {(pair.foreground, pair.background) for pair in pairs}
    assert ("$foreground", "$background") in found
    assert ("$text-muted", "$surface") in found
    assert any(pair.foreground == "$accent" for pair in pairs)
    assert {"$background", "$surface"} <= {pair.background for pair in pairs}


def test_alpha_is_blended_before_measuring() -> None:
    variables = {"background": "#000000", "foreground": "#ffffff"}
    black = Color.parse("#000000")
    half = resolve("$foreground 50%", variables, black)
    assert half is not None
    assert half.rgb == (127, 127, 127)
    auto = resolve("auto 50%", variables, black)
    assert auto is not None and auto.rgb == half.rgb


def test_themes_are_exported() -> None:
    assert THEMES == (MUSEUM, HIGH_CONTRAST)
    assert HIGH_CONTRAST.name == "museum-high-contrast"
    assert len({theme.name for theme in THEMES}) == len(THEMES)


@pytest.mark.parametrize("theme", THEMES, ids=lambda theme: theme.name)
def test_every_text_pair_is_readable(theme: Theme) -> None:
    required = REQUIRED[theme.name]
    variables = theme_variables(theme)
    failures = [
        f"{pair.foreground} ({variables.get(pair.foreground.split()[0][1:], '?')}) on "
        f"{pair.background} ({variables.get(pair.background.split()[0][1:], '?')}) "
        f"in {pair.where}: {ratio:.2f}:1"
        for pair, ratio in measure(theme, all_pairs())
        if ratio < required
    ]
    assert not failures, f"{theme.name} needs {required}:1;\n" + "\n".join(failures)


def test_high_contrast_is_dark_with_light_text_and_an_amber_accent() -> None:
    variables = theme_variables(HIGH_CONTRAST)
    background = Color.parse(variables["background"])
    foreground = Color.parse(variables["foreground"])
    accent = Color.parse(variables["accent"])
    assert relative_luminance(background) < 0.01
    assert relative_luminance(foreground) > 0.9
    hue = accent.hsl.h * 360
    assert 35 <= hue <= 60, f"accent hue {hue:.0f}° is not yellow/amber"
