"""The premises register: the model every later register copies."""

from __future__ import annotations

from desktop.rules import state_name
from desktop.services.geo import districts_by_state
from desktop.services.office import get_office
from desktop.services.premises import PremisesRow, list_premises, set_premises_active
from desktop.views.premises_dialog import PremisesDialog
from desktop.views.register_page import RegisterPage
from desktop.views.table_model import Column


class PremisesPage(RegisterPage):
    kinds = frozenset({"premises", "post", "office"})
    entity = "premises"
    set_active = staticmethod(set_premises_active)

    def __init__(self, ops, parent=None):
        super().__init__(ops, parent)
        self.setObjectName("premisesPage")

    def page_title(self) -> str:
        return self.tr("Daftar Premis")

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Kod"), lambda r: r.code),
            Column(self.tr("Nama premis"), lambda r: r.name),
            Column(self.tr("Jenis"), lambda r: r.kind.label_ms),
            Column(self.tr("Negeri"), lambda r: state_name(r.state)),
            Column(self.tr("Daerah"), lambda r: r.district),
            Column(self.tr("Jawatan"), lambda r: r.posts, align_right=True),
            Column(self.tr("Aktif"), lambda r: r.active),
        ]

    def load(self) -> list[PremisesRow]:
        return self.ops.query(list_premises)

    def dialog_for(self, row: PremisesRow | None) -> PremisesDialog:
        office = self.ops.query(get_office)
        return PremisesDialog(self.ops, row, default_state=office.state if office else "",
                              districts=districts_by_state(), parent=self)

    def field_labels(self) -> dict[str, str]:
        return {"code": self.tr("Kod"), "name": self.tr("Nama premis"), "kind": self.tr("Jenis"),
                "state": self.tr("Negeri"), "district": self.tr("Daerah"),
                "address": self.tr("Alamat"), "active": self.tr("Aktif")}

    def row_title(self, row: PremisesRow) -> str:
        return f"{row.code} {row.name}"
