/*
 * Chỉ tiêu CĐCS: the start-up shell's only script, inlined into taskpane.html (its SHA-256 is in
 * the page's Content-Security-Policy, computed by webpack.config.js from this file).
 *
 * The page shows the pane's frame and "Đang tải…" from static HTML before office.js and the
 * bundle load. This script gives that wait a limit: if the bundle has not taken over the page
 * (window.chitieuStartup.started()) within LOAD_TIMEOUT_MS, or one of our scripts fails to parse
 * (an older WebView meeting newer syntax never recovers), the shell says what to check. It keeps
 * waiting: a bundle that arrives late still takes over.
 *
 * Hand-written ES5 (no const, arrows or classes) so that any WebView Office has ever used can run
 * it, including ones too old for the bundle, which is exactly when its message matters.
 */
(function () {
  'use strict';
  /** office.js and the bundle (about 200 KB compressed) both have to arrive: 15 s on a slow link. */
  var LOAD_TIMEOUT_MS = 15000;
  var started = false;

  function byId(id) {
    return document.getElementById(id);
  }

  /** Shows the help; `reason` is 'timeout' or 'script-error' (kept on the shell for tests and styles). */
  function showHelp(reason) {
    var shell = byId('startup');
    if (started || !shell) return;
    shell.setAttribute('data-state', reason);
    var status = byId('startup-status');
    if (status) status.textContent = reason === 'script-error' ? 'Trình duyệt của Excel không chạy được ngăn Chỉ tiêu CĐCS.' : 'Ngăn Chỉ tiêu CĐCS chưa mở được sau ' + LOAD_TIMEOUT_MS / 1000 + ' giây.';
    var help = byId('startup-help');
    if (help) help.removeAttribute('hidden');
  }

  var timer = setTimeout(function () {
    showHelp('timeout');
  }, LOAD_TIMEOUT_MS);

  window.addEventListener('error', function (event) {
    var message = (event && event.message) || '';
    if (!started && (/SyntaxError/.test(message) || (typeof SyntaxError !== 'undefined' && event.error instanceof SyntaxError))) {
      showHelp('script-error');
    }
  });

  window.chitieuStartup = {
    timeoutMs: LOAD_TIMEOUT_MS,
    /** The bundle has rendered its own frame: the static shell goes, and so does its timer. */
    started: function () {
      started = true;
      clearTimeout(timer);
      var shell = byId('startup');
      if (shell && shell.parentNode) shell.parentNode.removeChild(shell);
    },
  };
})();
