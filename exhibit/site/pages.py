"""The website's pages, one function each: contents, a panel, sources and credits, and the
choice of language. Every text comes from one edition of the exhibit (one language)."""

from __future__ import annotations

from ..model import Exhibit, ImageRef, Panel
from .addresses import INDEX, SOURCES, panel_file
from .frame import Frame, page, text
from .markdown import markdown_html
from .pictures import PictureShelf, data_html, picture_data
from .words import SiteWords, language_name


def _years(panel: Panel, words: SiteWords) -> str:
    return panel.period or (
        f"{panel.timeline.start}{words.RANGE}{panel.timeline.end}" if panel.timeline else ""
    )


def _section(name: str, heading: str, content: str) -> str:
    return (
        f'<section aria-labelledby="{name}">\n<h2 id="{name}">{text(heading)}</h2>\n'
        f"{content}</section>\n"
    )


def timeline_table(exhibit: Exhibit, frame: Frame, current: str | None = None) -> str:
    """The panels on the exhibit's timeline, as a table (the kiosk draws it as a strip)."""
    words = frame.words
    rows = []
    for panel in exhibit.panels:
        if not _years(panel, words):
            continue
        if panel.id == current:
            name = f"<strong>{text(panel.title)}</strong> ({text(words.THIS_PANEL)})"
            rows.append(f'<tr aria-current="page"><th scope="row">{name}</th>')
        else:
            link = f'<a href="{panel_file(panel.id)}">{text(panel.title)}</a>'
            rows.append(f'<tr><th scope="row">{link}</th>')
        rows[-1] += f"<td>{text(_years(panel, words))}</td></tr>\n"
    if not rows:
        return ""
    span = exhibit.exhibit.timeline
    caption = f"{words.TIMELINE}, {span.start}{words.RANGE}{span.end}" if span else words.TIMELINE
    table = (
        f"<table>\n<caption>{text(caption)}</caption>\n<thead><tr>"
        f'<th scope="col">{text(words.PANELS)}</th><th scope="col">{text(words.YEARS)}</th>'
        f"</tr></thead>\n<tbody>\n{''.join(rows)}</tbody>\n</table>\n"
    )
    return _section("timeline", words.TIMELINE, table)


def index_page(exhibit: Exhibit, frame: Frame) -> str:
    info, words = exhibit.exhibit, frame.words
    items = "".join(
        f'<li><a href="{panel_file(p.id)}">{text(p.title)}</a>'
        + (f' <span class="period">{text(_years(p, words))}</span>' if _years(p, words) else "")
        + (f"<p>{text(p.summary)}</p>" if p.summary else "")
        + "</li>\n"
        for p in exhibit.panels
    )
    main = f"<h1>{text(info.title)}</h1>\n"
    if info.subtitle:
        main += f'<p class="subtitle">{text(info.subtitle)}</p>\n'
    main += markdown_html(info.intro)
    main += _section("panels", words.PANELS, f'<ol class="panels">\n{items}</ol>\n')
    main += timeline_table(exhibit, frame)
    main += f'<p><a href="{SOURCES}">{text(words.SOURCES_AND_CREDITS)}</a></p>\n'
    return page(frame, info.title, main)


def _figure(image: ImageRef, number: int, shelf: PictureShelf, up: str, frame: Frame) -> str:
    words = frame.words
    data = picture_data(image)
    # A picture the model draws from data is published as that data; a file only stands in.
    picture = shelf.get(image.file) if image.file and not data else None
    if data:
        shown = "".join(
            data_html(value, f"{words.PICTURE_DATA}: {name.replace('_', ' ')}")
            for name, value in data.items()
        )
    elif picture is not None:
        shown = (
            f'<img src="{up}{picture.path}" alt="{text(image.alt)}" '
            f'width="{picture.width}" height="{picture.height}">\n'
        )
    else:  # no file, or one that cannot be read: its words, as on the kiosk
        shown = f'<p class="described">{text(image.alt)}</p>\n'
    caption = text(image.caption)
    if image.credit:
        caption += f' <span class="credit">{text(words.CREDIT)}: {text(image.credit)}</span>'
    figure = f'<figure id="picture-{number}">\n{shown}'
    figure += f"<figcaption>{caption}</figcaption>\n</figure>\n" if caption else "</figure>\n"
    if image.description:
        label = text(f"{words.DESCRIPTION}: {image.caption or image.alt}")
        figure += (
            f"<details>\n<summary>{label}</summary>\n{markdown_html(image.description)}</details>\n"
        )
    return figure


