/**
 * The gallery's own CSS and script: small, inline in this module, no external assets. The script
 * only does live reload (Server-Sent Events) and remembers the open tab across reloads; it never
 * touches the email, which lives in a sandboxed iframe without scripts.
 */

export const STYLES = `
:root { color-scheme: light; --ink: #16191f; --muted: #5f6b7a; --line: #d5dbdb; --bg: #f2f3f3; --accent: #0972d3; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: var(--bg); }
header.top { display: flex; gap: 16px; align-items: baseline; flex-wrap: wrap; padding: 12px 24px; background: #232f3e; color: #fff; }
header.top a { color: #fff; text-decoration: none; font-weight: 600; }
header.top .meta { color: #c6cdd5; font-size: 12px; }
main { padding: 16px 24px 48px; max-width: 1600px; margin: 0 auto; }
h1 { font-size: 20px; margin: 8px 0 4px; overflow-wrap: anywhere; }
h2 { font-size: 15px; margin: 24px 0 8px; }
a { color: var(--accent); }
table { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid var(--line); }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: anywhere; }
th { background: #fafafa; font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .03em; }
td.file, .file { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; color: var(--muted); }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 11px; font-weight: 700; letter-spacing: .03em; white-space: nowrap; background: #e9ebed; color: var(--ink); }
.sev-CRITICAL { background: #7d1a0f; color: #fff; } .sev-HIGH { background: #d13212; color: #fff; }
.sev-MEDIUM { background: #f89256; color: #16191f; } .sev-LOW { background: #f2d865; color: #16191f; }
.sev-INFORMATIONAL { background: #d1e4f6; color: #16191f; }
.kind-skipped { background: #e9ebed; color: var(--muted); } .kind-error { background: #fde8e4; color: #7d1a0f; }
.counts { color: var(--muted); margin: 4px 0 12px; }
.banner { border: 2px solid #d13212; background: #fff4f2; padding: 12px 16px; border-radius: 6px; }
.banner pre { margin: 8px 0 0; white-space: pre-wrap; }
pre { background: #fff; border: 1px solid var(--line); padding: 12px; overflow: auto; font: 12px/1.5 ui-monospace, Menlo, Consolas, monospace; white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
.subject { background: #fff; border: 1px solid var(--line); padding: 8px 12px; font-weight: 600; overflow-wrap: anywhere; }
.tabs > input { position: absolute; opacity: 0; pointer-events: none; }
.tabs > label { display: inline-block; padding: 6px 14px; margin-right: 2px; border: 1px solid var(--line); border-bottom: 0; border-radius: 6px 6px 0 0; background: #e9ebed; cursor: pointer; }
.tabs > input:checked + label { background: #fff; font-weight: 600; }
.tabs > input:focus-visible + label { outline: 2px solid var(--accent); }
.panel { display: none; border-top: 1px solid var(--line); padding-top: 12px; }
#tab-html:checked ~ .panel-html, #tab-text:checked ~ .panel-text, #tab-sns:checked ~ .panel-sns,
#tab-ses:checked ~ .panel-ses, #tab-headers:checked ~ .panel-headers { display: block; }
.frames { display: flex; gap: 16px; align-items: flex-start; flex-wrap: wrap; }
.frames figure { margin: 0; }
.frames figcaption { font-size: 12px; color: var(--muted); margin-bottom: 4px; }
iframe { border: 1px solid var(--line); background: #fff; height: 80vh; display: block; }
iframe.desktop { width: 720px; } iframe.mobile { width: 375px; }
nav.pager { display: flex; justify-content: space-between; margin: 8px 0; }
`;

/** Served as `/preview.js` (a file, so the page's CSP can forbid inline scripts). */
export const CLIENT_SCRIPT = `
(() => {
  const version = document.documentElement.dataset.version;
  const events = new EventSource('/events');
  events.addEventListener('version', (event) => {
    if (event.data !== version) location.reload();
  });
  const tab = location.hash.slice(1);
  const radio = tab ? document.getElementById('tab-' + tab) : null;
  if (radio) radio.checked = true;
  for (const input of document.querySelectorAll('.tabs > input')) {
    input.addEventListener('change', () => history.replaceState(null, '', '#' + input.id.slice(4)));
  }
})();
`;
