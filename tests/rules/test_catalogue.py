"""The catalogue of rule codes: complete, consistent, documented and tested.

The source scan reads every module of desktop.rules and fails when a module holds an UPPER_SNAKE
string (a code, however the module raises it) that no rule() declares; the test scan fails when a declared code appears in no test under tests/.
"""

import ast
import importlib
import importlib.util
import re
import string
from pathlib import Path

import pytest

from desktop.rules import catalogue, enums, vacancy_enums, workflow
from desktop.rules.catalogue import RuleInfo, all_rules, get_rule, rule
from desktop.rules.violations import ERROR, WARNING, Refused, RuleViolation, invalid

ROOT = Path(__file__).resolve().parents[2]
RULES_DIR = ROOT / "desktop" / "rules"
CIRCULAR_PARAGRAPHS = {"5A", "5B", "6A", "6B", "7.1", "7.2", "7.3", "7.4", "7.5", "7.6", "8.1",
                       "8.2", "9", "10"}
PARAGRAPH = re.compile(r"^(\d+[AB]?|\d+\.\d+)(\([a-z]\))?(\((?:i|ii|iii|iv)\))?$")


def test_codes_are_unique_upper_snake_and_complete():
    rules = all_rules()
    assert len(rules) >= 30
    codes = [r.code for r in rules]
    assert len(codes) == len(set(codes))
    for r in rules:
        assert re.fullmatch(r"[A-Z][A-Z0-9_]+", r.code), r.code
        assert r.message_ms.strip() and r.message_en.strip(), r.code
        assert r.message_ms != r.message_en, r.code
        assert r.severity in (ERROR, WARNING), r.code
        assert r.module.startswith("desktop.rules."), r.code
        importlib.import_module(r.module)


def test_paragraphs_are_paragraphs_of_the_circular():
    for r in all_rules():
        if r.paragraph is None:
            continue
        match = PARAGRAPH.match(r.paragraph)
        assert match, f"{r.code}: {r.paragraph}"
        assert match.group(1) in CIRCULAR_PARAGRAPHS, f"{r.code}: {r.paragraph}"


def test_every_template_fills():
    for r in all_rules():
        names = {name for text in (r.message_ms, r.message_en)
                 for _, name, _, _ in string.Formatter().parse(text) if name}
        violation = r.violation(field="f", **{n: "X" for n in names - {"field"}})
        assert isinstance(violation, RuleViolation)
        assert violation.code == r.code and violation.paragraph == r.paragraph
        assert "{" not in violation.message_ms and "{" not in violation.message_en
        assert violation.severity == r.severity and violation.field == "f"


def test_rules_are_ordered_by_paragraph_then_input_checks():
    rules = all_rules()
    paragraphs = [r.paragraph for r in rules]
    first_none = paragraphs.index(None)
    assert all(p is None for p in paragraphs[first_none:])
    order = [r.code for r in rules]
    assert order.index("ACTING_TERM_TOO_LONG") < order.index("ACTING_INTERRUPTED")
    assert order.index("ACTING_SALARY_REQUIRED") < order.index("FILL_TASKA_PSH_S17_ONLY")
    assert catalogue._paragraph_key("6A(g)") < catalogue._paragraph_key("7.4(b)")
    assert catalogue._paragraph_key("7.4(b)") < catalogue._paragraph_key("8.2(a)")
    assert catalogue._paragraph_key("8.2(a)") < catalogue._paragraph_key("10")


def test_refuse_and_lookup():
    info = get_rule("ACTING_TERM_TOO_LONG")
    assert info.paragraph == "6A(c)" and info.module == "desktop.rules.acting"
    error = info.refuse(field="end", last_ms="1 Jun 2026", last_en="1 June 2026")
    assert isinstance(error, Refused) and error.fields == ("end",)
    assert "1 Jun 2026" in error.message("ms") and "(perenggan 6A(c))" in error.message("ms")
    with pytest.raises(KeyError):
        get_rule("NO_SUCH_RULE")


def test_invalid_default_code_is_catalogued():
    violation = invalid("name", "Nama tidak sah.", "Invalid name.")
    assert violation.code == "INVALID_INPUT" and get_rule("INVALID_INPUT").paragraph is None


