"""Replacement officers (pegawai gantian) on an honorarium (bayaran saguhati, 7.4(d), 8.2(c)):
appointment, end, cost, the register and the dashboard's alert.

The honorarium comes from the administrator's table (``resources/rates/gantian.toml``, per
grade, per working day or per month). The table ships empty, so an appointment is refused with
``RATE_TABLE_EMPTY`` and the table's own Malay message until the administrator fills it. The
rate found on the first day is kept with the appointment, as approved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import FillingStatus, GantianAppointment, Premises, Vacancy
from desktop.rules import Refused, invalid
from desktop.rules.calendar import END_BEFORE_START
from desktop.rules.costs import MethodCost, gantian_cost
from desktop.rules.enums import Method, VacancyKind
from desktop.rules.gantian import PER_DAY, gantian_honorarium
from desktop.rules.mykad import parse_mykad
from desktop.rules.vacancy_enums import VacancyStatus, date_ms
from desktop.services import vacancies as V
from desktop.services.office import get_office
from desktop.services.unit import Ctx
from desktop.services.validate import Checks, typed_date, typed_id

ENTITY = "gantian"
ALERT_WINDOW_DAYS = V.ALERT_WINDOW_DAYS
PER_LABELS = {PER_DAY: "sehari bekerja", "BULAN": "sebulan"}


@dataclass(frozen=True)
class GantianRow:
    id: int
    vacancy_id: int
    premises_code: str
    premises_name: str
    grade_code: str  # the grade whose honorarium is paid
    vacancy_kind: VacancyKind
    name: str
    mykad: str
    per: str  # "HARI" (per working day) or "BULAN" (per month)
    per_label: str
    amount: Decimal
    start: date
    end: date  # planned last day
    last_day: date  # the day it ended, or the planned last day while active
    status: FillingStatus
    status_label: str
    days_to_end: int | None  # while active; negative once the planned end has passed
    approval_ref: str
    approval_date: date
    ended_on: date | None
    end_reason: str


@dataclass
class GantianForm:
    vacancy_id: int | str | None = None
    name: str = ""
    mykad: str = ""  # with or without dashes
    start: date | str | None = None
    end: date | str | None = None
    approval_ref: str = ""
    approval_date: date | str | None = None


def _today(today: date | None) -> date:
    return today if today is not None else date.today()


def _last_day(g: GantianAppointment) -> date:
    return g.ended_on if g.ended_on is not None else g.end


def _snapshot(g: GantianAppointment) -> dict:
    return {"vacancy_id": g.vacancy_id, "name": g.name, "mykad": g.mykad,
            "grade_code": g.grade_code, "per": g.per, "amount": g.amount, "start": g.start,
            "end": g.end, "approval_ref": g.approval_ref, "approval_date": g.approval_date,
            "status": g.status, "ended_on": g.ended_on, "end_reason": g.end_reason}


def _load(session: Session, gantian_id) -> GantianAppointment:
    c = Checks()
    gid = typed_id(c, "gantian_id", "Pegawai gantian", "Replacement officer", gantian_id)
    c.raise_if_any()
    g = session.get(GantianAppointment, gid)
    if g is None:
        raise V.not_found("Pelantikan pegawai gantian", "Replacement appointment", gid,
                          "gantian_id")
    return g


# ---------------------------------------------------------------------------------------------
# changes

@dataclass
class _Clean:
    vacancy: Vacancy
    name: str
    mykad: str
    grade_code: str
    per: str
    amount: Decimal
    start: date
    end: date
    approval_ref: str
    approval_date: date


def _clean(session: Session, form: GantianForm, today: date) -> _Clean:
    c = Checks()
    vid = typed_id(c, "vacancy_id", "Kekosongan", "Vacancy", form.vacancy_id)
    name = " ".join(c.text("name", "Nama pegawai gantian", "Replacement officer's name",
                           form.name).split())
    mykad = None
    if c.text("mykad", "No. MyKad", "MyKad number", form.mykad, max_len=40):
        try:
            mykad = parse_mykad(form.mykad, "mykad", today=today).number
        except Refused as refused:
            c.problems.extend(refused.violations)
    start = typed_date(c, "start", "Tarikh mula", "Start date", form.start)
    end = typed_date(c, "end", "Tarikh akhir", "End date", form.end)
    approval_ref = c.text("approval_ref", "Rujukan kelulusan", "Approval reference",
                          form.approval_ref, max_len=100)
    approval_date = typed_date(c, "approval_date", "Tarikh kelulusan", "Approval date",
                               form.approval_date)
    if approval_date is not None and approval_date > today:
        c.add(invalid("approval_date", "Tarikh kelulusan tidak boleh selepas hari ini.",
                      "The approval date cannot be after today.", "FUTURE_DATE"))
    period = start is not None and end is not None
    if period and end < start:
        c.add(END_BEFORE_START.violation("end"))
        period = False

    v = session.get(Vacancy, vid) if vid is not None else None
    honorarium = None
    if vid is not None and v is None:
        c.add(invalid("vacancy_id", f"Kekosongan {vid} tidak wujud.",
                      f"Vacancy {vid} does not exist.", "NOT_FOUND"))
    elif v is not None and v.status is VacancyStatus.CLOSED:
        c.add(invalid("vacancy_id", f"Kekosongan {v.id} telah ditutup pada "
                      f"{date_ms(v.closed_on)}.", f"Vacancy {v.id} was closed on "
                      f"{v.closed_on.isoformat()}.", "VACANCY_CLOSED"))
    elif v is not None:
        c.problems.extend(V.method_refusals(v, Method.GANTIAN, start or today))
        if start is not None:
            if start < v.opened_on:
                c.add(invalid("start", f"Pegawai gantian tidak boleh bermula sebelum tarikh "
                              f"kekosongan ({date_ms(v.opened_on)}).", "A replacement cannot "
                              f"start before the vacancy arises ({v.opened_on.isoformat()}).",
                              "GANTIAN_BEFORE_VACANCY", "1"))
            try:  # RATE_TABLE_EMPTY until the administrator fills the table
                honorarium = gantian_honorarium(v.post.grade.code, start)
            except Refused as refused:
                c.problems.extend(refused.violations)
        if period:
            V.check_filling_overlap(c, session, v.id, start, end, mykad=mykad or "")
    c.raise_if_any()
    return _Clean(v, name, mykad, honorarium.grade, honorarium.per, honorarium.amount, start,
                  end, approval_ref, approval_date)


def appoint_gantian(ctx: Ctx, form: GantianForm, today: date | None = None) -> int:
    """Appoint a replacement officer on the honorarium of the vacancy's grade."""
    today = _today(today)
    f = _clean(ctx.session, form, today)
    g = GantianAppointment(vacancy_id=f.vacancy.id, name=f.name, mykad=f.mykad,
                           grade_code=f.grade_code, per=f.per, amount=f.amount, start=f.start,
                           end=f.end, approval_ref=f.approval_ref, approval_date=f.approval_date,
                           status=FillingStatus.ACTIVE, ended_on=None, end_reason="")
    ctx.session.add(g)
    ctx.session.flush()
    ctx.audit("tambah", ENTITY, g.id, None, _snapshot(g))
    if f.vacancy.status is VacancyStatus.OPEN:
        V.mark_filled(ctx, f.vacancy.id, Method.GANTIAN, filled_on=f.start,
                      today=max(today, f.start))
    return g.id


