"""Who is editing: a coding must name its coder, and the default name comes from the system.

Our own library format refuses a coding with an empty coder, so no path may store one: the
commands refuse it (``require_coder``) and the window asks for a name on the first edit,
offering ``system_user_name()``.
"""

from __future__ import annotations

import getpass
import os

from desktop.core.editing.command import EditError


def system_user_name() -> str:
    """The user's full name from the system account (the GECOS field), else the login name."""
    try:
        import pwd

        gecos = pwd.getpwuid(os.getuid()).pw_gecos
    except (ImportError, KeyError, AttributeError):
        gecos = ""
    full = gecos.split(",", 1)[0].strip()
    if full:
        return full
    try:
        return getpass.getuser().strip()
    except (OSError, KeyError, ImportError):
        return ""


def require_coder(coder: str) -> str:
    """``coder`` stripped; ``EditError`` if that leaves nothing."""
    name = coder.strip()
    if not name:
        raise EditError(
            "A coding needs the coder's name: set your name in Edit > Preferences. "
            "Nothing was changed."
        )
    return name
