// Boots the hubquote web app: loads the wasm-bindgen glue, instantiates the wasm, and
// mounts one independent instance into each `[data-hubquote]` element (and the older
// `<div id="hubquote">`) present on the page at that moment. A host that adds an
// element later mounts it with `mount(el)`, exported here:
//   import { mount } from '…/public/boot.js'; await mount(el);
// An external module, not an inline script, so that the page works under
// `script-src 'self' 'wasm-unsafe-eval'`.
import init, { mount as mountWasm } from '../pkg/hubquote.js';

const MARKED = '[data-hubquote], #hubquote';

/** Adds the styles the first view does not need (the forms, the quote's details,
 *  presentation mode, print: `app-later.css`, beside this file) once the first frame is
 *  painted, once per page: the first view waits for none of it. */
function addLaterStyles() {
  requestAnimationFrame(() => setTimeout(() => {
    if (document.querySelector('link[data-hubquote-later]')) return;
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL('app-later.css', import.meta.url).href;
    link.setAttribute('data-hubquote-later', '');
    document.head.append(link);
  }));
}

/** Resolves to true once the wasm is running and every element present then is
 *  mounted (false if the wasm could not start: each element says so). */
export const ready = init().then(
  () => {
    const found = document.querySelectorAll(MARKED);
    if (!found.length) console.error('hubquote: no [data-hubquote] element (or #hubquote) to mount the app into');
    found.forEach((el) => mountWasm(el));
    if (found.length) addLaterStyles();
    return true;
  },
  (err) => {
    console.error('hubquote failed to start:', err);
    for (const root of document.querySelectorAll(MARKED)) {
      const p = document.createElement('p');
      p.setAttribute('role', 'alert');
      p.textContent = 'hubquote could not start in this browser (WebAssembly failed to load). ' +
        'Please reload, or try a current browser.';
      root.replaceChildren(p);
    }
    return false;
  },
);

/** Mounts an instance into `el` (an element added after the page loaded), once. */
export async function mount(el) {
  if (await ready) {
    mountWasm(el);
    addLaterStyles();
  }
}
