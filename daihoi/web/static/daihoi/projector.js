// The hall's screen polls every second; results appear only once certified (the server decides).
(function () {
  const url = document.currentScript.dataset.url;
  const screen = document.getElementById("screen");
  const fmt = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  function render(s) {
    if (s.state === "idle" || s.state === "setup") { screen.className = "progress"; screen.textContent = "…"; return; }
    if (!s.result) {
      screen.className = "progress";
      screen.textContent = fmt(s.entered) + " / " + fmt(s.collected);
      return;
    }
    const elected = new Set(s.result.elected);
    let html = "<table><tr><th>#</th><th></th><th>Số phiếu</th><th>Tỷ lệ</th></tr>";
    s.result.candidates.forEach((c, i) => {
      html += "<tr class='" + (elected.has(c.id) ? "elected" : "") + "'><td>" + (i + 1) + "</td><td>" +
        c.name.replace(/</g, "&lt;") + "</td><td class='num'>" + fmt(c.votes) + "</td><td class='num'>" +
        (c.percent || "—") + "%</td></tr>";
    });
    screen.className = "";
    screen.innerHTML = html + "</table>";
  }
  async function tick() {
    try { render(await (await fetch(url, { cache: "no-store" })).json()); } catch (e) { /* keep the last screen */ }
    setTimeout(tick, 1000);
  }
  tick();
})();
