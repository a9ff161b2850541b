// The live dashboard: the emulator sends "change" on /dashboard/events whenever what this page shows moved (on any
// node sharing the database); the page then fetches itself again and swaps its live part, without a reload.
(function () {
  'use strict';
  const status = document.getElementById('live-status');
  const live = document.getElementById('live');
  if (!status || !live || !window.EventSource) return;
  let fetching = false;
  let again = false;

  function say(text) { status.textContent = text; }

  function refresh() {
    if (fetching) { again = true; return; }
    fetching = true;
    fetch(window.location.href, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(String(r.status)))))
      .then((html) => {
        const fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('live');
        if (!fresh) return;
        // Keep the keyboard where it was when the element is still there (a Release button, a link).
        const focused = document.activeElement && live.contains(document.activeElement) ? document.activeElement : null;
        const key = focused ? (focused.id || focused.getAttribute('href') || focused.formAction) : null;
        live.replaceChildren(...fresh.childNodes);
        if (key) {
          const back = [...live.querySelectorAll('a, button')].find((el) => (el.id || el.getAttribute('href') || el.formAction) === key);
          if (back) back.focus();
        }
        live.dataset.updates = String(Number(live.dataset.updates || 0) + 1);
        say('Updated ' + new Date().toLocaleTimeString());
      })
      .catch(() => say('Could not refresh; retrying on the next change'))
      .finally(() => {
        fetching = false;
        if (again) { again = false; refresh(); }
      });
  }

  const events = new EventSource(status.dataset.events);
  let connected = false;
  events.addEventListener('ready', () => {
    say('Updates live');
    if (connected) refresh(); // back after a break: changes may have been missed
    connected = true;
  });
  events.addEventListener('change', refresh);
  events.onerror = () => say('Reconnecting to live updates…');
  window.addEventListener('pagehide', () => events.close());
})();
