// The protocols of python -m bench.vis on vis-timeline, driven over the DevTools protocol.
// Every figure is the wall time from a change (construction, setWindow) to the frame painted
// with it: vis-timeline redraws in the next animation frame and then emits 'changed'; the task
// posted from there runs once that frame's rendering (style, layout, paint) is done.
"use strict";

const STEP_TIMEOUT_MS = 60000; // a step that never redraws counts as this long (and is flagged)

function afterPaint() {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(0);
  });
}

function nextChanged(timeline) {
  return new Promise((resolve) => {
    let done = false;
    const finish = (ok) => {
      if (done) return;
      done = true;
      timeline.off("changed", onChanged);
      resolve(ok);
    };
    const onChanged = () => finish(true);
    timeline.on("changed", onChanged);
    setTimeout(() => finish(false), STEP_TIMEOUT_MS);
  });
}

const bench = {
  timeline: null,

  // Build the DataSets and the Timeline showing [start, end] (ms), with extra options on top
  // of the harness's; resolve with the ms until its first frame is painted.
  firstDraw(start, end, extra) {
    const data = window.BENCH_DATA;
    return new Promise((resolve) => {
      const began = performance.now();
      const items = new vis.DataSet(data.items);
      const groups = new vis.DataSet(data.groups);
      const options = {
        width: "1600px",
        height: "900px",
        start: start,
        end: end,
        stack: true,
        showCurrentTime: false,
        zoomMin: 3600 * 1000,
        onInitialDrawComplete: () => afterPaint().then((t) => resolve(t - began)),
        ...extra,
      };
      bench.timeline = new vis.Timeline(document.getElementById("timeline"), items, groups,
        options);
    });
  },

  // Show [start, end] untimed (the start of a protocol), unless it is shown already.
  async show(start, end) {
    const shown = bench.timeline.getWindow();
    if (Math.abs(shown.start - start) < 1 && Math.abs(shown.end - end) < 1) return;
    const changed = nextChanged(bench.timeline);
    bench.timeline.setWindow(start, end, { animation: false });
    await changed;
    await afterPaint();
  },

  // Show each [start, end] of windows in turn; resolve with the ms of each step, and how many
  // steps timed out.
  async steps(windows) {
    const times = [];
    let timedOut = 0;
    for (const [start, end] of windows) {
      const began = performance.now();
      const changed = nextChanged(bench.timeline);
      bench.timeline.setWindow(start, end, { animation: false });
      if (!(await changed)) timedOut += 1;
      times.push((await afterPaint()) - began);
    }
    return { times: times, timed_out: timedOut };
  },

  itemsDrawn() {
    return document.querySelectorAll(".vis-item").length;
  },
};
window.bench = bench;
