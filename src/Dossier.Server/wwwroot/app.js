// The Dossier page: a few views over the read-only API, no library, nothing fetched from elsewhere.
// Article text is data: it only ever enters the page as text nodes (never innerHTML), and the only
// links built from data are to this page's own views or to http(s) addresses.

const view = document.getElementById('view');
const evidence = document.getElementById('evidence');
const evidenceBody = document.getElementById('evidence-body');

/** An element with attributes and children; strings become text nodes. */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, String(value));
  }
  for (const child of children.flat()) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

async function api(path, parameters = {}) {
  const query = new URLSearchParams(Object.entries(parameters).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  const response = await fetch(`/api/${path}${query.size ? '?' + query : ''}`);
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail || body.title || response.statusText);
  return body;
}

/**
 * The first `limit` items of a list (all by default); `total` says how many there are. With a limit,
 * every page up to it is asked for at once; otherwise the first page says how many follow.
 */
async function all(path, parameters = {}, limit = Infinity) {
  const size = 500;
  const page = n => api(path, { ...parameters, page: n, size });
  const [first, ...early] = await Promise.all(Array.from({ length: Number.isFinite(limit) ? Math.ceil(limit / size) : 1 }, (_, i) => page(i + 1)));
  const pages = Math.ceil(Math.min(first.total, limit) / size);
  const rest = early.length ? early : await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => page(i + 2)));
  const items = [first, ...rest].flatMap(body => body.items).slice(0, limit);
  items.total = first.total;
  return items;
}

/** A link to a view of this page (never a data-supplied address). */
function viewLink(text, hash, className) {
  return el('a', { href: hash, class: className }, text);
}

function evidenceButton(text, doc, line, start, end, className) {
  return el('button', { type: 'button', class: `link ${className || ''}`, onclick: () => openEvidence(doc, line, start, end) }, text);
}

function safeUrl(text) {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch { return null; }
}

function show(...children) {
  view.replaceChildren(...children);
}

// ---------------------------------------------------------------- evidence viewer

/**
 * A document's text, each line split at every annotation boundary so that overlapping
 * annotations all stay visible; the innermost one gives a segment its link. The target
 * (line, start, end) is outlined and scrolled into view.
 */
async function openEvidence(doc, line, start, end) {
  evidence.hidden = false;
  evidenceBody.replaceChildren(el('p', { class: 'muted' }, 'Loading…'));
  let body;
  try { body = await api(`documents/${encodeURIComponent(doc)}`); } catch (e) { evidenceBody.replaceChildren(el('p', {}, e.message)); return; }
  const d = body.document;
  const textLines = d.text.split('\n');
  const byLine = new Map();
  for (const a of body.annotations) {
    if (!byLine.has(a.line)) byLine.set(a.line, []);
    byLine.get(a.line).push(a);
  }
  const url = d.url ? safeUrl(d.url) : null;
  const header = el('div', { class: 'doc-head' },
    el('h2', { id: 'evidence-title' }, d.title || d.path),
    el('p', { class: 'muted' },
      `${d.id} · ${d.language} · ${d.published ? d.published.value : 'date unknown'}${d.outlet ? ' · ' + d.outlet : ''} · `,
      url ? el('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank' }, d.url) : (d.url || d.path)),
    el('p', { class: 'muted' }, 'Marked: ', el('span', { class: 'ann ann-entity' }, 'entity'), ' ', el('span', { class: 'ann ann-timex' }, 'date'), ' ',
      el('span', { class: 'ann ann-quantity' }, 'figure'), ' ', el('span', { class: 'ann ann-event' }, 'event trigger')));
  const lines = d.lines.map(l => {
    const text = textLines[l.line - 1] ?? '';
    const target = l.line === line ? { start, end } : null;
    return el('p', { class: `doc-line kind-${l.kind}`, 'data-line': l.line },
      el('span', { class: 'num' }, l.line), ...segments(text, byLine.get(l.line) || [], target));
  });
  evidenceBody.replaceChildren(header, ...lines);
  const marked = evidenceBody.querySelector('.target') || evidenceBody.querySelector(`[data-line="${Number(line)}"]`);
  if (marked) marked.scrollIntoView({ block: 'center' });
}

