"""Dependencies point one way (flows -> reports -> anonymise -> contract), and the libraries work without flows."""
from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# What each package may import of the project's own packages.
MAY_IMPORT = {"contract": set(), "anonymise": {"contract"}, "reports": {"anonymise", "contract"},
              "data_samples": {"anonymise", "contract"}}
PROJECT = {"anonymise", "contract", "flows", "reports", "data_samples"}


def _imported_packages(path: Path) -> set[str]:
    """Top-level project packages ``path`` imports anywhere (module level or inside a function)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module.split(".")[0])
    return found & PROJECT


@pytest.mark.parametrize("package", sorted(MAY_IMPORT))
def test_a_package_imports_only_what_lies_below_it(package):
    upward = {str(path.relative_to(ROOT)): sorted(_imported_packages(path) - MAY_IMPORT[package] - {package})
              for path in sorted((ROOT / package).rglob("*.py"))}
    assert {path: names for path, names in upward.items() if names} == {}



def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported_modules(path: Path, known: set[str]) -> set[str]:
    """Project modules ``path`` imports anywhere, by their dotted names (``from a import b`` counts
    ``a.b`` when that is a module, else ``a``)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found |= {f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in known else node.module
                      for alias in node.names}
    return found & known


def test_no_import_cycle_between_the_project_modules():
    paths = {_module_name(p): p for package in PROJECT for p in sorted((ROOT / package).rglob("*.py"))}
    graph = {name: _imported_modules(path, set(paths)) - {name} for name, path in paths.items()}
    cycles, state = [], {}

    def visit(name: str, trail: list[str]) -> None:  # depth-first search; a grey node met again closes a cycle
        state[name] = "grey"
        for other in sorted(graph[name]):
            if state.get(other) == "grey":
                cycles.append(trail[trail.index(other):] + [other])
            elif other not in state:
                visit(other, trail + [other])
        state[name] = "black"

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []

def _plain_python(code: str, tmp_path: Path) -> subprocess.CompletedProcess:
    """``code`` in a fresh interpreter in an empty folder, with no CLINIC_ANON_* variable set."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLINIC_ANON_")}
    return subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=600)


def test_the_redactor_works_in_a_plain_session_without_flows_or_prefect(tmp_path):
    code = ("import sys; from anonymise import Redactor; "
            "r = Redactor(score_threshold=0.5).redact({'question': '김민수입니다. 010-1234-5678로 연락 주세요.'}); "
            "print(r.text['question']); "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'flows', 'prefect', 'reports'}))")
    result = _plain_python(code, tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.splitlines() == ["<PERSON>입니다. <PHONE>로 연락 주세요.", "[]"]


HEAVY = ("spacy", "presidio_analyzer", "presidio_anonymizer", "flows", "prefect")


@pytest.mark.parametrize("modules", [
    # The leak gate's scan path: it re-scans with Presidio only when presidio_rescan is on.
    "anonymise.gate.scan anonymise.gate.needles anonymise.gate.canary anonymise.gate.withhold anonymise.gate",
    # What the deny list and the vocabulary need of the text: no analyzer engine behind it.
    "anonymise.deny_list anonymise.name_split anonymise.text_normalisation anonymise.text_script anonymise.vocabulary "
    "anonymise.gate.name_forms",
])
def test_light_modules_load_neither_spacy_nor_presidio(modules, tmp_path):
    code = (f"import sys, importlib; [importlib.import_module(m) for m in {modules.split()!r}]; "
            f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}) "
            "| ({'anonymise.engine'} & set(sys.modules))))")
    result = _plain_python(code, tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "[]"
