import io

import pytest

from sanctions_cli.csvinput import CsvOptions, CsvSource, detect_name_columns, resolve_columns
from sanctions_cli.errors import InputError, UsageError


def source(data: bytes, **options: str) -> CsvSource:
    return CsvSource("p.csv", io.BytesIO(data), CsvOptions(**options))  # type: ignore[arg-type]


def test_reads_rows_with_bom_sniffed_delimiter_and_embedded_newlines() -> None:
    data = '\ufeffid;beneficiary\r\n1;"Kim\nJong Sik"\r\n2;Jane\r\n'.encode()
    src = source(data)
    assert src.delimiter == ";"
    assert src.header == ("id", "beneficiary")
    assert list(src.rows()) == [
        {"id": "1", "beneficiary": "Kim\nJong Sik"},
        {"id": "2", "beneficiary": "Jane"},
    ]


def test_tab_delimiter_given() -> None:
    src = source(b"a\tb\n1\t2\n", delimiter="\t")
    assert list(src.rows()) == [{"a": "1", "b": "2"}]


def test_other_encodings() -> None:
    data = "name,city\nMüller,Köln\n".encode("latin-1")
    assert list(source(data, encoding="latin-1").rows()) == [{"name": "Müller", "city": "Köln"}]
    with pytest.raises(InputError, match="not valid utf-8-sig"):
        list(source(data).rows())
    with pytest.raises(UsageError, match="unknown encoding"):
        source(data, encoding="klingon")


def test_undecodable_bytes_late_in_the_file_name_the_line() -> None:
    data = b"name\n" + b"ok\n" * 30000 + b"bad \xff\n"
    with pytest.raises(InputError) as info:
        list(source(data).rows())
    assert info.value.line == 30002


def test_ragged_row_names_row_and_line() -> None:
    with pytest.raises(InputError) as info:
        list(source(b"a,b\n1,2\n3\n").rows())
    assert str(info.value) == "p.csv: line 3, row 2: ragged row: 1 fields where the header has 2"


def test_blank_lines_are_not_rows() -> None:
    assert list(source(b"a,b\n1,2\n\n3,4\n").rows()) == [{"a": "1", "b": "2"}, {"a": "3", "b": "4"}]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"\n\n", "empty file"),
        (b"a,,c\n", "column 2 of the header has no name"),
        (b"a,a\n", "duplicate column"),
    ],
)
def test_bad_headers(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        source(data)


def test_column_detection() -> None:
    header = [
        "payment_id",
        "value_date",
        "OriginatorName",
        "originator_country",
        "Beneficiary Name",
        "beneficiary_account",
        "counterparty",
        "amount",
        "payee",
        "reference",
        "vessel_imo",
    ]
    assert detect_name_columns(header) == [
        "OriginatorName",
        "Beneficiary Name",
        "counterparty",
        "payee",
    ]


def test_resolve_columns() -> None:
    header = ["id", "Beneficiary"]
    assert resolve_columns("p.csv", header, ["beneficiary"]) == ["Beneficiary"]
    with pytest.raises(InputError, match="no column 'payer'"):
        resolve_columns("p.csv", header, ["payer"])
    with pytest.raises(InputError, match="no name column found"):
        resolve_columns("p.csv", ["id", "amount"], [])


def test_context_columns_follow_their_party() -> None:
    from sanctions_cli.csvinput import detect_context_columns

    header = [
        "payment_id",
        "originator_name",
        "originator_country",
        "beneficiary_name",
        "beneficiary_country",
        "beneficiary_dob",
        "BeneficiaryPassportNo",
        "beneficiary_account",
    ]
    found = detect_context_columns(header, ["originator_name", "beneficiary_name"])
    assert found["originator_name"].country == ("originator_country",)
    assert found["originator_name"].dob == ()
    assert found["beneficiary_name"].country == ("beneficiary_country",)
    assert found["beneficiary_name"].dob == ("beneficiary_dob",)
    assert found["beneficiary_name"].identifier == ("BeneficiaryPassportNo",)
    single = detect_context_columns(["name", "date_of_birth", "nationality", "iban"], ["name"])
    assert single["name"].dob == ("date_of_birth",)
    assert single["name"].country == ("nationality",)
    assert single["name"].identifier == ()
    explicit = detect_context_columns(["name", "dob", "cc"], ["name"], country=["cc"])
    assert explicit["name"].country == ("cc",)
    assert explicit["name"].dob == ("dob",)


def _reference(text: str) -> list[list[str]]:
    """What the csv module reads from the whole decoded text at once (blank lines dropped)."""
    import csv

    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))[1:]
    return [r for r in rows if r]


@pytest.mark.parametrize("block", [1, 2, 3, 5, 7, 64])
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_records_across_block_boundaries(
    monkeypatch: pytest.MonkeyPatch, block: int, newline: str
) -> None:
    """Blocks of any size give the rows of the whole text: CRLF at a block's end, quoted
    line breaks and quotes spanning blocks, separators that are not line ends for
    csv (U+2028, VT), a last line with no end."""
    import sanctions_cli.csvinput as csvinput

    monkeypatch.setattr(csvinput, "SNIFF_BYTES", block)
    monkeypatch.setattr(csvinput, "READ_BLOCK_CHARS", block)
    lines = [
        "id,name",
        "1,Kim",
        '2,"Jong\r\nSik, ""Jr"""',
        "",
        "3,Ri\u2028Chol\x0b",
        '4,"a\rb"',
        "5,x",
    ]
    text = newline.join(lines)
    src = source(text.encode(), delimiter=",")
    assert src.header == ("id", "name")
    records = list(src.records())
    assert records == _reference(text)
    assert [r[0] for r in records] == ["1", "2", "3", "4", "5"]


@pytest.mark.parametrize("block", [4, 100, 1 << 20])
def test_undecodable_line_is_exact_whatever_the_block(
    monkeypatch: pytest.MonkeyPatch, block: int
) -> None:
    import sanctions_cli.csvinput as csvinput

    monkeypatch.setattr(csvinput, "SNIFF_BYTES", block)
    monkeypatch.setattr(csvinput, "READ_BLOCK_CHARS", block)
    data = b"name\r\n" + b'"two\r\nlines"\r\n' * 500 + b"ok\r\n" * 700 + b"bad \xff\r\n" + b"ok\r\n"
    with pytest.raises(InputError) as info:
        list(source(data).records())
    assert info.value.line == 1 + 2 * 500 + 700 + 1


def test_malformed_csv_names_its_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import sanctions_cli.csvinput as csvinput

    monkeypatch.setattr(csvinput, "SNIFF_BYTES", 8)
    monkeypatch.setattr(csvinput, "READ_BLOCK_CHARS", 8)
    data = b"a,b\r\n" + b"1,2\r\n" * 50 + b'3,"x"y\r\n'
    with pytest.raises(InputError, match="malformed CSV") as info:
        list(source(data, delimiter=",").records())
    assert info.value.line == 52


def test_records_and_rows_agree() -> None:
    data = b"a;b\n1;2\n\n3;4\n"
    assert list(source(data).records()) == [["1", "2"], ["3", "4"]]
    assert list(source(data).rows()) == [{"a": "1", "b": "2"}, {"a": "3", "b": "4"}]


def test_bom_is_dropped_only_for_utf8_sig() -> None:
    data = "\ufeffname,x\n\ufeffKim,1\n".encode()
    assert source(data).header == ("name", "x")
    assert list(source(data, encoding="UTF-8-SIG").records()) == [["\ufeffKim", "1"]]
    assert source(data, encoding="utf-8").header == ("\ufeffname", "x")
