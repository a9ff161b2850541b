// Image annotation on a canvas: boxes, polygons, lines and points in image pixels, with labels and attributes
// from the task, pre-drawn hypothesis and base shapes, zoom and pan, undo and redo. The answer is Scale's
// {"annotations": [...]} written into the form's hidden "response" field on submit.
(function () {
  'use strict';
  const cfg = JSON.parse(document.getElementById('editor-config').textContent);
  const canvas = document.getElementById('canvas');
  const ctx = canvas.getContext('2d');
  const readOnly = !!cfg.readOnly;
  const tools = cfg.tools || [{ geometry: 'box', labels: ['object'] }];
  const attributes = cfg.attributes || {};
  const PALETTE = ['#4f46e5', '#0f9d58', '#e8710a', '#d93025', '#9334e6', '#12b5cb', '#f439a0', '#b08900', '#5f6368'];
  const KEYS = { box: 'B', polygon: 'P', line: 'L', point: 'T' };
  const NAMES = { box: 'Box', polygon: 'Polygon', line: 'Line', point: 'Point', pan: 'Pan' };
  const allLabels = [];
  tools.forEach((t) => t.labels.forEach((l) => { if (!allLabels.includes(l)) allLabels.push(l); }));

  let W = cfg.width || 0;
  let H = cfg.height || 0;
  let image = null;
  let tool = readOnly ? 'pan' : tools[0].geometry;
  let labelIndex = 0;
  let shapes = [];
  let selected = -1;
  let history = [];
  let future = [];
  let view = { scale: 1, ox: 0, oy: 0 };
  let drawing = null; // a polygon or line being drawn: {type, vertices}
  let drag = null; // {kind: 'new'|'move'|'pan'|'handle', ...}
  let spaceDown = false;
  let pointer = null;
  // Video tasks: one list of shapes per frame; the shapes of the frame on screen live in `shapes`.
  const frames = cfg.frames || null;
  const frameShapes = frames ? frames.map(() => []) : null;
  const frameImages = frames ? frames.map(() => null) : null;
  let frame = 0;

  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return 'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx'.replace(/x/g, () => ((Math.random() * 16) | 0).toString(16));
  }
  const colorOf = (label) => PALETTE[Math.max(0, allLabels.indexOf(label)) % PALETTE.length];
  const toolOf = (geometry) => tools.find((t) => t.geometry === geometry);
  const labelsOf = (geometry) => (toolOf(geometry) || tools[0]).labels;
  const currentLabel = () => labelsOf(tool === 'pan' ? tools[0].geometry : tool)[labelIndex] || labelsOf(tools[0].geometry)[0];

  function defaultAttributes() {
    const out = {};
    Object.keys(attributes).forEach((name) => {
      const a = attributes[name] || {};
      const choices = (a.choices || []).map((c) => (typeof c === 'string' ? c : c.choice || c.label || c.name || c.value));
      if ((a.type || 'category') === 'category') out[name] = choices[0] || '';
      else if (a.type === 'number' || a.type === 'angle') out[name] = typeof a.min === 'number' ? a.min : 0;
      else out[name] = '';
    });
    return out;
  }

  function adopt(list, origin) {
    (list || []).forEach((s) => {
      if (!s || typeof s !== 'object') return;
      const shape = JSON.parse(JSON.stringify(s));
      shape.uuid = shape.uuid || uuid();
      shape.type = shape.type || 'box';
      shape.attributes = shape.attributes || {};
      shape._origin = origin;
      shapes.push(shape);
    });
  }
  const draft = !readOnly && window.scaleDraftRestored && window.scaleDraftRestored.editor;
  if (draft && frames && Array.isArray(draft.frames) && draft.frames.length === frames.length) {
    // A saved draft is the whole state, pre-drawn shapes included (with their origin, so rights still apply).
    draft.frames.forEach((list, i) => { frameShapes[i] = list; });
    shapes = frameShapes[0];
  } else if (draft && !frames && Array.isArray(draft.shapes)) {
    shapes = draft.shapes;
  } else {
    adopt(cfg.base, 'base');
    adopt(cfg.hypothesis, 'hypothesis');
    adopt(cfg.initial, 'answer');
  }

  const editable = (s) => !readOnly && (s._origin !== 'base' || cfg.canEditBase);
  const deletable = (s) => !readOnly && (s._origin !== 'base' || cfg.canDeleteBase);

  // ---- history ----
  function save() {
    history.push(JSON.stringify(shapes));
    if (history.length > 200) history.shift();
    future = [];
  }
  function undo() {
    if (!history.length) return;
    future.push(JSON.stringify(shapes));
    shapes = JSON.parse(history.pop());
    selected = Math.min(selected, shapes.length - 1);
    changed();
  }
  function redo() {
    if (!future.length) return;
    history.push(JSON.stringify(shapes));
    shapes = JSON.parse(future.pop());
    selected = Math.min(selected, shapes.length - 1);
    changed();
  }

  // ---- geometry ----
  const toImage = (sx, sy) => ({ x: (sx - view.ox) / view.scale, y: (sy - view.oy) / view.scale });
  const clampX = (x) => Math.max(0, Math.min(W, x));
  const clampY = (y) => Math.max(0, Math.min(H, y));
  const round = (v) => Math.round(v * 10) / 10;

  function bounds(s) {
    if (s.type === 'box') return { x: s.left, y: s.top, w: s.width, h: s.height };
    if (s.type === 'point') return { x: s.x - 4, y: s.y - 4, w: 8, h: 8 };
    const xs = (s.vertices || []).map((v) => v.x);
    const ys = (s.vertices || []).map((v) => v.y);
    const x = Math.min(...xs);
    const y = Math.min(...ys);
    return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
  }

  function hit(p) {
    const tolerance = 6 / view.scale;
    for (let i = shapes.length - 1; i >= 0; i--) {
      const b = bounds(shapes[i]);
      if (p.x >= b.x - tolerance && p.x <= b.x + b.w + tolerance && p.y >= b.y - tolerance && p.y <= b.y + b.h + tolerance) return i;
    }
    return -1;
  }

  function move(s, dx, dy) {
    if (s.type === 'box') {
      s.left = round(Math.max(0, Math.min(W - s.width, s.left + dx)));
      s.top = round(Math.max(0, Math.min(H - s.height, s.top + dy)));
    } else if (s.type === 'point') {
      s.x = round(clampX(s.x + dx));
      s.y = round(clampY(s.y + dy));
    } else {
      const b = bounds(s);
      dx = Math.max(-b.x, Math.min(W - b.x - b.w, dx));
      dy = Math.max(-b.y, Math.min(H - b.y - b.h, dy));
      s.vertices.forEach((v) => { v.x = round(v.x + dx); v.y = round(v.y + dy); });
    }
  }

  function resize(s, dw, dh) {
    if (s.type !== 'box') return;
    s.width = round(Math.max(1, Math.min(W - s.left, s.width + dw)));
    s.height = round(Math.max(1, Math.min(H - s.top, s.height + dh)));
  }

  function add(shape) {
    save();
    shape.uuid = uuid();
    shape.label = shape.label || currentLabel();
    shape.attributes = defaultAttributes();
    shape._origin = 'new';
    shapes.push(shape);
    selected = shapes.length - 1;
    changed();
  }

  function newShapeInView() {
    const c = toImage(canvas.clientWidth / 2, canvas.clientHeight / 2);
    const cx = round(clampX(c.x));
    const cy = round(clampY(c.y));
    const geometry = tool === 'pan' ? tools[0].geometry : tool;
    if (geometry === 'box') {
      const w = Math.min(120, W);
      const h = Math.min(90, H);
      add({ type: 'box', left: round(Math.max(0, Math.min(W - w, cx - w / 2))), top: round(Math.max(0, Math.min(H - h, cy - h / 2))), width: w, height: h });
    } else if (geometry === 'point') {
      add({ type: 'point', x: cx, y: cy });
    } else if (geometry === 'line') {
      add({ type: 'line', vertices: [{ x: clampX(cx - 60), y: cy }, { x: clampX(cx + 60), y: cy }] });
    } else {
      add({ type: 'polygon', vertices: [{ x: cx, y: clampY(cy - 50) }, { x: clampX(cx + 55), y: clampY(cy + 40) }, { x: clampX(cx - 55), y: clampY(cy + 40) }] });
    }
  }

  function finishDrawing() {
    if (!drawing) return false;
    const need = drawing.type === 'polygon' ? 3 : 2;
    const d = drawing;
    drawing = null;
    if (d.vertices.length >= need) add({ type: d.type, vertices: d.vertices });
    else draw();
    return true;
  }

  // ---- video frames ----
  function showFrame(index, carry) {
    if (!frames || index < 0 || index >= frames.length || index === frame) return;
    finishDrawing();
    frameShapes[frame] = shapes;
    const previous = shapes;
    const keep = selected;
    frame = index;
    shapes = frameShapes[frame];
    if (carry && !shapes.length) {
      // The same objects go on: copies keep their uuid, so a track is one uuid across frames.
      shapes = JSON.parse(JSON.stringify(previous));
      frameShapes[frame] = shapes;
    }
    // A carried shape stays selected, ready to be nudged to where the object moved.
    selected = carry ? Math.min(keep, shapes.length - 1) : -1;
    history = [];
    future = [];
    loadFrame(frame, () => { renderToolbar(); changed(); });
  }

  function loadFrame(index, done) {
    if (frameImages[index] || !frames[index]) { image = frameImages[index]; done(); return; }
    const img = new Image();
    img.onload = () => { frameImages[index] = img; if (index === frame) { image = img; } done(); };
    img.onerror = () => { image = null; if (!readOnly && window.scaleAssetBroken) window.scaleAssetBroken(frames[index]); done(); };
    img.src = frames[index];
  }

  // ---- view ----
  function resizeCanvas() {
    const stage = canvas.parentElement;
    const ratio = window.devicePixelRatio || 1;
    const w = stage.clientWidth;
    const h = stage.clientHeight;
    canvas.style.width = w + 'px';
    canvas.style.height = h + 'px';
    canvas.width = Math.round(w * ratio);
    canvas.height = Math.round(h * ratio);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  }

  function fit() {
    const w = canvas.clientWidth;
    const h = canvas.clientHeight;
    view.scale = Math.min(w / W, h / H) * 0.95;
    view.ox = (w - W * view.scale) / 2;
    view.oy = (h - H * view.scale) / 2;
    draw();
  }

  function zoom(factor, sx, sy) {
    if (sx === undefined) { sx = canvas.clientWidth / 2; sy = canvas.clientHeight / 2; }
    const p = toImage(sx, sy);
    view.scale = Math.max(0.05, Math.min(40, view.scale * factor));
    view.ox = sx - p.x * view.scale;
    view.oy = sy - p.y * view.scale;
    draw();
  }

  // ---- drawing ----
  function draw() {
    const w = canvas.clientWidth;
    const h = canvas.clientHeight;
    ctx.clearRect(0, 0, w, h);
    ctx.save();
    ctx.translate(view.ox, view.oy);
    ctx.scale(view.scale, view.scale);
    if (image) {
      ctx.drawImage(image, 0, 0, W, H);
    } else {
      ctx.fillStyle = '#e8eaf0';
      ctx.fillRect(0, 0, W, H);
      ctx.strokeStyle = '#d0d4de';
      ctx.lineWidth = 1 / view.scale;
      for (let x = 0; x <= W; x += 50) { ctx.beginPath(); ctx.moveTo(x, 0); ctx.lineTo(x, H); ctx.stroke(); }
      for (let y = 0; y <= H; y += 50) { ctx.beginPath(); ctx.moveTo(0, y); ctx.lineTo(W, y); ctx.stroke(); }
    }
    ctx.restore();
    shapes.forEach((s, i) => drawShape(s, i === selected));
    if (drawing) {
      ctx.strokeStyle = colorOf(currentLabel());
      ctx.setLineDash([6, 4]);
      ctx.lineWidth = 2;
      ctx.beginPath();
      drawing.vertices.forEach((v, i) => {
        const x = v.x * view.scale + view.ox;
        const y = v.y * view.scale + view.oy;
        if (i === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y);
      });
      if (pointer) ctx.lineTo(pointer.x * view.scale + view.ox, pointer.y * view.scale + view.oy);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    if (drag && drag.kind === 'new') {
      const a = drag.start;
      const b = drag.now;
      ctx.strokeStyle = colorOf(currentLabel());
      ctx.setLineDash([6, 4]);
      ctx.lineWidth = 2;
      ctx.strokeRect(Math.min(a.x, b.x) * view.scale + view.ox, Math.min(a.y, b.y) * view.scale + view.oy,
        Math.abs(a.x - b.x) * view.scale, Math.abs(a.y - b.y) * view.scale);
      ctx.setLineDash([]);
    }
    canvas.dataset.scale = String(view.scale);
    canvas.dataset.ox = String(view.ox);
    canvas.dataset.oy = String(view.oy);
  }

  function drawShape(s, isSelected) {
    const color = colorOf(s.label);
    const sx = (x) => x * view.scale + view.ox;
    const sy = (y) => y * view.scale + view.oy;
    ctx.lineWidth = isSelected ? 3 : 2;
    ctx.strokeStyle = color;
    ctx.fillStyle = color + (isSelected ? '33' : '1f');
    if (s._origin === 'base' && !cfg.canEditBase) ctx.setLineDash([4, 3]);
    if (s.type === 'box') {
      ctx.fillRect(sx(s.left), sy(s.top), s.width * view.scale, s.height * view.scale);
      ctx.strokeRect(sx(s.left), sy(s.top), s.width * view.scale, s.height * view.scale);
    } else if (s.type === 'point') {
      ctx.beginPath();
      ctx.arc(sx(s.x), sy(s.y), isSelected ? 7 : 5, 0, Math.PI * 2);
      ctx.fillStyle = color;
      ctx.fill();
      ctx.strokeStyle = '#fff';
      ctx.stroke();
    } else if (s.vertices && s.vertices.length) {
      ctx.beginPath();
      s.vertices.forEach((v, i) => (i === 0 ? ctx.moveTo(sx(v.x), sy(v.y)) : ctx.lineTo(sx(v.x), sy(v.y))));
      if (s.type === 'polygon') { ctx.closePath(); ctx.fill(); }
      ctx.stroke();
    }
    ctx.setLineDash([]);
    if (isSelected && s.type === 'box') {
      ctx.fillStyle = '#fff';
      ctx.strokeStyle = color;
      ctx.lineWidth = 2;
      const x2 = sx(s.left + s.width);
      const y2 = sy(s.top + s.height);
      ctx.fillRect(x2 - 5, y2 - 5, 10, 10);
      ctx.strokeRect(x2 - 5, y2 - 5, 10, 10);
    }
    const b = bounds(s);
    const tag = s.label + (s._origin === 'hypothesis' ? ' · hypothesis' : s._origin === 'base' ? ' · base' : '');
    ctx.font = '600 12px system-ui, sans-serif';
    const tw = ctx.measureText(tag).width + 10;
    const tx = sx(b.x);
    const ty = Math.max(0, sy(b.y) - 20);
    ctx.fillStyle = color;
    ctx.fillRect(tx, ty, tw, 18);
    ctx.fillStyle = '#fff';
    ctx.fillText(tag, tx + 5, ty + 13);
  }

  // ---- side panels ----
  const labelList = document.getElementById('labels');
  const shapeList = document.getElementById('shapes');
  const attrsBox = document.getElementById('attrs');
  const count = document.getElementById('count');
  const toolbar = document.getElementById('toolbar');
  const hint = document.getElementById('hint');

  function button(text, title, onClick, pressed) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'tool';
    b.textContent = text;
    b.title = title;
    if (pressed !== undefined) b.setAttribute('aria-pressed', String(pressed));
    b.addEventListener('click', () => { onClick(); canvas.focus(); });
    return b;
  }

  function renderToolbar() {
    toolbar.textContent = '';
    if (!readOnly) {
      tools.forEach((t) => {
        const key = KEYS[t.geometry];
        const b = button(NAMES[t.geometry] || t.geometry, NAMES[t.geometry] + ' (' + key + ')', () => setTool(t.geometry), tool === t.geometry);
        const k = document.createElement('kbd'); k.textContent = key; b.append(' ', k);
        toolbar.append(b);
      });
    }
    const pan = button('Pan', 'Pan (H, or hold Space)', () => setTool('pan'), tool === 'pan');
    toolbar.append(pan);
    const sep = document.createElement('span'); sep.className = 'sep'; toolbar.append(sep);
    toolbar.append(button('−', 'Zoom out (-)', () => zoom(1 / 1.25)), button('Fit', 'Fit (0)', fit), button('+', 'Zoom in (+)', () => zoom(1.25)));
    if (!readOnly) {
      const sep2 = document.createElement('span'); sep2.className = 'sep'; toolbar.append(sep2);
      toolbar.append(button('Undo', 'Undo (Ctrl+Z)', undo), button('Redo', 'Redo (Ctrl+Shift+Z)', redo));
    }
    if (frames) {
      const sep3 = document.createElement('span'); sep3.className = 'sep'; toolbar.append(sep3);
      const where = document.createElement('span');
      where.className = 'frame';
      where.id = 'frame';
      where.setAttribute('aria-live', 'polite');
      where.textContent = 'Frame ' + (frame + 1) + ' / ' + frames.length;
      toolbar.append(button('◀', 'Previous frame (,)', () => showFrame(frame - 1)), where,
        button('▶', 'Next frame (.)', () => showFrame(frame + 1)),
        button('Carry to next', 'Copy these shapes to the next frame and go there (C)', () => showFrame(frame + 1, true)));
    }
    if (hint) {
      hint.textContent = readOnly ? 'Scroll to zoom, drag to pan.'
        : tool === 'box' ? 'Drag to draw a box, or press N. Drag a box to move it, its corner to resize it.'
        : tool === 'polygon' ? 'Click to add corners; click the first corner or press Enter to close.'
        : tool === 'line' ? 'Click to add points; double-click or press Enter to finish.'
        : tool === 'point' ? 'Click to place a point.' : 'Drag to pan; scroll to zoom.';
    }
  }

  function renderLabels() {
    if (!labelList) return;
    labelList.textContent = '';
    const geometry = selected >= 0 ? shapes[selected].type : tool === 'pan' ? tools[0].geometry : tool;
    labelsOf(geometry).forEach((label, i) => {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'label';
      const active = selected >= 0 ? shapes[selected].label === label : i === labelIndex;
      b.setAttribute('aria-pressed', String(active));
      const chip = document.createElement('span'); chip.className = 'chip'; chip.dataset.color = colorOf(label);
      chip.style.background = colorOf(label);
      const k = document.createElement('kbd'); k.textContent = i < 9 ? String(i + 1) : '';
      b.append(chip, document.createTextNode(label), k);
      b.addEventListener('click', () => { pickLabel(i); canvas.focus(); });
      li.append(b);
      labelList.append(li);
    });
  }

  function renderShapes() {
    if (!shapeList) return;
    shapeList.textContent = '';
    shapes.forEach((s, i) => {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'shape' + (i === selected ? ' selected' : '');
      b.setAttribute('aria-pressed', String(i === selected));
      const chip = document.createElement('span'); chip.className = 'chip'; chip.style.background = colorOf(s.label);
      b.append(chip, document.createTextNode((NAMES[s.type] || s.type) + ' · ' + s.label + (s._origin === 'hypothesis' ? ' (hypothesis)' : s._origin === 'base' ? ' (base)' : '')));
      b.addEventListener('click', () => { selected = i; changed(); canvas.focus(); });
      li.append(b);
      shapeList.append(li);
    });
    if (count) count.textContent = String(shapes.length);
  }

  function renderAttributes() {
    if (!attrsBox) return;
    attrsBox.textContent = '';
    if (selected < 0) {
      const p = document.createElement('p'); p.className = 'muted'; p.textContent = 'Nothing selected.'; attrsBox.append(p);
      return;
    }
    const s = shapes[selected];
    const names = Object.keys(attributes);
    const summary = document.createElement('p');
    summary.className = 'muted';
    const b = bounds(s);
    summary.textContent = (NAMES[s.type] || s.type) + ' at ' + Math.round(b.x) + ', ' + Math.round(b.y) + (s.type === 'box' ? ' · ' + Math.round(s.width) + ' × ' + Math.round(s.height) : '');
    attrsBox.append(summary);
    names.forEach((name) => {
      const a = attributes[name] || {};
      const id = 'attr-' + name.replace(/[^A-Za-z0-9_-]/g, '_');
      const label = document.createElement('label');
      label.htmlFor = id;
      label.textContent = a.description || name;
      let input;
      const choices = (a.choices || []).map((c) => (typeof c === 'string' ? c : c.choice || c.label || c.name || c.value));
      if ((a.type || 'category') === 'category' && choices.length) {
        input = document.createElement('select');
        choices.forEach((c) => { const o = document.createElement('option'); o.value = c; o.textContent = c; input.append(o); });
      } else {
        input = document.createElement('input');
        input.type = a.type === 'number' || a.type === 'angle' ? 'number' : 'text';
        if (typeof a.min === 'number') input.min = a.min;
        if (typeof a.max === 'number') input.max = a.max;
      }
      input.id = id;
      input.value = s.attributes[name] === undefined ? '' : s.attributes[name];
      input.disabled = !editable(s);
      input.addEventListener('change', () => {
        save();
        s.attributes[name] = input.type === 'number' ? Number(input.value) : input.value;
      });
      attrsBox.append(label, input);
    });
  }

  function changed() {
    renderLabels();
    renderShapes();
    renderAttributes();
    draw();
    if (!readOnly && window.scaleDraft) window.scaleDraft.changed();
  }

  function setTool(t) {
    if (t !== 'pan' && !toolOf(t)) return;
    finishDrawing();
    tool = t;
    labelIndex = Math.min(labelIndex, labelsOf(t === 'pan' ? tools[0].geometry : t).length - 1);
    selected = -1;
    renderToolbar();
    changed();
  }

  function pickLabel(i) {
    if (selected >= 0) {
      const s = shapes[selected];
      const labels = labelsOf(s.type);
      if (i < labels.length && editable(s)) { save(); s.label = labels[i]; }
    } else {
      const labels = labelsOf(tool === 'pan' ? tools[0].geometry : tool);
      if (i < labels.length) labelIndex = i;
    }
    changed();
  }

  // ---- mouse ----
  function eventPoint(e) {
    const r = canvas.getBoundingClientRect();
    return { sx: e.clientX - r.left, sy: e.clientY - r.top };
  }

  canvas.addEventListener('mousedown', (e) => {
    canvas.focus();
    const { sx, sy } = eventPoint(e);
    const p = toImage(sx, sy);
    if (e.button === 1 || tool === 'pan' || spaceDown || readOnly) {
      if (readOnly) { const i = hit(p); if (i >= 0) { selected = i; changed(); } }
      drag = { kind: 'pan', sx, sy, ox: view.ox, oy: view.oy };
      return;
    }
    if (e.button !== 0) return;
    if (drawing) {
      const first = drawing.vertices[0];
      if (drawing.type === 'polygon' && drawing.vertices.length >= 3 && Math.hypot((first.x - p.x) * view.scale, (first.y - p.y) * view.scale) < 8) {
        finishDrawing();
      } else {
        drawing.vertices.push({ x: round(clampX(p.x)), y: round(clampY(p.y)) });
        draw();
      }
      return;
    }
    if (selected >= 0 && shapes[selected].type === 'box' && editable(shapes[selected])) {
      const s = shapes[selected];
      if (Math.abs(p.x - (s.left + s.width)) * view.scale < 8 && Math.abs(p.y - (s.top + s.height)) * view.scale < 8) {
        save();
        drag = { kind: 'handle', index: selected };
        return;
      }
    }
    const i = hit(p);
    if (i >= 0) {
      selected = i;
      if (editable(shapes[i])) { save(); drag = { kind: 'move', index: i, last: p, moved: false }; }
      changed();
      return;
    }
    selected = -1;
    if (tool === 'box') {
      drag = { kind: 'new', start: { x: clampX(p.x), y: clampY(p.y) }, now: { x: clampX(p.x), y: clampY(p.y) } };
    } else if (tool === 'point') {
      add({ type: 'point', x: round(clampX(p.x)), y: round(clampY(p.y)) });
    } else {
      drawing = { type: tool, vertices: [{ x: round(clampX(p.x)), y: round(clampY(p.y)) }] };
    }
    changed();
  });

  window.addEventListener('mousemove', (e) => {
    const { sx, sy } = eventPoint(e);
    const p = toImage(sx, sy);
    pointer = p;
    if (!drag) { if (drawing) draw(); return; }
    if (drag.kind === 'pan') {
      view.ox = drag.ox + sx - drag.sx;
      view.oy = drag.oy + sy - drag.sy;
    } else if (drag.kind === 'new') {
      drag.now = { x: clampX(p.x), y: clampY(p.y) };
    } else if (drag.kind === 'move') {
      move(shapes[drag.index], p.x - drag.last.x, p.y - drag.last.y);
      drag.last = p;
      drag.moved = true;
    } else if (drag.kind === 'handle') {
      const s = shapes[drag.index];
      s.width = round(Math.max(1, clampX(p.x) - s.left));
      s.height = round(Math.max(1, clampY(p.y) - s.top));
    }
    draw();
  });

  window.addEventListener('mouseup', () => {
    if (!drag) return;
    const d = drag;
    drag = null;
    if (d.kind === 'new') {
      const left = Math.min(d.start.x, d.now.x);
      const top = Math.min(d.start.y, d.now.y);
      const width = Math.abs(d.start.x - d.now.x);
      const height = Math.abs(d.start.y - d.now.y);
      if (width * view.scale >= 4 && height * view.scale >= 4) {
        add({ type: 'box', left: round(left), top: round(top), width: round(width), height: round(height) });
        return;
      }
    } else if (d.kind === 'move' && !d.moved) {
      history.pop(); // a click that selected without moving leaves nothing to undo
    }
    changed();
  });

  canvas.addEventListener('dblclick', () => { if (drawing) finishDrawing(); });
  canvas.addEventListener('wheel', (e) => {
    e.preventDefault();
    const { sx, sy } = eventPoint(e);
    zoom(e.deltaY < 0 ? 1.15 : 1 / 1.15, sx, sy);
  }, { passive: false });
  window.addEventListener('keyup', (e) => { if (e.key === ' ') spaceDown = false; });
  window.addEventListener('resize', () => { resizeCanvas(); fit(); });

  // ---- keyboard ----
  function onKey(e) {
    const k = e.key;
    const ctrl = e.ctrlKey || e.metaKey;
    if (ctrl && (k === 'z' || k === 'Z')) { if (readOnly) return false; if (e.shiftKey) redo(); else undo(); return true; }
    if (ctrl && (k === 'y' || k === 'Y')) { if (!readOnly) redo(); return true; }
    if (ctrl) return false;
    if (k === ' ') { spaceDown = true; return true; }
    if (k === 'Enter') return finishDrawing();
    if (k === 'Escape') { if (drawing) { drawing = null; draw(); } else { selected = -1; changed(); } return true; }
    if (k === '+' || k === '=') { zoom(1.25); return true; }
    if (k === '-' || k === '_') { zoom(1 / 1.25); return true; }
    if (k === '0') { fit(); return true; }
    if (k === 'Tab') {
      if (!shapes.length) return false;
      selected = e.shiftKey ? (selected <= 0 ? shapes.length - 1 : selected - 1) : (selected + 1) % shapes.length;
      changed();
      return true;
    }
    if (readOnly) return false;
    if (/^[1-9]$/.test(k)) { pickLabel(Number(k) - 1); return true; }
    const lower = k.toLowerCase();
    if (!e.altKey && !e.shiftKey) {
      if (lower === 'b') { setTool('box'); return true; }
      if (lower === 'p') { setTool('polygon'); return true; }
      if (lower === 'l') { setTool('line'); return true; }
      if (lower === 't') { setTool('point'); return true; }
      if (lower === 'h') { setTool('pan'); return true; }
      if (lower === 'n') { newShapeInView(); return true; }
      if (frames && k === '.') { showFrame(frame + 1); return true; }
      if (frames && k === ',') { showFrame(frame - 1); return true; }
      if (frames && lower === 'c') { showFrame(frame + 1, true); return true; }
    }
    const arrows = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    if (arrows[k] && selected >= 0 && editable(shapes[selected])) {
      const step = e.shiftKey ? 10 : 1;
      save();
      if (e.altKey) resize(shapes[selected], arrows[k][0] * step, arrows[k][1] * step);
      else move(shapes[selected], arrows[k][0] * step, arrows[k][1] * step);
      changed();
      return true;
    }
    if ((k === 'Delete' || k === 'Backspace') && selected >= 0) {
      if (!deletable(shapes[selected])) return true;
      save();
      shapes.splice(selected, 1);
      selected = -1;
      changed();
      return true;
    }
    return false;
  }

  function serialize() {
    if (drawing) { finishDrawing(); }
    const clean = (list) => list.map((s) => {
      const out = {};
      Object.keys(s).forEach((key) => { if (key[0] !== '_') out[key] = s[key]; });
      return out;
    });
    let answer;
    if (frames) {
      frameShapes[frame] = shapes;
      const rate = cfg.frameRate > 0 ? cfg.frameRate : 1;
      answer = { annotations: frames.map((_, i) => ({ frame_index: i, timestamp: Math.round((i / rate) * 1000) / 1000, annotations: clean(frameShapes[i]) })) };
    } else {
      answer = { annotations: clean(shapes) };
    }
    const field = document.getElementById('response');
    if (field) field.value = JSON.stringify(answer);
    return true;
  }

  function snapshot() {
    if (frames) {
      frameShapes[frame] = shapes;
      return { frames: frameShapes };
    }
    return { shapes };
  }

  window.scaleEditor = readOnly ? { onKey, serialize } : { onKey, serialize, snapshot };

  // Ready for the mouse: tests wait for the attribute; the mark times submit -> next task (SubmitToNextBenchmark).
  function ready() {
    canvas.dataset.ready = 'true';
    if (window.performance && performance.mark) performance.mark('scale-ready');
  }

  function start() {
    if (!W || !H) { W = 1280; H = 800; }
    resizeCanvas();
    renderToolbar();
    fit();
    changed();
    if (!readOnly && window.scaleDraft) window.scaleDraft.baseline();
  }
  if (frames) {
    loadFrame(0, () => {
      if (image) { W = image.naturalWidth; H = image.naturalHeight; }
      start();
      ready();
    });
  } else if (cfg.image) {
    const img = new Image();
    img.onload = () => { image = img; W = img.naturalWidth; H = img.naturalHeight; start(); ready(); };
    img.onerror = () => {
      if (!readOnly && window.scaleAssetBroken) window.scaleAssetBroken(cfg.image);
      start();
      ready();
    };
    img.src = cfg.image;
  } else {
    start();
    ready();
  }
})();
