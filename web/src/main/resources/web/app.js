// The page: starts a run on the server, draws its steps as they stream in (server-sent events),
// sends lever moves and controls, shows biographies, asks the server to explain the run's scenario and
// draws the answer as waterfalls. No library but ECharts, served from the jar.
'use strict';

const $ = (id) => document.getElementById(id);
let run = null;      // {id, init, labels, a: [[...]], b: [[...]], marks: [], state, step, explain}
let source = null;   // EventSource
let charts = [];     // {chart, spec, el}
let diffChart = null;
let pendingDraw = false;
let leverInputs = [];  // per lever: {lv, inputs, out}, to follow the values in force
let sizes = {};       // per built-in scenario: its size {path, unit, value}, or null where the model has none
let limits = null;    // the server's limits
let waterfalls = [];  // the explanation's charts
const PALETTE = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272', '#fc8452', '#9a60b4', '#ea7ccc'];
// Side by side: A is drawn solid, B dashed, everywhere; where a chart's colour does not name a metric (one metric,
// bars, the difference) A and B also differ in colour.
const ARM = {a: {color: '#3d6fc4', dash: 'solid'}, b: {color: '#e07b28', dash: 'dashed'}};
// A stacked chart whose largest part is this share of the whole (EVLN's loyalty) draws that part on an axis of
// its own, so that the small parts get an axis fitted to them instead of a sliver under 1.
const DOMINANT_SHARE = 0.75;

function showMessage(text) {
  const m = $('message');
  m.textContent = text || '';
  m.hidden = !text;
}

async function api(method, path, body) {
  const res = await fetch(path, {
    method,
    headers: body === undefined ? {} : {'Content-Type': 'application/json'},
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let data = {};
  try { data = await res.json(); } catch (e) { data = {error: 'the server answered ' + res.status}; }
  if (!res.ok) { throw new Error(data.error || ('the server answered ' + res.status)); }
  return data;
}

async function loadScenarios() {
  const data = await api('GET', '/api/scenarios');
  const sel = $('scenario');
  const titles = data.titles || {};
  for (const name of data.scenarios) {
    const o = document.createElement('option');
    o.value = name;
    o.textContent = titles[name] && titles[name] !== name ? titles[name] + ' (' + name + ')' : name;
    if (name === data.flagship) { o.selected = true; }
    sel.appendChild(o);
  }
  sizes = data.sizes || {};
  const l = data.limits;
  limits = l;
  $('limits').textContent = 'This server runs up to ' + l.max_runs + ' runs at a time, sizes up to '
      + l.max_size.toLocaleString() + ', at most ' + l.max_steps + ' steps.';
  $('size').max = l.max_size;
  showSize();
}

// The size field sets the parameter the model marks as its size; a model that marks none (a grid of
// width x height) has no size field. An uploaded file's model is unknown here: the server decides.
function showSize() {
  const uploading = $('upload').files.length > 0;
  const size = uploading ? undefined : sizes[$('scenario').value];
  $('sizeBox').hidden = size === null;
  $('size').title = size ? size.unit + ' (the scenario has ' + size.value + ')' : "the model's size";
  // the scenario's own size, as the command line runs it, unless it is above what this server runs
  const note = $('sizeNote');
  note.hidden = true;
  if (uploading) { $('size').value = ''; $('size').placeholder = "file's"; return; }
  if (!size) { return; }
  const own = Number(size.value);
  if (limits && own > limits.max_size) {
    $('size').value = limits.max_size;
    note.textContent = 'The scenario has ' + own.toLocaleString() + ' ' + size.unit + '; this server runs at most '
        + limits.max_size.toLocaleString() + ', so the size is set to that (results differ from the command line\'s).';
    note.hidden = false;
  } else {
    $('size').value = own;
  }
}

function readFile(file) {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(r.result);
    r.onerror = () => reject(new Error(file.name + ': could not read the file'));
    r.readAsText(file);
  });
}

