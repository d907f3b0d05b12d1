from portfolios.diffing import diff_fields, diff_text
from portfolios.kinds import get_kind


def test_it_marks_added_and_removed_words():
    pieces = diff_text("Client needs Mod A for dressing.", "Client needs Min A for dressing.")
    assert [(piece.op, piece.text.strip()) for piece in pieces if piece.op != "same"] == [
        ("removed", "Mod"),
        ("added", "Min"),
    ]


def test_joining_the_pieces_gives_back_both_texts():
    old, new = "one two\nthree  four", "one 2\nthree four five"
    pieces = diff_text(old, new)
    assert "".join(piece.text for piece in pieces if piece.op != "added") == old
    assert "".join(piece.text for piece in pieces if piece.op != "removed") == new


def test_unchanged_sections_say_so():
    kind = get_kind("case_writeup")
    diffs = diff_fields(kind, {"context": "same", "plan": "old"}, {"context": "same", "plan": "new"})
    changed = {diff.key for diff in diffs if diff.changed}
    assert changed == {"plan"}
    assert [diff.key for diff in diffs] == list(kind.section_keys)