def end_gantian(ctx: Ctx, gantian_id, ended_on, reason: str) -> None:
    """End the appointment on ``ended_on`` (its last day); the vacancy is open again when
    nothing else covers it."""
    g = _load(ctx.session, gantian_id)
    c = Checks()
    if g.status is not FillingStatus.ACTIVE:
        c.add(invalid("gantian_id", f"Pelantikan pegawai gantian {g.id} telah tamat pada "
                      f"{date_ms(g.ended_on)}.", f"Replacement appointment {g.id} ended on "
                      f"{g.ended_on.isoformat()}.", "GANTIAN_NOT_ACTIVE"))
        c.raise_if_any()
    on = typed_date(c, "ended_on", "Tarikh tamat", "Date ended", ended_on)
    reason = c.text("reason", "Sebab ditamatkan", "Why ended", reason, max_len=2000)
    if on is not None and not g.start <= on <= g.end:
        c.add(invalid("ended_on", f"Tarikh tamat mesti dalam tempoh pelantikan "
                      f"({date_ms(g.start)} hingga {date_ms(g.end)}).", "The end date must fall "
                      f"within the appointment ({g.start.isoformat()} to {g.end.isoformat()}).",
                      "GANTIAN_END_OUTSIDE_TERM"))
    c.raise_if_any()
    before = _snapshot(g)
    g.status, g.ended_on, g.end_reason = FillingStatus.ENDED, on, reason
    ctx.session.flush()
    ctx.audit("tamat", ENTITY, g.id, before, _snapshot(g))
    v = ctx.session.get(Vacancy, g.vacancy_id)
    if v.status is VacancyStatus.FILLED and not any(
            f.active for f in V.fillings_of(ctx.session, v.id)):
        V.mark_unfilled(ctx, v.id, f"Pegawai gantian {g.name} tamat pada {date_ms(on)}: "
                        f"{reason}"[:2000])