async function start() {
  showMessage('');
  const req = {compare: $('compare').checked};
  const file = $('upload').files[0];
  if (file) {
    req.upload = {name: file.name, text: await readFile(file)};
  } else {
    req.scenario = $('scenario').value;
  }
  for (const f of ['seed', 'size', 'steps']) {
    if (f === 'size' && $('sizeBox').hidden) { continue; }
    const v = $(f).value.trim();
    if (v !== '') {
      const n = Number(v);
      if (!Number.isInteger(n)) { showMessage(f + ': expected a whole number, found ' + v); return; }
      req[f] = n;
    }
  }
  try {
    if (run) { await closeRun(); }
    const data = await api('POST', '/api/sessions', req);
    watch(data.id);
  } catch (e) {
    showMessage(e.message);
  }
}

function watch(id) {
  run = {id, init: null, labels: [], a: [], b: [], marks: [], state: null, step: 0, explain: null};
  // an explanation belongs to the run it was asked for
  waterfalls.forEach((w) => w.dispose()); waterfalls = []; $('waterfalls').innerHTML = '';
  $('explainBox').hidden = true; $('explainBox').dataset.events = '0'; $('explainBox').dataset.progress = '0';
  $('explainProgress').hidden = true; $('explainOut').textContent = ''; $('explain').disabled = false;
  source = new EventSource('/api/sessions/' + id + '/events');
  source.addEventListener('init', (e) => onInit(JSON.parse(e.data)));
  source.addEventListener('frame', (e) => onFrame(JSON.parse(e.data)));
  source.addEventListener('mark', (e) => onMark(JSON.parse(e.data)));
  source.addEventListener('state', (e) => onState(JSON.parse(e.data)));
  source.addEventListener('explain', (e) => onExplain(JSON.parse(e.data)));
  source.addEventListener('problem', (e) => showMessage(JSON.parse(e.data).message));
  source.onerror = () => {
    if (source && source.readyState === EventSource.CLOSED) { showMessage('The connection to the server was lost.'); }
  };
}

function onInit(init) {
  run.init = init; run.labels = []; run.a = []; run.b = []; run.marks = []; run.step = 0;
  init.series.forEach(() => { run.a.push([]); run.b.push([]); });
  $('run').hidden = false; $('leverBox').hidden = false; $('people').hidden = false; $('explainSetup').hidden = false;
  $('runTitle').textContent = init.title + ' — seed ' + init.seed + (init.size === null ? '' : ', size ' + init.size) + ', '
      + init.steps + ' steps' + (init.compare ? ', A and B side by side' : '');
  // the arm a lever applies to means something only with two arms
  $('armPick').hidden = !init.compare;
  $('arm').disabled = !init.compare;
  $('saved').textContent = '';
  if (init.calendar_entries === 0) {
    $('explain').disabled = true;
    $('explainOut').textContent = 'This scenario has no calendar entries, so there is nothing to split its change among.';
  } else if (!run.explain) {
    $('explain').disabled = false;
    $('explainOut').textContent = '';
  }
  buildCharts(init);
  buildLevers(init);
  $('biography').textContent = '';
  $('officials').innerHTML = '';
}

// What a metric is called on the page: its declared name as words ("output per official"); in a chart of
// several, what their names do not share ("loyalty", "voice" for evln_loyalty, evln_voice).
function readable(name) {
  return name.replace(/_/g, ' ');
}

function shortNames(names) {
  if (names.length < 2) { return names.map(readable); }
  let common = names[0];
  for (const n of names) { while (!n.startsWith(common)) { common = common.slice(0, -1); } }
  common = common.slice(0, common.lastIndexOf('_') + 1);
  return names.map((n) => readable(n.slice(common.length) || n));
}

function seriesOf(name) {
  return run.init.series.find((s) => s.name === name);
}

function unitOf(init, names) {
  const units = [...new Set(names.map((n) => init.series.find((s) => s.name === n).unit))];
  return units.join(', ');
}

function buildCharts(init) {
  charts.forEach((c) => c.chart.dispose());
  charts = [];
  const box = $('charts');
  box.innerHTML = '';
  for (const spec of init.charts) {
    const el = document.createElement('div');
    el.className = 'chart';
    el.dataset.title = spec.title;
    el.dataset.points = '0';
    el.dataset.marks = '0';
    box.appendChild(el);
    const chart = echarts.init(el, null, {renderer: 'canvas'});
    charts.push({chart, spec, el, labels: shortNames(spec.metrics)});
  }
  const dm = $('diffMetric');
  dm.innerHTML = '';
  // the difference first shows the first metric drawn as lines (shares of a whole differ in each layer)
  const lines = init.charts.find((c) => c.style === 'LINES');
  const first = lines ? lines.metrics[0] : init.series[0].name;
  init.series.forEach((s, i) => {
    const o = document.createElement('option');
    o.value = i; o.textContent = readable(s.name) + ' (' + s.unit + ')';
    o.title = s.description;
    if (s.name === first) { o.selected = true; }
    dm.appendChild(o);
  });
  $('diffBox').hidden = !init.compare;
  if (diffChart) { diffChart.dispose(); diffChart = null; }
  if (init.compare) { diffChart = echarts.init($('diff')); }
  draw();
}

