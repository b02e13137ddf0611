// Our rules on top of Decap CMS: YAML files keep their comments, and empty values are not written.
import { YAML } from "./yaml/index.js";

// The file as it was read rides along with its data, so that its comments can go back into the file
// written: Decap's own YAML format rewrites a file from the data alone and drops every '#' line.
const SOURCE = "__tep_goc";
// Format name -> the modeline a new file starts with (from the build: hooks/guongsang/cms.py).
const HEADERS = JSON.parse(document.getElementById("dau-tep").textContent);

function isEmpty(value) {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value.trim() === "";
  return typeof value.toJS === "function" && value.size === 0; // an Immutable Map or List
}

// Decap writes a cleared box as "" and an untouched group as {}, but an empty id, date or photo is an
// error to the checker: an absent key means "not given".
function pruned(value) {
  if (value && typeof value.toJS === "function") {
    return value.map(pruned).filter((item) => !isEmpty(item));
  }
  return value;
}

function keyOf(pair) {
  return String(pair.key && typeof pair.key === "object" ? pair.key.value : pair.key);
}

// Comments hang on nodes: copy them onto the node at the same place (same key, same position in a list).
function copyComments(from, to) {
  if (!from || !to || typeof to !== "object") return;
  for (const side of ["commentBefore", "comment"]) {
    if (from[side]) to[side] = from[side];
  }
  if (!Array.isArray(from.items) || !Array.isArray(to.items)) return;
  from.items.forEach((item, index) => {
    if (item && item.key !== undefined) {
      const match = to.items.find((candidate) => candidate.key !== undefined && keyOf(candidate) === keyOf(item));
      if (match) {
        copyComments(item, match);
        copyComments(item.key, match.key);
        copyComments(item.value, match.value);
      }
    } else {
      copyComments(item, to.items[index]);
    }
  });
}

function yamlFormat(header) {
  return {
    fromFile(content) {
      const parsed = YAML.parseDocument(content);
      if (parsed.errors.length > 0) throw new Error(`YAML: ${parsed.errors[0].message}`);
      return { ...(parsed.toJSON() || {}), [SOURCE]: content };
    },
    toFile(data, sortedKeys = []) {
      const { [SOURCE]: source, ...values } = data;
      const written = new YAML.Document();
      written.contents = YAML.createNode(values);
      const rank = (key) => (sortedKeys.includes(key) ? sortedKeys.indexOf(key) : sortedKeys.length);
      written.contents.items.sort((a, b) => rank(keyOf(a)) - rank(keyOf(b)));
      if (source) {
        const read = YAML.parseDocument(source);
        written.commentBefore = read.commentBefore;
        copyComments(read.contents, written.contents);
      } else if (header) {
        written.commentBefore = header.replace(/^#/, "");
      }
      return String(written);
    },
  };
}

for (const [name, header] of Object.entries(HEADERS)) {
  window.CMS.registerCustomFormat(name, "yaml", yamlFormat(header));
}

window.CMS.registerEventListener({
  name: "preSave",
  handler(event) {
    const data = event.entry.get("data");
    if (!data.has("body")) return pruned(data);
    // A Markdown file keeps its body, even empty: the front matter format writes it after the fields.
    return pruned(data.delete("body")).set("body", data.get("body") || "");
  },
});

// The local backend (decap-server, started by `make cms`) answers "info"; when it does not, Decap would show
// "TypeError: Failed to fetch" over an empty list: the page explains instead what to run.
async function backendAnswers(url) {
  try {
    const answer = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ action: "info", params: {} }),
    });
    return answer.ok;
  } catch {
    return false;
  }
}

const settings = YAML.parse(await (await fetch("config.yml")).text());
if (settings.backend.name === "proxy" && !(await backendAnswers(settings.backend.proxy_url))) {
  document.getElementById("thieu-trinh-luu").hidden = false;
} else {
  window.CMS.init();
}
