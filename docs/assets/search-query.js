/* Search in either script, from a light index. Material's search worker matches a query against
   the words of this variant's index; a query typed in the other script is
   first spelt as this variant spells it, one character at a time (楊 -> 杨 on
   a zh-Hans page), with the map the index carries (config.query_map: pairs
   of characters, written by scripts/pipeline/publish.py). Words whose
   spelling differs by more than characters (大语言模型 / 大型語言模型) are
   in the index's `alt` field. The index carries the U+200B between words
   as the one byte U+007F (config.wire_separator); it is put back here, before the
   worker cuts the text into words. Loaded before Material's bundle, which
   creates the worker (or the iframe-worker shim's stand-in offline). */
(() => {
  const Base = window.Worker;
  if (typeof Base !== "function") return;
  const SETUP = 0, QUERY = 2;  // Material's SearchMessageType

  function Worker(url, options) {
    const worker = new Base(url, options);
    const send = worker.postMessage.bind(worker);
    let map = new Map();
    worker.postMessage = (message, ...rest) => {
      if (message && message.type === SETUP && message.data && message.data.config) {
        const { query_map: pairs = "", wire_separator: wire, ...config } = message.data.config;
        const characters = Array.from(pairs);
        map = new Map();
        for (let i = 0; i + 1 < characters.length; i += 2) map.set(characters[i], characters[i + 1]);
        const readable = value => typeof value === "string" && wire ? value.split(wire).join("\u200b") : value;
        const docs = message.data.docs.map(doc => Object.fromEntries(
          Object.entries(doc).map(([key, value]) => [key, readable(value)])));
        message = { ...message, data: { ...message.data, config, docs } };
      } else if (message && message.type === QUERY && typeof message.data === "string") {
        message = { ...message, data: Array.from(message.data, c => map.get(c) || c).join("") };
      }
      return send(message, ...rest);
    };
    return worker;
  }
  Worker.prototype = Base.prototype;
  window.Worker = Worker;
})();