function segments(text, annotations, target) {
  const cuts = new Set([0, text.length]);
  for (const a of annotations) { cuts.add(a.start); cuts.add(a.end); }
  if (target && target.start !== undefined) { cuts.add(target.start); cuts.add(target.end); }
  const points = [...cuts].filter(c => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const piece = text.slice(from, to);
    const covering = annotations.filter(a => a.start <= from && a.end >= to).sort((a, b) => (a.end - a.start) - (b.end - b.start));
    const inTarget = target && target.start !== undefined && target.start <= from && target.end >= to;
    if (covering.length === 0 && !inTarget) { out.push(piece); continue; }
    const inner = covering[0];
    const classes = covering.map(a => `ann-${a.kind}`);
    if (covering.length) classes.push('ann');
    if (inTarget) classes.push('target');
    const span = el('span', { class: classes.join(' '), title: inner ? describe(inner) : null, 'data-kind': inner ? inner.kind : null, 'data-ref': inner ? inner.ref : null }, piece);
    if (inner) span.addEventListener('click', () => follow(inner));
    out.push(span);
  }
  return out;
}

function describe(a) {
  switch (a.kind) {
    case 'entity': return `${a.value} (${a.type})`;
    case 'timex': return `${a.type} ${a.value ?? ''}`;
    case 'quantity': return `${a.value} ${a.type}${a.ref ? ' · series ' + a.ref : ''}`;
    case 'event': return `event ${a.ref}: ${a.value ?? ''}`;
    default: return a.kind;
  }
}

function follow(a) {
  if (a.kind === 'entity' && a.ref) location.hash = `#/entity/${a.ref}`;
  else if (a.kind === 'quantity' && a.ref) location.hash = `#/series/${a.ref}`;
  else if (a.kind === 'event' && a.ref) location.hash = `#/timeline/${a.ref}`;
}

// ---------------------------------------------------------------- timeline

/**
 * Events (and articles by publication date) on a canvas: the wheel zooms around the pointer, a
 * drag pans, a click opens the nearest item's evidence. Only what is in view is listed below it, so
 * thousands of items stay fluid. Filters by entity and story go to the API.
 */
/** The most events (best attested first) and articles the timeline draws: enough to see a story, few enough to load at once. */
const timelineLimit = 2000;

