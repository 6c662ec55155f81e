// Small SVG charts for the dashboard, with no dependencies. Every value is drawn from numbers and every label is set
// with textContent, so nothing from the API is ever parsed as markup. Each chart marks its <svg> with data-points, the
// number of values it drew, for a reader (or a test) to check that the chart has data.
const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 640;
const HEIGHT = 240;
const PAD = { left: 56, right: 16, top: 12, bottom: 36 };

function element(name, attributes, parent) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (parent) parent.appendChild(node);
  return node;
}

function text(parent, x, y, value, anchor = 'start') {
  const node = element('text', { x, y, 'text-anchor': anchor }, parent);
  node.textContent = value;
  return node;
}

function frame(container, points) {
  container.replaceChildren();
  const svg = element('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'data-points': points }, container);
  if (points === 0) {
    const note = document.createElement('p');
    note.className = 'empty';
    note.textContent = 'No calls in this period.';
    container.appendChild(note);
  }
  return svg;
}

function niceMax(value) {
  if (!(value > 0)) return 1;
  const step = 10 ** Math.floor(Math.log10(value));
  return Math.ceil(value / step) * step;
}

function format(value) {
  return Math.abs(value) >= 1000 ? value.toLocaleString('en', { maximumFractionDigits: 0 }) : String(+value.toFixed(2));
}

function axes(svg, max, labels) {
  const bottom = HEIGHT - PAD.bottom;
  element('line', { class: 'axis', x1: PAD.left, y1: PAD.top, x2: PAD.left, y2: bottom }, svg);
  element('line', { class: 'axis', x1: PAD.left, y1: bottom, x2: WIDTH - PAD.right, y2: bottom }, svg);
  text(svg, PAD.left - 6, PAD.top + 8, format(max), 'end');
  text(svg, PAD.left - 6, bottom, '0', 'end');
  const every = Math.max(1, Math.ceil(labels.length / 8));
  const step = (WIDTH - PAD.left - PAD.right) / Math.max(1, labels.length);
  labels.forEach((label, i) => {
    if (i % every === 0) text(svg, PAD.left + (i + 0.5) * step, bottom + 16, label, 'middle');
  });
}

/** Vertical bars over a time axis: points are {label, value}. */
export function columnChart(container, points) {
  const svg = frame(container, points.filter(p => p.value !== 0).length);
  const max = niceMax(Math.max(0, ...points.map(p => p.value)));
  axes(svg, max, points.map(p => p.label));
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const step = (WIDTH - PAD.left - PAD.right) / Math.max(1, points.length);
  points.forEach((p, i) => {
    const height = plotHeight * Math.max(0, p.value) / max;
    const bar = element('rect', {
      class: 'bar', x: PAD.left + i * step + step * 0.1, y: HEIGHT - PAD.bottom - height,
      width: Math.max(1, step * 0.8), height,
    }, svg);
    element('title', {}, bar).textContent = `${p.label}: ${format(p.value)}`;
  });
}

/** Lines over a time axis, each series scaled to its own maximum (named in its legend): series are {name, points: [{label, value|null}]}. */
export function lineChart(container, series) {
  const drawn = series.reduce((n, s) => n + s.points.filter(p => p.value !== null).length, 0);
  const svg = frame(container, drawn);
  const labels = series.length > 0 ? series[0].points.map(p => p.label) : [];
  axes(svg, 100, labels);
  svg.querySelector('text').textContent = 'max';
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const step = (WIDTH - PAD.left - PAD.right) / Math.max(1, labels.length);
  series.forEach((s, index) => {
    const max = niceMax(Math.max(0, ...s.points.map(p => p.value ?? 0)));
    const xy = s.points
      .map((p, i) => (p.value === null ? null : [PAD.left + (i + 0.5) * step, HEIGHT - PAD.bottom - plotHeight * p.value / max, p]))
      .filter(Boolean);
    if (xy.length > 1) element('polyline', { class: `line series-${index}`, points: xy.map(([x, y]) => `${x},${y}`).join(' ') }, svg);
    for (const [x, y, p] of xy) {
      const dot = element('circle', { class: `dot series-${index}`, cx: x, cy: y, r: 2.5 }, svg);
      element('title', {}, dot).textContent = `${s.name} ${p.label}: ${format(p.value)}`;
    }
    text(svg, PAD.left + 8, PAD.top + 12 + index * 14, `${s.name} (max ${format(max)})`)
      .setAttribute('class', `legend series-${index}`);
  });
}

/** Horizontal bars, largest first: points are {label, value}. */
export function barChart(container, points) {
  const svg = frame(container, points.length);
  const max = niceMax(Math.max(0, ...points.map(p => p.value)));
  const row = Math.min(28, (HEIGHT - PAD.top - 8) / Math.max(1, points.length));
  const left = 150;
  points.forEach((p, i) => {
    const y = PAD.top + i * row;
    text(svg, left - 8, y + row * 0.65, p.label, 'end');
    const width = (WIDTH - left - 70) * Math.max(0, p.value) / max;
    const bar = element('rect', { class: 'bar alt', x: left, y: y + row * 0.15, width: Math.max(1, width), height: row * 0.7 }, svg);
    element('title', {}, bar).textContent = `${p.label}: ${format(p.value)}`;
    text(svg, left + width + 6, y + row * 0.65, format(p.value));
  });
}

/**
 * Lines of money over a time axis on one shared scale that may go below zero (a balance drawn into credit), with the
 * zero line marked: series are {name, points: [{label, value|null}]}.
 */
export function balanceChart(container, series) {
  const drawn = series.reduce((n, s) => n + s.points.filter(p => p.value !== null).length, 0);
  const svg = frame(container, drawn);
  const labels = series.length > 0 ? series[0].points.map(p => p.label) : [];
  const values = series.flatMap(s => s.points.map(p => p.value)).filter(v => v !== null);
  const top = niceMax(Math.max(0, ...values));
  const lowest = Math.min(0, ...values);
  const bottom = lowest < 0 ? -niceMax(-lowest) : 0;
  axes(svg, top, labels);
  svg.querySelectorAll('text')[1].textContent = format(bottom);
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const y = value => PAD.top + plotHeight * (top - value) / (top - bottom);
  if (bottom < 0) {
    element('line', { class: 'axis zero', x1: PAD.left, y1: y(0), x2: WIDTH - PAD.right, y2: y(0) }, svg);
    text(svg, PAD.left - 6, y(0) + 4, '0', 'end');
  }
  const step = (WIDTH - PAD.left - PAD.right) / Math.max(1, labels.length);
  series.forEach((s, index) => {
    const xy = s.points
      .map((p, i) => (p.value === null ? null : [PAD.left + (i + 0.5) * step, y(p.value), p]))
      .filter(Boolean);
    if (xy.length > 1) element('polyline', { class: `line series-${index % 4}`, points: xy.map(([px, py]) => `${px},${py}`).join(' ') }, svg);
    for (const [px, py, p] of xy) {
      const dot = element('circle', { class: `dot series-${index % 4}`, cx: px, cy: py, r: 2.5 }, svg);
      element('title', {}, dot).textContent = `${s.name} ${p.label}: ${format(p.value)}`;
    }
    text(svg, PAD.left + 8, PAD.top + 12 + index * 14, s.name).setAttribute('class', `legend series-${index % 4}`);
  });
}
