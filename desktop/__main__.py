"""Entry point of `isitugas` and `python -m desktop`: the window, or a headless command."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from desktop import cli

    args = cli.build_parser().parse_args(argv)
    if args.self_test:
        from desktop.selftest import run_self_test

        return run_self_test()
    if args.command is None:
        from desktop.app import run_app  # Qt is imported only on this path

        return run_app(args)
    return cli.run(args)


if __name__ == "__main__":
    sys.exit(main())
