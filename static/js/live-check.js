// Live rubric feedback in the artifact editor: after the candidate pauses typing, post the
// unsaved text to the check endpoint (which saves nothing) and swap in the findings panel.
// Without JavaScript the "Check now" button does the same with a full page load.
(function () {
  "use strict";
  var form = document.getElementById("artifact-form");
  if (!form || !window.fetch) { return; }
  var url = form.getAttribute("data-check-url");
  var delay = 800;
  var timer = null;
  var inFlight = null;

  function swapPanel(html) {
    var current = document.getElementById("findings-panel");
    if (!current) { return; }
    var holder = document.createElement("div");
    holder.innerHTML = html;
    // The proof summary's hints come with the findings; they sit under the summary field.
    var hints = holder.querySelector("#summary-hints");
    var shownHints = document.getElementById("summary-hints");
    if (hints && shownHints) { shownHints.innerHTML = hints.innerHTML; }
    var fresh = holder.querySelector("#findings-panel");
    if (!fresh) { return; }
    // The panel itself is not announced (too long); a short status line is.
    fresh.removeAttribute("aria-live");
    current.replaceWith(fresh);
    var status = document.getElementById("findings-status");
    if (status) {
      var count = fresh.querySelectorAll(".finding").length;
      status.textContent = "Rubric check updated: " + count + (count === 1 ? " finding." : " findings.");
    }
  }

  function check() {
    if (inFlight) { inFlight.abort(); }
    inFlight = new AbortController();
    var body = new FormData(form);
    body.set("action", "check");
    fetch(url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" },
      signal: inFlight.signal
    }).then(function (response) {
      return response.text();
    }).then(swapPanel).catch(function () { /* offline or aborted: the Check now button still works */ });
  }

  // A finding's section link selects the offending passage in its field, so it is
  // highlighted where the candidate edits it (the panel may have been swapped in live).
  document.addEventListener("click", function (event) {
    var link = event.target.closest(".finding-link");
    if (!link) { return; }
    var field = document.getElementById("id_" + link.getAttribute("data-field"));
    if (!field || typeof field.setSelectionRange !== "function") { return; }
    event.preventDefault();
    var start = parseInt(link.getAttribute("data-start"), 10) || 0;
    var end = parseInt(link.getAttribute("data-end"), 10) || start;
    field.focus();
    field.setSelectionRange(start, end);
    field.scrollIntoView({ block: "center" });
  });

  form.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(check, delay);
  });
})();
