// <dispatches-explorer>: Dispatches as a custom element on any page.
//
//   <script type="module" src="https://example.org/explorer/embed.js"></script>
//   <dispatches-explorer query="Aleppo" source="TIME" theme="auto" compact></dispatches-explorer>
//
// The app renders inside the element's shadow root: the host page's CSS does not reach it
// and its CSS does not leak out. It loads the app's JS, wasm and CSS from the folder this
// file is served from (same origin as the page, or with CORS headers).
//
// Attributes: query (initial search), source (outlet filter; several outlets separated by
// commas), theme (light | dark | auto), compact (boolean), url-state (boolean: keep the
// explorer's state in the page's address; only one element per page can, a second one says
// so and works without it). Changing query, source, compact or url-state restarts the
// explorer with the new values; theme applies at once.
//
// scripts/postbuild.mjs fills in this build's file names below.
const ASSETS = /* __DISPATCHES_ASSETS__ */ { build: 'dev', js: 'dispatches-app.js', wasm: 'dispatches-app_bg.wasm', css: [] };
const BASE = new URL('.', import.meta.url);
const TAG = 'dispatches-explorer';

let app = null;
function loadApp() {
  // One wasm instance serves every element on the page.
  app ??= import(new URL(ASSETS.js, BASE).href).then(async (module) => {
    await module.default({ module_or_path: new URL(ASSETS.wasm, BASE) });
    return module;
  });
  return app;
}

// The element that keeps its state in the page's URL, if any.
let urlStateOwner = null;

const bool = (value) => value !== null && value !== 'false' && value !== '0';

class DispatchesExplorer extends HTMLElement {
  static observedAttributes = ['query', 'source', 'theme', 'compact', 'url-state'];

  #root = null;
  #note = null;
  #explorer = null;
  #pending = null;
  #styles = null;

  #setup() {
    if (this.#root) return;
    const shadow = this.attachShadow({ mode: 'open' });
    const links = ASSETS.css.map((name) => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = new URL(name, BASE).href;
      return link;
    });
    this.#styles = Promise.all(links.map((link) => new Promise((resolve) => {
      link.addEventListener('load', resolve, { once: true });
      link.addEventListener('error', resolve, { once: true });
    })));
    this.#note = document.createElement('p');
    this.#note.className = 'dx-note';
    this.#note.setAttribute('role', 'note');
    this.#note.hidden = true;
    this.#root = document.createElement('div');
    this.#root.className = 'dx-root';
    this.#root.lang = 'en';
    this.#root.setAttribute('part', 'root');
    this.#root.dataset.theme = this.#theme();
    shadow.append(...links, this.#root);
    this.#root.before(this.#note);
  }

  #theme() {
    const t = (this.getAttribute('theme') || '').toLowerCase();
    return t === 'light' || t === 'dark' ? t : 'auto';
  }

  #say(text) {
    this.#note.textContent = text;
    this.#note.hidden = !text;
  }

  connectedCallback() {
    this.#setup();
    this.#schedule();
  }

  disconnectedCallback() {
    this.#unmount();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (!this.#root || oldValue === newValue) return;
    if (name === 'theme') {
      this.#root.dataset.theme = this.#theme();
      return;
    }
    if (this.isConnected) this.#schedule();
  }

  // Mounts (or remounts) once per task, whatever the number of attribute changes.
  #schedule() {
    if (this.#pending) return;
    this.#pending = Promise.resolve().then(() => this.#mount()).finally(() => { this.#pending = null; });
  }

  #unmount() {
    if (this.#explorer) {
      this.#explorer.destroy();
      this.#explorer.free();
      this.#explorer = null;
    }
    if (urlStateOwner === this) urlStateOwner = null;
  }

  async #mount() {
    this.#unmount();
    if (!this.isConnected) return;
    let urlState = bool(this.getAttribute('url-state'));
    let note = '';
    if (urlState) {
      if (urlStateOwner && urlStateOwner !== this && urlStateOwner.isConnected) {
        urlState = false;
        note = 'This explorer does not keep its state in the page address: another explorer on this page already does (url-state).';
        console.warn(`Dispatches: only one <${TAG} url-state> per page keeps its state in the URL; this one works without.`, this);
      } else {
        urlStateOwner = this;
      }
    }
    try {
      const [module] = await Promise.all([loadApp(), this.#styles]);
      if (!this.isConnected || this.#explorer) return;
      this.#root.dataset.theme = this.#theme();
      this.#explorer = module.mountExplorer(this.#root, {
        query: this.getAttribute('query') ?? undefined,
        source: this.getAttribute('source') ?? undefined,
        theme: this.#theme(),
        compact: bool(this.getAttribute('compact')),
        urlState,
      });
      this.#say(note);
      this.dispatchEvent(new CustomEvent('dispatches:ready', { bubbles: true, composed: true }));
    } catch (error) {
      if (urlStateOwner === this) urlStateOwner = null;
      this.#say(`Dispatches could not start here: ${error && error.message ? error.message : error}`);
      console.error('Dispatches: could not start', error);
    }
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, DispatchesExplorer);