async function timelineView(selected) {
  const entitySelect = el('select', { id: 'filter-entity' }, el('option', { value: '' }, 'any entity'));
  const storySelect = el('select', { id: 'filter-story' }, el('option', { value: '' }, 'any story'));
  const canvas = el('canvas', { id: 'timeline', role: 'img', 'aria-label': 'timeline' });
  const status = el('p', { class: 'muted', id: 'timeline-status' });
  const list = el('ul', { class: 'items', id: 'timeline-items' });
  show(el('h2', {}, 'Timeline'), el('div', { class: 'controls' }, entitySelect, storySelect,
    el('span', { class: 'muted' }, 'Wheel to zoom, drag to pan, click a mark to open its evidence.')), canvas, status, list);


  let items = [];
  let range = null;
  const load = async () => {
    const filters = { entity: entitySelect.value, story: storySelect.value };
    const started = performance.now();
    const [events, documents] = await Promise.all([all('events', { ...filters, top: timelineLimit }, timelineLimit),
      all('documents', { story: storySelect.value }, timelineLimit)]);
    items = [
      ...events.filter(e => parseDate(e.date) !== null).map(e => ({ kind: 'event', time: parseDate(e.date), label: e.summary || e.id, date: e.date, data: e })),
      ...(entitySelect.value ? [] : documents.filter(d => d.published && parseDate(d.published.value) !== null)
        .map(d => ({ kind: 'document', time: parseDate(d.published.value), label: d.title || d.path, date: d.published.value, data: d }))),
    ].sort((a, b) => a.time - b.time);
    const undated = events.length - items.filter(i => i.kind === 'event').length;
    range = fullRange(items);
    draw();
    const shown = (list, noun) => list.total > list.length ? `the ${list.length} ${noun} of ${list.total}` : `${list.length}`;
    status.textContent = `${shown(events, 'best attested')} events${undated ? ` (${undated} without a date)` : ''}, ` +
      `${items.filter(i => i.kind === 'document').length} dated articles${documents.total > documents.length ? ` (among the first ${documents.length} of ${documents.total})` : ''}.`;
    performance.measure('timeline-render', { start: started, end: performance.now() });
    if (selected) {
      const item = items.find(i => i.kind === 'event' && i.data.id === selected);
      if (item) openItem(item);
    }
  };
  entitySelect.addEventListener('change', load);
  storySelect.addEventListener('change', load);

  const lanes = { event: 70, document: 160 };
  const x = t => (t - range.start) / (range.end - range.start) * canvas.clientWidth;

  function draw() {
    const ratio = window.devicePixelRatio || 1;
    canvas.width = canvas.clientWidth * ratio;
    canvas.height = canvas.clientHeight * ratio;
    const g = canvas.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, canvas.clientWidth, canvas.clientHeight);
    g.font = '12px system-ui, sans-serif';
    g.fillStyle = '#6b6b70';
    g.fillText('events', 6, lanes.event - 22);
    g.fillText('articles', 6, lanes.document - 22);
    drawAxis(g);
    const visible = [];
    for (const item of items) {
      const px = x(item.time);
      if (px < -5 || px > canvas.clientWidth + 5) continue;
      visible.push(item);
      g.fillStyle = item.kind === 'event' ? '#c0392b' : '#2456a6';
      g.beginPath();
      g.arc(px, lanes[item.kind], item.kind === 'event' ? 5 : 4, 0, Math.PI * 2);
      g.fill();
    }
    listVisible(visible);
  }

  function drawAxis(g) {
    g.strokeStyle = '#ccc';
    g.beginPath(); g.moveTo(0, 195); g.lineTo(canvas.clientWidth, 195); g.stroke();
    g.fillStyle = '#6b6b70';
    const ticks = 6;
    for (let i = 0; i <= ticks; i++) {
      const t = range.start + (range.end - range.start) * i / ticks;
      const label = new Date(t).toISOString().slice(0, range.end - range.start < 3 * 86400000 ? 16 : 10).replace('T', ' ');
      g.fillText(label, Math.min(x(t), canvas.clientWidth - 90), 212);
    }
  }

  const listLimit = 300;
  function listVisible(visible) {
    const rows = visible.slice(0, listLimit).map(item => el('li', { class: `kind-${item.kind}` },
      el('span', { class: 'date' }, item.date),
      el('button', { type: 'button', class: `link timeline-item kind-${item.kind}`, 'data-id': item.data.id, onclick: () => openItem(item) }, item.label)));
    if (visible.length > listLimit) rows.push(el('li', { class: 'muted' }, `… ${visible.length - listLimit} more in view: zoom in`));
    list.replaceChildren(...rows);
  }

  function openItem(item) {
    if (item.kind === 'document') { openEvidence(item.data.id, 1); return; }
    const at = item.data.first_evidence;
    if (at) openEvidence(at.doc, at.line, at.start, at.end);
  }

  canvas.addEventListener('wheel', event => {
    if (!range) return;
    event.preventDefault();
    const at = range.start + (range.end - range.start) * (event.offsetX / canvas.clientWidth);
    const factor = event.deltaY < 0 ? 0.8 : 1.25;
    range = { start: at - (at - range.start) * factor, end: at + (range.end - at) * factor };
    draw();
  }, { passive: false });
  let drag = null;
  canvas.addEventListener('pointerdown', event => { drag = { x: event.offsetX, range, moved: false }; });
  canvas.addEventListener('pointermove', event => {
    if (!drag) return;
    const dx = event.offsetX - drag.x;
    if (Math.abs(dx) > 3) drag.moved = true;
    const shift = dx / canvas.clientWidth * (drag.range.end - drag.range.start);
    range = { start: drag.range.start - shift, end: drag.range.end - shift };
    draw();
  });
  canvas.addEventListener('pointerup', event => {
    const wasDrag = drag && drag.moved;
    drag = null;
    if (wasDrag) return;
    let best = null, bestDistance = 10;
    for (const item of items) {
      const distance = Math.hypot(x(item.time) - event.offsetX, lanes[item.kind] - event.offsetY);
      if (distance < bestDistance) { best = item; bestDistance = distance; }
    }
    if (best) openItem(best);
  });
  window.addEventListener('resize', () => range && draw());
  // The filters' choices load beside the timeline's items, not before them.
  const choices = Promise.all([api('entities', { size: 500 }), api('stories', { size: 500 })]).then(([entities, stories]) => {
    for (const e of entities.items) entitySelect.append(el('option', { value: e.id }, `${e.name} (${e.type})`));
    for (const s of stories.items) storySelect.append(el('option', { value: s.id }, `${s.id} ${s.label ?? ''}`));
  });
  await Promise.all([choices, load()]);
}

