// Review page: select a passage in a section's text to quote it in a new comment on that section.
(function () {
  "use strict";
  document.addEventListener("mouseup", fillQuote);
  document.addEventListener("keyup", function (event) { if (event.shiftKey) { fillQuote(); } });

  function fillQuote() {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed) { return; }
    var node = selection.anchorNode && (selection.anchorNode.nodeType === 1 ? selection.anchorNode : selection.anchorNode.parentElement);
    var block = node && node.closest(".section-text[data-section]");
    if (!block) { return; }
    var text = selection.toString().trim();
    if (!text) { return; }
    var key = block.getAttribute("data-section");
    var quote = document.getElementById("quote-" + key);
    if (!quote) { return; }
    quote.value = text.slice(0, 1000);
    var details = quote.closest("details");
    if (details) { details.open = true; }
  }
})();
