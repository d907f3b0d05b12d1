// "Copy link" beside a link shown once: copies the text box's value and says so to screen readers.
// Without JavaScript (or clipboard access) the button stays hidden and the box is selectable as before.
(function () {
  "use strict";
  if (!navigator.clipboard) return;
  document.querySelectorAll(".copy-button[data-copy-target]").forEach(function (button) {
    var box = document.getElementById(button.dataset.copyTarget);
    var status = button.closest(".alert, form, section").querySelector(".copy-status");
    if (!box) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(box.value).then(
        function () { if (status) status.textContent = "Copied. Paste it into your message to the recruiter."; },
        function () { box.select(); if (status) status.textContent = "Copy did not work here: the link is selected, press Ctrl+C (or ⌘C)."; }
      );
    });
  });
})();
