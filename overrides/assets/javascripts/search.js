// The search page: Pagefind's JS API behind a form of ours (Pagefind's own interface weighs 120 KB).
// The engine and its index metadata load with the page and the words' index chunks while they are
// typed (wordsToFetch), so Enter only waits for the fragments of the first results. Excerpts are cut
// here from the page's text without the hidden words the index holds for it (d-spellings such as
// "Dặng" for "Đặng": Pagefind folds diacritics but not đ), so readers never see them.
const form = document.getElementById("tim-kiem");
const input = document.getElementById("tim-kiem-o");
const status = document.getElementById("tim-kiem-trang-thai");
const list = document.getElementById("tim-kiem-ket-qua");
const more = document.getElementById("tim-kiem-them");
const BATCH = 10;
const EXCERPT_WORDS = 30;

const engine = import(new URL(form.dataset.pagefind, location.href).href).then(async (pagefind) => {
  // No worker: its own copy of the engine would be one more download and round trip on a slow link,
  // for a search that takes milliseconds. Long documents mention many things many times: page length and repeats count less than by
  // default, and a word matched whole counts more than one it only begins ("ngo" in "Ngọc").
  await pagefind.options({
    baseUrl: new URL(form.dataset.goc, location.href).pathname,
    noWorker: true,
    ranking: { pageLength: 0.2, termSaturation: 0.5, termSimilarity: 10 },
  });
  await pagefind.init();
  return pagefind;
});

let latest = 0;
let results = [];
let shown = 0;
let terms = [];
let timer;

// Lower-case, no diacritics, đ as d, letters and digits only: how words are compared for the excerpt.
const fold = (word) => word.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

function excerpt(data) {
  const hidden = data.meta.hidden || "";
  const content = data.content.startsWith(hidden) ? data.content.slice(hidden.length) : data.content;
  const words = content.split(/\s+/).filter(Boolean);
  const matches = words.map((word) => { const folded = fold(word); return folded !== "" && terms.some((term) => folded.startsWith(term)); });
  const together = phraseAt(words.map(fold));
  const first = together >= 0 ? together : Math.max(0, matches.indexOf(true));
  const start = Math.max(0, first - 8);
  const paragraph = document.createElement("p");
  if (start > 0) paragraph.append("… ");
  words.slice(start, start + EXCERPT_WORDS).forEach((word, index) => {
    if (index > 0) paragraph.append(" ");
    if (matches[start + index]) {
      const mark = document.createElement("mark");
      mark.textContent = word;
      paragraph.append(mark);
    } else {
      paragraph.append(word);
    }
  });
  if (start + EXCERPT_WORDS < words.length) paragraph.append(" …");
  return paragraph;
}

function item(data) {
  const li = document.createElement("li");
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title || data.url;
  const kind = document.createElement("span");
  kind.className = "gs-tim-kiem__loai";
  kind.textContent = data.meta.kind || "";
  li.append(link, " ", kind, excerpt(data));
  return li;
}

// Shows the next batch; each result appears as soon as its fragment arrives, in its place.
function showMore(query, focus) {
  const batch = results.slice(shown, shown + BATCH);
  shown += batch.length;
  more.hidden = shown >= results.length;
  batch.forEach((result, index) => {
    const slot = document.createElement("li");
    slot.hidden = true;
    list.append(slot);
    (result.loaded || result.data()).then((data) => {
      if (query !== latest) return;
      const filled = item(data);
      slot.replaceWith(filled);
      if (focus && index === 0) filled.querySelector("a").focus();
    });
  });
}

// Pagefind matches every word as a prefix, and "ngo" begins "Ngọc": among the first results, a page
// holding the typed words together, in order, comes first ("truong thpt ngo quyen" finds the plan
// naming Trường THPT Ngô Quyền before Trần Bảo Ngọc), then pages holding more of them whole; equal
// pages keep Pagefind's order. Their fragments load together, and the first ones are shown anyway.
const RERANKED = 8;

// Where the typed words stand together, in order, among ``folded`` words (-1: nowhere).
function phraseAt(folded) {
  return folded.findIndex((_, start) => terms.every((term, offset) => folded[start + offset] === term));
}

function closeness(content) {
  const words = content.split(/\s+/).map(fold).filter(Boolean);
  const present = new Set(words);
  return (phraseAt(words) >= 0 ? terms.length + 1 : 0) + terms.filter((term) => present.has(term)).length;
}

async function wholeWordsFirst(found) {
  const top = found.slice(0, RERANKED);
  const scores = await Promise.all(top.map((result) => {
    result.loaded = result.data();
    return result.loaded.then((data) => closeness(data.content));
  }));
  const order = top.map((result, index) => ({ result, index, score: scores[index] }));
  order.sort((a, b) => b.score - a.score || a.index - b.index);
  return [...order.map((entry) => entry.result), ...found.slice(RERANKED)];
}

async function search(text) {
  const query = ++latest;
  const words = text.trim();
  const url = new URL(location.href);
  if (words) url.searchParams.set("q", words); else url.searchParams.delete("q");
  history.replaceState(null, "", url);
  if (!words) {
    list.replaceChildren();
    more.hidden = true;
    status.textContent = "";
    return;
  }
  status.textContent = `Đang tìm “${words}”…`;
  const pagefind = await engine;
  const found = await pagefind.search(words);
  if (query !== latest) return;
  terms = words.split(/\s+/).map(fold).filter(Boolean);
  results = await wholeWordsFirst(found.results);
  if (query !== latest) return;
  shown = 0;
  list.replaceChildren();
  status.textContent = results.length ? `${results.length} kết quả cho “${words}”` : `Không có kết quả cho “${words}”. Hãy thử ít từ hơn, hoặc gõ không dấu.`;
  showMore(query, false);
}

// The words whose index chunks to fetch while they are typed, so Enter does not wait for them: each word
// a space has ended, and the word being typed from its third letter on. Pagefind looks a word up in one
// chunk, and its first letters ("n", "ng") lie in the chunks of other words ("nam", "ngay").
function wordsToFetch(text) {
  const words = text.trimStart().split(/\s+/);
  const typing = words.pop();
  return (typing.length >= 3 ? [...words, typing] : words).join(" ");
}

input.addEventListener("input", () => {
  const words = wordsToFetch(input.value);
  if (words) engine.then((pagefind) => pagefind.preload(words));
  clearTimeout(timer);
  timer = setTimeout(() => search(input.value), 300);
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(timer);
  search(input.value);
});
more.addEventListener("click", () => showMore(latest, true));

const asked = new URLSearchParams(location.search).get("q");
if (asked) {
  input.value = asked;
  search(asked);
}
