// Gương sáng: buttons that need JavaScript (copy a link, print a card); without it they stay hidden.
document.documentElement.classList.add("gs-js");

// A search box in the header, sending the words to the search page (Pagefind) of this site.
(function () {
  var header = document.querySelector(".md-header__inner");
  var target = document.querySelector("meta[name=gs-tim-kiem]");
  if (!header || !target || document.querySelector(".gs-tim")) { return; }
  var form = document.createElement("form");
  form.className = "gs-tim";
  form.setAttribute("role", "search");
  form.action = target.getAttribute("content");
  var input = document.createElement("input");
  input.type = "search";
  input.name = "q";
  input.placeholder = "Tìm kiếm";
  input.setAttribute("aria-label", "Tìm kiếm trong trang");
  form.appendChild(input);
  header.appendChild(form);
  // From the moment the box takes focus, fetch the search engine, and while the reader types, the
  // index chunks of the words: the search page that Enter opens then finds part or all of them in the
  // browser's cache (on a slow link, most of its wait). As on the search page, a word once a space has
  // ended it or from its third letter on: its first letters lie in the chunks of other words.
  var engine = document.querySelector("meta[name=gs-pagefind]");
  var pagefind = null;
  var warm = function () {
    if (!engine) { return null; }
    pagefind = pagefind || import(new URL(engine.getAttribute("content"), location.href).href)
      .then(function (module) {
        return module.options({ noWorker: true }).then(function () { return module.init(); }).then(function () { return module; });
      });
    pagefind.catch(function () { engine = null; });
    return pagefind;
  };
  input.addEventListener("focus", warm);
  input.addEventListener("input", function () {
    var words = input.value.replace(/^\s+/, "").split(/\s+/);
    if (words[words.length - 1].length < 3) { words.pop(); }
    words = words.join(" ");
    var ready = warm();
    if (ready && words) { ready.then(function (module) { module.preload(words); }, function () {}); }
  });
})();
document.addEventListener("click", function (event) {
  var copy = event.target.closest("[data-gs-copy]");
  if (copy) {
    var field = document.getElementById(copy.getAttribute("data-gs-copy"));
    var done = function () { copy.textContent = "Đã sao chép"; };
    if (navigator.clipboard) {
      navigator.clipboard.writeText(field.value).then(done, function () { field.select(); });
    } else {
      field.select();
      document.execCommand("copy");
      done();
    }
  }
  if (event.target.closest("[data-gs-print]")) {
    window.print();
  }
});
