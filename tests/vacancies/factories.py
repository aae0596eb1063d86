"""Premises, grades, posts and staff for the vacancy tests, written with the ORM directly
(the registers' own services are another issue's work)."""

from __future__ import annotations

import itertools
from datetime import date

from desktop.models import Grade, Post, Premises, Staff
from desktop.rules.enums import PremisesKind, Qualification

_n = itertools.count(1)

# Valid MyKad numbers (YYMMDD-PB-###G; PB 10 = Selangor): born 1 Jan 1990 + i days' serial.
def mykad(i: int) -> str:
    return f"900101-10-{i:04d}".replace("-", "")


def premises(s, kind=PremisesKind.TABIKA, district="Gombak", code=None, active=True) -> Premises:
    n = next(_n)
    p = Premises(code=code or f"P-{n:04d}", name=f"{kind.label_ms} Taman {n}", kind=kind,
                 state="SGR", district=district, address="", active=active)
    s.add(p)
    s.flush()
    return p


def grade(s, code="S17", title="Pembantu Pendidik") -> Grade:
    g = s.query(Grade).filter_by(code=code).one_or_none()
    if g is None:
        g = Grade(code=code, title=title, active=True)
        s.add(g)
        s.flush()
    return g


def staff(s, name=None, g: Grade | None = None) -> Staff:
    n = next(_n)
    st = Staff(name=name or f"Pegawai {n}", mykad=mykad(n), grade_id=g.id if g else None,
               service_start=date(2020, 1, 1), qualification=Qualification.SPM, active=True)
    s.add(st)
    s.flush()
    return st


def post(s, prem: Premises | None = None, g: Grade | None = None, incumbent: Staff | None = None,
         active=True) -> Post:
    prem = prem or premises(s)
    g = g or grade(s)
    p = Post(premises_id=prem.id, grade_id=g.id, incumbent_id=incumbent.id if incumbent else None,
             active=active)
    s.add(p)
    s.flush()
    return p


def vacant_post(db, **kw) -> int:
    """A post with no incumbent; returns its id."""
    with db.session() as s:
        return post(s, **kw).id


def held_post(db, name="Siti binti Ali", **kw) -> tuple[int, int]:
    """A post whose incumbent is in place; returns (post id, staff id)."""
    with db.session() as s:
        g = kw.pop("g", None) or grade(s)
        st = staff(s, name, g)
        return post(s, g=g, incumbent=st, **kw).id, st.id
