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
    w = create_window(office_db)
    qtbot.addWidget(w)
    w.show()
    return w
