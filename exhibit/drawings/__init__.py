"""Pictures the terminal draws as text: charts, timelines and the words over a map.

Pure layout, no Textual: each function takes the frozen model (in one language) and a size in
terminal cells, and returns lines of `Piece`s, each a run of text with a role ("bar", "value",
"muted", ...). The UI paints the roles in the theme's colours; tests read the text directly; the
audio description reads `spoken.sentences`.
"""
