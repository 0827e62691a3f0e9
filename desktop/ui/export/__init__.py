"""Export from the window: the image dialog, its preview and its remembered choices.

The files themselves are drawn and written by ``desktop.rendering`` (shared with the command
line); data in and out is ``desktop.ui.exchange``.
"""
