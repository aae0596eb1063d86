"""compose(): each kind's Malay text filled from hand-written facts (no database)."""

import json

import pytest

from desktop.letters.compose import compose
from desktop.rules import Refused

from .samples import KINDS, LETTERHEAD, sample


def flat(doc: dict) -> str:
    """Every printed text of the document on one line."""
    parts = [doc["subject"], doc["salutation"], doc["signoff"], *doc["cc"]]
    for p in doc["paragraphs"]:
        parts += [p["text"], *p["items"]]
    if "form" in doc:
        parts += doc["form"]["text"]
    if "table" in doc:
        parts += [cell for row in doc["table"]["rows"] for cell in row]
    return " ".join(parts)


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_has_the_letter_frame(kind):
    inp = sample(kind)
    doc = compose(inp)
    assert doc["kind"] == kind and doc["reference"] == inp.reference
    assert doc["issued_on"] == "2026-11-01" and doc["issued_on_ms"] == "1 November 2026"
    assert doc["subject"] == doc["subject"].upper() and len(doc["subject"]) > 20
    assert doc["signoff"] == "Saya yang menjalankan amanah,"
    assert doc["signer"] == {"name": "HAJAH ROSNAH BINTI ISMAIL",
                             "title": "Pengarah Perpaduan Negeri Selangor"}
    assert doc["closing_slogans"] == LETTERHEAD["slogans"]
    assert doc["qr_text"] == inp.qr_text
    assert doc["addressee"] == inp.addressee
    assert doc["cc"] and all(doc["cc"])
    assert len(doc["paragraphs"]) >= 2
    assert "{" not in flat(doc) and "}" not in flat(doc)
    assert json.loads(json.dumps(doc)) == doc  # stored as JSON by the register


def test_offer_states_the_terms_of_5a_with_rate_in_figures_and_words():
    doc = compose(sample("psh-offer"))
    text = flat(doc)
    assert "PEKERJA SAMBILAN HARIAN" in doc["subject"]
    assert "TABIKA PERPADUAN TAMAN SRI MUDA" in doc["subject"]
    # 5B(a): SPM is RM 54.00 a day
    assert "RM 54.00 (Ringgit Malaysia Lima Puluh Empat Sahaja) sehari" in text
    assert "dari 2 November 2026 hingga 31 Januari 2027" in text
    assert "JPNIN.100-4/2/7 (33) bertarikh 20 Oktober 2026" in text
    terms = next(p["items"] for p in doc["paragraphs"] if len(p["items"]) >= 10)
    expected = {
        "5A(e)": "tiga (3) bulan",
        "5A(i)": "sembilan (9) jam sehari termasuk waktu rehat",
        "5A(j)": "Elaun Menjalankan Tugas Rasmi Di Dalam Negeri",
        "5A(k)": "cuti mingguan, cuti kelepasan am dan hari tuan/puan tidak hadir",
        "5A(l)": "Elaun Lebih Masa",
        "5A(m)": "Kumpulan Wang Simpanan Pekerja (KWSP)",
        "5A(n)": "Akta Rahsia Rasmi 1972",
        "5A(o)": "tidak dibenarkan menandatangani surat rasmi jabatan",
        "5A(q)": "faedah persaraan",
        "5A(r)": "bukan suatu jaminan untuk diserap sebagai pegawai lantikan tetap",
        "5A(s)": "ditamatkan apabila tidak lagi diperlukan",
    }
    for paragraph, words in expected.items():
        assert any(words in item and f"({paragraph})" in item for item in terms), paragraph
    assert doc["form"]["title"] == "AKUAN PENERIMAAN"
    assert "900101-10-5678" in doc["form"]["text"][0]


def test_offer_without_kwsp_says_so():
    with_kwsp = flat(compose(sample("psh-offer")))
    without = flat(compose(sample("psh-offer", kwsp_applies="tidak")))
    assert "hendaklah mencarum" in with_kwsp and "hendaklah mencarum" not in without
    assert "tidak dikenakan" in without


def test_offer_hours_come_from_the_facts():
    text = flat(compose(sample("psh-offer", hours_per_day="8")))
    assert "lapan (8) jam sehari" in text


