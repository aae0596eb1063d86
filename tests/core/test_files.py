"""desktop.files.write_atomically: the file the user named is whole or untouched."""

import pytest

from desktop.files import write_atomically


def test_writes_the_bytes_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "surat.pdf"
    assert write_atomically(str(target), b"%PDF-1.4 satu") == target
    assert target.read_bytes() == b"%PDF-1.4 satu"
    assert [p.name for p in tmp_path.iterdir()] == ["surat.pdf"]


def test_a_failed_write_keeps_the_old_file_and_leaves_nothing_else(tmp_path):
    target = tmp_path / "surat.pdf"
    target.write_bytes(b"lama")
    with pytest.raises(TypeError):
        write_atomically(target, "bukan bait")  # text, not bytes: the write itself fails
    assert target.read_bytes() == b"lama"
    assert [p.name for p in tmp_path.iterdir()] == ["surat.pdf"]


def test_a_missing_folder_is_an_error_not_a_stray_file(tmp_path):
    with pytest.raises(FileNotFoundError):
        write_atomically(tmp_path / "tiada" / "surat.pdf", b"x")
    assert list(tmp_path.iterdir()) == []
