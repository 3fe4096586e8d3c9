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
   Material's own is. The worker starts on the first stage at once; the whole
   index is fetched meanwhile and handed to the worker as a second set-up,
   and the open query is asked again, so its results fill in with full-text
   hits. Once the worker holds the whole index, <html> gets
   data-search-index="complete". Offline, search/search_index.js is the whole
   index. Loaded before Material's bundle, which creates the worker (or the
   iframe-worker shim's stand-in offline). */
(() => {
  const Base = window.Worker;
  if (typeof Base !== "function") return;
  const SETUP = 0, READY = 1, QUERY = 2;  // Material's SearchMessageType

  function base() {
    const config = JSON.parse(document.getElementById("__config").textContent);
    return new URL(config.base, location.href);
  }

  function Worker(url, options) {
    const worker = new Base(url, options);
    const send = worker.postMessage.bind(worker);
    let map = new Map();
    let query = null;      // the last query asked, as the worker reads it
    const complete = [];   // per set-up sent, in order: is it the whole index?
    worker.addEventListener("message", ({ data }) => {
      if (data && data.type === READY && complete.shift())
        document.documentElement.dataset.searchIndex = "complete";
    });

    function setUp(message) {
      const { query_map: pairs = "", wire_separator: wire, full_index: full, ...config } = message.data.config;
      const characters = Array.from(pairs);
      map = new Map();
      for (let i = 0; i + 1 < characters.length; i += 2) map.set(characters[i], characters[i + 1]);
      const readable = value => typeof value === "string" && wire ? value.split(wire).join("\u200b") : value;
      const docs = message.data.docs.map(doc => Object.fromEntries(
        Object.entries(doc).map(([key, value]) => [key, readable(value)])));
      complete.push(!full);
      send({ ...message, data: { ...message.data, config, docs } });
      return full;
    }

    worker.postMessage = (message, ...rest) => {
      if (message && message.type === SETUP && message.data && message.data.config) {
        const full = setUp(message);
        if (full)
          fetch(new URL(full, base()))
            .then(response => response.ok ? response.json() : Promise.reject(response.status))
            .then(index => {
              setUp({ ...message, data: { ...message.data, config: index.config, docs: index.docs } });
              if (query !== null) send({ type: QUERY, data: query });
            })
            .catch(() => {});  // the first stage keeps answering
        return;
      }
      if (message && message.type === QUERY && typeof message.data === "string") {
        query = Array.from(message.data, c => map.get(c) || c).join("");
        message = { ...message, data: query };
      }
      return send(message, ...rest);
    };
    return worker;
  }
  Worker.prototype = Base.prototype;
  window.Worker = Worker;
})();
