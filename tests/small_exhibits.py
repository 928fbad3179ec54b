"""Small exhibits for behaviour tests, written in tmp_path, so that a curator's edit to the
bundled exhibit (exhibit.yaml) breaks only the tests of its own content and snapshots.

TOKEI is a four-panel clocks exhibit (like conftest.CLOCKS) in English and Japanese, with each
kind of page the kiosk has: a title, a panel with a lead and more to read, facts, a picture
file, a drawn chart, a content advisory, the closing page. Its Japanese texts are long and full
of 。、「」 and numbers, so at any width some line would start with 。 or end with 「 if the kiosk
wrapped Japanese character by character.
"""

from __future__ import annotations

from pathlib import Path

import media_files

from exhibit.loader import LoadResult, load_exhibit

PENDULUM_JA = (
    "一六五六年、ホイヘンスは「振り子時計」を作り、時計の狂いは一日に一分ほどになった。"
    "振り子は、長さが同じなら、揺れの幅が変わっても、ほぼ同じ時間で往復する。"
    "職人たちは「アンカー脱進機」や「デッドビート脱進機」を工夫し、"
    "1721年のグレアム、1889年のリーフラーへと、精度は一桁ずつ上がっていった。"
    "町の時計台は、鐘を鳴らして「正午」を告げ、人々は、その音で一日を区切った。"
    "やがて鉄道が走ると、駅の時計は、町ごとに違っていた時刻を一つにそろえた。"
)
"""A paragraph to wrap: a 。、「 or 」 every few characters, numbers in Latin digits."""

TOKEI = f"""\
exhibit:
  title: {{en: Keeping Time, ja: 時を刻む}}
  subtitle: {{en: Four ways of telling the hour, ja: 時を知る四つの方法}}
  languages: [en, ja]
  intro:
    en: From shadows to atoms, how people counted the hours.
    ja: 影から原子まで、人は「時」をどのように数えてきたのか。
  timeline: {{start: 1500, end: 2000}}
  credits: {{en: A test exhibit about clocks., ja: 時計についての試験用の展示。}}
panels:
  - id: shadows
    theme: {{en: Shadows, ja: 影}}
    title: {{en: Reading the sun, ja: 太陽を読む}}
    period: 1500–1650
    timeline: {{start: 1500, end: 1650}}
    lead:
      en: Sundials tell the hour when the sun shines.
      ja: 日時計は、晴れた日にだけ、影で「時」を告げる。曇りの日や夜には、何も告げない。
    body:
      en: A gnomon casts a shadow on the hour lines.
      ja: {PENDULUM_JA}
    sources: [C1]
  - id: pendulum
    theme: {{en: Pendulum, ja: 振り子}}
    title: {{en: The swinging weight, ja: 揺れるおもり}}
    period: 1656–1900
    body:
      en: The pendulum makes clocks true to a minute a day.
      ja: {PENDULUM_JA}
    facts:
      - label: {{en: "1656", ja: 1656年}}
        text:
          en: Huygens builds the first pendulum clock
          ja: ホイヘンスが最初の振り子時計を作る
      - label: {{en: "1721", ja: 1721年}}
        text: {{en: "Graham's deadbeat escapement", ja: グレアムの「デッドビート脱進機」}}
    images:
      - alt: {{en: Clocks made a year., ja: 年ごとに作られた時計。}}
        chart:
          title: {{en: Clocks made, ja: 作られた時計}}
          unit: {{en: clocks, ja: 台}}
          groups:
            - title: {{en: Workshops, ja: 工房}}
              bars:
                - label: {{en: London, ja: ロンドン}}
                  value: 1200
                - label: {{en: Paris, ja: パリ}}
                  value: 800
                  about: true
        credit: {{en: Chart drawn for this test, ja: この試験のために描いた図}}
    sources: [C1]
  - id: wartime
    theme: {{en: Wartime, ja: 戦時}}
    title: {{en: Clocks at war, ja: 戦争と時計}}
    period: 1914–1945
    advisory:
      en: This panel mentions the dead of two wars.
      ja: この展示は、二つの戦争の死者に触れています。
    body:
      en: Trench watches were worn on the wrist.
      ja: 塹壕では、時計を手首に巻いた。「腕時計」は、こうして広まった。
  - id: atoms
    theme: {{en: Atoms, ja: 原子}}
    title: {{en: The caesium second, ja: セシウムの一秒}}
    period: 1955–2000
    body:
      en: Since 1967 the second is counted in caesium atoms.
      ja: 1967年から、一秒は、セシウム原子の振動で数えられている。
    images:
      - file: media/dial.png
        alt: {{en: An atomic clock in a laboratory., ja: 研究所の原子時計。}}
        description:
          en: A light square on a dark blue ground, the clock's front panel.
          ja: 濃い青の地に明るい四角、時計の前面。
        caption: {{en: "Atomic clock, 1955", ja: 原子時計（1955年）}}
        credit: {{en: Museum photograph, ja: 博物館撮影}}
sources:
  - id: C1
    text: {{en: A history of timekeeping., ja: 時計の歴史。}}
"""
"""Four panels in two languages: lead and more on the first, facts and a drawn chart on the
second, a content advisory before the third, a picture file on the fourth."""

PICTURE_PANEL = 4
"""The panel of TOKEI with a picture file and no content advisory."""


def write_tokei(folder: Path) -> LoadResult:
    """TOKEI in `folder` (made, with its picture), loaded; it must load cleanly."""
    (folder / "media").mkdir(parents=True)
    media_files.photo(folder / "media" / "dial.png", (320, 240))
    path = folder / "exhibit.yaml"
    path.write_text(TOKEI, encoding="utf-8")
    result = load_exhibit(path)
    assert result.exhibit is not None and len(result.editions) == 2, [
        str(p) for p in result.problems.items
    ]
    return result