/** Milliseconds for a TIMEX3 date with a known year ("2016-04-18", "2016-04", "2016-04-18T09:10"). */
function parseDate(value) {
  if (!value) return null;
  // An ISO week ("2018-W48") starts on its Monday: week 1 holds 4 January.
  const w = /^(\d{4})-W(\d{2})/.exec(value);
  if (w) {
    const jan4 = Date.UTC(+w[1], 0, 4);
    return jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86400000 + (+w[2] - 1) * 7 * 86400000;
  }
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (!m) return null;
  return Date.UTC(+m[1], m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1, m[4] ? +m[4] : 0, m[5] ? +m[5] : 0);
}

function fullRange(items) {
  if (items.length === 0) { const now = Date.now(); return { start: now - 86400000, end: now + 86400000 }; }
  const start = items[0].time, end = items[items.length - 1].time;
  const pad = Math.max((end - start) * 0.05, 86400000);
  return { start: start - pad, end: end + pad };
}

// ---------------------------------------------------------------- entities

async function entitiesView() {
  const type = el('select', { id: 'entity-type' }, el('option', { value: '' }, 'all types'), ...['PER', 'ORG', 'LOC', 'MISC'].map(t => el('option', { value: t }, t)));
  const name = el('input', { type: 'search', id: 'entity-name', placeholder: 'name contains…' });
  const table = el('table', { id: 'entity-list' });
  const load = async () => {
    const body = await api('entities', { type: type.value, q: name.value.trim(), size: 500 });
    table.replaceChildren(el('tr', {}, el('th', {}, 'entity'), el('th', {}, 'type'), el('th', {}, 'mentions'), el('th', {}, 'also written')),
      ...body.items.map(e => el('tr', {},
        el('td', {}, viewLink(e.name, `#/entity/${e.id}`, 'entity-link')), el('td', {}, e.type), el('td', {}, e.mentions),
        el('td', { class: 'muted' }, e.aliases.filter(a => a !== e.name).join(' · ')))));
  };
  type.addEventListener('change', load);
  name.addEventListener('input', load);
  show(el('h2', {}, 'Entities'), el('div', { class: 'controls' }, type, name), table);
  await load();
}

async function entityView(id) {
  const e = await api(`entities/${encodeURIComponent(id)}`);
  const byDoc = new Map();
  for (const m of e.mentions) {
    if (!byDoc.has(m.doc)) byDoc.set(m.doc, []);
    byDoc.get(m.doc).push(m);
  }
  show(el('h2', { id: 'entity-name-title' }, e.name, el('span', { class: 'entity-type' }, e.type)),
    el('h3', {}, 'Names and roles'),
    el('ul', { id: 'entity-aliases' }, ...e.aliases.map(a => el('li', {}, a))),
    el('h3', {}, `Mentions (${e.mentions.length})`),
    el('ul', { class: 'items', id: 'entity-mentions' }, ...[...byDoc].map(([doc, mentions]) => el('li', {},
      el('strong', {}, doc), ' ',
      ...mentions.map(m => [evidenceButton(m.text, m.doc, m.line, m.start, m.end, 'mention'), el('span', { class: 'muted' }, ` (line ${m.line})  `)])))));
}

// ---------------------------------------------------------------- graph

