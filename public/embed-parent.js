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
 * The embed posts { type: "qd-embed:height", height: <CSS px> } to its parent. A message is
 * obeyed only when
 *  - its event.source is the window of an iframe this script manages, and the iframe's src is
 *    on the site this script comes from (frames of other sites are never taken over);
 *  - its origin is the site's origin, or "null" when the iframe is sandboxed without
 *    allow-same-origin (a sandboxed frame has an opaque origin);
 *  - the frame still shows the page it was given: once the frame has loaded a second
 *    document (a link followed inside it, a redirect), it could be any site's, and its
 *    messages are ignored until its src is set again.
 * Heights are clamped to 50–10000 px. Every other message is ignored. The only thing the script sends the
 * embed is the string "qd-embed:request-height", when it takes over an iframe that may have
 * loaded (and reported its height) before the script ran.
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

  function setUp(el) {
    if (el.hasAttribute(ATTR + '-ready')) return;
    var iframe = el;
    if (el.tagName !== 'IFRAME') {
      iframe = document.createElement('iframe');
      iframe.src = new URL(el.getAttribute(ATTR), location.href).href;
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
    // A frame that loads more documents than the one it was given may show any site by now.
    // A frame the script creates has that first load ahead of it; so has a given frame while
    // the host page is still loading (its load event waits for its frames). A lazy frame given
    // after that is assumed not to have loaded yet: the one case this cannot tell apart.
    var pending = iframe !== el || document.readyState !== 'complete' || iframe.getAttribute('loading') === 'lazy';
    var f = { iframe: iframe, origin: expectedOrigin(iframe), src: iframe.src, loads: 0, allowed: pending ? 1 : 0 };
    frames.push(f);
    iframe.addEventListener('load', function () {
      if (iframe.src !== f.src) {
        // the host set a new address: that is the page the frame is given now
        f.src = iframe.src;
        f.loads = 0;
        f.allowed = 1;
      }
      f.loads++;
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
      if (f.loads > f.allowed) return;
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
