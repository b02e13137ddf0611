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
