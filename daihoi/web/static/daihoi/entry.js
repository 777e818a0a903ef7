// The entry screen draws the ballot as the paper looks while the clerk types the numbers.
(function () {
  const input = document.getElementById("numbers");
  if (!input) return;
  const seats = Number(document.currentScript.dataset.seats);
  const rows = Array.from(document.querySelectorAll("#paper .row"));
  const summary = document.getElementById("summary");
  function draw() {
    const struckMode = document.querySelector("input[name=mode]:checked").value === "struck";
    const typed = new Set((input.value.match(/\d+/g) || []).map(Number));
    let kept = 0;
    rows.forEach((row) => {
      const chosen = typed.has(Number(row.dataset.number));
      const struck = struckMode ? chosen : !chosen;
      row.classList.toggle("struck", struck);
      if (!struck) kept += 1;
    });
    const unknown = [...typed].filter((n) => n < 1 || n > rows.length);
    summary.textContent = kept + " / " + seats + (kept > seats ? "  ⚠ > " + seats : "") +
      (kept === 0 ? "  ⚠ 0" : "") + (unknown.length ? "  ⚠ " + unknown.join(", ") : "");
  }
  input.addEventListener("input", draw);
  document.querySelectorAll("input[name=mode]").forEach((r) => r.addEventListener("change", draw));
  draw();
})();