// Lever moves at the same or nearby steps share one mark and one label, so that labels do not overprint.
function markGroups() {
  const near = Math.max(1, Math.round(run.init.steps / 40));
  const label = (m) => {
    const lv = run.init.levers.find((l) => l.path === m.path);
    const name = lv ? lv.label.split(': ').pop() : m.path.split('.').pop();
    return name + (run.init.compare ? ' (' + (m.arm === 'both' ? 'A, B' : m.arm.toUpperCase()) + ')' : '');
  };
  const groups = [];
  for (const m of [...run.marks].sort((x, y) => x.step - y.step)) {
    const g = groups[groups.length - 1];
    if (g && m.step - g.step <= near) {
      if (!g.names.includes(label(m))) { g.names.push(label(m)); }
      g.count++;
    } else {
      groups.push({step: m.step, label: m.label, names: [label(m)], count: 1});
    }
  }
  return groups;
}

function markLine() {
  return {
    symbol: 'none', silent: true,
    lineStyle: {color: '#d33', type: 'dashed'},
    label: {formatter: (p) => p.name, fontSize: 9, color: '#a00', width: 90, overflow: 'truncate'},
    data: markGroups().map((g) => ({
      xAxis: g.label,
      name: g.names.length > 2 ? g.names.slice(0, 2).join(', ') + ' +' + (g.names.length - 2) : g.names.join(', '),
    })),
  };
}

// A darker shade of a colour (#rrggbb), for arm B of a chart whose colours name its metrics.
function shade(hex, f) {
  const n = parseInt(hex.slice(1), 16);
  const c = [n >> 16, (n >> 8) & 255, n & 255].map((v) => Math.round(v * f));
  return '#' + c.map((v) => v.toString(16).padStart(2, '0')).join('');
}

// The rows a plain legend takes at the bottom of a chart this wide, so that the plot leaves room for it.
function legendRows(names, width) {
  let rows = 1;
  let x = 0;
  for (const n of names) {
    const w = 25 + 6 * n.length + 8;
    if (x > 0 && x + w > width) { rows++; x = 0; }
    x += w;
  }
  return rows;
}

// In a stacked chart, the part that is most of the whole (if any): drawn on an axis of its own.
function dominant(c) {
  if (c.spec.style !== 'STACKED' || c.spec.metrics.length < 2) { return -1; }
  const means = c.spec.metrics.map((name) => {
    const col = run.a[run.init.series.findIndex((s) => s.name === name)];
    const v = col.filter((x) => x !== null);
    return v.length ? v.reduce((p, q) => p + q, 0) / v.length : 0;
  });
  const total = means.reduce((p, q) => p + q, 0);
  const k = means.indexOf(Math.max(...means));
  return total > 0 && means[k] >= DOMINANT_SHARE * total ? k : -1;
}

function tooltipOf(compare) {
  return (params) => {
    const ps = Array.isArray(params) ? params : [params];
    if (!ps.length) { return ''; }
    const lines = [ps[0].axisValueLabel];
    for (const p of ps) {
      if (p.value === null || p.value === undefined) { continue; }
      const [arm, name] = p.seriesId.split(':');
      lines.push(p.marker + p.seriesName + (compare ? ' ' + arm.toUpperCase() : '') + ': '
          + Number(p.value).toPrecision(4) + ' <span style="color:#888">' + seriesOf(name).unit + '</span>');
    }
    return lines.join('<br>');
  };
}

