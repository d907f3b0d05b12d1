// Section text boxes grow with what is typed, so long answers never hide behind a scrollbar.
(function () {
  "use strict";
  function fit(box) {
    box.style.height = "auto";
    box.style.height = box.scrollHeight + 2 + "px";
  }
  document.querySelectorAll("#artifact-form textarea").forEach(function (box) {
    box.style.overflowY = "hidden";
    fit(box);
    box.addEventListener("input", function () { fit(box); });
  });
})();
