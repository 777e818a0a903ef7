// The hall's screen polls every second; results appear only once certified (the server decides).
(function () {
  const url = document.currentScript.dataset.url;
  const screen = document.getElementById("screen");
  const fmt = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  function render(s) {
    if (s.state === "idle" || s.state === "setup") { screen.className = "progress"; screen.textContent = "…"; return; }
    const title = "<div style='font-size:3vw;text-align:center'>" + s.title.replace(/</g, "&lt;") + "</div>";
    if (!s.result) {
      screen.className = "progress";
      screen.innerHTML = title + "<div>" + fmt(s.entered) + " / " + fmt(s.collected) + "</div>" +
        "<div style='font-size:2vw'>phiếu đã kiểm</div>";
      return;
    }
    const elected = new Set(s.result.elected);
    let html = title + "<p style='text-align:center'>Cơ sở tính kết quả " + fmt(s.result.base) +
      " — trúng cử khi từ " + fmt(s.result.votes_needed) + " phiếu trở lên</p><table><tr><th>#</th><th>Họ và tên</th><th>Số phiếu</th><th>Tỷ lệ</th></tr>";
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
