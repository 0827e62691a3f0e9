"""``python -m desktop``: the same as the ``parallax`` command."""

from desktop.cli import main

raise SystemExit(main())
