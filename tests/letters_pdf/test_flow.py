"""The text blocks: wrapping, cutting unbreakable words, splitting, keeping short blocks whole."""

from desktop.letters.flow import TextBlock, wrap_words
from desktop.letters.render import FONT, register_fonts

register_fonts()


def test_wrap_respects_the_width_and_hard_breaks():
    lines = wrap_words("satu dua tiga empat lima enam\nbaris kedua", FONT, 10, 60)
    assert all(width <= 60 for _t, width, _e in lines)
    assert " ".join(t for t, _w, _e in lines) == "satu dua tiga empat lima enam baris kedua"
    ends = [t for t, _w, end in lines if end]
    assert ends[-1] == "baris kedua" and len(ends) == 2  # each hard line ends a paragraph


def test_a_word_wider_than_the_line_is_cut_not_overflowing():
    lines = wrap_words("R" * 500, FONT, 10, 100)
    assert len(lines) > 1 and "".join(t for t, _w, _e in lines) == "R" * 500
    assert all(width <= 100 for _t, width, _e in lines)


def test_split_by_lines_and_keep_short_blocks_whole():
    text = " ".join(["perkataan"] * 80)
    block = TextBlock(text, FONT, 10, 12)
    _, height = block.wrap(200, 1000)
    lines = height / 12
    head, tail = block.split(200, 12 * 3 + 5)
    assert head.wrap(200, 1000)[1] == 36 and tail.wrap(200, 1000)[1] == (lines - 3) * 12
    short = TextBlock("a\nb\nc", FONT, 10, 12, keep=5)
    short.wrap(200, 1000)
    assert short.split(200, 20) == []  # moves whole to the next page
    assert short.split(200, 40) == [short]


def test_max_lines_cuts_with_an_ellipsis():
    block = TextBlock("Pejabat " * 200, FONT, 12, 14, max_lines=2)
    assert block.wrap(200, 1000)[1] == 28
    assert block._wrapped(200)[-1][0].endswith(" …")
