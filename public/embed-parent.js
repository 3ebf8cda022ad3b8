/*!
 * embed-parent.js: sizes embedded charts of 青岛招商六年 to their content. On the host page:
 *   <iframe data-qd-embed src="https://SITE/embed/CHART/" title="…" height="640"
 *     style="border:0;width:100%" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe>
 * or <div data-qd-embed="https://SITE/embed/CHART/"><a href="https://SITE/charts/CHART/">title</a></div>
 * (replaced by a sandboxed iframe), then <script async src="https://SITE/embed-parent.js"></script>.
 * A { type: "qd-embed:height", height, token } message is obeyed only if its event.source is a
 * frame this script manages with a src on SITE (where the script comes from), its origin is SITE
 * (or "null" if sandboxed), and it carries the random token the script put in the frame's address
 * (#qd-embed=…): a page the frame navigates to never learns it. Heights are clamped to 50–10000 px.
 * Call qdEmbedParent.scan() for frames added later. Docs: README "For editors".
 */
(function () {
  'use strict';
  if (window.qdEmbedParent) return window.qdEmbedParent.scan();
  var ATTR = 'data-qd-embed';
  var s = document.currentScript;
  var SITE = new URL(s && s.src ? s.src : location.href).origin;
  var frames = [];

  function onSite(src) {
    try {
      return new URL(src, location.href).origin === SITE;
    } catch (err) {
      return false;
    }
  }
  function newToken() {
    var b = crypto.getRandomValues(new Uint8Array(16)), t = '';
    for (var i = 0; i < b.length; i++) t += (b[i] + 256).toString(16).slice(1);
    return t;
  }
  function withToken(src, token) {
    try {
      var u = new URL(src, location.href);
      u.hash = 'qd-embed=' + token;
      return u.href;
    } catch (err) {
      return undefined;
    }
  }

  function setUp(el) {
    if (el.hasAttribute(ATTR + '-ready')) return;
    var iframe = el;
    if (el.tagName !== 'IFRAME') {
      var src = el.getAttribute(ATTR);
      if (!onSite(src)) return;
      iframe = document.createElement('iframe');
      iframe.src = src;
      iframe.title = el.getAttribute('data-qd-title') || el.textContent.trim();
      iframe.setAttribute('sandbox', 'allow-scripts allow-popups allow-popups-to-escape-sandbox');
      iframe.setAttribute('loading', 'lazy');
      iframe.setAttribute('height', '640');
      iframe.style.cssText = 'display:block;width:100%;border:0';
      el.textContent = '';
      el.appendChild(iframe);
    }
    if (!onSite(iframe.src)) return;
    el.setAttribute(ATTR + '-ready', '');
    var sandbox = iframe.getAttribute('sandbox');
    var f = { iframe: iframe, origin: sandbox !== null && !/(^|\s)allow-same-origin(\s|$)/.test(sandbox) ? 'null' : SITE };
    // same address plus the token: an embed already shown sees only its fragment change
    function give() {
      f.token = newToken();
      f.src = withToken(iframe.src, f.token);
      if (f.src && iframe.src !== f.src) iframe.src = f.src;
    }
    give();
    frames.push(f);
    // a new address from the host: a new token
    iframe.addEventListener('load', function () {
      if (iframe.src !== f.src) give();
    });
    if (iframe.contentWindow) iframe.contentWindow.postMessage('qd-embed:request-height', '*');
  }

  function scan() {
    var found = document.querySelectorAll('[' + ATTR + ']');
    for (var i = 0; i < found.length; i++) setUp(found[i]);
  }

  window.addEventListener('message', function (e) {
    var d = e.data;
    if (!d || d.type !== 'qd-embed:height') return;
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (e.source !== f.iframe.contentWindow) continue;
      var h = Number(d.height);
      if (e.origin === f.origin && onSite(f.iframe.src) && typeof d.token === 'string' && d.token === f.token && isFinite(h)) {
        f.iframe.style.height = Math.ceil(Math.min(10000, Math.max(50, h))) + 'px';
      }
      return;
    }
  });

  window.qdEmbedParent = { scan: scan };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
})();
