/* Search in either script, from a light index, in two stages. Material's
   search worker matches a query against the words of this variant's index; a
   query typed in the other script is first spelt as this variant spells it,
   one character at a time (楊 -> 杨 on a zh-Hans page), with the map the index
   carries (config.query_map: pairs of characters, written by
   scripts/pipeline/publish.py). Words whose spelling differs by more than
   characters (大语言模型 / 大型語言模型) are in the index's `alt` field. The
   index carries the U+200B between words as the one byte U+007F
   (config.wire_separator); it is put back here, before the worker cuts the
   text into words.
   The index Material fetches is a first stage (one entry per page); its
   config.full_index names the whole index, relative to the page's base as
   Material's own is. Material's worker starts on the first stage at once.
   The whole index is fetched when the reader first turns to search (the
   search box gets the focus: a click, a shortcut key, a link with ?q=), so
   a reader who never searches never downloads it; it is set up in a second
   worker, and the first keeps answering while it is built. Once the second
   is ready it takes over: the open query is asked again, its answers reach
   Material as the first worker's, and the list fills in with full-text
   hits; <html> then carries data-search-index="complete". Offline,
   search/search_index.js is the whole index. Loaded before Material's
   bundle, which creates the worker (or the iframe-worker shim's stand-in
   offline). */
(() => {
  const Base = window.Worker;
  if (typeof Base !== "function") return;
  const SETUP = 0, READY = 1, QUERY = 2;  // Material's SearchMessageType

  // The whole index is fetched once the reader has turned to search and the
  // first stage has named it, whichever comes last
  let turned = false, fetchWhole = null;
  function whenTurned(fetch) {
    if (fetch) fetchWhole = fetch;
    if (turned && fetchWhole) fetchWhole();
    if (turned) fetchWhole = null;
  }
  document.addEventListener("focusin", ({ target }) => {
    if (target instanceof HTMLInputElement && target.matches("[data-md-component=search-query]")) {
      turned = true;
      whenTurned();
    }
  });

  function base() {
    const config = JSON.parse(document.getElementById("__config").textContent);
    return new URL(config.base, location.href);
  }

  function Worker(url, options) {
    const worker = new Base(url, options);
    const send = worker.postMessage.bind(worker);
    let target = message => send(message);  // the worker that answers queries
    let map = new Map();
    let query = null;  // the last query asked, as the worker reads it

    // Material's set-up message with an index's config and docs made readable:
    // the query map read out, U+007F back to U+200B
    function setUp(message, index) {
      const { query_map: pairs = "", wire_separator: wire, full_index: full, ...config } = index.config;
      const characters = Array.from(pairs);
      map = new Map();
      for (let i = 0; i + 1 < characters.length; i += 2) map.set(characters[i], characters[i + 1]);
      const readable = value => typeof value === "string" && wire ? value.split(wire).join("\u200b") : value;
      const docs = index.docs.map(doc => Object.fromEntries(
        Object.entries(doc).map(([key, value]) => [key, readable(value)])));
      return { full, message: { ...message, data: { ...message.data, config, docs } } };
    }

    // The whole index in a worker of its own; once it is ready, it answers
    // in place of Material's, which is stopped
    function whole(message, index) {
      const second = new Base(url, options);
      let answering = false;
      second.addEventListener("message", ({ data }) => {
        if (answering) {
          worker.dispatchEvent(new MessageEvent("message", { data }));
        } else if (data && data.type === READY) {
          answering = true;
          worker.terminate();
          target = next => second.postMessage(next);
          document.documentElement.dataset.searchIndex = "complete";
          if (query !== null) target({ type: QUERY, data: query });
        }
      });
      second.postMessage(setUp(message, index).message);
    }

    let staged = false;  // does Material's worker hold a first stage only?
    worker.addEventListener("message", ({ data }) => {
      if (data && data.type === READY && !staged) document.documentElement.dataset.searchIndex = "complete";
    });

    worker.postMessage = (message, ...rest) => {
      if (message && message.type === SETUP && message.data && message.data.config) {
        const { full, message: readable } = setUp(message, message.data);
        staged = Boolean(full);
        send(readable, ...rest);
        if (full)
          whenTurned(() => fetch(new URL(full, base()))
            .then(response => response.ok ? response.json() : Promise.reject(response.status))
            .then(index => whole(message, index))
            .catch(() => {}));  // the first stage keeps answering
        return;
      }
      if (message && message.type === QUERY && typeof message.data === "string") {
        query = Array.from(message.data, c => map.get(c) || c).join("");
        message = { ...message, data: query };
      }
      return target(message, ...rest);
    };
    return worker;
  }
  Worker.prototype = Base.prototype;
  window.Worker = Worker;
})();
