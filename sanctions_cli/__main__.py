"""``python -m sanctions_cli``: the same as the ``sanctions`` command."""

from .cli import main

main()
