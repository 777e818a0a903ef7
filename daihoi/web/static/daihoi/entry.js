// The entry screen draws the ballot as the paper looks while the clerk types the numbers.
(function () {
  const input = document.getElementById("numbers");
  if (!input) return;
  const seats = Number(document.currentScript.dataset.seats);
  const width = Number(document.currentScript.dataset.width);
  const text = document.currentScript.dataset;
  const rows = Array.from(document.querySelectorAll("#paper .row"));
  const summary = document.getElementById("summary");
  function draw() {
    const struckMode = document.querySelector("input[name=mode]:checked").value === "struck";
    // As daihoi/core/keying.py reads them: a token longer than the width is packed numbers.
    const typed = new Set();
    const refused = [];
    input.value.split(/[\s,.;+]+/).filter(Boolean).forEach((token) => {
      if (!/^[0-9]+$/.test(token) || (token.length > width && token.length % width)) {
        refused.push(token);
      } else if (token.length <= width) {
        typed.add(Number(token));
      } else {
        for (let i = 0; i < token.length; i += width) typed.add(Number(token.slice(i, i + width)));
      }
    });
    let kept = 0;
    rows.forEach((row) => {
      const chosen = typed.has(Number(row.dataset.number));
      const struck = struckMode ? chosen : !chosen;
      row.classList.toggle("struck", struck);
      if (!struck) kept += 1;
    });
    const unknown = [...typed].filter((n) => n < 1 || n > rows.length);
    // In words, as the server will answer: the clerk sees an invalid ballot before saving it.
    const parts = [kept + " / " + seats + " " + text.kept];
    if (kept > seats) parts.push("⚠ " + text.invalidMore);
    if (kept === 0) parts.push("⚠ " + text.invalidNone);
    if (unknown.length) parts.push("⚠ " + unknown.join(", ") + ": " + text.unknown);
    if (refused.length) parts.push("⚠ " + refused.join(", ") + ": " + text.unreadable);
    // Nothing typed yet: the count in plain words, no warning (the clerk has not begun).
    const begun = input.value.trim() !== "";
    summary.textContent = begun ? parts.join(" — ") : parts[0];
    summary.classList.toggle("entry-invalid", begun && parts.length > 1);
  }
  input.addEventListener("input", draw);
  document.querySelectorAll("input[name=mode]").forEach((r) => r.addEventListener("change", draw));
  draw();
})();
