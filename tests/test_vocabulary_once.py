"""Each vocabulary lives in one data file, read through one loader: a title list written again in code
(as a tuple, a set, a "a b c".split() or an "a|b|c" alternation) fails here, as does a module that
opens a word file itself."""
import ast
from pathlib import Path

from anonymise import name_data

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("anonymise", "flows", "reports", "contract")
TITLE_FILES = ("titles_ko.txt", "titles_zh_ja.txt", "latin_titles.txt")
# The two loaders: anonymise.name_data (name knowledge) and anonymise.vocabulary (safe_<lang>.txt).
LOADERS = {ROOT / "anonymise" / "name_data.py", ROOT / "anonymise" / "vocabulary" / "__init__.py"}


def _entries(file_name: str) -> set[str]:
    lines = (name_data.VOCABULARY / file_name).read_text(encoding="utf-8").splitlines()
    return {line.split("\t")[0].strip() for line in lines if line.strip() and not line.startswith("#")}


def _literal_words(node: ast.AST) -> list[str]:
    """The words of a literal collection of strings in code, or of an alternation/split string."""
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split" \
            and not node.args and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str):
        return node.func.value.value.split()
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and "|" in node.value:
        return node.value.strip("(?:)").split("|")
    return []


def _sources():
    for package in PACKAGES:
        yield from sorted((ROOT / package).rglob("*.py"))


def test_no_list_of_titles_is_written_in_code():
    titles = set().union(*(_entries(name) for name in TITLE_FILES))
    written = []
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            words = _literal_words(node)
            hits = [w for w in words if w in titles]
            # Mostly titles (two thirds or more, three at least): a subset of a title file, kept in code.
            if len(hits) >= 3 and 3 * len(hits) >= 2 * len(words):
                written.append(f"{path.relative_to(ROOT)}:{node.lineno} {hits[:5]}")
    assert written == []


def test_the_check_above_finds_a_title_list():
    tree = ast.parse('HONORIFICS = ("님", "씨", "고객", "환자")\nSTAFF = "원장|실장|팀장"\n')
    titles = _entries("titles_ko.txt")
    found = [w for node in ast.walk(tree) for w in _literal_words(node) if w in titles]
    assert found == ["님", "씨", "고객", "환자", "원장", "실장", "팀장"]


def test_every_word_file_is_read_through_a_loader():
    word_files = {p.name for p in name_data.VOCABULARY.glob("*.txt")}
    through_name_data = {p.name for p in name_data.FILES}
    safe_terms = {name for name in word_files if name.startswith("safe_")}
    assert word_files == through_name_data | safe_terms
    # No other module names a word file in its code (docstrings and comments may).
    named = [f"{path.relative_to(ROOT)}:{node.lineno} {name}" for path in _sources() if path not in LOADERS
             for node in _code_strings(ast.parse(path.read_text(encoding="utf-8")))
             for name in word_files if name in node.value]
    assert named == []


def _code_strings(tree: ast.AST):
    docstrings = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant)}
    return [n for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
            and id(n) not in docstrings]
