"""Import of an office's existing registers: premises, grades, staff, posts and open vacancies.

``desktop.imports`` reads a workbook into the plain rows below (it never touches the database);
this module writes them through the registers' own services with the caller's :class:`Ctx`, so
every row meets exactly the checks of the forms, and everything happens in one transaction.
All or nothing: every row is tried (a refusal of one row does not stop the others) so that the
user sees every bad row and cell at once; when any problem was found, :func:`import_registers`
raises one :class:`ImportRefused` listing them all and the caller's transaction is rolled back.
:func:`preview` runs the same checks and always rolls back (the wizard's preview, ``--dry-run``).

Rows refer to each other by what the user can type: premises by code, grades by code, officers
by MyKad number (to rows of the same file or records already in the database) and posts by the
file's own ``Rujukan`` (posts have no code of their own).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import Decimal
from typing import ClassVar

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.models import Grade, Premises, Staff
from desktop.rules import STATES, Refused, RuleViolation
from desktop.rules.enums import PremisesKind, VacancyKind
from desktop.rules.mykad import compact_mykad
from desktop.rules.vacancy_enums import VacancyReason
from desktop.services.grades import GradeForm, add_grade, add_grade_salary
from desktop.services.posts import PostForm, add_post, assign_incumbent
from desktop.services.premises import PremisesForm, add_premises
from desktop.services.staff import StaffForm, add_staff
from desktop.services.unit import Ctx
from desktop.services.vacancies import VacancyForm, open_vacancy
from desktop.services.validate import Checks, typed_date, typed_money

ENTITY = "register_import"

SHEET_PREMISES = "Premis"
SHEET_GRADES = "Gred"
SHEET_STAFF = "Pegawai"
SHEET_POSTS = "Jawatan"
SHEET_VACANCIES = "Kekosongan"
SHEETS = (SHEET_PREMISES, SHEET_GRADES, SHEET_STAFF, SHEET_POSTS, SHEET_VACANCIES)

# The column headers of each sheet, by the field of its row. They are what the user sees, so
# every problem names its column by them; desktop.imports writes and reads the same headers.
NUMBER = "number"  # "Bil.": a running number the import ignores ("Contoh" marks an example)
HEADERS: dict[str, dict[str, str]] = {
    SHEET_PREMISES: {NUMBER: "Bil.", "code": "Kod", "name": "Nama", "kind": "Jenis",
                     "state": "Negeri", "district": "Daerah", "address": "Alamat"},
    SHEET_GRADES: {NUMBER: "Bil.", "code": "Kod", "title": "Nama",
                   "starting_salary": "Gaji Permulaan (RM)", "salary_from": "Berkuat Kuasa"},
    SHEET_STAFF: {NUMBER: "Bil.", "name": "Nama", "mykad": "No. MyKad", "grade": "Gred",
                  "qualification": "Kelayakan", "service_start": "Mula Berkhidmat",
                  "confirmed_on": "Tarikh Disahkan"},
    SHEET_POSTS: {NUMBER: "Bil.", "ref": "Rujukan", "premises": "Kod Premis", "grade": "Gred",
                  "incumbent": "No. MyKad Penyandang", "incumbent_since": "Mula Menyandang"},
    SHEET_VACANCIES: {NUMBER: "Bil.", "post_ref": "Rujukan Jawatan", "kind": "Jenis",
                      "reason": "Sebab", "opened_on": "Tarikh Kekosongan",
                      "expected_end": "Dijangka Kembali", "notes": "Catatan"},
}

# The services name their form fields; these say which column of the sheet each one came from.
_SERVICE_FIELDS: dict[str, dict[str, str | None]] = {
    SHEET_PREMISES: {},
    SHEET_GRADES: {"grade_id": "code", "effective_from": "salary_from"},
    SHEET_STAFF: {"grade_id": "grade"},
    SHEET_POSTS: {"premises_id": "premises", "grade_id": "grade", "staff_id": "incumbent",
                  "start": "incumbent_since", "post_id": None, "note": None, "id": None},
    SHEET_VACANCIES: {"post_id": "post_ref", "incumbent_id": None, "identified_on": None,
                      "identified_ref": None},
}


# --- The plain rows a file is read into --------------------------------------------------------
# Text as typed (stripped), dates as ``date`` (or the text typed, which the services check),
# money as ``Decimal``. ``row`` is the row number in the sheet; ``bad`` names the fields whose
# cells the reader already refused (their value is empty), so they are not reported twice.

@dataclass(frozen=True, kw_only=True)
class PremisesIn:
    SHEET: ClassVar[str] = SHEET_PREMISES
    row: int = 0
    code: str = ""
    name: str = ""
    kind: str = ""
    state: str = ""
    district: str = ""
    address: str = ""
    bad: frozenset[str] = frozenset()


@dataclass(frozen=True, kw_only=True)
class GradeIn:
    SHEET: ClassVar[str] = SHEET_GRADES
    row: int = 0
    code: str = ""
    title: str = ""
    starting_salary: Decimal | str | None = None  # with salary_from, or neither
    salary_from: date | str | None = None
    bad: frozenset[str] = frozenset()


@dataclass(frozen=True, kw_only=True)
class StaffIn:
    SHEET: ClassVar[str] = SHEET_STAFF
    row: int = 0
    name: str = ""
    mykad: str = ""
    grade: str = ""  # grade code
    qualification: str = ""
    service_start: date | str | None = None
    confirmed_on: date | str | None = None
    bad: frozenset[str] = frozenset()


@dataclass(frozen=True, kw_only=True)
class PostIn:
    SHEET: ClassVar[str] = SHEET_POSTS
    row: int = 0
    ref: str = ""  # the file's own name for the post, for the Kekosongan sheet
    premises: str = ""  # premises code
    grade: str = ""  # grade code
    incumbent: str = ""  # MyKad number of the holder; empty for a vacant post
    incumbent_since: date | str | None = None
    bad: frozenset[str] = frozenset()


@dataclass(frozen=True, kw_only=True)
class VacancyIn:
    SHEET: ClassVar[str] = SHEET_VACANCIES
    row: int = 0
    post_ref: str = ""
    kind: str = ""  # HAKIKI or OPERASI
    reason: str = ""  # a VacancyReason code or its Malay label
    opened_on: date | str | None = None
    expected_end: date | str | None = None
    notes: str = ""
    bad: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ImportProblem:
    """One bad cell, row, sheet or file; ``sheet``/``row``/``column`` are None when it is not
    about one. ``column`` is the header as the user sees it; ``cell`` like "B7" when known."""

    sheet: str | None
    row: int | None
    column: str | None
    code: str
    message_ms: str
    message_en: str
    paragraph: str | None = None
    cell: str | None = None

    def where(self, lang: str = "ms") -> str:
        parts = [self.sheet] if self.sheet else []
        if self.row is not None:
            parts.append(f"{'row' if lang == 'en' else 'baris'} {self.row}")
        if self.column:
            parts.append(self.column)
        return ", ".join(parts)

    def message(self, lang: str = "ms") -> str:
        text = self.message_en if lang == "en" else self.message_ms
        if self.paragraph:
            text = f"{text} ({'para' if lang == 'en' else 'perenggan'} {self.paragraph})"
        where = self.where(lang)
        return f"{where}: {text}" if where else text

    def violation(self) -> RuleViolation:
        # the paragraph is already in the message; the field is the column, for the wizard
        return RuleViolation(self.code, None, self.message("ms"), self.message("en"),
                             field=self.column)

    @property
    def sheet_level(self) -> bool:
        """A problem of a whole sheet (wrong headers, merged cells): its rows were not read."""
        return self.sheet is not None and self.row is None


def _sort_key(p: ImportProblem) -> tuple:
    sheet = SHEETS.index(p.sheet) if p.sheet in SHEETS else -1
    return sheet, p.row or 0


@dataclass(frozen=True)
class ParsedRegisters:
    """What a file held: its rows by sheet, and the problems found while reading it."""

    source: str = ""  # the file's name, for messages and the audit record
    premises: tuple[PremisesIn, ...] = ()
    grades: tuple[GradeIn, ...] = ()
    staff: tuple[StaffIn, ...] = ()
    posts: tuple[PostIn, ...] = ()
    vacancies: tuple[VacancyIn, ...] = ()
    problems: tuple[ImportProblem, ...] = ()
    # sheet -> field -> column letter, to name the cell of a problem found by the services
    letters: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    @property
    def row_count(self) -> int:
        return (len(self.premises) + len(self.grades) + len(self.staff) + len(self.posts)
                + len(self.vacancies))


@dataclass(frozen=True)
class ImportSummary:
    premises: int = 0
    grades: int = 0
    salaries: int = 0  # starting salaries recorded with the grades
    staff: int = 0
    posts: int = 0
    incumbents: int = 0  # posts given their holder
    vacancies: int = 0

    def by_sheet(self) -> dict[str, int]:
        """Rows imported (or, in a preview, importable) per sheet."""
        return {SHEET_PREMISES: self.premises, SHEET_GRADES: self.grades,
                SHEET_STAFF: self.staff, SHEET_POSTS: self.posts,
                SHEET_VACANCIES: self.vacancies}

    def describe(self, lang: str = "ms") -> str:
        if lang == "en":
            return (f"{self.premises} premises, {self.grades} grades ({self.salaries} starting "
                    f"salaries), {self.staff} officers, {self.posts} posts ({self.incumbents} "
                    f"with their incumbent), {self.vacancies} open vacancies.")
        return (f"{self.premises} premis, {self.grades} gred ({self.salaries} gaji permulaan), "
                f"{self.staff} pegawai, {self.posts} jawatan ({self.incumbents} bersama "
                f"penyandang), {self.vacancies} kekosongan.")


@dataclass(frozen=True)
class ImportPreview:
    summary: ImportSummary  # what would be imported from the rows that pass
    problems: tuple[ImportProblem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


class ImportRefused(Refused):
    """Nothing was imported; ``problems`` lists every bad file, sheet, row and cell."""

    def __init__(self, problems):
        self.problems: tuple[ImportProblem, ...] = tuple(problems)
        super().__init__([p.violation() for p in self.problems])


def refusal(code: str, message_ms: str, message_en: str) -> ImportRefused:
    """A refusal of the whole file (not a workbook, too large, empty ...)."""
    return ImportRefused([ImportProblem(None, None, None, code, message_ms, message_en)])


# --- Running the import ----------------------------------------------------------------------

def import_registers(ctx: Ctx, data: ParsedRegisters, today: date | None = None, *,
                     progress: Callable[[int, int], None] | None = None,
                     cancelled: Callable[[], bool] | None = None) -> ImportSummary:
    """Add every row of ``data`` through the registers' services, in ``ctx``'s transaction.

    Raises :class:`ImportRefused` listing every problem (those found while reading the file
    and those the services found) when there is any: the caller's transaction (``perform``)
    then rolls back, so nothing is saved. Vacancies are checked against ``today``.
    ``progress(done, total)`` is told after each row; when ``cancelled()`` turns true the
    import stops with IMPORT_CANCELLED and, being one transaction, saves nothing.
    """
    total = sum(len(rows) for rows in (data.premises, data.grades, data.staff, data.posts,
                                       data.vacancies))
    done = 0

    def tick() -> None:
        nonlocal done
        if cancelled is not None and cancelled():
            raise refusal("IMPORT_CANCELLED", "Import dibatalkan; tiada apa-apa disimpan.",
                          "The import was cancelled; nothing was saved.")
        done += 1
        if progress is not None:
            progress(done, total)

    summary, problems = _run(ctx, data, today, tick)
    if problems:
        raise ImportRefused(problems)
    ctx.audit("import", ENTITY, "", None, {"file": data.source, **asdict(summary)})
    return summary


def preview(session: Session, data: ParsedRegisters, today: date | None = None, *,
            actor: str = "pratonton") -> ImportPreview:
    """Check ``data`` exactly as :func:`import_registers` would, then roll everything back.

    Give it a session of its own (``unit.read(db, preview, data)``): it ends with a rollback.
    """
    try:
        summary, problems = _run(Ctx(session, actor), data, today)
    finally:
        session.rollback()
    return ImportPreview(summary, tuple(problems))


def _run(ctx: Ctx, data: ParsedRegisters, today: date | None,
         tick: Callable[[], None] = lambda: None) -> tuple[ImportSummary, list[ImportProblem]]:
    problems = list(data.problems)
    if any(p.sheet is None or p.sheet_level for p in problems):
        # a sheet whose headers (or merged cells) kept it from being read: the other sheets'
        # references into it cannot be checked, so only the reading problems are reported
        return ImportSummary(), sorted(problems, key=_sort_key)
    run = _Importer(ctx, data, today, problems, tick)
    try:
        run.premises(data.premises)
        run.grades(data.grades)
        run.staff(data.staff)
        run.posts(data.posts)
        run.vacancies(data.vacancies)
    except IntegrityError:  # another user changed the same records meanwhile
        problems.append(ImportProblem(None, None, None, "CONFLICT",
                                      "Daftar baru sahaja dikemas kini oleh pengguna lain; "
                                      "cuba import semula.",
                                      "The registers were just changed by another user; try "
                                      "the import again."))
        ctx.session.rollback()
    return ImportSummary(**run.counts), sorted(problems, key=_sort_key)


def _key(text) -> str:
    """How codes and references are compared: trimmed, any case."""
    return " ".join(str(text or "").split()).upper()


def _fold(text) -> str:
    return " ".join(str(text or "").split()).casefold()


_STATE_BY_NAME = {_fold(name): code for code, (name, _pb) in STATES.items()}
_STATE_BY_NAME.update({_fold(name.removeprefix("W.P. ")): code
                       for code, (name, _pb) in STATES.items()})
_KIND_BY_LABEL = {_fold(k.label_ms): k.value for k in PremisesKind}
_REASON_BY_TEXT = {**{_fold(r.label_ms): r.value for r in VacancyReason},
                   **{_fold(r.value): r.value for r in VacancyReason}}


def _state_code(text: str) -> str:
    """A state typed as its code (SGR) or its Malay name (Selangor)."""
    return _STATE_BY_NAME.get(_fold(text), text)


def _premises_kind(text: str) -> str:
    return _KIND_BY_LABEL.get(_fold(text), text)


def _reason_code(text: str) -> str:
    folded = _fold(text)
    return _REASON_BY_TEXT.get(folded, _REASON_BY_TEXT.get(folded.replace(" ", "_"), text))


def _vacancy_kind(text: str) -> str:
    folded = _fold(text).removeprefix("kekosongan ")
    for k in VacancyKind:
        if folded == k.value.casefold():
            return k.value
    return text


class _Importer:
    """One pass over the rows, sheet by sheet; remembers what each sheet added so that the
    next sheets can refer to it, and what it refused so that they do not report it again."""

    def __init__(self, ctx: Ctx, data: ParsedRegisters, today: date | None,
                 problems: list[ImportProblem], tick: Callable[[], None]):
        self.ctx, self.today, self.problems, self.tick = ctx, today, problems, tick
        self.letters = data.letters
        self.counts = {name: 0 for name in ImportSummary.__dataclass_fields__}
        self.refused: dict[str, set[str]] = {sheet: set() for sheet in SHEETS}
        # sheets with a row whose key cell (code, MyKad, reference) could not be read: a
        # reference not found there may be that row, so it is not reported
        self.blind: set[str] = set()
        self.post_ids: dict[str, int] = {}
        self._premises_ids: dict[str, int] = {}
        self._grade_ids: dict[str, int] = {}
        self._staff_ids: dict[str, int] = {}

    # --- problems ---

    def problem(self, row, fld: str | None, code: str, message_ms: str, message_en: str,
                paragraph: str | None = None) -> None:
        sheet = row.SHEET
        column = HEADERS[sheet].get(fld) if fld else None
        letter = self.letters.get(sheet, {}).get(fld) if fld else None
        cell = f"{letter}{row.row}" if letter else None
        self.problems.append(ImportProblem(sheet, row.row, column, code, message_ms, message_en,
                                           paragraph, cell))

    def attempt(self, row, bad: set[str], fn: Callable, *args, **kwargs):
        """Call a service; its refusal becomes one problem per violation, on its column."""
        try:
            return fn(self.ctx, *args, **kwargs)
        except Refused as exc:
            self.report(row, bad, exc.violations)
            return None

    def report(self, row, bad: set[str], violations) -> None:
        fields = _SERVICE_FIELDS[row.SHEET]
        for v in violations:
            fld = fields.get(v.field, v.field) if v.field else None
            if fld is not None and fld not in HEADERS[row.SHEET]:
                fld = None
            if fld in bad:
                continue  # the reader (or a lookup) already said what is wrong there
            self.problem(row, fld, v.code, v.message_ms, v.message_en, v.paragraph)

    def key(self, row, fld: str, key: str) -> str:
        """The row's key as compared; notes a sheet whose key cell could not be read."""
        if fld in row.bad:
            self.blind.add(row.SHEET)
        return key

    def duplicate(self, row, fld: str, seen: dict[str, int], key: str, shown: str) -> bool:
        """True (and a problem) when ``key`` was already on an earlier row of this sheet."""
        if not key:
            return False
        if key in seen:
            header = HEADERS[row.SHEET][fld]
            self.problem(row, fld, "DUPLICATE_IN_FILE",
                         f"{header} {shown} berulang dalam fail ini (juga di baris {seen[key]}).",
                         f"{header} {shown} appears twice in this file (also on row "
                         f"{seen[key]}).")
            return True
        seen[key] = row.row
        return False

    # --- references to other sheets or to the database ---

    def _lookup(self, row, bad: set[str], fld: str, key: str, cache: dict[str, int],
                query, sheet: str, what_ms: str, what_en: str, shown: str) -> int | None:
        if not key or fld in bad:
            return None
        if key in cache:
            return cache[key]
        found = self.ctx.session.execute(query).scalar_one_or_none()
        if found is not None:
            cache[key] = found
            return found
        bad.add(fld)  # the service's own "required" would repeat this
        if key not in self.refused[sheet] and sheet not in self.blind:  # reported there
            self.problem(row, fld, "NOT_FOUND",
                         f"{what_ms} {shown} tiada dalam helaian {sheet} mahupun dalam daftar.",
                         f"{what_en} {shown} is neither in sheet {sheet} nor in the registers.")
        return None

    def premises_id(self, row, bad: set[str], code: str) -> int | None:
        key = _key(code)
        return self._lookup(row, bad, "premises", key, self._premises_ids,
                            select(Premises.id).where(func.upper(Premises.code) == key),
                            SHEET_PREMISES, "Kod premis", "Premises code", key)

    def grade_id(self, row, bad: set[str], code: str) -> int | None:
        key = _key(code)
        q = select(Grade.id).where(func.upper(Grade.code) == key)
        return self._lookup(row, bad, "grade", key, self._grade_ids, q, SHEET_GRADES,
                            "Kod gred", "Grade code", key)

    def staff_id(self, row, bad: set[str], mykad: str) -> int | None:
        key = compact_mykad(mykad)
        return self._lookup(row, bad, "incumbent", key, self._staff_ids,
                            select(Staff.id).where(Staff.mykad == key), SHEET_STAFF,
                            "Pegawai dengan No. MyKad", "The officer with MyKad",
                            str(mykad).strip())

    # --- the sheets, in the order they depend on each other ---

    def premises(self, rows) -> None:
        seen: dict[str, int] = {}
        for r in rows:
            self.tick()
            key = self.key(r, "code", _key(r.code))
            if self.duplicate(r, "code", seen, key, key):
                continue
            form = PremisesForm(r.code, r.name, _premises_kind(r.kind), _state_code(r.state),
                                r.district, r.address)
            pid = self.attempt(r, set(r.bad), add_premises, form)
            if pid is None:
                self.refused[SHEET_PREMISES].add(key)
            else:
                self._premises_ids[key] = pid
                self.counts["premises"] += 1

    def grades(self, rows) -> None:
        seen: dict[str, int] = {}
        for r in rows:
            self.tick()
            bad = set(r.bad)
            key = self.key(r, "code", _key(r.code))
            if self.duplicate(r, "code", seen, key, key):
                continue
            gid = self.attempt(r, bad, add_grade, GradeForm(r.code, r.title))
            if gid is None:
                self.refused[SHEET_GRADES].add(key)
            else:
                self._grade_ids[key] = gid
                self.counts["grades"] += 1
            self._salary(r, bad, gid)

    def _salary(self, r: GradeIn, bad: set[str], grade_id: int | None) -> None:
        given = {f for f in ("starting_salary", "salary_from")
                 if f in bad or (getattr(r, f) not in (None, ""))}
        if not given:
            return  # a grade may be imported without its salary (the acting allowance needs it)
        if len(given) == 1:
            (present,) = given
            missing = "salary_from" if present == "starting_salary" else "starting_salary"
            header, other = HEADERS[SHEET_GRADES][missing], HEADERS[SHEET_GRADES][present]
            self.problem(r, missing, "REQUIRED", f"{header} wajib diisi bersama {other}.",
                         f"{header} is required together with {other}.")
            return
        if grade_id is not None:
            if self.attempt(r, bad, add_grade_salary, grade_id, r.salary_from,
                            r.starting_salary) is not None:
                self.counts["salaries"] += 1
            return
        # the grade itself was refused: still check the salary cells, to list everything
        c = Checks()
        typed_date(c, "effective_from", "Tarikh berkuat kuasa", "Effective date", r.salary_from)
        typed_money(c, "starting_salary", "Gaji permulaan", "Starting salary", r.starting_salary)
        self.report(r, bad, c.problems)

    def staff(self, rows) -> None:
        seen: dict[str, int] = {}
        for r in rows:
            self.tick()
            bad = set(r.bad)
            key = self.key(r, "mykad", compact_mykad(r.mykad))
            if self.duplicate(r, "mykad", seen, key, str(r.mykad).strip()):
                continue
            grade_id = self.grade_id(r, bad, r.grade)
            form = StaffForm(r.name, r.mykad, "" if grade_id is None else str(grade_id),
                             r.service_start, r.confirmed_on, r.qualification)
            sid = self.attempt(r, bad, add_staff, form)
            if sid is None:
                self.refused[SHEET_STAFF].add(key)
            else:
                self._staff_ids[key] = sid
                self.counts["staff"] += 1

    def posts(self, rows) -> None:
        seen: dict[str, int] = {}
        for r in rows:
            self.tick()
            bad = set(r.bad)
            ref = self.key(r, "ref", _key(r.ref))
            if self.duplicate(r, "ref", seen, ref, str(r.ref).strip()):
                continue
            premises_id = self.premises_id(r, bad, r.premises)
            grade_id = self.grade_id(r, bad, r.grade)
            staff_id = self.staff_id(r, bad, r.incumbent) if str(r.incumbent).strip() else None
            holder = bool(str(r.incumbent).strip()) or "incumbent" in r.bad
            since_given = r.incumbent_since not in (None, "") or "incumbent_since" in bad
            if holder and not since_given:
                self.problem(r, "incumbent_since", "REQUIRED",
                             "Tarikh mula menyandang wajib diisi bagi jawatan yang disandang.",
                             "The start date is required for a post that has a holder.")
            elif since_given and not holder:
                self.problem(r, "incumbent", "REQUIRED",
                             "No. MyKad penyandang wajib diisi apabila tarikh mula menyandang "
                             "diisi.", "The holder's MyKad is required when a start date is "
                             "given.")
            post_id = self.attempt(r, bad, add_post, PostForm(premises_id, grade_id))
            if post_id is None:
                if ref:
                    self.refused[SHEET_POSTS].add(ref)
                continue
            self.counts["posts"] += 1
            if ref:
                self.post_ids[ref] = post_id
            if staff_id is None or not since_given or "incumbent_since" in bad:
                continue
            if self.attempt(r, bad, assign_incumbent, post_id, staff_id,
                            r.incumbent_since) is not None:
                self.counts["incumbents"] += 1

    def vacancies(self, rows) -> None:
        for r in rows:
            self.tick()
            bad = set(r.bad)
            ref = _key(r.post_ref)
            post_id = self.post_ids.get(ref)
            if post_id is None and ref and "post_ref" not in bad:
                bad.add("post_ref")
                if ref not in self.refused[SHEET_POSTS] and SHEET_POSTS not in self.blind:
                    shown = str(r.post_ref).strip()
                    self.problem(r, "post_ref", "NOT_FOUND",
                                 f"Rujukan jawatan {shown} tiada dalam helaian {SHEET_POSTS}.",
                                 f"Post reference {shown} is not in sheet {SHEET_POSTS}.")
            form = VacancyForm(post_id=post_id, kind=_vacancy_kind(r.kind),
                               reason=_reason_code(r.reason), opened_on=r.opened_on,
                               expected_end=r.expected_end, notes=r.notes)
            if self.attempt(r, bad, open_vacancy, form, today=self.today) is not None:
                self.counts["vacancies"] += 1