function draw() {
  pendingDraw = false;
  if (!run || !run.init) { return; }
  const init = run.init;
  const arms = init.compare ? ['a', 'b'] : ['a'];
  for (const c of charts) {
    if (c.spec.style === 'BARS') { drawBars(c); continue; }
    const series = [];
    const big = dominant(c);
    const stacked = c.spec.style === 'STACKED' && !init.compare;
    const single = c.spec.metrics.length === 1;
    c.spec.metrics.forEach((name, k) => {
      const i = init.series.findIndex((s) => s.name === name);
      const own = k === big;
      for (const arm of arms) {
        const base = single ? ARM[arm].color : PALETTE[k % PALETTE.length];
        const color = arm === 'b' && !single ? shade(base, 0.7) : base;
        series.push({
          id: arm + ':' + name,
          name: c.labels[k] + (own ? ' (right axis)' : ''),
          type: 'line', showSymbol: false, data: run[arm][i],
          yAxisIndex: own ? 1 : 0,
          stack: stacked && !own ? 'all' : undefined, areaStyle: stacked && !own ? {opacity: 0.7} : undefined,
          color, lineStyle: {type: ARM[arm].dash, color, width: own ? 2 : 1.5},
          markLine: k === 0 && arm === 'a' ? markLine() : undefined,
        });
      }
    });
    const width = c.el.clientWidth || 420;
    const legendNames = c.labels.map((l, k) => l + (k === big ? ' (right axis)' : ''));
    const rows = single && !init.compare ? 0 : legendRows(legendNames, width - 20);
    const rest = c.spec.metrics.filter((m, k) => k !== big);
    const yAxis = [{
      type: 'value', name: unitOf(init, rest) + (big >= 0 ? ' (' + shortNames(c.spec.metrics).filter((m, k) => k !== big).join(', ') + ')' : ''),
      nameTextStyle: {fontSize: 10, align: 'left'}, scale: !stacked,
    }];
    if (big >= 0) {
      yAxis.push({type: 'value', name: c.labels[big], nameTextStyle: {fontSize: 10, align: 'right'}, scale: true,
        splitLine: {show: false}, axisLine: {show: true, lineStyle: {color: PALETTE[big % PALETTE.length]}}});
    }
    c.chart.setOption({
      animation: false,
      title: {text: c.spec.title + (init.compare ? '  (A solid, B dashed)' : ''), textStyle: {fontSize: 13}},
      tooltip: {trigger: 'axis', formatter: tooltipOf(init.compare)},
      legend: {show: rows > 0, type: 'plain', bottom: 0, left: 10, right: 10, itemWidth: 16, itemHeight: 8, itemGap: 8,
        textStyle: {fontSize: 10}, data: legendNames, tooltip: {show: true}},
      grid: {left: 55, right: big >= 0 ? 55 : 20, top: 48, bottom: 26 + 17 * rows},
      xAxis: {type: 'category', data: run.labels},
      yAxis,
      series,
    }, {notMerge: true});
    c.el.dataset.points = String(run.labels.length);
    c.el.dataset.marks = String(run.marks.length);
    c.el.dataset.markLabels = String(markGroups().length);
    c.el.dataset.ownAxis = big >= 0 ? c.spec.metrics[big] : '';
  }
  if (diffChart) {
    const i = Number($('diffMetric').value || 0);
    const s = init.series[i];
    const d = run.a[i].map((v, t) => (v === null || run.b[i][t] === null ? null : run.b[i][t] - v));
    diffChart.setOption({
      animation: false,
      title: {text: readable(s.name) + ': B − A', subtext: s.description, textStyle: {fontSize: 13}, subtextStyle: {fontSize: 10}},
      tooltip: {trigger: 'axis'},
      grid: {left: 55, right: 20, top: 50, bottom: 30},
      xAxis: {type: 'category', data: run.labels},
      yAxis: {type: 'value', name: s.unit, scale: true},
      series: [{name: 'B − A', type: 'line', showSymbol: false, data: d, color: '#333', markLine: markLine()}],
    }, {notMerge: true});
    $('diff').dataset.points = String(d.length);
  }
}

