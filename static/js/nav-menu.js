// On phones the main navigation folds behind a "Menu" button; without JavaScript the links simply stay shown.
(function () {
  "use strict";
  var toggle = document.querySelector(".nav-toggle");
  var items = document.getElementById("nav-items");
  if (!toggle || !items) return;
  toggle.closest("nav").classList.add("nav-collapsible");
  toggle.hidden = false;
  toggle.addEventListener("click", function () {
    var open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    items.classList.toggle("open", open);
  });
})();