def test_words_follow_the_figure_not_the_given_words():
    text = flat(compose(sample("psh-offer", daily_rate="72.00",
                               daily_rate_words="Ringgit Malaysia Lima Puluh Empat Sahaja")))
    assert "RM 72.00 (Ringgit Malaysia Tujuh Puluh Dua Sahaja)" in text
    assert "Lima Puluh Empat" not in text


def test_extension_dates_and_reason():
    text = flat(compose(sample("psh-extension")))
    assert "tamat pada 30 Oktober 2026 dilanjutkan sehingga 29 Januari 2027" in text
    assert "penyandang masih bercuti bersalin" in text
    assert "15 Oktober 2026" in text and "5A(e)" in text
    assert "RM 54.00 (Ringgit Malaysia Lima Puluh Empat Sahaja)" in text


def test_termination_cites_5a_s():
    doc = compose(sample("psh-termination"))
    text = flat(doc)
    assert doc["subject"].startswith("PENAMATAN PERKHIDMATAN")
    assert "berkuat kuasa 30 September 2026" in text and "5A(s)" in text
    assert "penyandang telah kembali bertugas" in text


def test_acting_instruction_gives_the_6a_b_instruction_and_25_percent():
    doc = compose(sample("acting-instruction"))
    text = flat(doc)
    assert "PENDIDIK GRED S27" in doc["subject"]
    assert "6A(b)" in text and "dari 2 November 2026 hingga 30 April 2027" in text
    # 25 % of the S27 starting pay of RM 1,800.00 = RM 450.00
    assert "25% daripada gaji permulaan" in text
    assert "RM 450.00 (Ringgit Malaysia Empat Ratus Lima Puluh Sahaja) sebulan" in text
    assert "ARAHAN/2026/014" in text


def test_an_optional_paragraph_is_left_out_when_its_fact_is_empty():
    with_ref = compose(sample("acting-instruction"))
    without = compose(sample("acting-instruction", instruction_ref=""))
    assert len(without["paragraphs"]) == len(with_ref["paragraphs"]) - 1
    assert "direkodkan dengan rujukan" not in flat(without)


def test_ora_declaration_is_a_form_to_sign():
    doc = compose(sample("ora-declaration"))
    assert "AKTA RAHSIA RASMI 1972" in doc["subject"]
    assert "5A(n)" in flat(doc)
    form = doc["form"]
    assert "Nur Aisyah binti Ahmad (No. MyKad 900101-10-5678)" in form["text"][0]
    assert "Tandatangan" in form["lines"] and "Tarikh" in form["lines"]
    assert any("Disaksikan" in line for line in form["lines"])


def test_application_has_the_cost_table_and_the_os29000_confirmation():
    doc = compose(sample("psh-application"))
    text = flat(doc)
    assert doc["salutation"].startswith("YBhg.")
    assert "Tan Mei Ling (No. MyKad 950707-14-5012)" in text
    # 64 working days x RM 54.00 = RM 3,456.00
    assert "RM 3,456.00 (Ringgit Malaysia Tiga Ribu Empat Ratus Lima Puluh Enam Sahaja)" in text
    assert "Pekerja Sambilan Harian: tiada pegawai yang layak menanggung kerja" in text
    table = doc["table"]
    assert table["headers"][0] == "Kaedah"
    assert table["rows"][0][:3] == ["Pekerja Sambilan Harian", "Ya", "RM 3,456.00"]
    assert table["rows"][1][3] == "tiada pegawai yang layak di premis (paling jimat)"
    assert table["rows"][2][1:3] == ["Tidak", "-"]
    assert 0 <= table["after"] < len(doc["paragraphs"])
    assert "perbandingan" in doc["paragraphs"][table["after"]]["text"].lower()
    assert "disahkan bahawa peruntukan Objek Sebagai (OS) 29000 bagi tahun 2026" in text
    assert "baki RM 19,499.50" in text and "komitmen RM 80,500.50" in text


