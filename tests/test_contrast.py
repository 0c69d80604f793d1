"""Text contrast in the workbench's CSS: every text colour against the background it is drawn on
reaches WCAG 2's 4.5:1 (success criterion 1.4.3, AA for body text). The luminance formula is WCAG's
relative luminance, written out here; the colours are read from checker/web/static/*.css."""
import pathlib
import re

import pytest

STATIC = pathlib.Path(__file__).parent.parent / "checker" / "web" / "static"
MINIMUM = 4.5
# What text with no background of its own sits on: Datasette's page (app.css, body) and its white
# cards and table rows.
PAGE, CARD = "#f8fafb", "#ffffff"
BODY_TEXT = "#111a35"  # Datasette's body colour, which badges that set only a background inherit
RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
HEX = re.compile(r"#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b")


def channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """WCAG 2's relative luminance of a #rgb or #rrggbb colour: 0 for black, 1 for white."""
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    r, g, b = (int(digits[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG 2's contrast ratio of two colours, 1 to 21 whichever comes first."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("a,b,ratio", [
    ("#000", "#fff", 21.0),
    ("#fff", "#000", 21.0),
    ("#123456", "#123456", 1.0),
    ("#777777", "#ffffff", 4.48),  # the grey that just fails on white
    ("#777", "#f8fafb", 4.28),  # and on Datasette's page: the 4.28:1 measured in Chromium
    ("#767676", "#fff", 4.54),  # the lightest grey that passes on white
    ("#1d4f91", "#fff", 8.14),
])
def test_contrast_formula(a, b, ratio):
    assert contrast(a, b) == pytest.approx(ratio, abs=0.01)


def rules():
    """(file, selector, declarations) for each rule of our stylesheets, those inside @media included."""
    for path in sorted(STATIC.glob("*.css")):
        css = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S)
        for selector, body in RULE.findall(css):
            declarations = {}
            for part in body.split(";"):
                name, _, value = part.partition(":")
                if value.strip():
                    declarations[name.strip().lower()] = value.strip()
            yield path.name, " ".join(selector.split()), declarations


def colour_of(value):
    found = HEX.findall(value or "")
    return found[0].lower() if found else None


def background_of(declarations):
    return colour_of(declarations.get("background-color") or declarations.get("background"))


def pairs():
    """(where, text colour, background) for every text colour our CSS sets: against its rule's own
    background when it has one, else against every surface it may sit on (the page, a card, and
    each background our CSS gives a block without a text colour of its own); and each such
    background against the body text it carries."""
    all_rules = list(rules())
    surfaces = {PAGE, CARD} | {background_of(d) for _, _, d in all_rules
                               if background_of(d) and "color" not in d}
    for name, selector, declarations in all_rules:
        text, background = colour_of(declarations.get("color")), background_of(declarations)
        if text and background:
            yield f"{name} {selector}", text, background
        elif text:
            for surface in sorted(surfaces):
                yield f"{name} {selector} on {surface}", text, surface
        elif background:
            yield f"{name} {selector} under body text", BODY_TEXT, background


def test_the_css_is_read_whole():
    """Every colour a text rule names is a hex colour this test can read (no names, no rgb())."""
    found = list(rules())
    assert len(found) > 100
    for name, selector, declarations in found:
        value = declarations.get("color")
        if value and value not in ("inherit", "currentColor"):
            assert colour_of(value), (name, selector, value)
    assert sum(1 for _ in pairs()) > 100


def test_every_text_colour_reaches_4_5_to_1():
    failing = [f"{where}: {text} on {background} is {contrast(text, background):.2f}:1"
               for where, text, background in pairs() if contrast(text, background) < MINIMUM]
    assert not failing, "\n".join(failing)


def test_no_text_is_faded():
    """Opacity would lower every contrast above; only a disabled control (exempt in WCAG) may fade."""
    faded = [(name, selector) for name, selector, d in rules()
             if "opacity" in d and float(d["opacity"]) < 1 and ":disabled" not in selector]
    assert not faded
