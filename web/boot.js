// Boots Spoc's browser client: checks that the browser can run it (WebAssembly, WebGL 2),
// downloads spoc.wasm and the fonts in parallel with a progress bar, then starts spoc.js.
// The loading screen stays up until the first frame is drawn (Module.spocReady); anything that
// stops the start-up ends on the error screen (Module.spocFatal). No inline script: CSP-friendly.
(function () {
  'use strict';

  var loader = document.getElementById('loader');
  var fill = document.getElementById('loader-fill');
  var statusText = document.getElementById('loader-status');
  var failed = false;

  var CANT_RUN = "Your browser can't run Spoc: ";

  function fatal(message) {
    if (failed) return;
    failed = true;
    var title = "Spoc couldn't start";
    if (message.indexOf(CANT_RUN) === 0) {
      title = "Your browser can't run Spoc";
      message = message.substring(CANT_RUN.length);
      message = message.charAt(0).toUpperCase() + message.substring(1);
    }
    document.getElementById('fatal-title').textContent = title;
    document.getElementById('fatal-message').textContent = message;
    document.getElementById('fatal').hidden = false;
    loader.classList.add('gone');
    document.title = title + ' \u00b7 Spoc';
  }
  document.getElementById('fatal-reload').addEventListener('click', function () { window.location.reload(); });

  // ---- Can this browser run Spoc? ------------------------------------------------------------
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    fatal(CANT_RUN + 'it does not support WebAssembly. Update it, or try another browser.');
    return;
  }
  var probe = null;
  try { probe = document.createElement('canvas').getContext('webgl2'); } catch (e) { probe = null; }
  if (!probe) {
    fatal(CANT_RUN + 'WebGL 2 is not available. Turn on hardware acceleration in the browser settings, or try another browser.');
    return;
  }
  var lose = probe.getExtension('WEBGL_lose_context');
  if (lose) lose.loseContext();

  // ---- Downloads with progress ----------------------------------------------------------------
  var expected = { wasm: 1000000, fonts: 900000 };  // refined from Content-Length as answers arrive
  var received = { wasm: 0, fonts: 0, late: 0 };  // late: downloads the first frame doesn't wait for
  function showProgress() {
    var total = expected.wasm + expected.fonts;
    var done = Math.min(received.wasm, expected.wasm) + Math.min(received.fonts, expected.fonts);
    var pct = Math.max(4, Math.min(96, Math.round(100 * done / total)));
    fill.style.width = pct + '%';
    fill.parentNode.setAttribute('aria-valuenow', String(pct));
  }

  // Resolves to a Uint8Array; `bucket` names the progress share it counts towards.
  function download(url, bucket, sizeHint) {
    return fetch(url, { credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) throw new Error(url + ' answered ' + response.status);
      var length = Number(response.headers.get('Content-Length')) || sizeHint;
      if (bucket === 'wasm') expected.wasm = length;
      if (!response.body || !response.body.getReader) {
        return response.arrayBuffer().then(function (b) { received[bucket] += b.byteLength; showProgress(); return new Uint8Array(b); });
      }
      var reader = response.body.getReader();
      var chunks = [];
      var size = 0;
      function pump() {
        return reader.read().then(function (step) {
          if (step.done) {
            var out = new Uint8Array(size);
            var at = 0;
            for (var i = 0; i < chunks.length; i++) { out.set(chunks[i], at); at += chunks[i].length; }
            return out;
          }
          chunks.push(step.value);
          size += step.value.length;
          received[bucket] += step.value.length;
          showProgress();
          return pump();
        });
      }
      return pump();
    });
  }

  // Fonts: Inter for text; DejaVu Sans for symbols, Greek and Cyrillic, and as the fallback face.
  // The first frame waits only for Inter (Module.spocFonts.done), so text never flashes in another
  // face; DejaVu is merged in when it arrives. If Inter can't be had, the first frame waits for DejaVu.
  var FONTS = ['fonts/Inter-Regular.otf', 'fonts/Inter-SemiBold.otf', 'fonts/DejaVuSans.ttf'];
  var SIZES = [310000, 320000, 760000];
  var fonts = { done: false, files: [null, null, null] };
  expected.fonts = SIZES[0] + SIZES[1];
  function fetchFont(i, bucket) {
    return download(FONTS[i], bucket, SIZES[i]).then(function (bytes) { fonts.files[i] = bytes; }, function (e) {
      console.warn('Spoc: font ' + FONTS[i] + ' is unavailable (' + e.message + ')');
    });
  }
  var fallbackFont = fetchFont(2, 'late').then(function () { if (Module.spocWake) Module.spocWake(); });
  Promise.all([fetchFont(0, 'fonts'), fetchFont(1, 'fonts')]).then(function () {
    return fonts.files[0] ? null : fallbackFont;
  }).then(function () {
    fonts.done = true;
    if (wasmReady) statusText.textContent = 'Starting\u2026';
    if (Module.spocWake) Module.spocWake();
  });
  var wasmReady = false;

  // ---- Emscripten module ----------------------------------------------------------------------
  var Module = window.Module = {
    canvas: document.getElementById('canvas'),
    spocFonts: fonts,
    print: function (text) { console.log(text); },
    printErr: function (text) { console.warn(text); },
    locateFile: function (path) { return path; },
    instantiateWasm: function (imports, receiveInstance) {
      download('spoc.wasm', 'wasm', 1000000)
        .then(function (bytes) {
          wasmReady = true;
          statusText.textContent = fonts.done ? 'Starting\u2026' : 'Loading fonts\u2026';
          return WebAssembly.instantiate(bytes, imports);
        })
        .then(function (result) { receiveInstance(result.instance, result.module); })
        .catch(function (e) {
          var msg = String(e && e.message || e);
          if (/CompileError|LinkError|Content Security Policy|wasm-unsafe-eval/i.test(msg))
            fatal(CANT_RUN + 'it refused to start Spoc\u2019s WebAssembly program (' + msg + ').');
          else
            fatal('Spoc\u2019s program could not be downloaded (' + msg + '). Check your connection and reload the page.');
        });
      return {};
    },
    onAbort: function (what) { fatal('Spoc stopped unexpectedly (' + what + '). Reload the page to start again.'); },
    spocFatal: fatal,
    spocReady: function () {
      fill.style.width = '100%';
      loader.classList.add('gone');
      setTimeout(function () { loader.hidden = true; }, 300);
      document.getElementById('canvas').focus({ preventScroll: true });
    }
  };

  window.addEventListener('error', function (event) {
    if (event && event.message && /spoc|wasm|Module/i.test(String(event.filename || '') + event.message) && !loader.hidden)
      fatal('Spoc stopped while starting (' + event.message + '). Reload the page to try again.');
  });

  // A kiosk or a board keeps working with the server down: the service worker (sw.js) keeps the
  // app and its fonts. Only these devices register it; a person's browser never does.
  if ('serviceWorker' in navigator && /^#\/(kiosk|board)(\/|$)/.test(window.location.hash)) {
    navigator.serviceWorker.register('sw.js').catch(function (e) {
      console.warn('Spoc: offline mode is unavailable (' + e.message + ')');
    });
  }

  var script = document.createElement('script');
  script.src = 'spoc.js';
  script.async = true;
  script.onerror = function () { fatal('Spoc\u2019s program (spoc.js) could not be downloaded. Check your connection and reload the page.'); };
  document.body.appendChild(script);
})();