def test_application_with_too_little_allocation_does_not_confirm_it():
    facts = sample("psh-application").facts
    allocation = dict(facts["allocation"], balance="1000.00", sufficient=False)
    text = flat(compose(sample("psh-application", allocation=allocation)))
    assert "disahkan" not in text and "tidak mencukupi" in text and "baki RM 1,000.00" in text


def test_office_without_slogans_gets_the_default_ones():
    inp = sample("psh-termination")
    inp.letterhead["slogans"] = []
    doc = compose(inp)
    assert doc["closing_slogans"] and all(s.isupper() for s in doc["closing_slogans"])


def codes(exc: Refused) -> list[tuple[str, str | None]]:
    return [(v.code, v.field) for v in exc.violations]


def test_missing_and_empty_facts_are_all_refused_together():
    inp = sample("psh-extension")
    del inp.facts["reason"]
    inp.facts["approved_by"] = ""
    with pytest.raises(Refused) as err:
        compose(inp)
    assert set(codes(err.value)) == {("LETTER_FACT_MISSING", "approved_by"),
                                     ("LETTER_FACT_MISSING", "reason")}
    # the user is told what to record, in words, not the fact's key
    message = err.value.message("ms")
    assert "pegawai yang meluluskan lanjutan" in message and "sebab lanjutan" in message
    assert "approved_by" not in message


def test_a_missing_termination_reason_is_named_in_words():
    inp = sample("psh-termination")
    inp.facts["end_reason"] = ""
    with pytest.raises(Refused) as err:
        compose(inp)
    assert "sebab penamatan" in err.value.message("ms")


def test_bad_dates_and_amounts_are_refused_not_printed():
    with pytest.raises(Refused) as err:
        compose(sample("psh-offer", start="31/02/2026", daily_rate="lima puluh"))
    assert set(codes(err.value)) == {("INVALID_DATE", "start"), ("INVALID_AMOUNT", "daily_rate")}
    with pytest.raises(Refused) as err:
        compose(sample("acting-instruction", monthly_allowance="-450.00"))
    assert codes(err.value) == [("NEGATIVE_AMOUNT", "monthly_allowance")]


def test_bad_kwsp_value_and_unknown_kind_are_refused():
    with pytest.raises(Refused) as err:
        compose(sample("psh-offer", kwsp_applies="mungkin"))
    assert codes(err.value) == [("LETTER_FACT_INVALID", "kwsp_applies")]
    inp = sample("psh-offer")
    inp.kind = "surat-cinta"
    with pytest.raises(Refused) as err:
        compose(inp)
    assert codes(err.value) == [("LETTER_KIND_UNKNOWN", "kind")]


def test_kind_may_be_an_enum_member():
    from enum import Enum

    class Kind(str, Enum):
        PSH_OFFER = "psh-offer"

    inp = sample("psh-offer")
    inp.kind = Kind.PSH_OFFER
    assert compose(inp)["kind"] == "psh-offer"


def test_typed_reasons_do_not_double_the_full_stop():
    doc = compose(sample("psh-extension", reason="penyandang masih bercuti bersalin."))
    assert "bercuti bersalin. Lanjutan" in flat(doc) and ".." not in flat(doc)


def test_signer_name_is_printed_in_capitals():
    inp = sample("psh-termination")
    inp.letterhead["signer_name"] = "Nurul Huda binti Abu Bakar"
    assert compose(inp)["signer"]["name"] == "NURUL HUDA BINTI ABU BAKAR"


def _vacancy_items(doc) -> list[str]:
    (para,) = [p for p in doc["paragraphs"] if any("lokasi kekosongan" in i for i in p["items"])]
    return para["items"]


def test_an_operasi_application_gives_the_date_the_vacancy_should_end():
    items = _vacancy_items(compose(sample("psh-application")))
    assert items[-2].endswith("; dan")
    assert items[-1] == "jangkaan tarikh kekosongan berakhir: 31 Januari 2027."


def test_a_hakiki_application_leaves_out_the_end_date_line():
    items = _vacancy_items(compose(sample("psh-application", expected_end="")))
    assert not any("jangkaan tarikh" in i for i in items)
    assert items[-1].startswith("sebab kekosongan: ") and items[-1].endswith(".")
    assert not any(i.endswith("; dan") for i in items)