/** The heaviest co-occurrence edges among the most mentioned entities, laid out by a few hundred steps of a force simulation. */
async function graphView() {
  const body = await api('graph', { limit: 400 });
  const nodes = body.nodes.filter(n => n.mentions > 0).sort((a, b) => b.mentions - a.mentions).slice(0, 80);
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const edges = body.edges.filter(e => index.has(e.source) && index.has(e.target));
  const [w, h] = [900, 600];
  const pos = nodes.map((_, i) => ({ x: w / 2 + 250 * Math.cos(i * 2.4), y: h / 2 + 200 * Math.sin(i * 2.4), vx: 0, vy: 0 }));
  for (let step = 0; step < 300; step++) {
    for (let i = 0; i < pos.length; i++) for (let j = i + 1; j < pos.length; j++) {
      const dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y, d2 = Math.max(dx * dx + dy * dy, 25);
      const f = 9000 / d2;
      pos[i].vx += dx * f / Math.sqrt(d2); pos[i].vy += dy * f / Math.sqrt(d2);
      pos[j].vx -= dx * f / Math.sqrt(d2); pos[j].vy -= dy * f / Math.sqrt(d2);
    }
    for (const e of edges) {
      const a = pos[index.get(e.source)], b = pos[index.get(e.target)];
      const dx = b.x - a.x, dy = b.y - a.y;
      a.vx += dx * 0.004; a.vy += dy * 0.004; b.vx -= dx * 0.004; b.vy -= dy * 0.004;
    }
    for (const p of pos) {
      p.vx += (w / 2 - p.x) * 0.002; p.vy += (h / 2 - p.y) * 0.002;
      p.x = Math.min(w - 20, Math.max(20, p.x + p.vx * 0.5)); p.y = Math.min(h - 20, Math.max(20, p.y + p.vy * 0.5));
      p.vx *= 0.6; p.vy *= 0.6;
    }
  }
  const maxWeight = Math.max(1, ...edges.map(e => e.weight));
  const picture = svg('svg', { viewBox: `0 0 ${w} ${h}`, width: '100%', id: 'graph', class: 'chart' },
    ...edges.map(e => svg('line', { class: 'edge', x1: pos[index.get(e.source)].x, y1: pos[index.get(e.source)].y,
      x2: pos[index.get(e.target)].x, y2: pos[index.get(e.target)].y, 'stroke-width': 0.5 + 3 * e.weight / maxWeight })),
    ...nodes.map((n, i) => svg('g', { class: 'node', onclick: () => { location.hash = `#/entity/${n.id}`; } },
      svg('circle', { cx: pos[i].x, cy: pos[i].y, r: 3 + Math.sqrt(n.mentions) }),
      svg('title', {}, `${n.label} (${n.type}, ${n.mentions} mentions)`),
      svg('text', { x: pos[i].x + 6, y: pos[i].y - 6 }, n.label))));
  show(el('h2', {}, 'Who is named with whom'),
    el('p', { class: 'muted' }, `${nodes.length} most mentioned entities; a line joins two entities named in the same paragraph, thicker when more often. Click an entity to see its mentions.`),
    picture);
}

// ---------------------------------------------------------------- series

async function seriesView(selected) {
  const series = await all('series');
  const charts = series.map(s => seriesChart(s));
  show(el('h2', {}, 'Series'), el('p', { class: 'muted' }, 'Figures measuring the same thing over time. ',
    el('span', { class: 'legend-disagreement' }, '● red'), ': sources disagree on that date. Click a point to open its sentence.'),
    ...(charts.length ? charts : [el('p', {}, 'No series in this dossier.')]));
  if (selected) document.getElementById(`series-${selected}`)?.scrollIntoView();
}

function seriesChart(s) {
  const [w, h, pad] = [640, 220, 40];
  const points = s.points.map(p => ({ ...p, time: parseDate(p.date) })).filter(p => p.time !== null);
  const disagreeing = new Set((s.disagreements || []).map(d => d.date));
  const figure = el('div', { class: 'chart', id: `series-${s.id}` }, el('h3', {}, `${s.label} (${s.unit})`));
  if (points.length === 0) { figure.append(el('p', { class: 'muted' }, 'No dated point.')); return figure; }
  const [t0, t1] = [Math.min(...points.map(p => p.time)), Math.max(...points.map(p => p.time))];
  const [v0, v1] = [Math.min(0, ...points.map(p => p.value)), Math.max(...points.map(p => p.value))];
  const x = t => pad + (t1 === t0 ? (w - 2 * pad) / 2 : (t - t0) / (t1 - t0) * (w - 2 * pad));
  const y = v => h - pad - (v1 === v0 ? 0 : (v - v0) / (v1 - v0) * (h - 2 * pad));
  const sorted = [...points].sort((a, b) => a.time - b.time);
  figure.append(svg('svg', { viewBox: `0 0 ${w} ${h}`, width: '100%' },
    svg('line', { class: 'axis', x1: pad, y1: h - pad, x2: w - pad, y2: h - pad }),
    svg('polyline', { points: sorted.map(p => `${x(p.time)},${y(p.value)}`).join(' '), fill: 'none', stroke: '#8fb0e8' }),
    svg('text', { x: 4, y: y(v1) + 4, 'font-size': 11 }, v1), svg('text', { x: 4, y: y(v0) + 4, 'font-size': 11 }, v0),
    svg('text', { x: pad, y: h - 10, 'font-size': 11 }, sorted[0].date), svg('text', { x: w - pad - 70, y: h - 10, 'font-size': 11 }, sorted[sorted.length - 1].date),
    ...sorted.map(p => svg('circle', { class: `point${disagreeing.has(p.date) ? ' disagrees' : ''}`, cx: x(p.time), cy: y(p.value), r: 5,
      onclick: () => openEvidence(p.doc, p.line) }, svg('title', {}, `${p.date}: ${p.value} (${p.qualifier}) — ${p.doc} line ${p.line}`)))));
  if ((s.disagreements || []).length) figure.append(el('ul', {}, ...s.disagreements.map(d => el('li', { class: 'legend-disagreement' }, `${d.date}: ${d.a} vs ${d.b}`))));
  return figure;
}

