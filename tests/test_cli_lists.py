"""``sanctions lists import/diff/update`` and screening against official files."""

from __future__ import annotations

import http.server
import shutil
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from sanctions_cli.cli import app

FIXTURES = Path(__file__).parent / "fixtures"
UN_XML = FIXTURES / "un_xml" / "consolidated.xml"
OFAC_DIR = FIXTURES / "ofac_csv"
PAYMENT = "id,beneficiary\n1,Jong-Sik Kim\n2,Jane Doe\n"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_import_un_xml_to_yaml_and_screen_with_it(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "un.yaml"
    result = runner.invoke(app, ["lists", "import", "un-xml", str(UN_XML), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    document = yaml.safe_load(out.read_text())
    kim = next(e for e in document["entries"] if e["name"] == "KIM JONG SIK")
    assert kim["listings"][0]["reference"] == "KPi.066"
    assert "entries" in result.stderr
    result = runner.invoke(app, ["lists", "validate", str(out)])
    assert result.exit_code == 0
    result = runner.invoke(
        app, ["screen", "-", "--list", str(out), "--as-of", "2018-01-05"], input=PAYMENT
    )
    assert result.exit_code == 1
    assert "KPi.066" in result.stdout


def test_official_files_are_accepted_directly_and_cached(runner: CliRunner) -> None:
    args = [
        "screen",
        "-",
        "-l",
        str(OFAC_DIR),
        "-l",
        str(UN_XML),
        "--as-of",
        "2018-01-05",
        "-f",
        "jsonl",
    ]
    first = runner.invoke(app, args, input=PAYMENT)
    assert first.exit_code == 1, first.stderr
    references = {
        line.split('"reference": "')[1].split('"')[0] for line in first.stdout.splitlines()
    }
    assert {"23214", "KPi.066"} <= references
    second = runner.invoke(app, args, input=PAYMENT)
    assert second.stdout == first.stdout


def test_a_folder_of_downloads_is_every_list_in_it(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "lists"
    (folder / "un").mkdir(parents=True)
    shutil.copy(UN_XML, folder / "un" / "UN_consolidated.xml")
    (folder / "un" / "README.txt").write_text("downloaded by hand\n")
    shutil.copytree(OFAC_DIR, folder / "ofac-sdn")
    args = ["screen", "-", "-l", str(folder), "--as-of", "2018-01-05", "-f", "jsonl"]
    result = runner.invoke(app, args, input=PAYMENT)
    assert result.exit_code == 1, result.stderr
    assert '"reference": "23214"' in result.stdout
    assert '"reference": "KPi.066"' in result.stdout
    assert "lists are" not in result.stderr
    # Two versions of one list are both screened, and the user is told so.
    shutil.copytree(OFAC_DIR, folder / "ofac-sdn-old")
    result = runner.invoke(app, args, input=PAYMENT)
    assert result.exit_code == 1
    assert result.stdout.count('"reference": "23214"') == 2
    assert "warning: 2 lists are ofac-sdn" in result.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(app, ["screen", "-", "-l", str(empty)], input=PAYMENT)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"{empty}: folder holds no sanctions list" in result.stderr


def test_auto_format_and_wrong_format(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["lists", "import", "auto", str(UN_XML)])
    assert result.exit_code == 0
    assert result.stdout.startswith("# yaml-language-server")
    result = runner.invoke(app, ["lists", "import", "ofac-xml", str(UN_XML)])
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    junk = tmp_path / "junk.xml"
    junk.write_text("<html><body>Service unavailable</body></html>")
    result = runner.invoke(app, ["screen", "-", "-l", str(junk)], input=PAYMENT)
    assert result.exit_code == 2
    assert str(junk) in result.stderr


def test_xml_bomb_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        "<CONSOLIDATED_LIST>&lol2;</CONSOLIDATED_LIST>"
    )
    result = runner.invoke(app, ["lists", "import", "un-xml", str(bomb)])
    assert result.exit_code == 2
    assert "bomb.xml" in result.stderr
    assert "Traceback" not in result.stderr


def _shrunk_un(tmp_path: Path, keep: int) -> Path:
    """The UN fixture with only the first ``keep`` individuals and no entities."""
    text = UN_XML.read_text(encoding="utf-8")
    head, _, rest = text.partition("<INDIVIDUAL>")
    people = ("<INDIVIDUAL>" + rest.split("</INDIVIDUALS>")[0]).split("</INDIVIDUAL>")[:keep]
    body = "</INDIVIDUAL>".join(people) + "</INDIVIDUAL>"
    path = tmp_path / f"un-{keep}.xml"
    path.write_text(head + body + "</INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>", encoding="utf-8")
    return path


def test_diff_between_two_versions(runner: CliRunner, tmp_path: Path) -> None:
    old = _shrunk_un(tmp_path, 5)
    result = runner.invoke(app, ["lists", "diff", str(old), str(UN_XML)])
    assert result.exit_code == 1
    assert result.stdout.count("\n+ ") + result.stdout.startswith("+ ") == 14
    assert "14 added, 0 removed, 0 changed, 5 unchanged" in result.stderr
    same = runner.invoke(app, ["lists", "diff", str(UN_XML), str(UN_XML)])
    assert same.exit_code == 0


def test_only_changed_since(runner: CliRunner, tmp_path: Path) -> None:
    # Kim Jong Sik is the first individual of the fixture: unchanged since the old version.
    old = _shrunk_un(tmp_path, 5)
    args = ["screen", "-", "-l", str(UN_XML), "--as-of", "2018-01-05"]
    assert runner.invoke(app, args, input=PAYMENT).exit_code == 1
    result = runner.invoke(app, [*args, "--only-changed-since", str(old)], input=PAYMENT)
    assert result.exit_code == 0, result.stdout
    assert "delta screening: 14 entries added or changed" in result.stderr


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    root = tmp_path / "www"
    root.mkdir()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", root
    finally:
        server.shutdown()
        server.server_close()


def test_update_from_a_local_server(
    runner: CliRunner, served: tuple[str, Path], tmp_path: Path
) -> None:
    base, root = served
    shutil.copy(_shrunk_un(tmp_path, 5), root / "un.xml")
    url = ["--url", f"un={base}/un.xml"]
    result = runner.invoke(app, ["lists", "update", "un", *url])
    assert result.exit_code == 0, result.stderr
    assert "un: 5 entries (first download)" in result.stdout
    # The updated list joins the default lists.
    listed = runner.invoke(app, ["lists"])
    assert "\nun-sc\t" in listed.stdout or "un" in listed.stdout.split("\n", 2)[2]

    shutil.copy(UN_XML, root / "un.xml")
    result = runner.invoke(app, ["lists", "update", "un", *url])
    assert result.exit_code == 0, result.stderr
    assert "un: 19 entries (14 added, 0 removed, 0 changed, 5 unchanged)" in result.stdout

    # A truncated download and a suspicious shrink are refused; the good list stays.
    (root / "un.xml").write_bytes(UN_XML.read_bytes()[:5000])
    result = runner.invoke(app, ["lists", "update", "un", *url])
    assert result.exit_code == 2
    assert "error: un:" in result.stderr
    shutil.copy(_shrunk_un(tmp_path, 2), root / "un.xml")
    result = runner.invoke(app, ["lists", "update", "un", *url])
    assert result.exit_code == 2
    assert "refusing a suspicious shrink" in result.stderr
    screened = runner.invoke(
        app, ["screen", "-", "--as-of", "2018-01-05", "-f", "jsonl"], input=PAYMENT
    )
    assert screened.stdout.count('"id": "un-KPi.066"') == 1
    # A server that is not there.
    result = runner.invoke(app, ["lists", "update", "un", "--url", "un=http://127.0.0.1:9/un.xml"])
    assert result.exit_code == 2
    assert "download failed" in result.stderr
