"""Everything the kiosk itself says to visitors, per language (the exhibit's own texts come
from exhibit.yaml). A language the kiosk has no words for gets the English ones."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import msgspec


@dataclass(frozen=True)
class StaffWords:
    """The staff status screen (screens/status.py, behind kiosk.staff_status): what the kiosk
    shows and how the machine is doing. In the kiosk's current language, like every other
    word on screen: staff of a Japanese museum read it in Japanese."""

    TITLE: str = "Kiosk status"
    VERSION: str = "Version"
    EXHIBIT: str = "Exhibit file"
    CHECKSUM: str = "Checksum"
    LAST_RELOAD: str = "Last reload"
    NEVER: str = "none since the start"
    ACCEPTED: str = "accepted"
    REFUSED: str = "refused: the last good exhibit stays on screen"
    UPTIME: str = "Running for"
    UPTIME_UNITS: tuple[str, str, str] = ("{} d", "{} h", "{} min")
    """Days, hours and minutes of the running time: "3 d 4 h 12 min"."""
    MEMORY: str = "Memory"
    TEMPERATURE: str = "CPU temperature"
    FREE_DISK: str = "Free disk"
    VISITORS: str = "Visitors"
    VISITOR_FIGURES: str = "{today} today · {week} in the last 7 days"
    NOT_RECORDED: str = "not recorded"
    NOT_REPORTED: str = "not reported"
    LOG: str = "Last log lines"
    LEAVE: str = "Any key returns to the title"


JA_STAFF = StaffWords(
    TITLE="端末の状態",
    VERSION="バージョン",
    EXHIBIT="展示ファイル",
    CHECKSUM="チェックサム",
    LAST_RELOAD="前回の再読み込み",
    NEVER="起動後はまだありません",
    ACCEPTED="反映済み",
    REFUSED="エラーのため反映せず、直前の正常な展示を表示中",
    UPTIME="稼働時間",
    UPTIME_UNITS=("{}日", "{}時間", "{}分"),
    MEMORY="メモリ使用量",
    TEMPERATURE="CPU温度",
    FREE_DISK="ディスク空き容量",
    VISITORS="利用者数",
    VISITOR_FIGURES="本日 {today} 人 · 過去7日間 {week} 人",
    NOT_RECORDED="記録していません",
    NOT_REPORTED="取得できません",
    LOG="最新のログ",
    LEAVE="いずれかのキーでタイトル画面に戻ります",
)
"""For staff, written plainly (です/ます where it is a sentence)."""


class Words(msgspec.Struct, frozen=True):
    """Every word the kiosk says to visitors. A msgspec Struct, not a dataclass: its class is
    made in C, where a dataclass of ~80 fields costs ~4 ms of every start (generated code
    compiled)."""

    PRESS_TO_BEGIN: str = "Touch or press any key to begin"
    STILL_READING: str = "Still reading?"
    PRESS_TO_STAY: str = "Touch or press any key to stay on this page."
    RETURNING_IN: str = "Returning to the start in {seconds} s"
    POSITION: str = "{number} / {total}"
    SOURCES: str = "Sources"
    SOURCES_AND_CREDITS: str = "Sources and credits"
    FACTS: str = "Facts"
    DESCRIBED_IMAGE: str = "Image, described"
    IMAGE_COUNTER: str = "Image {number} of {total}"
    RANGE: str = "–"
    """Joins the ends of a range the kiosk writes itself (a chart's figures, a period's years)."""
    CHOSEN_IMAGE_HINT: str = "Enter  full screen"
    """Under an image chosen with ↓ (past the end of the text)."""
    INDEX: str = "Index"
    INDEX_HINT: str = "↑ ↓ choose · Enter open · Esc close"
    HELP: str = "Keys"
    HELP_HINT: str = "Touch or press any key to close"
    NAV_INDEX: str = "i index"
    NAV_HELP: str = "? help"
    END: str = "End"
    STAFF_MARKER: str = "•"
    """Shown, dimly, only while a saved exhibit file is broken (see the kiosk's log)."""
    TOO_SMALL: str = "Please make this window larger"
    ADVISORY_TITLE: str = "Before you continue"
    ADVISORY_CONTINUE: str = "Enter  continue"
    ADVISORY_SKIP: str = "Esc  skip this panel"
    AUDIO_UNAVAILABLE: str = "Audio description is not available on this kiosk"
    HELP_MEANINGS: Mapping[str, str] = msgspec.field(
        default_factory=lambda: {
            "next": "next page",
            "previous": "previous page",
            "panel": "go to that panel",
            "first": "back to the start",
            "last": "last panel",
            "scroll": "scroll the text, then choose an image",
            "more": "read more of this panel / less",
            "index": "index of all panels",
            "zoom": "the chosen image full screen, with its description",
            "describe": "describe images in words instead of pictures",
            "help": "this help",
            "language": "switch language",
            "contrast": "high contrast",
            "large": "large layout, fewer words a line / back",
            "speak": "read this panel aloud",
            "close": "close a window like this one",
            "touch": "every button in the bottom strip, and the images",
        }
    )
    """What each row of the help window means (exhibit/keys.py: HELP_ROWS has the keys)."""
    OR_TOUCH: str = "or touch"
    """After the keys that open an image: a touch on it does too."""
    MOUSE_OR_TOUCH: str = "Mouse / touch"

    # Layers of text, reading aloud and QR codes ----------------------------------------------
    READ_MORE: str = "{key}  Read more ▼"
    """The target under a panel's lead that opens its second layer ({key}: the key)."""
    READ_LESS: str = "{key}  Show less ▲"
    SOURCE_IDS: str = "Sources: {ids} (in full on the last page)"
    READING_ALOUD: str = "Reading aloud {number} / {total} · touch or press {key} to stop"
    NO_VOICE: str = "This kiosk has no voice for {language}: the page cannot be read aloud"
    PANEL_QR: str = "This panel on your phone"
    EXHIBIT_QR: str = "The exhibit on your phone"
    # Touch first (issue 18): every hint that looks like a button is one -------------------
    TAKE_OVER: str = "Touch or press any key to explore"
    """The banner over every page while the attract loop runs by itself."""
    TARGET_PREVIOUS: str = "◄"
    TARGET_NEXT: str = "►"
    TARGET_UP: str = "▲"
    TARGET_DOWN: str = "▼"
    VIEWER_PREVIOUS: str = "← previous"
    VIEWER_NEXT: str = "next →"
    VIEWER_CLOSE: str = "Esc  close"
    DESCRIBING: str = "Images in words (d)"
    """Shown while description mode is on."""
    STAFF: StaffWords = msgspec.field(default_factory=StaffWords)
    """The staff status screen's words."""


EN = Words()

JA = Words(
    PRESS_TO_BEGIN="画面に触れるか、キーを押すと始まります",
    STILL_READING="まだご覧になっていますか？",
    PRESS_TO_STAY="続けてご覧になるには、画面に触れるか、キーを押してください",
    RETURNING_IN="{seconds} 秒後に最初の画面に戻ります",
    SOURCES="出典",
    SOURCES_AND_CREDITS="出典とクレジット",
    FACTS="要点",
    DESCRIBED_IMAGE="画像の説明",
    IMAGE_COUNTER="画像 {number} / {total}",
    RANGE="〜",
    CHOSEN_IMAGE_HINT="Enter  全画面で表示",
    INDEX="目次",
    INDEX_HINT="↑ ↓ 選ぶ · Enter 開く · Esc 閉じる",
    HELP="キー操作",
    HELP_HINT="画面に触れるか、キーを押すと閉じます",
    NAV_INDEX="i 目次",
    NAV_HELP="? ヘルプ",
    END="終わり",
    TOO_SMALL="画面をもう少し大きくしてください",
    ADVISORY_TITLE="ご覧になる前に",
    ADVISORY_CONTINUE="Enter  進む",
    ADVISORY_SKIP="Esc  このパネルを飛ばす",
    AUDIO_UNAVAILABLE="この端末では音声解説をご利用いただけません",
    HELP_MEANINGS={
        "next": "次のページ",
        "previous": "前のページ",
        "panel": "その番号のパネルへ",
        "first": "最初の画面へ",
        "last": "最後のパネルへ",
        "scroll": "本文のスクロール、続けて画像を選ぶ",
        "more": "このパネルの続きを読む／閉じる",
        "index": "全パネルの目次",
        "zoom": "選んだ画像を全画面で表示（説明つき）",
        "describe": "画像を絵ではなく文章で説明",
        "help": "このヘルプ",
        "language": "言語の切り替え（English）",
        "contrast": "ハイコントラスト表示",
        "large": "ゆったり表示（1行の文字数を減らす）／元に戻す",
        "speak": "このパネルの読み上げ",
        "close": "このような画面を閉じる",
        "touch": "下の帯のボタンと画像にタッチ",
    },
    OR_TOUCH="または画像にタッチ",
    MOUSE_OR_TOUCH="マウス / タッチ",
    # Layers of text, reading aloud and QR codes
    READ_MORE="{key}  続きを読む ▼",
    READ_LESS="{key}  閉じる ▲",
    SOURCE_IDS="出典：{ids}（詳しくは最後のページに）",
    READING_ALOUD="読み上げ中 {number} / {total} · タッチするか {key} キーで止まります",
    NO_VOICE="この端末には{language}の音声がないため、読み上げできません",
    PANEL_QR="このパネルをスマートフォンで",
    EXHIBIT_QR="この展示をスマートフォンで",
    # Touch first
    TAKE_OVER="画面に触れるか、キーを押すとご自由にご覧いただけます",
    VIEWER_PREVIOUS="← 前の画像",
    VIEWER_NEXT="次の画像 →",
    VIEWER_CLOSE="Esc  閉じる",
    DESCRIBING="画像を文章で表示中 (d)",
    STAFF=JA_STAFF,
)
"""Japanese, written for visitors (です/ます), reviewed with the exhibit's Japanese texts."""

LANGUAGE_NAMES = {"en": "English", "ja": "日本語"}
"""What the language button says: each language's name in that language."""

WORDS: dict[str, Words] = {"en": EN, "ja": JA}


def words_for(language: str) -> Words:
    """The kiosk's words in `language` (its base language, or English, if none)."""
    return WORDS.get(language) or WORDS.get(language.split("-")[0]) or EN


__all__ = [
    "EN",
    "JA",
    "LANGUAGE_NAMES",
    "WORDS",
    "StaffWords",
    "Words",
    "words_for",
]