// ---------------------------------------------------------------- stories and duplicates

async function storiesView() {
  const [stories, documents] = await Promise.all([all('stories'), all('documents')]);
  const titles = new Map(documents.map(d => [d.id, d.title || d.path]));
  const children = new Map();
  for (const s of stories) { const key = s.parent ?? ''; if (!children.has(key)) children.set(key, []); children.get(key).push(s); }
  const tree = parent => el('ul', {}, ...(children.get(parent) || []).map(s => el('li', { class: 'story' },
    el('strong', {}, `${s.id} `), s.label ?? '',
    el('ul', {}, ...s.documents.map(d => el('li', {}, evidenceButton(titles.get(d) ?? d, d, 1)))),
    children.has(s.id) ? tree(s.id) : null)));
  show(el('h2', {}, 'Stories'), stories.length ? tree('') : el('p', {}, 'No stories in this dossier.'));
}

async function duplicatesView() {
  const [groups, documents] = await Promise.all([all('duplicates'), all('documents')]);
  const titles = new Map(documents.map(d => [d.id, d.title || d.path]));
  show(el('h2', {}, 'Republished copies'),
    groups.length ? el('ul', { id: 'duplicate-groups' }, ...groups.map(g => el('li', {}, `similarity ${g.similarity.toFixed(2)}: `,
      ...g.documents.map(d => [evidenceButton(titles.get(d) ?? d, d, 1), ' · '])))) : el('p', {}, 'No near-duplicate documents in this dossier.'));
}

// ---------------------------------------------------------------- search

async function searchView(query) {
  const input = el('input', { type: 'search', id: 'search-input', placeholder: 'words, "a phrase", prefix*', value: query || '', size: 40 });
  const results = el('div', { id: 'search-results' });
  const form = el('form', { id: 'search-form', class: 'controls', onsubmit: event => { event.preventDefault(); location.hash = `#/search/${encodeURIComponent(input.value)}`; } },
    input, el('button', { type: 'submit', id: 'search-button' }, 'Search'));
  show(el('h2', {}, 'Search'), form, results);
  input.focus();
  if (!query) return;
  let body;
  try { body = await api('search', { q: query, size: 50 }); } catch (e) { results.replaceChildren(el('p', {}, e.message)); return; }
  results.replaceChildren(el('p', { class: 'muted', id: 'search-total' }, `${body.total} document${body.total === 1 ? '' : 's'}`),
    ...body.items.map(d => el('div', { class: 'search-result', 'data-doc': d.doc },
      el('h3', {}, evidenceButton(d.title || d.path || d.doc, d.doc, d.hits[0]?.line ?? 1)),
      el('ul', {}, ...d.hits.map(hit => el('li', {}, el('span', { class: 'muted' }, `line ${hit.line}: `),
        evidenceButton(marked(hit), d.doc, hit.line, hit.start + (hit.marks[0]?.start ?? 0), hit.start + (hit.marks[0]?.end ?? 0), 'hit')))))));
}

/** A sentence with its matched words in <mark>, built from text nodes. */
function marked(hit) {
  const span = el('span', {});
  let at = 0;
  for (const m of hit.marks) {
    span.append(hit.text.slice(at, m.start), el('mark', {}, hit.text.slice(m.start, m.end)));
    at = m.end;
  }
  span.append(hit.text.slice(at));
  return span;
}

// ---------------------------------------------------------------- routing

const routes = {
  timeline: timelineView, entities: entitiesView, entity: entityView, graph: graphView, series: seriesView,
  stories: storiesView, duplicates: duplicatesView, search: q => searchView(q ? decodeURIComponent(q) : ''),
};

async function route() {
  const [name, argument] = location.hash.replace(/^#\//, '').split('/');
  const handler = routes[name] || timelineView;
  for (const a of document.querySelectorAll('#nav a')) a.classList.toggle('active', a.dataset.view === (name === 'entity' ? 'entities' : name || 'timeline'));
  try { await handler(argument); } catch (e) { show(el('p', {}, `Could not load this view: ${e.message}`)); }
  document.body.dataset.ready = name || 'timeline';
}

document.getElementById('evidence-close').addEventListener('click', () => { evidence.hidden = true; });
window.addEventListener('hashchange', route);
route();
