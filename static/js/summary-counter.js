// The proof summary's character count, so the 200-character limit is seen before saving.
// Without JavaScript the server says the same when the line is too long.
(function () {
  "use strict";
  var count = document.getElementById("summary-count");
  var field = count && document.getElementById(count.getAttribute("data-for"));
  if (!field) { return; }
  var limit = parseInt(field.getAttribute("data-max-chars"), 10) || 200;
  function show() {
    var used = field.value.trim().length;
    count.textContent = used + " of " + limit + " characters" + (used > limit ? ": " + (used - limit) + " too many" : "");
    count.classList.toggle("text-danger", used > limit);
  }
  count.hidden = false;
  show();
  field.addEventListener("input", show);
})();
