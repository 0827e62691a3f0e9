"""The team features in the window: live updates, the connection banner, the coder switch,
the agreement panel and the shared-library connection dialog. ``install_team`` wires them."""

from desktop.ui.team.install import install_team, team_hub

__all__ = ["install_team", "team_hub"]
