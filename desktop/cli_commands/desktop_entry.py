"""``parallax install-desktop-entry [--remove]``: put Parallax in the user's application menu."""

from __future__ import annotations

import argparse

from desktop.cli_commands.base import SubCommand
from desktop.errors import UserError
from desktop.io.desktop_entry import (
    data_home,
    install_desktop_entry,
    launch_command,
    remove_desktop_entry,
)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--remove", action="store_true", help="take the launcher out of the menu again"
    )


def run(args: argparse.Namespace) -> int:
    home = data_home()
    try:
        if args.remove:
            removed = remove_desktop_entry(home)
            print(f"Removed {len(removed)} launcher files from {home}.")
            return 0
        files = install_desktop_entry(home, launch_command())
    except OSError as error:
        raise UserError(f"Cannot install the launcher: {error}") from error
    print(
        f"Installed the Parallax launcher {files.desktop_entry} "
        f"(with its icon and metainfo under {home}); it starts {' '.join(launch_command())}."
    )
    return 0


DESKTOP_ENTRY = SubCommand(
    "install-desktop-entry",
    "add Parallax to your application menu (a desktop entry, icon and metainfo, for you only)",
    configure,
    run,
)
