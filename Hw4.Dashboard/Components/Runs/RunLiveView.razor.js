// The width, in CSS pixels, that a chart will be drawn in: its placeholder's (RunLiveView draws no more points per
// trace than that).
export function widthOf(element) {
  return element ? Math.floor(element.getBoundingClientRect().width) : 0;
}