// The "now" view: the latest step's values, one bar per metric (per arm), labelled by what the
// metrics' names do not share (a level or a rank).
function drawBars(c) {
  const init = run.init;
  const idx = c.spec.metrics.map((name) => init.series.findIndex((s) => s.name === name));
  const last = run.labels.length - 1;
  const arms = init.compare ? ['a', 'b'] : ['a'];
  c.chart.setOption({
    animation: false,
    title: {text: c.spec.title + (last >= 0 ? ' (' + run.labels[last] + ')' : ''), textStyle: {fontSize: 13}},
    tooltip: {trigger: 'axis'},
    legend: {show: init.compare, bottom: 0},
    grid: {left: 55, right: 20, top: 45, bottom: 40},
    xAxis: {type: 'category', data: c.labels},
    yAxis: {type: 'value', name: unitOf(init, c.spec.metrics), nameTextStyle: {fontSize: 10}},
    series: arms.map((arm) => ({
      id: arm, name: arm.toUpperCase(), type: 'bar', data: idx.map((i) => (last >= 0 ? run[arm][i][last] : null)),
      color: ARM[arm].color,
      itemStyle: arm === 'b' ? {color: ARM.b.color, borderType: 'dashed', borderColor: shade(ARM.b.color, 0.6), borderWidth: 1}
        : {color: ARM.a.color},
    })),
  }, {notMerge: true});
  c.el.dataset.points = String(run.labels.length);
  c.el.dataset.marks = String(run.marks.length);
}

function scheduleDraw() {
  if (!pendingDraw) { pendingDraw = true; requestAnimationFrame(draw); }
}

function onFrame(f) {
  run.labels.push(f.label);
  run.init.series.forEach((s, i) => {
    run.a[i].push(f.a[i]);
    if (f.b) { run.b[i].push(f.b[i]); }
  });
  if (f.levers) { showLevers(f.levers); }
  run.step = f.step;
  showStatus();
  scheduleDraw();
}

// Sliders follow the values in force (the scenario's calendar moves levers too), unless being moved.
function showLevers(levers) {
  const arm = run.init.compare && $('arm').value === 'b' ? 'b' : 'a';
  const values = levers[arm];
  leverInputs.forEach((li, i) => {
    if (li.inputs.some((x) => x === document.activeElement) || values[i] === undefined) { return; }
    const v = values[i];
    const vs = Array.isArray(v) ? v : [v];
    li.inputs.forEach((input, k) => { if (vs[k] !== undefined) { input.value = vs[k]; li.values[k] = Number(vs[k]); } });
    li.out.textContent = fmt(v);
  });
}

function onMark(m) {
  run.marks.push(m);
  scheduleDraw();
}

// The status line follows the frames as they arrive (the server says "playing" once, not at every step).
function showStatus() {
  const s = run.state;
  if (!s) { return; }
  const step = Math.max(run.step, s.ended ? s.step : 0);
  $('stepOut').textContent = 'Step ' + step + ' of ' + s.steps + (s.ended ? ' — ended' : s.playing ? ' — playing' : ' — paused');
  $('stepOut').dataset.step = String(step);
}

function onState(s) {
  run.state = s;
  run.step = s.step;
  showStatus();
  $('play').disabled = s.playing || s.ended;
  $('pause').disabled = !s.playing;
  $('stepOne').disabled = s.ended;
  $('speed').value = s.speed;
  $('speedOut').textContent = s.speed;
  if (!s.playing) { loadOfficials(); }
}

function fmt(v) {
  return Array.isArray(v) ? v.map((x) => Number(x).toFixed(2)).join(', ') : String(v);
}

function buildLevers(init) {
  const box = $('levers');
  box.innerHTML = '';
  leverInputs = [];
  for (const lv of init.levers) {
    const div = document.createElement('div');
    div.className = 'lever';
    div.id = 'lever-' + lv.path.replace(/[^a-z0-9]/g, '-');
    div.title = lv.description;
    const head = document.createElement('label');
    const out = document.createElement('b');
    out.textContent = fmt(lv.value);
    head.append(lv.label + ': ', out, ' ');
    const unit = document.createElement('span');
    unit.className = 'unit';
    unit.textContent = lv.unit;
    head.appendChild(unit);
    div.appendChild(head);
    const values = Array.isArray(lv.value) ? lv.value.slice() : [lv.value];
    const entry = {lv, inputs: [], out, values};
    leverInputs.push(entry);
    values.forEach((v, k) => {
      const input = document.createElement('input');
      input.type = 'range';
      input.min = lv.min; input.max = lv.max; input.step = lv.step; input.value = v;
      input.setAttribute('aria-label', lv.label + (values.length > 1 ? ' ' + (k + 1) : ''));
      input.addEventListener('input', () => {
        values[k] = Number(input.value);
        out.textContent = fmt(Array.isArray(lv.value) ? values : values[0]);
      });
      input.addEventListener('change', () => { moveLever(lv, Array.isArray(lv.value) ? values.slice() : values[0]); input.blur(); });
      entry.inputs.push(input);
      div.appendChild(input);
    });
    box.appendChild(div);
  }
}

