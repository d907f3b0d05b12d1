// Drill timer: a visible countdown for a timed answer. The server measures the time taken itself,
// so without JavaScript the drill still works; this only shows the clock.
(function () {
  "use strict";
  var timer = document.getElementById("drill-timer");
  if (!timer) { return; }
  var total = parseInt(timer.getAttribute("data-seconds"), 10);
  if (!(total > 0)) { return; }
  var status = document.getElementById("drill-timer-status");
  var started = Date.now();
  var announced = {};
  function format(seconds) {
    var abs = Math.abs(seconds);
    var text = Math.floor(abs / 60) + ":" + String(abs % 60).padStart(2, "0");
    return seconds < 0 ? "-" + text : text;
  }
  function tick() {
    var left = total - Math.floor((Date.now() - started) / 1000);
    timer.textContent = left >= 0 ? "Time left: " + format(left) : "Over time by " + format(-left);
    timer.classList.toggle("is-over", left < 0);
    var say = left === 30 ? "30 seconds left." : left === 0 ? "Time is up. Finish your sentence and submit." : "";
    if (say && !announced[left] && status) { announced[left] = true; status.textContent = say; }
  }
  tick();
  window.setInterval(tick, 1000);
  var answer = document.querySelector("textarea[name=answer]");
  if (answer) { answer.focus(); }
})();
