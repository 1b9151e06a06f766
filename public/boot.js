// Boots the hubquote web app: loads the wasm-bindgen glue and instantiates the wasm, whose
// start function mounts the app into #hubquote. An external module, not an inline script,
// so that the page works under `script-src 'self' 'wasm-unsafe-eval'`.
import init from '../pkg/hubquote.js';

init().catch((err) => {
  console.error('hubquote failed to start:', err);
  const root = document.getElementById('hubquote');
  if (root) {
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent = 'hubquote could not start in this browser (WebAssembly failed to load). ' +
      'Please reload, or try a current browser.';
    root.replaceChildren(p);
  }
});