def _sources(exhibit: Exhibit, panel: Panel) -> str:
    items = []
    for source_id in panel.sources:
        source = exhibit.source(source_id)
        if source is not None:
            link = f'<a href="{SOURCES}#source-{text(source.id)}">{text(source.id)}</a>'
            items.append(f"<li>{link} {text(source.text)}</li>\n")
    return f"<ul>\n{''.join(items)}</ul>\n" if items else ""


def _turns(exhibit: Exhibit, number: int, frame: Frame) -> str:
    words, panels = frame.words, exhibit.panels
    links = []
    if number > 0:
        before = panels[number - 1]
        links.append(
            f'<li><a rel="prev" href="{panel_file(before.id)}">'
            f"{text(words.PREVIOUS)}: {text(before.title)}</a></li>"
        )
    links.append(f'<li><a href="{INDEX}">{text(words.CONTENTS)}</a></li>')
    if number + 1 < len(panels):
        after = panels[number + 1]
        links.append(
            f'<li><a rel="next" href="{panel_file(after.id)}">'
            f"{text(words.NEXT)}: {text(after.title)}</a></li>"
        )
    else:
        links.append(
            f'<li><a rel="next" href="{SOURCES}">{text(words.SOURCES_AND_CREDITS)}</a></li>'
        )
    return f'<nav aria-label="{text(words.PAGES)}"><ul>{"".join(links)}</ul></nav>'


def panel_page(exhibit: Exhibit, number: int, frame: Frame, shelf: PictureShelf, up: str) -> str:
    """Panel `number` (from 0) of `exhibit`; `up` leads from the page to the site's top."""
    panel, words = exhibit.panels[number], frame.words
    main = f"<article>\n<h1>{text(panel.title)}</h1>\n"
    if _years(panel, words):
        main += f'<p class="period">{text(_years(panel, words))}</p>\n'
    if panel.advisory:  # before anything it warns of, as the kiosk shows it first
        main += _section("advisory", words.ADVISORY, f"<p>{text(panel.advisory)}</p>\n")
    if panel.lead.strip():
        main += f'<p class="lead">{text(panel.lead)}</p>\n'
    main += markdown_html(panel.body)
    if panel.facts:
        rows = "".join(
            f"<div><dt>{text(f.label)}</dt><dd>{text(f.text)}</dd></div>\n" for f in panel.facts
        )
        main += _section("facts", words.FACTS, f'<dl class="facts">\n{rows}</dl>\n')
    if panel.images:
        figures = "".join(
            _figure(image, n, shelf, up, frame) for n, image in enumerate(panel.images, 1)
        )
        main += _section("pictures", words.PICTURES, figures)
    main += timeline_table(exhibit, frame, current=panel.id)
    sources = _sources(exhibit, panel)
    if sources:
        main += _section("sources", words.SOURCES, sources)
    main += "</article>\n"
    return page(frame, panel.title, main, _turns(exhibit, number, frame))


def sources_page(exhibit: Exhibit, frame: Frame) -> str:
    words = frame.words
    main = f"<h1>{text(words.SOURCES_AND_CREDITS)}</h1>\n{markdown_html(exhibit.exhibit.credits)}"
    items = []
    for source in exhibit.sources:
        citing = [p for p in exhibit.panels if source.id in p.sources]
        cited = ", ".join(f'<a href="{panel_file(p.id)}">{text(p.title)}</a>' for p in citing)
        items.append(
            f'<li id="source-{text(source.id)}"><span class="source-id">{text(source.id)}</span> '
            f"{text(source.text)}" + (f'<p class="cited">{cited}</p>' if cited else "") + "</li>\n"
        )
    if items:
        main += _section("sources", words.SOURCES, f"<ol>\n{''.join(items)}</ol>\n")
    return page(frame, words.SOURCES_AND_CREDITS, main)


def chooser_page(editions: dict[str, Exhibit], frame: Frame) -> str:
    """The site's top page for an exhibit in several languages: one link per language."""
    items = "".join(
        f'<li lang="{code}"><a href="{code}/{INDEX}" hreflang="{code}">'
        f"{text(edition.exhibit.title)} ({text(language_name(code))})</a></li>\n"
        for code, edition in editions.items()
    )
    main = f"<h1>{text(frame.site_title)}</h1>\n"
    main += f'<nav aria-label="{text(frame.words.LANGUAGES)}"><ul>\n{items}</ul></nav>\n'
    return page(frame, frame.site_title, main)