# ---------------------------------------------------------------------------------------------
# cost

def gantian_cost_for(session: Session, gantian_id) -> MethodCost:
    """The honorarium of the whole appointment (to its end, or the day it ended): per working
    day of the state, or per month prorated by calendar days (rules.costs.gantian_cost). When
    it cannot be worked out, the reason instead of a figure."""
    g = _load(session, gantian_id)
    office = get_office(session)
    state = office.state if office is not None and office.state else g.vacancy.premises.state
    try:
        return gantian_cost(state, g.grade_code, g.start, _last_day(g))
    except Refused as refused:
        return MethodCost("GANTIAN", None, problem=refused.violations[0])


# ---------------------------------------------------------------------------------------------
# the register

def _listing():
    return (select(GantianAppointment, Premises.code, Premises.name, Vacancy.kind)
            .join(Vacancy, Vacancy.id == GantianAppointment.vacancy_id)
            .join(Premises, Premises.id == Vacancy.premises_id))


def _rows(session: Session, q, today: date) -> list[GantianRow]:
    out = []
    for g, pcode, pname, vkind in session.execute(q):
        active = g.status is FillingStatus.ACTIVE
        out.append(GantianRow(
            g.id, g.vacancy_id, pcode, pname, g.grade_code, vkind, g.name, g.mykad, g.per,
            PER_LABELS.get(g.per, g.per), g.amount, g.start, g.end, _last_day(g), g.status,
            g.status.label_ms, (g.end - today).days if active else None, g.approval_ref,
            g.approval_date, g.ended_on, g.end_reason or ""))
    return out


def list_gantian(session: Session, status=None, today: date | None = None,
                 vacancy_id: int | None = None) -> list[GantianRow]:
    """The register of replacement officers (or those of one status / one vacancy), oldest
    first."""
    q = _listing()
    if status is not None:
        try:
            wanted = FillingStatus(status.strip().upper() if isinstance(status, str) else status)
        except ValueError:
            raise Refused(invalid("status", f"Status '{status}' tidak dikenali (ACTIVE atau "
                                  "ENDED).", f"Unknown status '{status}' (ACTIVE or ENDED).",
                                  "UNKNOWN_VALUE")) from None
        q = q.where(GantianAppointment.status == wanted)
    if vacancy_id is not None:
        q = q.where(GantianAppointment.vacancy_id == vacancy_id)
    return _rows(session, q.order_by(GantianAppointment.start, GantianAppointment.id),
                 _today(today))


def get_gantian(session: Session, gantian_id, today: date | None = None) -> GantianRow:
    g = _load(session, gantian_id)
    return _rows(session, _listing().where(GantianAppointment.id == g.id), _today(today))[0]


# ---------------------------------------------------------------------------------------------
# what the vacancy service asks of us: fillings and alerts

@V.register_filling_provider
def gantian_fillings(session: Session, vacancy_id: int | None) -> list[V.FillingRef]:
    q = select(GantianAppointment)
    if vacancy_id is not None:
        q = q.where(GantianAppointment.vacancy_id == vacancy_id)
    out = []
    for g in session.execute(q.order_by(GantianAppointment.id)).scalars():
        active = g.status is FillingStatus.ACTIVE
        label = (f"Pegawai gantian {g.name}, {date_ms(g.start)} hingga "
                 f"{date_ms(_last_day(g))}" + ("" if active else " (tamat)"))
        out.append(V.FillingRef("GANTIAN", g.id, label, _last_day(g), g.start, g.name, g.mykad,
                                active))
    return out


@V.register_alert_provider
def gantian_alerts(session: Session, today: date) -> list[V.Alert]:
    """Active replacement officers whose planned end is within 14 days."""
    q = (_listing().where(GantianAppointment.status == FillingStatus.ACTIVE,
                          GantianAppointment.end >= today,
                          GantianAppointment.end <= today + timedelta(days=ALERT_WINDOW_DAYS)))
    return [V.Alert("GANTIAN_ENDING", "warning",
                    f"Pelantikan pegawai gantian {r.name} ({r.grade_code}, {r.premises_name}) "
                    f"tamat pada {date_ms(r.end)}.", ENTITY, r.id, r.end)
            for r in _rows(session, q, today)]


__all__ = [
    "GantianForm", "GantianRow", "appoint_gantian", "end_gantian", "gantian_alerts",
    "gantian_cost_for", "gantian_fillings", "get_gantian", "list_gantian",
]

# The acting service's fillings must be registered whenever a replacement checks an overlap.
from desktop.services import acting as _acting  # noqa: E402,F401
