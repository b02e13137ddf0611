// Before each save: drop the values left empty. Decap writes a cleared box as "" and an untouched group
// as {}, but an empty id, date or photo is an error to the checker: an absent key means "not given".
(function () {
  "use strict";

  function isEmpty(value) {
    if (value === null || value === undefined) return true;
    if (typeof value === "string") return value.trim() === "";
    return typeof value.toJS === "function" && value.size === 0; // an Immutable Map or List
  }

  function pruned(value) {
    if (value && typeof value.toJS === "function") {
      return value.map(pruned).filter(function (item) { return !isEmpty(item); });
    }
    return value;
  }

  window.CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var data = event.entry.get("data");
      if (!data.has("body")) return pruned(data);
      // A Markdown file keeps its body, even empty: the front matter format writes it after the fields.
      return pruned(data.delete("body")).set("body", data.get("body") || "");
    },
  });
})();
