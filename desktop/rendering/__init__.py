"""Drawing without widgets: the one timeline paint routine and the figure and report files.

``paint.paint_timeline`` draws a scene with a ``QPainter`` into any target; the window's
timeline view, PNG/SVG/PDF export (``timeline_image``) and the command line all call it, so
what the user sees is what they export. Modules here use QtGui, QtSvg and QtCore only, never
widgets (``tests/test_layers.py``); ``headless.ensure_gui_application`` is the one exception:
it makes the application object a command needs to render without a display.
"""
