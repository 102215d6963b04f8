"""The importer registry: format detection by content and the ``import_files`` API."""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import pytest

from sanctions_cli.errors import InputError, UsageError
from sanctions_cli.importers import (
    FORMAT_DESCRIPTIONS,
    FORMATS,
    ImportNotice,
    detect_format,
    import_files,
    official_sources,
    sniff_format,
)
from sanctions_cli.listfile import bundled_list_paths

from .conftest import FIXTURES

CASES = [
    ("ofac-csv", [FIXTURES / "ofac_csv"]),
    ("ofac-csv", [FIXTURES / "ofac_csv" / "sdn.csv", FIXTURES / "ofac_csv" / "alt.csv"]),
    ("ofac-xml", [FIXTURES / "ofac_xml" / "consolidated.xml"]),
    ("un-xml", [FIXTURES / "un_xml" / "consolidated.xml"]),
    ("canada-xml", [FIXTURES / "canada_xml" / "sema.xml"]),
    ("opensanctions-csv", [FIXTURES / "opensanctions_csv" / "targets.simple.csv"]),
    ("uk-ods", [FIXTURES / "uk_ods" / "uk_sanctions_list_summary.ods"]),
    # A download folder holding one publication stands for it.
    ("un-xml", [FIXTURES / "un_xml"]),
    ("canada-xml", [FIXTURES / "canada_xml"]),
    ("uk-ods", [FIXTURES / "uk_ods"]),
]


def test_every_format_has_a_description() -> None:
    assert set(FORMAT_DESCRIPTIONS) == set(FORMATS)


@pytest.mark.parametrize(("fmt", "paths"), CASES)
def test_detect_by_content_even_when_renamed(tmp_path: Path, fmt: str, paths: list[Path]) -> None:
    assert detect_format(paths) == fmt
    if paths[0].is_file():
        renamed = tmp_path / "download.bin"
        shutil.copy(paths[0], renamed)
        assert sniff_format(renamed) == fmt


@pytest.mark.parametrize(("fmt", "paths"), CASES)
def test_import_files_detects_and_imports(fmt: str, paths: list[Path]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ImportNotice)
        detected = import_files(None, paths)
        named = import_files(fmt, paths)
    assert detected.entries and detected.entries == named.entries
    assert len(detected.content_hash) == 64
    assert all(entry.listings for entry in detected.entries)


def test_yaml_list_is_not_an_official_format() -> None:
    assert sniff_format(bundled_list_paths()[0]) is None
    with pytest.raises(InputError, match="not a recognised sanctions list format"):
        detect_format(bundled_list_paths()[:1])


def test_mixed_formats_refused() -> None:
    paths = [FIXTURES / "un_xml" / "consolidated.xml", FIXTURES / "canada_xml" / "sema.xml"]
    with pytest.raises(InputError, match="different formats"):
        detect_format(paths)


def test_unknown_format_name_and_no_paths() -> None:
    with pytest.raises(UsageError, match="unknown list format 'pdf'"):
        import_files("pdf", [FIXTURES / "un_xml" / "consolidated.xml"])
    with pytest.raises(UsageError):
        import_files(None, [])


def test_wrong_format_named_explicitly_is_a_clean_error() -> None:
    with pytest.raises(InputError) as info:
        import_files("un-xml", [FIXTURES / "canada_xml" / "sema.xml"])
    assert "not a UN Consolidated List" in str(info.value)
    with pytest.raises(InputError):
        import_files("ofac-csv", [FIXTURES / "un_xml" / "consolidated.xml"])
    with pytest.raises(InputError):
        import_files("opensanctions-csv", [FIXTURES / "ofac_csv" / "sdn.csv"])


def test_a_folder_stands_for_the_official_files_in_it(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "un_xml" / "consolidated.xml", tmp_path / "UN_consolidated.xml")
    (tmp_path / "README.md").write_text("# downloaded 2026-02-27\n")
    (tmp_path / ".partial.xml").write_text("<CONSOLIDATED_LIST>")
    assert official_sources(tmp_path) == [("un-xml", tmp_path / "UN_consolidated.xml")]
    assert official_sources(FIXTURES / "ofac_csv") == [("ofac-csv", FIXTURES / "ofac_csv")]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ImportNotice)
        assert (
            import_files(None, [tmp_path]).entries
            == import_files(None, [tmp_path / "UN_consolidated.xml"]).entries
        )
    shutil.copy(FIXTURES / "canada_xml" / "sema.xml", tmp_path / "sema.xml")
    with pytest.raises(InputError, match="different formats"):
        import_files(None, [tmp_path])


def test_a_folder_with_no_official_file_is_a_clean_error(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("nothing here\n")
    with pytest.raises(InputError, match="folder holds no official list file") as info:
        import_files(None, [tmp_path])
    assert str(tmp_path) in str(info.value)
    with pytest.raises(InputError, match="folder holds no official list file"):
        detect_format([tmp_path])


def test_missing_file() -> None:
    with pytest.raises(InputError, match="no such file"):
        detect_format([Path("/nonexistent/list.xml")])


def test_module_entry_point(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from sanctions_cli.importers.__main__ import main
    from sanctions_cli.listfile import load_list_file

    out = tmp_path / "un.yaml"
    assert (
        main([str(FIXTURES / "un_xml" / "consolidated.xml"), "--round-trip", "-o", str(out)]) == 0
    )
    assert "un-xml: 19 entries" in capsys.readouterr().err
    assert len(load_list_file(out).entries) == 19
    assert main([str(bundled_list_paths()[0])]) == 2
    assert "not a recognised" in capsys.readouterr().err
