#!/usr/bin/env python3
"""Turn a `tmux capture-pane -e -p` dump (text with SGR escapes) into an SVG image.

Usage: ansi2svg.py COLUMNS ROWS < capture.txt > screen.svg
Only what tmux emits is handled: SGR colours (16, 256, RGB) and bold/dim/italic/
underline/reverse. A wide character (CJK: East Asian Wide or Fullwidth) takes two
columns, as the terminal drew it; every other glyph healthdeck draws takes one.
"""
import html
import re
import sys
import unicodedata

PALETTE = [
    "#1d1f21", "#cc3333", "#4e9a06", "#c4a000", "#3465a4", "#a54fa8", "#06989a", "#d3d7cf",
    "#6f7170", "#ef2929", "#8ae234", "#fce94f", "#729fcf", "#ad7fa8", "#34e2e2", "#ffffff",
]
DEFAULT_FG, DEFAULT_BG = "#d3d7cf", "#101214"
CELL_W, CELL_H, FONT = 8.4, 17, 14


def color256(n):
    if n < 16:
        return PALETTE[n]
    if n < 232:
        n -= 16
        level = [0, 95, 135, 175, 215, 255]
        return "#%02x%02x%02x" % (level[n // 36], level[(n // 6) % 6], level[n % 6])
    v = 8 + (n - 232) * 10
    return "#%02x%02x%02x" % (v, v, v)


def apply_sgr(params, st):
    codes = [int(p) if p else 0 for p in params.split(";")] if params else [0]
    i = 0
    while i < len(codes):
        c = codes[i]
        if c == 0:
            st.update(fg=None, bg=None, bold=False, dim=False, italic=False, under=False, rev=False)
        elif c == 1:
            st["bold"] = True
        elif c == 2:
            st["dim"] = True
        elif c == 3:
            st["italic"] = True
        elif c == 4:
            st["under"] = True
        elif c == 7:
            st["rev"] = True
        elif c == 22:
            st["bold"] = st["dim"] = False
        elif c == 23:
            st["italic"] = False
        elif c == 24:
            st["under"] = False
        elif c == 27:
            st["rev"] = False
        elif 30 <= c <= 37:
            st["fg"] = PALETTE[c - 30]
        elif 90 <= c <= 97:
            st["fg"] = PALETTE[c - 90 + 8]
        elif c == 39:
            st["fg"] = None
        elif 40 <= c <= 47:
            st["bg"] = PALETTE[c - 40]
        elif 100 <= c <= 107:
            st["bg"] = PALETTE[c - 100 + 8]
        elif c == 49:
            st["bg"] = None
        elif c in (38, 48) and i + 1 < len(codes):
            key = "fg" if c == 38 else "bg"
            if codes[i + 1] == 5 and i + 2 < len(codes):
                st[key] = color256(codes[i + 2])
                i += 2
            elif codes[i + 1] == 2 and i + 4 < len(codes):
                st[key] = "#%02x%02x%02x" % tuple(codes[i + 2:i + 5])
                i += 4
        i += 1


def main():
    cols, rows = int(sys.argv[1]), int(sys.argv[2])
    st = dict(fg=None, bg=None, bold=False, dim=False, italic=False, under=False, rev=False)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{cols * CELL_W:.0f}" '
        f'height="{rows * CELL_H}" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" '
        f'font-size="{FONT}">',
        f'<rect width="100%" height="100%" fill="{DEFAULT_BG}"/>',
    ]
    token = re.compile(r"\x1b\[([0-9;]*)m|(.)")
    for y, line in enumerate(sys.stdin.read().split("\n")[:rows]):
        x = 0
        for m in token.finditer(line):
            if m.group(1) is not None or m.group(0).startswith("\x1b"):
                apply_sgr(m.group(1), st)
                continue
            ch = m.group(2)
            fg, bg = st["fg"] or DEFAULT_FG, st["bg"]
            if st["rev"]:
                fg, bg = bg or DEFAULT_BG, fg
            px, py = x * CELL_W, y * CELL_H
            span = 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
            if bg:
                out.append(f'<rect x="{px:.1f}" y="{py}" width="{CELL_W * span + 0.3:.1f}" height="{CELL_H}" fill="{bg}"/>')
            if ch != " ":
                attrs = f'fill="{fg}"'
                if st["bold"]:
                    attrs += ' font-weight="bold"'
                if st["dim"]:
                    attrs += ' opacity="0.6"'
                if st["italic"]:
                    attrs += ' font-style="italic"'
                if st["under"]:
                    attrs += ' text-decoration="underline"'
                if span == 2:
                    # Drawn in exactly two cells, whatever the viewer's CJK font measures.
                    attrs += f' textLength="{CELL_W * 2:.1f}" lengthAdjust="spacingAndGlyphs"'
                out.append(f'<text x="{px:.1f}" y="{py + CELL_H - 4}" {attrs}>{html.escape(ch)}</text>')
            x += span
    out.append("</svg>")
    print("\n".join(out))


if __name__ == "__main__":
    main()
