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
  if (submitForm) {
    submitForm.addEventListener('submit', (e) => {
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
