"""sanctions-cli: screen names and payment files against sanctions lists.

The library API, free of any command-line dependency::

    from sanctions_cli import Screener, load_lists
    screener = Screener(load_lists())             # the bundled lists
    hits = screener.check("Jong-Sik Kim", as_of=datetime.date(2018, 1, 5))
    for result in screener.screen_rows(rows, ["beneficiary"]):
        ...
    hits = screen_frame(payments_df, ["beneficiary"])  # pandas/polars DataFrame
"""

from .errors import InputError, SanctionsError, UsageError
from .frame import screen_frame, screen_records
from .listfile import dump_list, load_list_file
from .loading import load_lists
from .model import Alias, DateRange, Entry, Hit, Identifier, Listing, ListMeta, SanctionsList
from .screening import DEFAULT_THRESHOLD, ListingFilter, RowResult, Screener

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_THRESHOLD",
    "Alias",
    "DateRange",
    "Entry",
    "Hit",
    "Identifier",
    "InputError",
    "ListMeta",
    "Listing",
    "ListingFilter",
    "RowResult",
    "SanctionsError",
    "SanctionsList",
    "Screener",
    "UsageError",
    "__version__",
    "dump_list",
    "load_list_file",
    "load_lists",
    "screen_frame",
    "screen_records",
]
