// Named entity recognition: select words, press a label's number (or click the label). Offsets count UTF-16
// code units of the task's text, as Scale's do; labels show through CSS so they never shift the offsets.
(function () {
  'use strict';
  const cfg = JSON.parse(document.getElementById('editor-config').textContent);
  const text = cfg.text || '';
  const labels = cfg.labels || ['ENTITY'];
  const PALETTE = ['#4f46e5', '#0f9d58', '#e8710a', '#d93025', '#9334e6', '#12b5cb', '#f439a0', '#b08900', '#5f6368'];
  const box = document.getElementById('ner-text');
  const labelList = document.getElementById('labels');
  const spanList = document.getElementById('shapes');
  const count = document.getElementById('count');
  const draft = window.scaleDraftRestored && window.scaleDraftRestored.editor;
  let spans = draft && Array.isArray(draft.spans) ? draft.spans : [];
  let selected = -1;
  let history = [];
  let future = [];

  const uuid = () => (window.crypto && crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random());
  const colorOf = (label) => PALETTE[Math.max(0, labels.indexOf(label)) % PALETTE.length];
  const save = () => { history.push(JSON.stringify(spans)); future = []; };

  function render() {
    if (window.scaleDraft) window.scaleDraft.changed();
    box.textContent = '';
    let at = 0;
    spans.sort((a, b) => a.start - b.start);
    spans.forEach((s, i) => {
      if (s.start > at) box.append(document.createTextNode(text.slice(at, s.start)));
      const mark = document.createElement('mark');
      mark.textContent = text.slice(s.start, s.end);
      mark.dataset.label = s.label;
      mark.dataset.index = String(i);
      mark.style.setProperty('--c', colorOf(s.label));
      if (i === selected) mark.className = 'selected';
      box.append(mark);
      at = s.end;
    });
    if (at < text.length) box.append(document.createTextNode(text.slice(at)));
    labelList.textContent = '';
    labels.forEach((label, i) => {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'label';
      const chip = document.createElement('span'); chip.className = 'chip'; chip.style.background = colorOf(label);
      const k = document.createElement('kbd'); k.textContent = i < 9 ? String(i + 1) : '';
      b.append(chip, document.createTextNode(label), k);
      b.addEventListener('mousedown', (e) => e.preventDefault()); // keep the text selection
      b.addEventListener('click', () => apply(i));
      li.append(b);
      labelList.append(li);
    });
    spanList.textContent = '';
    spans.forEach((s, i) => {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'shape' + (i === selected ? ' selected' : '');
      b.setAttribute('aria-pressed', String(i === selected));
      const chip = document.createElement('span'); chip.className = 'chip'; chip.style.background = colorOf(s.label);
      b.append(chip, document.createTextNode(s.label + ' · “' + s.text + '”'));
      b.addEventListener('click', () => { selected = i; render(); });
      li.append(b);
      spanList.append(li);
    });
    count.textContent = String(spans.length);
  }

  /** The current text selection inside the box, as offsets, trimmed of spaces; or null. */
  function selection() {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    if (!box.contains(range.startContainer) || !box.contains(range.endContainer)) return null;
    const before = document.createRange();
    before.selectNodeContents(box);
    before.setEnd(range.startContainer, range.startOffset);
    let start = before.toString().length;
    let end = start + range.toString().length;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    return end > start ? { start, end } : null;
  }

  // The words selected last, for a label picked through the label search (focusing it moves the selection).
  let chosen = null;
  document.addEventListener('selectionchange', () => {
    const r = selection();
    if (r) chosen = r;
    else if (document.activeElement === box) chosen = null;
  });
  const fromSearch = () => {
    const a = document.activeElement;
    return a && (a.id === 'label-search' || (a.closest && a.closest('#labels')));
  };

  function apply(i) {
    if (i >= labels.length) return;
    const range = selection() || (fromSearch() ? chosen : null);
    chosen = null;
    if (range) {
      if (spans.some((s) => s.start < range.end && range.start < s.end)) {
        status('That text overlaps an entity already marked.');
        return;
      }
      save();
      spans.push({ id: uuid(), start: range.start, end: range.end, text: text.slice(range.start, range.end), label: labels[i] });
      window.getSelection().removeAllRanges();
      spans.sort((a, b) => a.start - b.start);
      selected = spans.findIndex((s) => s.start === range.start);
      status('Marked “' + text.slice(range.start, range.end) + '” as ' + labels[i] + '.');
    } else if (selected >= 0) {
      save();
      spans[selected].label = labels[i];
    }
    render();
  }

  function status(message) {
    const s = document.getElementById('status');
    if (s) s.textContent = message;
  }

  box.addEventListener('click', (e) => {
    const mark = e.target.closest('mark');
    if (mark && window.getSelection().isCollapsed) {
      selected = Number(mark.dataset.index);
      render();
    }
  });

  function onKey(e) {
    const k = e.key;
    const ctrl = e.ctrlKey || e.metaKey;
    if (ctrl && (k === 'z' || k === 'Z')) {
      if (e.shiftKey) { if (future.length) { history.push(JSON.stringify(spans)); spans = JSON.parse(future.pop()); } }
      else if (history.length) { future.push(JSON.stringify(spans)); spans = JSON.parse(history.pop()); }
      selected = -1;
      render();
      return true;
    }
    if (ctrl || e.altKey) return false;
    if (/^[1-9]$/.test(k)) { apply(Number(k) - 1); return true; }
    if ((k === 'Delete' || k === 'Backspace') && selected >= 0) {
      save();
      spans.splice(selected, 1);
      selected = -1;
      render();
      return true;
    }
    if (k === 'Tab' && spans.length) {
      selected = e.shiftKey ? (selected <= 0 ? spans.length - 1 : selected - 1) : (selected + 1) % spans.length;
      render();
      return true;
    }
    if (k === 'Escape') { selected = -1; render(); return true; }
    return false;
  }

  function serialize() {
    document.getElementById('response').value = JSON.stringify({
      annotations: spans.map((s) => ({ id: s.id, start: s.start, end: s.end, text: s.text, label: s.label })),
      relationships: [],
    });
    return true;
  }

  window.scaleEditor = { onKey, serialize, snapshot: () => ({ spans }) };
  render();
  if (window.scaleDraft) window.scaleDraft.baseline();
  box.dataset.ready = 'true';
})();
