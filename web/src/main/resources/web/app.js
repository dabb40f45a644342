// The page: starts a run on the server, draws its steps as they stream in (server-sent events),
// sends lever moves and controls, shows biographies. No library but ECharts, served from the jar.
'use strict';

const $ = (id) => document.getElementById(id);
let run = null;      // {id, init, labels, a: [[...]], b: [[...]], marks: []}
let source = null;   // EventSource
let charts = [];     // {chart, spec, el}
let diffChart = null;
let pendingDraw = false;
let leverInputs = [];  // per lever: {lv, inputs, out}, to follow the values in force
let sizes = {};       // per built-in scenario: its size {path, unit, value}, or null where the model has none
const PALETTE = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272', '#fc8452', '#9a60b4', '#ea7ccc'];

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
  for (const name of data.scenarios) {
    const o = document.createElement('option');
    o.value = name; o.textContent = name;
    if (name === data.flagship) { o.selected = true; }
    sel.appendChild(o);
  }
  sizes = data.sizes || {};
  const l = data.limits;
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
  run = {id, init: null, labels: [], a: [], b: [], marks: []};
  source = new EventSource('/api/sessions/' + id + '/events');
  source.addEventListener('init', (e) => onInit(JSON.parse(e.data)));
  source.addEventListener('frame', (e) => onFrame(JSON.parse(e.data)));
  source.addEventListener('mark', (e) => onMark(JSON.parse(e.data)));
  source.addEventListener('state', (e) => onState(JSON.parse(e.data)));
  source.addEventListener('problem', (e) => showMessage(JSON.parse(e.data).message));
  source.onerror = () => {
    if (source && source.readyState === EventSource.CLOSED) { showMessage('The connection to the server was lost.'); }
  };
}

function onInit(init) {
  run.init = init; run.labels = []; run.a = []; run.b = []; run.marks = [];
  init.series.forEach(() => { run.a.push([]); run.b.push([]); });
  $('run').hidden = false; $('leverBox').hidden = false; $('people').hidden = false;
  $('runTitle').textContent = init.title + ' — seed ' + init.seed + (init.size === null ? '' : ', size ' + init.size) + ', '
      + init.steps + ' steps' + (init.compare ? ', A and B side by side' : '');
  $('armPick').hidden = !init.compare;
  $('saved').textContent = '';
  buildCharts(init);
  buildLevers(init);
  $('biography').textContent = '';
  $('officials').innerHTML = '';
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
    charts.push({chart, spec, el});
  }
  const dm = $('diffMetric');
  dm.innerHTML = '';
  // the difference first shows the first metric drawn as lines (shares of a whole differ in each layer)
  const lines = init.charts.find((c) => c.style === 'LINES');
  const first = lines ? lines.metrics[0] : init.series[0].name;
  init.series.forEach((s, i) => {
    const o = document.createElement('option');
    o.value = i; o.textContent = s.name + ' (' + s.unit + ')';
    if (s.name === first) { o.selected = true; }
    dm.appendChild(o);
  });
  $('diffBox').hidden = !init.compare;
  if (diffChart) { diffChart.dispose(); diffChart = null; }
  if (init.compare) { diffChart = echarts.init($('diff')); }
  draw();
}

function markLine() {
  return {
    symbol: 'none', silent: true,
    lineStyle: {color: '#d33', type: 'dashed'},
    label: {formatter: (p) => p.name, fontSize: 9, color: '#a00'},
    data: run.marks.map((m) => ({xAxis: m.label, name: m.path.split('.').pop() + (run.init.compare ? ' (' + m.arm + ')' : '')})),
  };
}

