"""The ``clusternet`` command: where the report's data are, and a copy to edit.

``clusternet data path`` prints the data folder the chapters read (see
:func:`clusternet.data.data_dir`); ``clusternet data copy DIR`` copies it to ``DIR`` so a
reader can replace files with their own and point the chapters at it with
``CLUSTERNET_DATA=DIR`` (and ``CLUSTERNET_OWN_DATA=1`` for their own real data);
``clusternet data list`` lists the documented data sets. No command uses the network.

Examples
--------
>>> from clusternet.cli import main
>>> main(["data", "list"])  # doctest: +SKIP
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from clusternet import __version__
from clusternet import data as report_data

__all__ = ["main"]


def _path(_args) -> int:
    print(report_data.data_dir())
    return 0


def _copy(args) -> int:
    target = Path(args.folder).expanduser().resolve()
    if target.exists() and any(target.iterdir()):
        print(f"error: {target} exists and is not empty; choose a new folder", file=sys.stderr)
        return 2
    shutil.copytree(report_data.data_dir(), target, dirs_exist_ok=True)
    print(f"copied the report's data to {target}")
    print(f"use it with: CLUSTERNET_DATA={target} jupyter lab")
    return 0


def _list(_args) -> int:
    for name, spec in sorted(report_data.list_datasets().items()):
        print(f"{name}\t{spec.kind}\t{spec.path}")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="clusternet", description="The report's data: where they are, and a copy to edit."
    )
    parser.add_argument("--version", action="version", version=f"clusternet {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    data = commands.add_parser("data", help="the data folder the chapters read")
    actions = data.add_subparsers(dest="action", required=True)
    actions.add_parser("path", help="print the data folder").set_defaults(run=_path)
    copy = actions.add_parser("copy", help="copy the data folder to FOLDER")
    copy.add_argument("folder", metavar="FOLDER", help="a new or empty folder")
    copy.set_defaults(run=_copy)
    actions.add_parser("list", help="list the documented data sets").set_defaults(run=_list)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the ``clusternet`` command with ``argv`` (default: the command line).

    Parameters
    ----------
    argv : list of str, optional
        The arguments after the program name.

    Returns
    -------
    int
        The exit status: 0 on success, 2 for a refused request.
    """
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
