/*!
 * embed-parent.js — resizes embedded charts of 青岛招商六年 to their content height.
 *
 * Use either form on the host page, then load this script once (async is fine):
 *
 *   <iframe data-qd-embed src="https://SITE/embed/CHART/" title="…" width="100%" height="640"
 *     style="border:0;width:100%" loading="lazy"
 *     sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe>
 *
 *   <div data-qd-embed="https://SITE/embed/CHART/"><a href="https://SITE/charts/CHART/">title</a></div>
 *     (the script replaces the div's content with a sandboxed iframe; the link is the fallback
 *     where scripts do not run; data-qd-title sets the frame's title, else the link text)
 *
 *   <script async src="https://SITE/embed-parent.js"></script>
 *
 * The embed posts { type: "qd-embed:height", height: <CSS px>, token } to its parent. A message
 * is obeyed only when
 *  - its event.source is the window of an iframe this script manages, and the iframe's src is
 *    on the site this script comes from (frames of other sites are never taken over);
 *  - its origin is the site's origin, or "null" when the iframe is sandboxed without
 *    allow-same-origin (a sandboxed frame has an opaque origin, whatever it shows);
 *  - it carries the token this script put in the frame's address as #qd-embed=<token>: the
 *    frame still shows the page it was given. A page the frame navigates to by itself (a link
 *    followed inside it, a redirect) is never told the token, since a fragment travels in no
 *    request and no referrer, so its messages are ignored, even those it posts before its
 *    load event, until the host sets the frame's src again.
 * Heights are clamped to 50–10000 px. Every other message is ignored. Taking over a frame
 * written into the page sets its src to the same address plus the token (the embed, already
 * there, only sees its fragment change); the only message the script sends the embed is the
 * string "qd-embed:request-height", for a frame that may have reported its height before.
 *
 * Frames added later (by a CMS) are picked up by calling window.qdEmbedParent.scan().
 * Pages that already use pym.js need not load this: the embed speaks pym's protocol too.
 *
 * ?theme=light|dark on the embed address fixes its palette; ?lang= picks its language.
 */
(function () {
  'use strict';
  if (window.qdEmbedParent) {
    window.qdEmbedParent.scan();
    return;
  }
  var ATTR = 'data-qd-embed';
  var MIN_HEIGHT = 50;
  var MAX_HEIGHT = 10000;
  var script = document.currentScript;
  // the site is where this script was loaded from; a copy served elsewhere trusts its own host
  var SITE = new URL(script && script.src ? script.src : location.href).origin;
  var SANDBOX = 'allow-scripts allow-popups allow-popups-to-escape-sandbox';
  var frames = [];

  function expectedOrigin(iframe) {
    var sandbox = iframe.getAttribute('sandbox');
    if (sandbox !== null && !/(^|\s)allow-same-origin(\s|$)/.test(sandbox)) return 'null';
    return SITE;
  }

  function onSite(src) {
    try {
      return new URL(src, location.href).origin === SITE;
    } catch (err) {
      return false;
    }
  }

  function newToken() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    var hex = '';
    for (var i = 0; i < bytes.length; i++) hex += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    return hex;
  }

  /** the address with the frame's token as its fragment, or undefined for an invalid address */
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
    var token = newToken();
    if (el.tagName !== 'IFRAME') {
      var src = withToken(el.getAttribute(ATTR), token);
      if (!src || !onSite(src)) return;
      iframe = document.createElement('iframe');
      iframe.src = src;
      iframe.title = el.getAttribute('data-qd-title') || el.textContent.trim();
      iframe.setAttribute('sandbox', SANDBOX);
      iframe.setAttribute('loading', 'lazy');
      iframe.setAttribute('height', '640');
      iframe.style.cssText = 'display:block;width:100%;border:0';
      el.textContent = '';
      el.appendChild(iframe);
    }
    if (!onSite(iframe.src)) return;
    el.setAttribute(ATTR + '-ready', '');
    var f = { iframe: iframe, origin: expectedOrigin(iframe), token: token, src: '' };
    frames.push(f);
    // A frame written into the page gets the token now: the same address, so the embed already
    // in it stays and sees only its fragment change (and reports its height again).
    function give() {
      var tokened = withToken(iframe.src, f.token);
      f.src = tokened || '';
      if (tokened && iframe.src !== tokened) iframe.src = tokened;
    }
    give();
    iframe.addEventListener('load', function () {
      // the host set a new address: that is the page the frame is given now, with a new token
      if (iframe.src !== f.src) {
        f.token = newToken();
        give();
      }
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
      if (e.origin !== f.origin || !onSite(f.iframe.src)) return;
      if (typeof d.token !== 'string' || d.token !== f.token) return;
      var h = Number(d.height);
      if (!isFinite(h)) return;
      f.iframe.style.height = Math.ceil(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, h))) + 'px';
      return;
    }
  });

  window.qdEmbedParent = { scan: scan };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
})();