function draw() {
  pendingDraw = false;
  if (!run || !run.init) { return; }
  const init = run.init;
  for (const c of charts) {
    if (c.spec.style === 'BARS') { drawBars(c); continue; }
    const series = [];
    const stacked = c.spec.style === 'STACKED' && !init.compare;
    c.spec.metrics.forEach((name, k) => {
      const color = PALETTE[k % PALETTE.length];
      const i = init.series.findIndex((s) => s.name === name);
      const arms = init.compare ? ['a', 'b'] : ['a'];
      for (const arm of arms) {
        series.push({
          name: init.compare ? name + ' ' + arm.toUpperCase() : name,
          type: 'line', showSymbol: false, data: run[arm][i],
          stack: stacked ? 'all' : undefined, areaStyle: stacked ? {} : undefined,
          color, lineStyle: arm === 'b' ? {type: 'dashed', color} : {color},
          markLine: k === 0 && arm === 'a' ? markLine() : undefined,
        });
      }
    });
    c.chart.setOption({
      animation: false,
      title: {text: c.spec.title, textStyle: {fontSize: 13}},
      tooltip: {trigger: 'axis'},
      legend: {type: 'scroll', bottom: 0, textStyle: {fontSize: 10}},
      grid: {left: 55, right: 20, top: 45, bottom: 50},
      xAxis: {type: 'category', data: run.labels},
      yAxis: {type: 'value', name: unitOf(init, c.spec.metrics), nameTextStyle: {fontSize: 10}, scale: !stacked},
      series,
    }, {notMerge: true});
    c.el.dataset.points = String(run.labels.length);
    c.el.dataset.marks = String(run.marks.length);
  }
  if (diffChart) {
    const i = Number($('diffMetric').value || 0);
    const s = init.series[i];
    const d = run.a[i].map((v, t) => (v === null || run.b[i][t] === null ? null : run.b[i][t] - v));
    diffChart.setOption({
      animation: false,
      title: {text: s.name + ': B − A', textStyle: {fontSize: 13}},
      tooltip: {trigger: 'axis'},
      grid: {left: 55, right: 20, top: 45, bottom: 30},
      xAxis: {type: 'category', data: run.labels},
      yAxis: {type: 'value', name: s.unit, scale: true},
      series: [{name: 'B − A', type: 'line', showSymbol: false, data: d, markLine: markLine()}],
    }, {notMerge: true});
    $('diff').dataset.points = String(d.length);
  }
}

// The "now" view: the latest step's values, one bar per metric (per arm), labelled by what the
// metrics' names do not share (a level or a rank).
function barLabels(names) {
  let common = names.length > 1 ? names[0] : '';
  for (const n of names) { while (!n.startsWith(common)) { common = common.slice(0, -1); } }
  common = common.slice(0, common.lastIndexOf('_') + 1);
  return names.map((n) => n.slice(common.length));
}

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
    xAxis: {type: 'category', data: barLabels(c.spec.metrics)},
    yAxis: {type: 'value', name: unitOf(init, c.spec.metrics), nameTextStyle: {fontSize: 10}},
    series: arms.map((arm) => ({
      name: arm.toUpperCase(), type: 'bar', data: idx.map((i) => (last >= 0 ? run[arm][i][last] : null)),
      itemStyle: arm === 'b' ? {opacity: 0.6} : undefined,
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

function onState(s) {
  $('stepOut').textContent = 'Step ' + s.step + ' of ' + s.steps + (s.ended ? ' — ended' : s.playing ? ' — playing' : ' — paused');
  $('stepOut').dataset.step = String(s.step);
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

async function closeRun() {
  if (source) { source.close(); source = null; }
  if (run) { const id = run.id; run = null; try { await api('POST', '/api/sessions/' + id + '/close'); } catch (e) { /* closed already */ } }
}

window.addEventListener('pagehide', () => {
  if (run) { navigator.sendBeacon('/api/sessions/' + run.id + '/close'); }
});
window.addEventListener('resize', () => { charts.forEach((c) => c.chart.resize()); if (diffChart) { diffChart.resize(); } });

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
    charts.forEach((c) => c.chart.dispose()); charts = []; $('charts').innerHTML = ''; $('diffBox').hidden = true;
  });
  $('refreshPeople').addEventListener('click', loadOfficials);
  $('diffMetric').addEventListener('change', scheduleDraw);
  $('scenario').addEventListener('change', showSize);
  $('upload').addEventListener('change', showSize);
  loadScenarios().catch((e) => showMessage(e.message));
});
