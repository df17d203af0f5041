"""``python -m clusternet.samples [--check] [--only PREFIX] [--target DIR]``."""

from __future__ import annotations

import argparse
import sys

from clusternet.samples import check_all, generate_all


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m clusternet.samples", description=__doc__)
    parser.add_argument(
        "--check", action="store_true", help="verify committed files, write nothing"
    )
    parser.add_argument("--only", default=None, help="only files whose path starts with this")
    parser.add_argument("--target", default=None, help="write here instead of the data folder")
    args = parser.parse_args(argv)
    if args.check:
        differing = check_all(args.target)
        if differing:
            print("sample files differ from their generators:", *differing, sep="\n  ")
            return 1
        print("all sample files match their generators")
        return 0
    for path in generate_all(args.target, args.only):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
