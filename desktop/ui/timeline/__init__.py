"""The zoomable timeline widget: the interactive view, the overview strip and the lane menu.

It paints through ``desktop.rendering.paint`` (the routine figure exports use too).
"""
