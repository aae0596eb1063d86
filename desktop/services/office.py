"""The office's own settings: name, state, address and letterhead."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import Office
from desktop.rules import invalid, is_state
from desktop.services.unit import Ctx
from desktop.services.validate import Checks

ENTITY = "office"


@dataclass
class OfficeInfo:
    code: str = ""
    name: str = ""
    state: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    slogans: str = ""
    signer_name: str = ""
    signer_title: str = ""
    ref_prefix: str = ""
    logo_path: str = ""
    logo_sha: str = ""  # the letterhead logo (services.letters.set_logo), "" when none
    hq_address: str = ""  # Ibu Pejabat's address for letters to the Ketua Pengarah


FIELDS = tuple(OfficeInfo.__dataclass_fields__)
# what the settings form saves; the logo changes only through services.letters.set_logo
SAVED = tuple(f for f in FIELDS if f != "logo_sha")


def get_office(session: Session) -> OfficeInfo | None:
    o = session.execute(select(Office).order_by(Office.id).limit(1)).scalar_one_or_none()
    if o is None:
        return None
    return OfficeInfo(**{f: getattr(o, f) for f in FIELDS})


def save_office(ctx: Ctx, info: OfficeInfo) -> None:
    c = Checks()
    name = c.text("name", "Nama pejabat", "Office name", info.name)
    code = c.text("code", "Kod pejabat", "Office code", info.code, max_len=20)
    hq = "\n".join(line.strip() for line in c.text(
        "hq_address", "Alamat Ibu Pejabat", "Head office address", info.hq_address,
        required=False, max_len=400).splitlines() if line.strip())
    state = (info.state or "").strip().upper()
    if not is_state(state):
        c.add(invalid("state", f"Negeri '{info.state}' tidak dikenali.",
                      f"Unknown state '{info.state}'."))
    c.raise_if_any()
    clean = OfficeInfo(**{**asdict(info), "name": name, "code": code, "state": state,
                          "hq_address": hq})
    o = ctx.session.execute(select(Office).order_by(Office.id).limit(1)).scalar_one_or_none()
    before = None
    if o is None:
        o = Office(**{f: getattr(clean, f) for f in SAVED})
        ctx.session.add(o)
    else:
        before = OfficeInfo(**{f: getattr(o, f) for f in FIELDS})
        for f in SAVED:
            setattr(o, f, getattr(clean, f))
    ctx.session.flush()
    ctx.audit("simpan", ENTITY, o.id, before, OfficeInfo(**{f: getattr(o, f) for f in FIELDS}))
