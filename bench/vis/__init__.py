"""Parallax's timeline side by side with vis-timeline 8.5.4 in Chromium, in one run, on the same
events and the same protocols: ``python -m bench.vis [--events 10000] [--json]``.

Setup (once; nothing here is part of the app, the tests or CI):

    apt-get install -y chromium              # Debian's Chromium, run headless
    npm install --prefix bench/vis           # vis-timeline 8.5.4 into bench/vis/node_modules
    pip install websocket-client             # the DevTools protocol's websocket

What runs: ``dataset.build`` writes N synthetic events (``bench.timeline.build_library``) as a
Parallax library and, read back from it, as vis-timeline items (one group per lane). Parallax's
side (``parallax_side``, a fresh process) opens the library to its first frame and paints the
protocols of ``bench.timeline`` with ``paint_timeline`` offscreen at 1600x900. Then a headless
Chromium (1600x900, no frame-rate limit) loads ``page.html``, builds the Timeline from the items
and is driven through the very same visible windows with ``setWindow``; each step is timed from
the call to the end of the frame painted with it (vis-timeline's 'changed' event, then a task
that runs once that frame's rendering is done). Both sides are wall clock.

Figures: first draw (the events in memory → the first painted frame: Parallax's scene from its
catalog and one paint; vis-timeline's DataSets, Timeline and first frame), Parallax's open →
first frame beside it, zoom (the fine protocol's 1.15x steps), pan (10 % of the window) and jump
(4x steps, six zoom levels, back and forth), each p50 and p95, and the ratio vis / Parallax.
Parallax's steps let the view's idle work run between inputs, as the app does; "cold" paints
them back to back. The load average is printed: the machine's other work inflates both sides.
"""