async function moveLever(lv, value) {
  try {
    showMessage('');
    await api('POST', '/api/sessions/' + run.id + '/lever', {path: lv.path, value, arm: run.init.compare ? $('arm').value : 'both'});
  } catch (e) {
    showMessage(e.message);
  }
}

async function control(what, body) {
  if (!run) { return; }
  try {
    await api('POST', '/api/sessions/' + run.id + '/' + what, body);
  } catch (e) {
    showMessage(e.message);
  }
}

async function save() {
  try {
    $('saved').textContent = 'Saving (the run is made again from its scenario, as the command line would)…';
    const data = await api('POST', '/api/sessions/' + run.id + '/save');
    const box = $('saved');
    box.textContent = '';
    for (const r of data.runs) {
      const a = document.createElement('a');
      a.href = r.report; a.target = '_blank'; a.rel = 'noopener';
      a.textContent = 'Report' + (data.runs.length > 1 ? ' ' + r.arm.toUpperCase() : '');
      box.append(a, ' (run ' + r.run_id + ' in ' + r.folder + ') ');
    }
    if (data.warning) { box.append(data.warning); }
  } catch (e) {
    $('saved').textContent = '';
    showMessage(e.message);
  }
}

async function loadOfficials() {
  try {
    const data = await api('GET', '/api/sessions/' + run.id + '/officials');
    const ul = $('officials');
    ul.innerHTML = '';
    if (data.note) { $('biography').textContent = data.note; }
    for (const o of data.officials) {
      const li = document.createElement('li');
      li.textContent = 'Official ' + o.id + ' — ' + o.last + ', ' + o.when;
      li.dataset.id = o.id;
      li.addEventListener('click', () => showBiography(o.id));
      ul.appendChild(li);
    }
  } catch (e) {
    showMessage(e.message);
  }
}

async function showBiography(id) {
  try {
    const data = await api('GET', '/api/sessions/' + run.id + '/officials/' + id);
    $('biography').textContent = data.lines.join('\n');
  } catch (e) {
    showMessage(e.message);
  }
}

// Why it moved: the server runs lab's explanation of the loaded scenario (Shapley values over its calendar's
// groups) and streams its progress and result as "explain" events; the page draws one waterfall per metric.
async function explain() {
  if (!run) { return; }
  const reps = Number($('explainReps').value);
  if (!Number.isInteger(reps)) { showMessage('replicates: expected a whole number, found ' + $('explainReps').value); return; }
  try {
    showMessage('');
    $('explain').disabled = true;
    $('explainOut').textContent = 'Asking the server…';
    await api('POST', '/api/sessions/' + run.id + '/explain', {replicates: reps});
  } catch (e) {
    $('explain').disabled = false;
    $('explainOut').textContent = '';
    showMessage(e.message);
  }
}

function onExplain(x) {
  const out = $('explainOut');
  const bar = $('explainProgress');
  const box = $('explainBox');
  box.dataset.events = String(Number(box.dataset.events || 0) + 1);
  if (x.state === 'started') {
    run.explain = {design: x, result: null};
    $('explain').disabled = true;
    bar.hidden = false; bar.max = x.runs; bar.value = 0;
    out.textContent = 'Explaining ' + x.from + ' to ' + x.to + ': ' + x.groups.length + ' groups ('
        + x.groups.map((g) => g.name).join(', ') + '), ' + x.runs + ' runs…';
    box.dataset.progress = '0';
  } else if (x.state === 'running') {
    bar.hidden = false; bar.max = x.total; bar.value = x.done;
    out.textContent = 'Explaining: ' + x.done + ' of ' + x.total + ' runs done…';
    box.dataset.progress = String(Number(box.dataset.progress || 0) + 1);
  } else if (x.state === 'done') {
    $('explain').disabled = false;
    bar.hidden = true;
    out.textContent = 'Done: ' + x.method + ', ' + x.runs + ' runs.';
    if (!run.explain) { run.explain = {design: null}; }
    run.explain.result = x;
    drawWaterfalls(x);
  } else if (x.state === 'failed') {
    $('explain').disabled = false;
    bar.hidden = true;
    out.textContent = '';
    showMessage(x.message);
  }
}

