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
