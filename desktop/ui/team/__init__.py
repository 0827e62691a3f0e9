"""The team features in the window: live updates, the connection banner, the coder switch,
the agreement panel and the shared-library connection dialog (``TeamFeature``)."""

from desktop.ui.team.feature import TeamFeature

__all__ = ["TeamFeature"]