function drawWaterfalls(x) {
  waterfalls.forEach((w) => w.dispose());
  waterfalls = [];
  const box = $('waterfalls');
  box.innerHTML = '';
  const design = run.explain && run.explain.design;
  $('explainNote').textContent = 'Each metric\'s change from the first to the last ' + (design ? design.window + ' steps' : 'steps')
      + ' (means), split into the model\'s own drift (the run without its calendar) and one Shapley value per group of calendar '
      + 'entries, with 95 % intervals over replicates; the parts add up to the change. The interaction (what the groups do '
      + 'together beyond their effects alone) is already inside the groups\' bars and is shown apart.';
  $('explainBox').hidden = false;
  for (const m of x.metrics) {
    const el = document.createElement('div');
    el.className = 'chart waterfall';
    el.dataset.metric = m.name;
    box.appendChild(el);
    const chart = echarts.init(el, null, {renderer: 'canvas'});
    waterfalls.push(chart);
    const bars = waterfallBars(m);
    el.dataset.bars = String(bars.length);
    chart.setOption(waterfallOption(m, bars));
  }
}

// The bars of one waterfall, each {name, from, to, low, high, kind}: start and end stand on the axis; the drift
// and each group move the level; the interaction floats at the end level and does not move it.
function waterfallBars(m) {
  const bars = [{name: 'start', from: null, to: m.start.mean, kind: 'level'}];
  let level = m.start.mean;
  const step = (name, e) => {
    bars.push({name, from: level, to: level + e.mean, low: level + e.low, high: level + e.high, kind: e.mean >= 0 ? 'up' : 'down'});
    level += e.mean;
  };
  step("model's drift", m.drift);
  m.contributions.forEach((c) => step(c.name, c));
  if (m.interaction && m.interaction.mean !== null) {
    bars.push({name: 'of which interaction', from: level, to: level + m.interaction.mean, low: level + m.interaction.low,
      high: level + m.interaction.high, kind: 'interaction'});
  }
  bars.push({name: 'end', from: null, to: m.end.mean, kind: 'level', reached: level});
  return bars;
}

// 1, 2 or 5 times a power of ten, at least x: a round tick.
function niceStep(x) {
  const p = Math.pow(10, Math.floor(Math.log10(x)));
  const r = x / p;
  return (r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10) * p;
}

const WATERFALL_COLORS = {level: '#7f8c9a', up: '#2f9e44', down: '#d9480f', interaction: '#b7b7c7'};