def test_declaring_twice_with_other_text_fails():
    code = "TEST_ONLY_DUPLICATE"
    try:
        first = rule(code, "6A(c)", "Satu.", "One.")
        assert rule(code, "6A(c)", "Satu.", "One.") == first  # the same declaration again is fine
        with pytest.raises(ValueError):
            rule(code, "6A(c)", "Dua.", "Two.")
        assert isinstance(first, RuleInfo) and first.module == __name__
    finally:
        catalogue._REGISTRY.pop(code, None)


@pytest.mark.parametrize("code, severity", [("lower_case", ERROR), ("", ERROR),
                                            ("9STARTS_WITH_DIGIT", ERROR), ("OK_CODE", "fatal")])
def test_bad_declarations_fail(code, severity):
    with pytest.raises(ValueError):
        rule(code, None, "x", "y", severity=severity)
    assert code not in catalogue._REGISTRY


CODE_LIKE = re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$")
# UPPER_SNAKE text in the rules package that is not a rule code
# (enum values and workflow step codes are stored data, not refusals)
NOT_CODES = {e.value for enum in (enums.PremisesKind, enums.VacancyKind, enums.Qualification,
                                  enums.Method, vacancy_enums.VacancyStatus,
                                  vacancy_enums.VacancyReason, vacancy_enums.CandidateStatus,
                                  vacancy_enums.CandidateOutcome) for e in enum}
NOT_CODES |= {s.code for kind in enums.VacancyKind for s in workflow.steps_for(kind)}


def _code_like_strings(path: Path) -> set[str]:
    """Every UPPER_SNAKE string constant of a module: the codes it can raise, however it builds
    its violations (rule(), invalid(), RuleViolation() or a helper of its own)."""
    return {node.value for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and CODE_LIKE.match(node.value)} - NOT_CODES


def test_every_code_raised_in_the_rules_package_is_declared():
    declared = {r.code for r in all_rules()}
    raised = {}
    for path in sorted(RULES_DIR.glob("*.py")):
        if path.name == "__init__.py":  # only re-exports (its __all__ names)
            continue
        for code in _code_like_strings(path):
            raised.setdefault(code, path.name)
    assert "UNKNOWN_STATE" in raised  # the scan sees calendar.py's hand-made violations
    missing = {code: module for code, module in raised.items() if code not in declared}
    assert not missing, f"declare these with catalogue.rule(): {missing}"


def _constants() -> dict[str, list[tuple[str, str]]]:
    """code -> [(module, NAME)] for module-level ``NAME = "CODE"`` or ``NAME = rule("CODE", ..)``."""
    out: dict[str, list[tuple[str, str]]] = {}
    for path in sorted(RULES_DIR.glob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not (isinstance(node, ast.Assign) and len(node.targets) == 1
                    and isinstance(node.targets[0], ast.Name)):
                continue
            value = node.value
            if isinstance(value, ast.Call) and getattr(value.func, "id", None) == "rule":
                value = value.args[0] if value.args else None
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                out.setdefault(value.value, []).append(
                    (f"desktop.rules.{path.stem}", node.targets[0].id))
    return out


def test_every_declared_code_is_tested():
    """A test names the code, or imports the module constant that holds it."""
    texts = [p.read_text(encoding="utf-8") for p in (ROOT / "tests").rglob("*.py")]
    constants = _constants()

    def tested(code: str) -> bool:
        if any(code in text for text in texts):
            return True
        return any(module in text and re.search(rf"\b{name}\b", text)
                   for module, name in constants.get(code, []) for text in texts)

    untested = [r.code for r in all_rules() if not tested(r.code)]
    assert not untested, f"no test mentions: {untested}"


def _generator():
    spec = importlib.util.spec_from_file_location("gen_rule_codes",
                                                  ROOT / "scripts" / "gen_rule_codes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_rule_codes_document_is_up_to_date():
    generator = _generator()
    expected = generator.render()
    committed = (ROOT / "docs" / "RULE-CODES.md").read_text(encoding="utf-8")
    assert committed == expected, "run: python scripts/gen_rule_codes.py"
    for r in all_rules():
        assert f"`{r.code}`" in committed
    assert generator.main(["--check"]) == 0


def test_document_escapes_table_cells():
    assert _generator()._cell("a | b\nc") == "a \\| b c"
