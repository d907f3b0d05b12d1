// Conflict page: copy the saved text into (or below) the candidate's own text, section by section.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy-to]");
    if (!button) { return; }
    var target = document.getElementById(button.getAttribute("data-copy-to"));
    var fromId = button.getAttribute("data-copy-from") || button.getAttribute("data-append-from");
    var source = document.getElementById(fromId);
    if (!target || !source) { return; }
    if (button.hasAttribute("data-append-from")) {
      target.value = target.value ? target.value.replace(/\s+$/, "") + "\n\n" + source.value : source.value;
    } else {
      target.value = source.value;
    }
    target.focus();
  });
})();
