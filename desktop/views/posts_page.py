"""The posts register: posts per premises with grade and incumbent, and who held each post."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.rules.mykad import format_mykad
from desktop.services.grades import list_grades
from desktop.services.posts import (
    IncumbencyRow,
    PostForm,
    PostRow,
    add_post,
    assign_incumbent,
    list_posts,
    post_history,
    release_incumbent,
    set_post_active,
    update_post,
)
from desktop.services.premises import list_premises
from desktop.services.staff import list_staff
from desktop.views.form_dialog import FormDialog
from desktop.views.operations import Operations, Result
from desktop.views.register_page import RegisterPage
from desktop.views.table_dialog import TableDialog
from desktop.views.table_model import Column
from desktop.views.widgets import DateField, choice_combo, select_data


def searchable(combo: QComboBox) -> QComboBox:
    """Let a long combo be filtered by typing any part of an item."""
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = combo.completer()
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    return combo


class PostDialog(FormDialog):
    def __init__(self, ops: Operations, row: PostRow | None, parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.row = row
        self.setObjectName("postDialog")
        self.setWindowTitle(self.tr("Ubah jawatan") if row else self.tr("Tambah jawatan"))
        premises = [(f"{p.code} {p.name}", p.id) for p in ops.query(list_premises)
                    if p.active or (row and p.id == row.premises_id)]
        grades = [(g.label, g.id) for g in ops.query(list_grades)
                  if g.active or (row and g.id == row.grade_id)]
        self.premises = self.add_field("premises_id", self.tr("Premis"), searchable(
            choice_combo(premises, blank=self.tr("(pilih premis)"))))
        self.grade = self.add_field("grade_id", self.tr("Gred"),
                                    choice_combo(grades, blank=self.tr("(pilih gred)")))
        self.finish_fields()
        if row:
            select_data(self.premises, row.premises_id)
            select_data(self.grade, row.grade_id)

    def submit(self) -> Result:
        form = PostForm(self.premises.currentData(), self.grade.currentData())
        if self.row is None:
            return self.ops.run(add_post, form, parent=self, show_refusal=False)
        return self.ops.run(update_post, self.row.id, form, parent=self, show_refusal=False)

    def saved(self, result: Result):
        return result.value if self.row is None else self.row.id


class AssignDialog(FormDialog):
    """Make an officer the holder of a vacant post (or move them from their present post)."""

    def __init__(self, ops: Operations, post: PostRow, parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.post = post
        self.setObjectName("assignDialog")
        self.setWindowTitle(self.tr("Isi jawatan %1").replace("%1", _post_title(post)))
        staff = [(f"{s.name} ({format_mykad(s.mykad)})"
                  + (f" - {s.post}" if s.post else ""), s.id)
                 for s in ops.query(list_staff, include_inactive=False)]
        self.staff = self.add_field("staff_id", self.tr("Pegawai"), searchable(
            choice_combo(staff, blank=self.tr("(pilih pegawai)"))))
        self.start = self.add_field("start", self.tr("Mula menyandang"), DateField())
        self.move = self.add_field("move", "", QCheckBox(
            self.tr("Pindahkan dari jawatan yang disandang sekarang")))
        self.note = self.add_field("note", self.tr("Catatan"), QLineEdit())
        self.finish_fields()

    def submit(self) -> Result:
        return self.ops.run(assign_incumbent, self.post.id, self.staff.currentData(),
                            self.start.value(), move=self.move.isChecked(),
                            note=self.note.text(), parent=self, show_refusal=False)

    def saved(self, result: Result):
        return self.post.id


class ReleaseDialog(FormDialog):
    """The holder leaves the post; the post becomes vacant and the holding is kept."""

    def __init__(self, ops: Operations, post: PostRow, parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.post = post
        self.setObjectName("releaseDialog")
        self.setWindowTitle(self.tr("Kosongkan jawatan %1").replace("%1", _post_title(post)))
        self.end = self.add_field("end", self.tr("Hari terakhir menyandang"), DateField())
        self.note = self.add_field("note", self.tr("Sebab / catatan"), QLineEdit())
        self.finish_fields()

    def submit(self) -> Result:
        return self.ops.run(release_incumbent, self.post.id, self.end.value(), self.note.text(),
                            parent=self, show_refusal=False)

    def saved(self, result: Result):
        return self.post.id


class HoldersDialog(TableDialog):
    """Everyone who has held a post, with their dates."""

    def __init__(self, ops: Operations, post: PostRow, parent: QWidget | None = None):
        rows: list[IncumbencyRow] = ops.query(post_history, post.id)
        super().__init__(self.tr("Penyandang jawatan %1").replace("%1", _post_title(post)), [
            Column(self.tr("Pegawai"), lambda r: r.staff_name),
            Column(self.tr("No. MyKad"), lambda r: format_mykad(r.staff_mykad), mykad=True),
            Column(self.tr("Mula"), lambda r: r.start),
            Column(self.tr("Hingga"), lambda r: r.end),
            Column(self.tr("Catatan"), lambda r: r.note),
        ], rows, parent, object_name="holdersDialog", size=(700, 320))


def _post_title(post: PostRow) -> str:
    return f"{post.premises_code} {post.grade_code}"


class PostsPage(RegisterPage):
    kinds = frozenset({"post", "post_incumbency", "premises", "staff", "grade"})
    entity = "post"
    set_active = staticmethod(set_post_active)

    def __init__(self, ops, parent=None):
        super().__init__(ops, parent)
        self.setObjectName("postsPage")

    def page_title(self) -> str:
        return self.tr("Daftar Jawatan")

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Premis"), lambda r: r.premises_code),
            Column(self.tr("Nama premis"), lambda r: r.premises_name),
            Column(self.tr("Jenis"), lambda r: r.premises_kind.value.title()),
            Column(self.tr("Gred"), lambda r: r.grade_code),
            Column(self.tr("Penyandang"), lambda r: r.incumbent_name
                   or (self.tr("(kosong)") if r.active else "")),
            Column(self.tr("Sejak"), lambda r: r.incumbent_since),
            Column(self.tr("Aktif"), lambda r: r.active),
        ]

    def load(self) -> list[PostRow]:
        return self.ops.query(list_posts)

    def dialog_for(self, row: PostRow | None) -> PostDialog:
        return PostDialog(self.ops, row, self)

    def make_buttons(self) -> list[QPushButton]:
        self.vacant_only = QCheckBox(self.tr("Jawatan kosong sahaja"), objectName="vacantOnly")
        self.vacant_only.toggled.connect(self._apply_predicate)
        self.assign_button = QPushButton(self.tr("Isi jawatan..."), objectName="assignButton")
        self.release_button = QPushButton(self.tr("Kosongkan..."), objectName="releaseButton")
        self.holders_button = QPushButton(self.tr("Penyandang..."), objectName="holdersButton")
        self.assign_button.clicked.connect(lambda: self.open_dialog(AssignDialog))
        self.release_button.clicked.connect(lambda: self.open_dialog(ReleaseDialog))
        self.holders_button.clicked.connect(lambda: self.open_dialog(HoldersDialog))
        return [self.assign_button, self.release_button, self.holders_button, self.vacant_only]

    def has_row_filter(self) -> bool:
        return hasattr(self, "vacant_only") and self.vacant_only.isChecked()

    def row_filter(self, row: PostRow) -> bool:
        return row.vacant

    def selection_changed(self) -> None:
        super().selection_changed()
        row = self.selected_row()
        self.assign_button.setEnabled(row is not None and row.vacant)
        self.release_button.setEnabled(row is not None and row.incumbent_id is not None)
        self.holders_button.setEnabled(row is not None)

    def row_title(self, row: PostRow) -> str:
        return _post_title(row)

    def field_labels(self) -> dict[str, str]:
        return {"premises_id": self.tr("Premis"), "grade_id": self.tr("Gred"),
                "incumbent_id": self.tr("Penyandang"), "active": self.tr("Aktif")}
