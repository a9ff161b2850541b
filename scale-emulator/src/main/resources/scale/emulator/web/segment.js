// Segmentation: paint a label mask over the image with a brush or filled polygons (eraser sets "unlabeled").
// The answer uses the emulator's mask format: {width, height, encoding: "rle", values, counts}, runs in row-major
// order, per label, combined (colours and indexes) and unlabeled.
(function () {
  'use strict';
  const cfg = JSON.parse(document.getElementById('editor-config').textContent);
  const canvas = document.getElementById('canvas');
  const ctx = canvas.getContext('2d');
  const labels = cfg.labels || ['object'];
  const PALETTE = ['#4f46e5', '#0f9d58', '#e8710a', '#d93025', '#9334e6', '#12b5cb', '#f439a0', '#b08900', '#5f6368'];
  const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let W = cfg.width || 0;
  let H = cfg.height || 0;
  let image = null;
  let mask = null;
  let overlay = null;
  let overlayData = null;
  let tool = 'brush';
  let label = 1;
  let radius = 12;
  let view = { scale: 1, ox: 0, oy: 0 };
  let polygon = null;
  let drag = null;
  let spaceDown = false;
  let history = [];
  let future = [];

  const toImage = (sx, sy) => ({ x: (sx - view.ox) / view.scale, y: (sy - view.oy) / view.scale });
  const colorOf = (index) => (index === 0 ? '#000000' : PALETTE[(index - 1) % PALETTE.length]);

  function paintPixel(i, value) {
    mask[i] = value;
    const o = i * 4;
    if (value === 0) { overlayData.data[o + 3] = 0; return; }
    const [r, g, b] = rgb(colorOf(value));
    overlayData.data[o] = r; overlayData.data[o + 1] = g; overlayData.data[o + 2] = b; overlayData.data[o + 3] = 140;
  }

  function dab(x, y) {
    const value = tool === 'eraser' ? 0 : label;
    const r = radius;
    for (let yy = Math.max(0, Math.floor(y - r)); yy <= Math.min(H - 1, Math.ceil(y + r)); yy++) {
      for (let xx = Math.max(0, Math.floor(x - r)); xx <= Math.min(W - 1, Math.ceil(x + r)); xx++) {
        if ((xx - x) * (xx - x) + (yy - y) * (yy - y) <= r * r) paintPixel(yy * W + xx, value);
      }
    }
  }

  function fillPolygon(vertices) {
    const off = document.createElement('canvas');
    off.width = W; off.height = H;
    const o = off.getContext('2d');
    o.beginPath();
    vertices.forEach((v, i) => (i ? o.lineTo(v.x, v.y) : o.moveTo(v.x, v.y)));
    o.closePath();
    o.fill();
    const data = o.getImageData(0, 0, W, H).data;
    for (let i = 0; i < W * H; i++) if (data[i * 4 + 3] > 127) paintPixel(i, label);
  }

  function save() {
    history.push(mask.slice());
    if (history.length > 20) history.shift();
    future = [];
  }
  function restore(from, to) {
    if (!from.length) return;
    to.push(mask.slice());
    const m = from.pop();
    for (let i = 0; i < m.length; i++) paintPixel(i, m[i]);
    refresh();
    changed();
  }

  // The draft (app.js saves it, debounced): every finished stroke, fill, undo or redo.
  function changed() {
    if (window.scaleDraft) window.scaleDraft.changed();
  }

  function refresh() {
    overlay.getContext('2d').putImageData(overlayData, 0, 0);
    draw();
  }

  function draw() {
    ctx.clearRect(0, 0, canvas.clientWidth, canvas.clientHeight);
    ctx.save();
    ctx.translate(view.ox, view.oy);
    ctx.scale(view.scale, view.scale);
    ctx.imageSmoothingEnabled = false;
    if (image) ctx.drawImage(image, 0, 0, W, H);
    else { ctx.fillStyle = '#e8eaf0'; ctx.fillRect(0, 0, W, H); }
    ctx.drawImage(overlay, 0, 0);
    if (polygon) {
      ctx.strokeStyle = colorOf(label);
      ctx.lineWidth = 2 / view.scale;
      ctx.beginPath();
      polygon.forEach((v, i) => (i ? ctx.lineTo(v.x, v.y) : ctx.moveTo(v.x, v.y)));
      ctx.stroke();
    }
    ctx.restore();
    canvas.dataset.scale = String(view.scale);
    canvas.dataset.ox = String(view.ox);
    canvas.dataset.oy = String(view.oy);
  }

  function fit() {
    view.scale = Math.min(canvas.clientWidth / W, canvas.clientHeight / H) * 0.95;
    view.ox = (canvas.clientWidth - W * view.scale) / 2;
    view.oy = (canvas.clientHeight - H * view.scale) / 2;
    draw();
  }

  function zoom(f, sx, sy) {
    if (sx === undefined) { sx = canvas.clientWidth / 2; sy = canvas.clientHeight / 2; }
    const p = toImage(sx, sy);
    view.scale = Math.max(0.05, Math.min(40, view.scale * f));
    view.ox = sx - p.x * view.scale;
    view.oy = sy - p.y * view.scale;
    draw();
  }

  function renderSide() {
    const toolbar = document.getElementById('toolbar');
    toolbar.textContent = '';
    [['brush', 'Brush', 'B'], ['polygon', 'Polygon fill', 'P'], ['eraser', 'Eraser', 'E']].forEach(([id, name, key]) => {
      const b = document.createElement('button');
      b.type = 'button'; b.className = 'tool'; b.setAttribute('aria-pressed', String(tool === id));
      const k = document.createElement('kbd'); k.textContent = key;
      b.append(name + ' ', k);
      b.addEventListener('click', () => { tool = id; polygon = null; renderSide(); canvas.focus(); });
      toolbar.append(b);
    });
    const size = document.createElement('label');
    size.className = 'inline';
    size.textContent = 'Brush ' + radius + ' px ';
    const range = document.createElement('input');
    range.type = 'range'; range.min = '2'; range.max = '80'; range.value = String(radius);
    range.setAttribute('aria-label', 'Brush size');
    range.addEventListener('input', () => { radius = Number(range.value); size.firstChild.textContent = 'Brush ' + radius + ' px '; });
    size.append(range);
    toolbar.append(size);
    const list = document.getElementById('labels');
    list.textContent = '';
    labels.forEach((name, i) => {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button'; b.className = 'label'; b.setAttribute('aria-pressed', String(label === i + 1));
      const chip = document.createElement('span'); chip.className = 'chip'; chip.style.background = colorOf(i + 1);
      const k = document.createElement('kbd'); k.textContent = i < 9 ? String(i + 1) : '';
      b.append(chip, document.createTextNode(name), k);
      b.addEventListener('click', () => { label = i + 1; renderSide(); canvas.focus(); });
      li.append(b);
      list.append(li);
    });
    const hint = document.getElementById('hint');
    hint.textContent = tool === 'polygon' ? 'Click corners; click the first corner or press Enter to fill.'
      : 'Drag to paint. Hold Space and drag to pan; scroll to zoom.';
  }

  function point(e) {
    const r = canvas.getBoundingClientRect();
    return { sx: e.clientX - r.left, sy: e.clientY - r.top };
  }

  canvas.addEventListener('mousedown', (e) => {
    canvas.focus();
    const { sx, sy } = point(e);
    const p = toImage(sx, sy);
    if (e.button === 1 || spaceDown) { drag = { pan: true, sx, sy, ox: view.ox, oy: view.oy }; return; }
    if (tool === 'polygon') {
      if (polygon && polygon.length >= 3 && Math.hypot((polygon[0].x - p.x) * view.scale, (polygon[0].y - p.y) * view.scale) < 8) {
        save(); fillPolygon(polygon); polygon = null; refresh(); changed();
      } else {
        (polygon = polygon || []).push(p);
        draw();
      }
      return;
    }
    save();
    drag = { paint: true };
    dab(p.x, p.y);
    refresh();
  });
  window.addEventListener('mousemove', (e) => {
    if (!drag) return;
    const { sx, sy } = point(e);
    if (drag.pan) { view.ox = drag.ox + sx - drag.sx; view.oy = drag.oy + sy - drag.sy; draw(); return; }
    const p = toImage(sx, sy);
    dab(p.x, p.y);
    refresh();
  });
  window.addEventListener('mouseup', () => {
    if (drag && drag.paint) changed();
    drag = null;
  });
  canvas.addEventListener('wheel', (e) => { e.preventDefault(); const { sx, sy } = point(e); zoom(e.deltaY < 0 ? 1.15 : 1 / 1.15, sx, sy); }, { passive: false });
  window.addEventListener('keyup', (e) => { if (e.key === ' ') spaceDown = false; });

  function onKey(e) {
    const k = e.key;
    const ctrl = e.ctrlKey || e.metaKey;
    if (ctrl && (k === 'z' || k === 'Z')) { if (e.shiftKey) restore(future, history); else restore(history, future); return true; }
    if (ctrl) return false;
    if (k === ' ') { spaceDown = true; return true; }
    if (/^[1-9]$/.test(k) && Number(k) <= labels.length) { label = Number(k); renderSide(); return true; }
    const lower = k.toLowerCase();
    if (lower === 'b') { tool = 'brush'; polygon = null; renderSide(); return true; }
    if (lower === 'p') { tool = 'polygon'; renderSide(); return true; }
    if (lower === 'e') { tool = 'eraser'; polygon = null; renderSide(); return true; }
    if (k === '+' || k === '=') { zoom(1.25); return true; }
    if (k === '-') { zoom(1 / 1.25); return true; }
    if (k === '0') { fit(); return true; }
    if (k === '[') { radius = Math.max(2, radius - 2); renderSide(); return true; }
    if (k === ']') { radius = Math.min(80, radius + 2); renderSide(); return true; }
    if (k === 'Escape') { polygon = null; draw(); return true; }
    if (k === 'Enter' && polygon) {
      if (polygon.length >= 3) { save(); fillPolygon(polygon); }
      polygon = null;
      refresh();
      changed();
      return true;
    }
    return false;
  }

  function rle(valueAt) {
    const values = [];
    const counts = [];
    for (let i = 0; i < W * H; i++) {
      const v = valueAt(mask[i]);
      if (values.length && values[values.length - 1] === v) counts[counts.length - 1]++;
      else { values.push(v); counts.push(1); }
    }
    return { width: W, height: H, encoding: 'rle', values, counts };
  }

  function serialize() {
    const present = new Set(mask);
    const labeled = {};
    const mapping = {};
    labels.forEach((name, i) => {
      mapping[name] = { index: i + 1, color: colorOf(i + 1) };
      labeled[name] = present.has(i + 1) ? rle((v) => (v === i + 1 ? 1 : 0)) : null;
    });
    const response = {
      annotations: {
        unlabeled: present.has(0) ? rle((v) => (v === 0 ? 1 : 0)) : null,
        labeled,
        combined: { image: rle((v) => colorOf(v)), indexedImage: rle((v) => v) },
      },
      labelMapping: mapping,
    };
    document.getElementById('response').value = JSON.stringify(response);
    return true;
  }

  // A draft is the label mask itself, run-length encoded as the answer's indexedImage is.
  function snapshot() {
    return mask ? { mask: rle((v) => v) } : null;
  }

  function restoreDraft() {
    const draft = window.scaleDraftRestored && window.scaleDraftRestored.editor;
    const m = draft && draft.mask;
    if (!m || m.width !== W || m.height !== H || !Array.isArray(m.values) || !Array.isArray(m.counts)) return;
    let at = 0;
    for (let r = 0; r < m.values.length && at < W * H; r++) {
      const v = Number(m.values[r]) || 0;
      const value = v >= 0 && v <= labels.length ? v : 0;
      for (let k = 0; k < m.counts[r] && at < W * H; k++) paintPixel(at++, value);
    }
  }

  window.scaleEditor = { onKey, serialize, snapshot };

  function start() {
    if (!W || !H) { W = 1280; H = 800; }
    mask = new Uint8Array(W * H);
    overlay = document.createElement('canvas');
    overlay.width = W; overlay.height = H;
    overlayData = overlay.getContext('2d').createImageData(W, H);
    const stage = canvas.parentElement;
    const ratio = window.devicePixelRatio || 1;
    canvas.style.width = stage.clientWidth + 'px';
    canvas.style.height = stage.clientHeight + 'px';
    canvas.width = Math.round(stage.clientWidth * ratio);
    canvas.height = Math.round(stage.clientHeight * ratio);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    restoreDraft();
    overlay.getContext('2d').putImageData(overlayData, 0, 0);
    renderSide();
    fit();
    if (window.scaleDraft) window.scaleDraft.baseline();
    canvas.dataset.ready = 'true';
  }
  if (cfg.image) {
    const img = new Image();
    img.onload = () => { image = img; W = img.naturalWidth; H = img.naturalHeight; start(); };
    img.onerror = () => { if (window.scaleAssetBroken) window.scaleAssetBroken(cfg.image); start(); };
    img.src = cfg.image;
  } else {
    start();
  }
})();
