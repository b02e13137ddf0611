// Gương sáng: buttons that need JavaScript (copy a link, print a card); without it they stay hidden.
document.documentElement.classList.add("gs-js");
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
