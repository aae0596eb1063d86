import pytest

from desktop.services.database import open_database
from desktop.services.office import OfficeInfo, save_office
from desktop.services.premises import PremisesForm, add_premises
from desktop.services.unit import perform


@pytest.fixture
def db(tmp_path):
    database = open_database(str(tmp_path / "gui.sqlite"))
    yield database
    database.dispose()


@pytest.fixture
def office_db(db):
    """A database with an office in Selangor and three premises."""
    perform(db, save_office, OfficeInfo(code="JPNIN-SGR", name="JPNIN Negeri Selangor",
                                         state="SGR"))
    for code, name, kind, district in [
        ("SGR-TBK-001", "Tabika Perpaduan Taman Sri Muda", "TABIKA", "Klang"),
        ("SGR-TBK-002", "Tabika Perpaduan Kampung Baru", "TABIKA", "Petaling"),
        ("SGR-TSK-001", "Taska PERMATA Perpaduan Seksyen 7", "TASKA", "Petaling"),
    ]:
        perform(db, add_premises, PremisesForm(code, name, kind, "SGR", district, ""))
    return db


@pytest.fixture
def window(qtbot, office_db):
    from desktop.app import create_window, ensure_application

    ensure_application()
    w = create_window(office_db, actor="ujian")  # a local administrator (unit.py)
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.fixture
def registers_db(office_db):
    """Grades S17 and S27 (with a salary), two officers, a Taska with a held S27 post (Siti)
    and a vacant S17 post."""
    from datetime import date

    from desktop.services.grades import GradeForm, add_grade, add_grade_salary
    from desktop.services.posts import PostForm, add_post, assign_incumbent
    from desktop.services.premises import list_premises
    from desktop.services.staff import StaffForm, add_staff
    from desktop.services.unit import read

    s17 = perform(office_db, add_grade, GradeForm("S17", "Pembantu Pendidik")).result
    s27 = perform(office_db, add_grade, GradeForm("S27", "Pendidik")).result
    perform(office_db, add_grade_salary, s27, date(2024, 1, 1), "2000.00")
    siti = perform(office_db, add_staff, StaffForm(
        "Siti Aminah binti Hassan", "850315-10-5432", str(s27), "01/02/2015", "01/02/2017",
        "DIPLOMA")).result
    perform(office_db, add_staff, StaffForm(
        "Tan Mei Ling", "920720-08-6124", str(s17), "01/03/2020", "", "SPM"))
    premises = {p.code: p.id for p in read(office_db, list_premises)}
    post = perform(office_db, add_post, PostForm(premises["SGR-TSK-001"], s27)).result
    perform(office_db, add_post, PostForm(premises["SGR-TSK-001"], s17))
    perform(office_db, assign_incumbent, post, siti, date(2017, 2, 1))
    return office_db


@pytest.fixture
def win(qtbot, registers_db):
    """The main window over the registers database."""
    from desktop.app import create_window

    w = create_window(registers_db, actor="ujian")
    qtbot.addWidget(w)
    w.show()
    return w
