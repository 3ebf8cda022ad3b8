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
 * obeyed only when its event.source is the window of an iframe this script manages AND its
 * origin is that iframe's origin as it was when the script took it over: the origin of its
 * src, or "null" when the iframe is sandboxed without allow-same-origin (a sandboxed frame
 * has an opaque origin). Every other message is ignored. The only thing the script sends the
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
  var SANDBOX = 'allow-scripts allow-popups allow-popups-to-escape-sandbox';
  var frames = [];

  function expectedOrigin(iframe) {
    var sandbox = iframe.getAttribute('sandbox');
    if (sandbox !== null && !/(^|\s)allow-same-origin(\s|$)/.test(sandbox)) return 'null';
    return new URL(iframe.src, location.href).origin;
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
    el.setAttribute(ATTR + '-ready', '');
    frames.push({ iframe: iframe, origin: expectedOrigin(iframe) });
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
      if (e.source !== f.iframe.contentWindow || e.origin !== f.origin) continue;
      var h = Number(d.height);
      if (h > 0 && h < 100000) f.iframe.style.height = Math.ceil(h) + 'px';
      return;
    }
  });

  window.qdEmbedParent = { scan: scan };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
})();