function waterfallOption(m, bars) {
  const values = [];
  bars.forEach((b) => { [b.from, b.to, b.low, b.high].forEach((v) => { if (v !== null && v !== undefined && isFinite(v)) { values.push(v); } }); });
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  // levels stand on 0 unless that would squash the changes (a change of 0.01 in a morale of 0.8): then on the axis's floor
  if (Math.max(hi, 0) - Math.min(lo, 0) <= 4 * (hi - lo)) { lo = Math.min(lo, 0); hi = Math.max(hi, 0); }
  const span = (hi - lo) || Math.abs(hi) || 1;
  const tick = niceStep(span / 5);
  lo = lo === 0 ? 0 : Math.floor((lo - span * 0.05) / tick) * tick;
  hi = hi === 0 ? 0 : Math.ceil((hi + span * 0.05) / tick) * tick;
  const floor = lo <= 0 && hi >= 0 ? 0 : lo;
  const data = bars.map((b, i) => [i, b.from === null ? floor : b.from, b.to,
    b.low === undefined ? null : b.low, b.high === undefined ? null : b.high]);
  return {
    animation: false,
    title: {text: readable(m.name), subtext: m.description + ' (' + m.unit + ')', textStyle: {fontSize: 13}, subtextStyle: {fontSize: 10}},
    tooltip: {trigger: 'item', formatter: (p) => {
      const b = bars[p.dataIndex];
      const v = b.kind === 'level' ? b.to : b.to - b.from;
      return b.name + ': ' + (b.kind === 'level' ? '' : (v >= 0 ? '+' : '')) + Number(v).toPrecision(3)
          + (b.low === undefined ? '' : ' [' + Number(b.low - b.from).toPrecision(3) + ', ' + Number(b.high - b.from).toPrecision(3) + ']');
    }},
    grid: {left: 60, right: 20, top: 55, bottom: 95},
    xAxis: {type: 'category', data: bars.map((b) => b.name), axisLabel: {rotate: 35, interval: 0, fontSize: 10}},
    yAxis: {type: 'value', min: Number(lo.toPrecision(6)), max: Number(hi.toPrecision(6)), interval: tick, name: m.unit,
      nameTextStyle: {fontSize: 10}},
    series: [{
      type: 'custom', name: m.name, data,
      encode: {x: 0, y: [1, 2]},
      renderItem: (params, api) => {
        const b = bars[params.dataIndex];
        const x = api.value(0);
        const y0 = api.coord([x, api.value(1)]);
        const y1 = api.coord([x, api.value(2)]);
        const w = api.size([1, 0])[0] * 0.6;
        const top = Math.min(y0[1], y1[1]);
        const h = Math.max(1, Math.abs(y0[1] - y1[1]));
        const children = [{type: 'rect', shape: {x: y0[0] - w / 2, y: top, width: w, height: h},
          style: {fill: WATERFALL_COLORS[b.kind], stroke: b.kind === 'interaction' ? '#777' : null,
            lineDash: b.kind === 'interaction' ? [3, 2] : null}}];
        if (b.low !== undefined && b.low !== null && isFinite(b.low) && isFinite(b.high)) {
          const a = api.coord([x, b.low]);
          const z = api.coord([x, b.high]);
          const cap = w / 4;
          children.push({type: 'line', shape: {x1: a[0], y1: a[1], x2: z[0], y2: z[1]}, style: {stroke: '#222', lineWidth: 1}});
          children.push({type: 'line', shape: {x1: a[0] - cap, y1: a[1], x2: a[0] + cap, y2: a[1]}, style: {stroke: '#222', lineWidth: 1}});
          children.push({type: 'line', shape: {x1: z[0] - cap, y1: z[1], x2: z[0] + cap, y2: z[1]}, style: {stroke: '#222', lineWidth: 1}});
        }
        return {type: 'group', children};
      },
    }],
  };
}

async function closeRun() {
  if (source) { source.close(); source = null; }
  if (run) { const id = run.id; run = null; try { await api('POST', '/api/sessions/' + id + '/close'); } catch (e) { /* closed already */ } }
}

window.addEventListener('pagehide', () => {
  if (run) { navigator.sendBeacon('/api/sessions/' + run.id + '/close'); }
});
window.addEventListener('resize', () => {
  charts.forEach((c) => c.chart.resize());
  waterfalls.forEach((w) => w.resize());
  if (diffChart) { diffChart.resize(); }
});

document.addEventListener('DOMContentLoaded', () => {
  $('start').addEventListener('click', start);
  $('play').addEventListener('click', () => control('play'));
  $('pause').addEventListener('click', () => control('pause'));
  $('stepOne').addEventListener('click', () => control('step', {steps: 1}));
  $('reset').addEventListener('click', () => control('reset'));
  $('speed').addEventListener('change', () => control('speed', {speed: Number($('speed').value)}));
  $('speed').addEventListener('input', () => { $('speedOut').textContent = $('speed').value; });
  $('save').addEventListener('click', save);
  $('close').addEventListener('click', async () => {
    await closeRun();
    $('run').hidden = true; $('leverBox').hidden = true; $('people').hidden = true;
    $('explainSetup').hidden = true; $('explainBox').hidden = true;
    waterfalls.forEach((w) => w.dispose()); waterfalls = []; $('waterfalls').innerHTML = '';
    charts.forEach((c) => c.chart.dispose()); charts = []; $('charts').innerHTML = ''; $('diffBox').hidden = true;
  });
  $('refreshPeople').addEventListener('click', loadOfficials);
  $('explain').addEventListener('click', explain);
  $('diffMetric').addEventListener('change', scheduleDraw);
  $('scenario').addEventListener('change', showSize);
  $('upload').addEventListener('change', showSize);
  loadScenarios().catch((e) => showMessage(e.message));
});
