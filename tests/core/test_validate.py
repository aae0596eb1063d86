"""Reading typed form values: what a database column cannot hold is refused by the form's own
check, with a message on the field, never by the driver or the server."""

from desktop.services.validate import MAX_ID, Checks, typed_id


def test_an_id_beyond_a_postgresql_integer_is_too_large():
    c = Checks()
    assert typed_id(c, "grade_id", "Gred", "Grade", str(MAX_ID)) == 2**31 - 1
    assert typed_id(c, "grade_id", "Gred", "Grade", str(MAX_ID + 1)) is None
    assert typed_id(c, "grade_id", "Gred", "Grade", MAX_ID + 1) is None
    assert [(v.field, v.code) for v in c.problems] == [("grade_id", "TOO_LARGE")] * 2


def test_control_characters_are_refused_but_line_breaks_and_tabs_are_kept():
    c = Checks()
    assert c.text("address", "Alamat", "Address", "Jalan 1\nKlang\t(Selangor)") == \
        "Jalan 1\nKlang\t(Selangor)"
    assert not c.problems
    for bad in ("Siti\x00", "A\x1bB", "\x7f"):
        c.text("name", "Nama", "Name", bad)
    assert [(v.field, v.code) for v in c.problems] == [("name", "INVALID_CHARACTER")] * 3
    assert "aksara kawalan" in c.problems[0].message_ms
