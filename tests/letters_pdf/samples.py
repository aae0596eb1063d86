"""Hand-written letter inputs of every kind (no database): the facts a record would give.

The expected figures in the tests are worked out by hand from these facts and from the
circular (5B(a): SPM RM 54.00 a day; 6B(a): 25 % of the post's starting pay).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import date


@dataclass
class Input:
    """The fields of desktop.services.letters.LetterInput that compose reads."""

    kind: str
    reference: str
    issued_on: date
    letterhead: dict
    addressee: dict
    facts: dict
    qr_text: str = ""
    extra: dict = field(default_factory=dict)


LETTERHEAD = {
    "name": "Jabatan Perpaduan Negara dan Integrasi Nasional Negeri Selangor",
    "address": "Tingkat 5, Wisma Perpaduan, Persiaran Perbandaran, 40000 Shah Alam, Selangor",
    "phone": "03-5511 2233",
    "email": "selangor@perpaduan.gov.my",
    "slogans": ['"MEMBUDAYAKAN PERPADUAN, MERAIKAN KEPELBAGAIAN"', '"BERKHIDMAT UNTUK NEGARA"'],
    "signer_name": "HAJAH ROSNAH BINTI ISMAIL",
    "signer_title": "Pengarah Perpaduan Negeri Selangor",
    "logo_sha": "",
}

PERSON = {"name": "Nur Aisyah binti Ahmad",
          "lines": ["No. 12, Jalan Mawar 3, Taman Sri Muda", "40400 Shah Alam, Selangor"]}
KP = {"name": "Ketua Pengarah",
      "lines": ["Jabatan Perpaduan Negara dan Integrasi Nasional", "62000 Putrajaya"]}

COMMON = {
    "name": "Nur Aisyah binti Ahmad", "mykad": "900101105678",
    "premises_name": "Tabika Perpaduan Taman Sri Muda",
    "premises_address": "Jalan Mawar 1, Taman Sri Muda, 40400 Shah Alam",
    "post_title": "Pembantu Pendidik", "grade": "S17", "state": "SGR", "state_name": "Selangor",
}

FACTS = {
    "psh-offer": {
        **COMMON, "daily_rate": "54.00", "daily_rate_words": "Ringgit Malaysia Lima Puluh Empat Sahaja",
        "start": "2026-11-02", "end": "2027-01-31", "kp_approval_ref": "JPNIN.100-4/2/7 (33)",
        "kp_approval_date": "2026-10-20", "qualification_used": "Sijil Pelajaran Malaysia (SPM)",
        "vacancy_kind": "Kekosongan Hakiki", "hours_per_day": "9", "kwsp_applies": "ya",
    },
    "psh-extension": {
        **COMMON, "daily_rate": "54.00", "daily_rate_words": "", "start": "2026-08-03",
        "previous_end": "2026-10-30", "new_end": "2027-01-29",
        "reason": "penyandang masih bercuti bersalin", "approved_by": "Pengarah Perpaduan Negeri",
        "approved_on": "2026-10-15",
    },
    "psh-termination": {
        **COMMON, "start": "2026-08-03", "ended_on": "2026-09-30",
        "end_reason": "penyandang telah kembali bertugas",
    },
    "acting-instruction": {
        **COMMON, "name": "Siti Aminah binti Yusof", "mykad": "850312086244",
        "post_title": "Pembantu Pendidik", "grade": "S17", "staff_grade": "S17",
        "acting_post_title": "Pendidik", "acting_grade": "S27", "start": "2026-11-02",
        "end": "2027-04-30", "allowance_percent": "25", "monthly_allowance": "450.00",
        "monthly_allowance_words": "", "approval_ref": "JPNIN.SGR.100-2/5 (8)",
        "approval_date": "2026-10-28", "authority": "Ketua Pengarah",
        "instruction_ref": "ARAHAN/2026/014",
    },
    "ora-declaration": {
        **COMMON, "role": "Pekerja Sambilan Harian, Tabika Perpaduan Taman Sri Muda",
    },
    "psh-application": {
        **COMMON, "vacancy_id": "42", "vacancy_kind": "Kekosongan Operasi",
        "vacancy_reason": "penyandang bercuti bersalin", "opened_on": "2026-10-05",
        "expected_end": "2027-01-31", "candidate_name": "Tan Mei Ling",
        "candidate_mykad": "950707145012", "candidate_qualification": "Sijil Pelajaran Malaysia (SPM)",
        "daily_rate": "54.00", "start": "2026-11-02", "end": "2027-01-29",
        "projected_cost": "3456.00",
        "costs": [
            {"method": "PSH", "label": "Pekerja Sambilan Harian", "allowed": True,
             "cost": "3456.00", "note": "64 hari bekerja", "cheapest": False},
            {"method": "ACTING", "label": "Tanggung kerja", "allowed": True, "cost": "1350.00",
             "note": "tiada pegawai yang layak di premis", "cheapest": True},
            {"method": "GANTIAN", "label": "Pegawai gantian", "allowed": False, "cost": "",
             "note": "jadual saguhati belum diisi", "cheapest": False},
        ],
        "allocation": {"year": "2026", "allocated": "120000.00", "committed": "80500.50",
                       "spent": "20000.00", "balance": "19499.50", "sufficient": True},
        "chosen_method": "PSH", "method_reason": "tiada pegawai yang layak menanggung kerja",
    },
}

REFERENCES = {
    "psh-offer": "JPNIN.SGR.600-2/3/1/2026 (15)",
    "psh-extension": "JPNIN.SGR.600-2/3/2/2026 (4)",
    "psh-termination": "JPNIN.SGR.600-2/3/3/2026 (2)",
    "acting-instruction": "JPNIN.SGR.600-2/3/4/2026 (7)",
    "ora-declaration": "JPNIN.SGR.600-2/3/5/2026 (15)",
    "psh-application": "JPNIN.SGR.600-2/3/6/2026 (3)",
}
KINDS = tuple(FACTS)
ISSUED_ON = date(2026, 11, 1)


def sample(kind: str, **facts) -> Input:
    """A fresh input of ``kind``; keyword arguments replace facts."""
    all_facts = copy.deepcopy(FACTS[kind])
    all_facts.update(facts)
    reference = REFERENCES[kind]
    return Input(kind, reference, ISSUED_ON, copy.deepcopy(LETTERHEAD),
                 copy.deepcopy(KP if kind == "psh-application" else PERSON), all_facts,
                 f"ISITUGAS:1:{reference}:ABCDEFGHIJKLMNOPQRSTUVWXYZ")
