"""Which method fills a vacancy, and why: the allowed methods side by side with their cost over
the planned period, the cheapest marked (7.4(d), 8(c)), and the choice recorded with its reason.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from desktop.models import Vacancy
from desktop.rules import Refused, invalid
from desktop.rules.calendar import END_BEFORE_START
from desktop.rules.costs import MethodCost, acting_cost, gantian_cost, psh_cost
from desktop.rules.enums import Method, VacancyKind
from desktop.rules.filling import check_method, method_notes
from desktop.rules.workflow import INTERVIEW_REPORT
from desktop.services.grades import starting_salary_on
from desktop.services.unit import Ctx
from desktop.services.vacancies import ENTITY, live_step_codes, load_vacancy
from desktop.services.validate import Checks, typed_date

ORDER = (Method.PSH, Method.ACTING, Method.GANTIAN)


@dataclass(frozen=True)
class FillingOption:
    method: Method
    allowed: bool
    why_not: str  # Malay, with the paragraph, when the method may not fill this vacancy
    notes: str  # the circular's conditions on the method, and any warning
    cost: MethodCost | None  # None when not allowed
    cheapest: bool = False


def _period(start, end) -> tuple[date, date]:
    c = Checks()
    start = typed_date(c, "start", "Tarikh mula", "Start date", start)
    end = typed_date(c, "end", "Tarikh akhir", "End date", end)
    if start and end and end < start:
        c.add(END_BEFORE_START.violation("end"))
    c.raise_if_any()
    return start, end


def _options(session: Session, v: Vacancy, start: date, end: date,
             psh_qualification) -> list[FillingOption]:
    grade = v.post.grade
    premises = v.premises
    report_done = (INTERVIEW_REPORT in live_step_codes(session, v.id)
                   if v.kind is VacancyKind.HAKIKI else None)
    try:
        salary: Decimal | None = starting_salary_on(session, grade.id, start)
    except Refused:
        salary = None  # acting is then shown with the reason it cannot be costed (6B)
    notes = method_notes(premises.kind, v.kind, grade.code, start)
    out = []
    for method in ORDER:
        problems = check_method(premises.kind, v.kind, grade.code, method, start,
                                interview_report_done=report_done)
        errors = [p for p in problems if not p.is_warning]
        warnings = [p.message() for p in problems if p.is_warning]
        note = " ".join([notes.get(method.value, ""), *warnings]).strip()
        if errors:
            out.append(FillingOption(method, False, " ".join(p.message() for p in errors), note,
                                     None))
            continue
        try:
            if method is Method.PSH:
                cost = psh_cost(premises.state, psh_qualification, start, end)
            elif method is Method.ACTING:
                cost = acting_cost(salary, start, end, grade.code)
            else:
                cost = gantian_cost(premises.state, grade.code, start, end)
        except Refused as refused:
            cost = MethodCost(method.value, None, problem=refused.violations[0])
        out.append(FillingOption(method, True, "", note, cost))
    known = [o for o in out if o.cost is not None and o.cost.total is not None]
    if known:
        best = min(known, key=lambda o: o.cost.total)
        out = [FillingOption(o.method, o.allowed, o.why_not, o.notes, o.cost, o is best)
               for o in out]
    return out


def filling_options(session: Session, vacancy_id: int, start, end,
                    psh_qualification="SPM") -> list[FillingOption]:
    """Every method, allowed or not (with why), and the cost of the allowed ones over
    ``start``..``end``; ``psh_qualification`` is the qualification the job calls for (5A(h))."""
    v = load_vacancy(session, vacancy_id)
    start, end = _period(start, end)
    return _options(session, v, start, end, psh_qualification)


def choose_method(ctx: Ctx, vacancy_id: int, method, reason: str, start, end,
                  psh_qualification="SPM") -> None:
    """Record the method chosen for the vacancy and the reason, with the costs compared."""
    v = load_vacancy(ctx.session, vacancy_id, live=True)
    start, end = _period(start, end)
    options = _options(ctx.session, v, start, end, psh_qualification)
    c = Checks()
    chosen = next((o for o in options if o.method.value == str(method or "").upper()), None)
    if chosen is None:
        c.add(invalid("method", "Pilih kaedah pengisian.", "Choose a filling method.",
                      "REQUIRED"))
    elif not chosen.allowed:
        c.add(invalid("method", chosen.why_not, f"{chosen.method.value} may not fill this "
                      "vacancy.", "METHOD_NOT_ALLOWED"))
    reason = c.text("reason", "Justifikasi pilihan kaedah", "Reason for the method", reason,
                    max_len=2000)
    c.raise_if_any()
    before = {"chosen_method": v.chosen_method, "method_reason": v.method_reason}
    v.chosen_method = chosen.method
    v.method_reason = reason
    v.method_costs = json.dumps(
        {"start": start.isoformat(), "end": end.isoformat(),
         "costs": {o.method.value: (None if o.cost is None or o.cost.total is None
                                    else str(o.cost.total)) for o in options if o.allowed},
         "cheapest": next((o.method.value for o in options if o.cheapest), None)},
        sort_keys=True)
    ctx.session.flush()
    ctx.audit("pilih_kaedah", ENTITY, v.id, before,
              {"chosen_method": v.chosen_method, "method_reason": v.method_reason,
               "method_costs": v.method_costs})
