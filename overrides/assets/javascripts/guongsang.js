// Gương sáng: buttons that need JavaScript (copy a link, print a card); without it they stay hidden.
document.documentElement.classList.add("gs-js");

// Material's search panel is a dialog without a name; screen readers announce it by this one.
var searchPanel = document.querySelector(".md-search[role=dialog]");
if (searchPanel && !searchPanel.hasAttribute("aria-label")) {
  searchPanel.setAttribute("aria-label", "Tìm kiếm");
}
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
