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
 * Until a frame has answered under its token, every load of it is followed up: a token set while
 * the frame's first load was under way can be lost, so the script sets it again (a few times at
 * most); one that answers 0 px while shown is hidden and shown again to lay it out, and asked
 * again after, hidden longer each time (decision 0004).
 * Call qdEmbedParent.scan() for frames added later. Docs: README "For editors".
 */
(function () {
  'use strict';
  // The running copy is kept under a symbol and the DOM's own methods are taken from their
  // prototypes: a host page's ids and names (<div id="qdEmbedParent">, <img name="querySelectorAll">)
  // shadow globals and document members, never these.
  var KEY = Symbol.for('qd-embed-parent');
  var running = window[KEY];
  if (running && typeof running.scan === 'function') return running.scan();
  var ATTR = 'data-qd-embed';
  /** how long a loaded frame has to answer under its token before it is given the token again */
  var ANSWER_MS = 1000;
  var MAX_RETRIES = 5;
  var doc = document;
  var D = Document.prototype;
  var E = Element.prototype;
  var on = EventTarget.prototype.addEventListener;
  function docGet(name) {
    return Object.getOwnPropertyDescriptor(D, name).get.call(doc);
  }
  function attr(el, name) {
    return E.getAttribute.call(el, name);
  }
  var s = docGet('currentScript');
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
  function ask(iframe) {
    if (iframe.contentWindow) iframe.contentWindow.postMessage('qd-embed:request-height', '*');
  }

  function setUp(el) {
    if (E.hasAttribute.call(el, ATTR + '-ready')) return;
    var iframe = el;
    if (Object.getOwnPropertyDescriptor(E, 'tagName').get.call(el) !== 'IFRAME') {
      var src = attr(el, ATTR);
      if (!onSite(src)) return;
      iframe = D.createElement.call(doc, 'iframe');
      iframe.src = src;
      iframe.title = attr(el, 'data-qd-title') || el.textContent.trim();
      iframe.setAttribute('sandbox', 'allow-scripts allow-popups allow-popups-to-escape-sandbox');
      iframe.setAttribute('loading', 'lazy');
      iframe.setAttribute('height', '640');
      iframe.style.cssText = 'display:block;width:100%;border:0';
    }
    if (!onSite(iframe.src)) return;
    E.setAttribute.call(el, ATTR + '-ready', '');
    var sandbox = iframe.getAttribute('sandbox');
    var f = {
      iframe: iframe,
      origin: sandbox !== null && !/(^|\s)allow-same-origin(\s|$)/.test(sandbox) ? 'null' : SITE,
      answered: false,
      retries: 0,
      unhides: 0,
      timer: 0,
    };
    // same address plus the token: an embed already shown sees only its fragment change
    function give() {
      f.token = newToken();
      f.src = withToken(iframe.src, f.token);
      f.answered = false;
      f.settled = false;
      f.retries = 0;
      if (f.src && iframe.src !== f.src) iframe.src = f.src;
    }
    // The frame's address is the attribute, not what it shows: a token set during its first
    // load may never have reached it. Setting the same address again is a fragment change for a
    // page that shows it without the token, and nothing at all for one that already has it.
    function followUp() {
      clearTimeout(f.timer);
      if (f.answered) return;
      ask(iframe);
      f.timer = setTimeout(function () {
        if (f.answered || f.retries >= MAX_RETRIES || !f.src || iframe.src !== f.src) return;
        f.retries++;
        iframe.src = f.src;
        followUp();
      }, ANSWER_MS);
    }
    f.followUp = followUp;
    give();
    frames.push(f);
    on.call(iframe, 'load', function () {
      // a new address from the host: a new token
      if (iframe.src !== f.src) give();
      f.settled = false;
      followUp();
    });
    if (iframe !== el) {
      el.textContent = '';
      el.appendChild(iframe);
    }
    ask(iframe);
  }

  function relayOut(f) {
    var n = ++f.unhides;
    var style = f.iframe.style;
    var display = style.getPropertyValue('display');
    var priority = style.getPropertyPriority('display');
    style.setProperty('display', 'none', 'important');
    setTimeout(function () {
      if (display) style.setProperty('display', display, priority);
      else style.removeProperty('display');
      // a frame too busy to be laid out while hidden still answers 0: asked, it is hidden longer
      setTimeout(function () {
        ask(f.iframe);
      }, ANSWER_MS);
    }, 50 * n);
  }

  function scan() {
    var found = D.querySelectorAll.call(doc, '[' + ATTR + ']');
    for (var i = 0; i < found.length; i++) setUp(found[i]);
  }

  on.call(window, 'message', function (e) {
    var d = e.data;
    if (!d || d.type !== 'qd-embed:height') return;
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (e.source !== f.iframe.contentWindow) continue;
      if (e.origin === f.origin && onSite(f.iframe.src) && typeof d.token === 'string' && d.token === f.token) {
        f.answered = true;
        clearTimeout(f.timer);
        var h = Number(d.height);
        // 0 px: not laid out. A hidden frame answers again once shown (decision 0004)
        if (h === 0) {
          if (E.getClientRects.call(f.iframe).length > 0 && f.unhides < MAX_RETRIES) relayOut(f);
          return;
        }
        if (isFinite(h)) f.iframe.style.height = Math.ceil(Math.min(10000, Math.max(50, h))) + 'px';
        // one more ask a second after the first answer of a load: an answer sent while the
        // frame was still being laid out (seen as 50 px for a 566 px chart) is then replaced
        if (!f.settled) {
          f.settled = true;
          setTimeout(function () {
            ask(f.iframe);
          }, ANSWER_MS);
        }
      }
      return;
    }
  });

  var api = Object.freeze({ scan: scan });
  Object.defineProperty(window, KEY, { value: api });
  // an own property of window, so it stands in front of any element of that id or name
  Object.defineProperty(window, 'qdEmbedParent', { value: api, configurable: true, writable: true });
  if (docGet('readyState') === 'loading') on.call(doc, 'DOMContentLoaded', scan);
  else scan();
})();
