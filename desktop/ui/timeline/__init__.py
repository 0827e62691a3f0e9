"""The zoomable timeline: one paint routine, the interactive view and the overview strip."""
