// Shared behaviour of every page: the shortcut help dialog, Enter to submit, S to skip, 1-9 on choice forms.
// Editors (image.js, ner.js, segment.js) set window.scaleEditor = {onKey(event) -> handled, serialize() -> ok}.
(function () {
  'use strict';
  const help = document.getElementById('help');
  let lastFocus = null;

  function typing(target) {
    if (!target || !target.tagName) return false;
    const tag = target.tagName.toLowerCase();
    if (tag === 'textarea' || tag === 'select' || target.isContentEditable) return true;
    if (tag !== 'input') return false;
    return !['radio', 'checkbox', 'button', 'submit', 'hidden'].includes((target.type || '').toLowerCase());
  }

  function showHelp(show) {
    if (!help) return;
    if (show) {
      lastFocus = document.activeElement;
      help.hidden = false;
      const close = help.querySelector('[data-help-close]');
      if (close) close.focus();
    } else {
      help.hidden = true;
      if (lastFocus && lastFocus.focus) lastFocus.focus();
    }
  }

  document.addEventListener('click', (e) => {
    if (e.target.closest('[data-help]')) showHelp(true);
    if (e.target.closest('[data-help-close]') || e.target === help) showHelp(false);
  });

  const submitForm = document.getElementById('submit-form');

  // An attachment that fails to load (missing, or not an image): the page says so, submit is disabled, and
  // Report a problem opens with its reason chosen. Editors call window.scaleAssetBroken for their own images.
  function assetBroken(url) {
    const alert = document.getElementById('asset-alert');
    if (!alert || !submitForm || submitForm.dataset.broken === 'true') return;
    alert.textContent = 'The attachment could not be loaded, or is not an image (' + url + '). You cannot submit'
      + ' this task: report the problem below so a manager can fix it.';
    alert.hidden = false;
    submitForm.dataset.broken = 'true';
    const button = document.getElementById('submit');
    if (button) button.disabled = true;
    const problem = document.getElementById('problem');
    if (problem) problem.open = true;
    const reason = document.getElementById('problem-reason');
    if (reason) reason.value = 'broken_asset';
  }
  window.scaleAssetBroken = assetBroken;
  document.querySelectorAll('img.attachment, .compare img').forEach((img) => {
    if (img.complete && img.naturalWidth === 0) assetBroken(img.src);
    else img.addEventListener('error', () => assetBroken(img.src));
  });

  if (submitForm) {
    submitForm.addEventListener('submit', (e) => {
      if (submitForm.dataset.broken === 'true') {
        e.preventDefault();
        return;
      }
      const editor = window.scaleEditor;
      if (editor && editor.serialize && editor.serialize() === false) {
        e.preventDefault();
        return;
      }
      const status = document.getElementById('status');
      if (status) status.textContent = 'Submitting…';
    });
  }

  // Copy buttons (the page that keeps a refused answer).
  document.addEventListener('click', (e) => {
    const button = e.target.closest('[data-copy]');
    if (!button) return;
    const field = document.getElementById(button.dataset.copy);
    if (!field) return;
    field.select();
    const done = () => { button.textContent = 'Copied'; };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(field.value).then(done, () => { document.execCommand('copy'); done(); });
    } else {
      document.execCommand('copy');
      done();
    }
  });

  // The task's reservation is renewed while the page is open; if someone else got the task, the page says so.
  const lease = document.getElementById('lease');
  const csrfInput = document.querySelector('input[name="csrf"]');
  window.scaleCsrf = csrfInput ? csrfInput.value : '';
  if (lease) {
    const every = Math.max(5, Number(lease.dataset.seconds || 1800) / 3) * 1000;
    const renew = () => {
      const body = new URLSearchParams({ csrf: window.scaleCsrf });
      fetch(lease.dataset.url, { method: 'POST', body, credentials: 'same-origin' })
        .then((r) => r.json().then((j) => ({ ok: r.ok, j })))
        .then(({ ok, j }) => {
          const time = lease.querySelector('time');
          if (ok && time) { time.dateTime = j.expires_at; time.textContent = j.until; }
          const alert = document.getElementById('lease-alert');
          if (!ok && alert) { alert.textContent = j.message || 'Your reservation ended.'; alert.hidden = false; }
        })
        .catch(() => {});
    };
    window.scaleRenewLease = renew;
    setInterval(renew, every);
  }

  // Drafts: the screen's state is saved to the server as the person works (debounced), restored when the task
  // is opened again (any device, after signing in again), and guarded by a leave-page warning until saved.
  // Editors with a canvas or text state offer snapshot() and read window.scaleDraftRestored.editor at start;
  // form fields are saved and restored here. Editors call scaleDraft.changed() and scaleDraft.baseline().
  const draftBlock = document.getElementById('draft');
  const restored = draftBlock ? JSON.parse(draftBlock.textContent) : null;
  window.scaleDraftRestored = restored;
  const draftStatus = document.getElementById('draft-status');
  const draftUrl = lease && submitForm ? lease.dataset.url.replace(/\/lease$/, '/draft') : null;
  let lastSaved = null;
  let draftTimer = null;
  let leaving = false;

  function snapshot() {
    const editor = window.scaleEditor;
    const own = !!(editor && editor.snapshot);
    const fields = [];
    new FormData(submitForm).forEach((value, name) => {
      if (name === 'csrf' || (own && name === 'response') || typeof value !== 'string') return;
      fields.push([name, value]);
    });
    return JSON.stringify({ editor: own ? editor.snapshot() : null, fields });
  }

  function restoreFields(fields) {
    const byName = {};
    (fields || []).forEach(([name, value]) => { (byName[name] = byName[name] || []).push(value); });
    Object.keys(byName).forEach((name) => {
      submitForm.querySelectorAll('[name="' + CSS.escape(name) + '"]').forEach((el) => {
        if (el.type === 'checkbox' || el.type === 'radio') el.checked = byName[name].includes(el.value);
        else if (el.type !== 'hidden' && byName[name].length) el.value = byName[name].shift();
      });
    });
  }

  function setDraftStatus(text) {
    if (draftStatus) draftStatus.textContent = text;
  }

  function saveDraft(beacon) {
    draftTimer = null;
    if (!draftUrl || leaving) return;
    const snap = snapshot();
    if (snap === lastSaved) return;
    const body = new URLSearchParams({ csrf: window.scaleCsrf, draft: snap });
    if (beacon) {
      if (navigator.sendBeacon(draftUrl, body)) lastSaved = snap;
      return;
    }
    setDraftStatus('Saving draft…');
    fetch(draftUrl, { method: 'POST', body, credentials: 'same-origin' })
      .then((r) => r.json().then((j) => ({ ok: r.ok, j })))
      .then(({ ok, j }) => {
        if (ok) {
          lastSaved = snap;
          setDraftStatus('Draft saved');
        } else {
          setDraftStatus('Draft not saved');
          const alert = document.getElementById('lease-alert');
          if (alert && j.message) { alert.textContent = j.message; alert.hidden = false; }
        }
      })
      .catch(() => setDraftStatus('Draft not saved: the emulator did not answer'));
  }

  window.scaleDraft = {
    changed() {
      if (!draftUrl) return;
      if (draftTimer) clearTimeout(draftTimer);
      draftTimer = setTimeout(() => saveDraft(false), 400);
    },
    baseline() { if (draftUrl) lastSaved = snapshot(); },
    unsaved() { return !!draftUrl && snapshot() !== lastSaved; },
  };
  if (draftUrl) {
    if (restored) {
      restoreFields(restored.fields);
      setDraftStatus(restored.previous ? 'Your previous answer is loaded' : 'Draft restored');
    }
    if (!document.getElementById('editor-config')) window.scaleDraft.baseline();
    submitForm.addEventListener('input', window.scaleDraft.changed);
    submitForm.addEventListener('change', window.scaleDraft.changed);
    // Leaving on purpose (submit, skip, report) needs no warning.
    document.addEventListener('submit', (e) => { if (!e.defaultPrevented) leaving = true; });
    window.addEventListener('beforeunload', (e) => {
      if (leaving || !window.scaleDraft.unsaved()) return;
      e.preventDefault();
      e.returnValue = '';
    });
    // Leaving anyway (or closing the tab): the last changes go out with the page.
    window.addEventListener('pagehide', () => {
      if (!leaving && window.scaleDraft.unsaved()) saveDraft(true);
    });
  }

  // Label search: screens with more than nine labels get a filter box above the list (/ reaches it). Editors
  // re-render their list as the person works, so the filter is applied again whenever the list changes. The
  // number keys keep their labels whatever is filtered.
  const labelSearch = document.getElementById('label-search');
  const labelList = document.getElementById('labels');
  if (labelSearch && labelList) {
    const countText = document.getElementById('label-search-count');
    const nameOf = (li) => [...(li.querySelector('button') || li).childNodes]
      .filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').toLowerCase();
    const visible = () => [...labelList.querySelectorAll('li:not([hidden]) button')];
    const filter = () => {
      const q = labelSearch.value.trim().toLowerCase();
      const items = labelList.querySelectorAll('li');
      let shown = 0;
      items.forEach((li) => {
        li.hidden = q !== '' && !nameOf(li).includes(q);
        if (!li.hidden) shown++;
      });
      if (countText) countText.textContent = q ? shown + ' of ' + items.length + ' labels match' : '';
    };
    new MutationObserver(filter).observe(labelList, { childList: true });
    labelSearch.addEventListener('input', filter);
    const leave = () => { labelSearch.value = ''; filter(); };
    labelSearch.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault(); // never submits the task
        e.stopPropagation();
        const first = visible()[0];
        if (first) { first.click(); leave(); }
      } else if (e.key === 'ArrowDown') {
        e.preventDefault();
        const first = visible()[0];
        if (first) first.focus();
      } else if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        leave();
        const back = document.getElementById('canvas') || document.getElementById('ner-text');
        if (back) back.focus();
      }
    });
    // Up and down move through the matches; a click (or Enter) on one picks it and clears the filter.
    labelList.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      const list = visible();
      const at = list.indexOf(document.activeElement);
      if (at < 0) return;
      e.preventDefault();
      e.stopPropagation();
      if (e.key === 'ArrowUp' && at === 0) labelSearch.focus();
      else if (list[at + (e.key === 'ArrowDown' ? 1 : -1)]) list[at + (e.key === 'ArrowDown' ? 1 : -1)].focus();
    });
    labelList.addEventListener('click', (e) => { if (labelSearch.value && e.target.closest('button')) leave(); });
  }

  document.addEventListener('keydown', (e) => {
    if (help && !help.hidden) {
      if (e.key === 'Escape' || e.key === '?') {
        e.preventDefault();
        showHelp(false);
      } else if (e.key === 'Tab') {
        e.preventDefault(); // keep focus inside the dialog: its only control is Close
      }
      return;
    }
    if (typing(e.target)) {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && submitForm) {
        e.preventDefault();
        submitForm.requestSubmit();
      }
      return;
    }
    if (e.key === '?') {
      e.preventDefault();
      showHelp(true);
      return;
    }
    if (e.key === '/' && labelSearch && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      labelSearch.focus();
      return;
    }
    const editor = window.scaleEditor;
    if (editor && editor.onKey && editor.onKey(e)) {
      e.preventDefault();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Enter' && submitForm && !(e.target.closest && e.target.closest('a, button'))) {
      e.preventDefault();
      submitForm.requestSubmit();
    } else if ((e.key === 's' || e.key === 'S') && document.getElementById('skip-form')) {
      e.preventDefault();
      document.getElementById('skip-form').submit();
    } else if (/^[1-9]$/.test(e.key) && submitForm) {
      const inputs = submitForm.querySelectorAll('fieldset.choices input');
      const input = inputs[Number(e.key) - 1];
      if (input) {
        e.preventDefault();
        input.checked = input.type === 'checkbox' ? !input.checked : true;
        input.focus();
      }
    }
  });
})();
