// The hall's screen polls every second; results appear only once certified (the server decides).
// A result is laid out in two columns of rows sized to the screen; when the names do not all fit
// (60 names on a 4:3 projector), the rows are cut into pages that turn by themselves.
(function () {
  const url = document.currentScript.dataset.url;
  const words = JSON.parse(document.getElementById("projector-words").textContent);
  const screen = document.getElementById("screen");
  const title = document.getElementById("projector-title");
  const summary = document.getElementById("projector-summary");
  const footer = document.getElementById("projector-page");
  const TURN_MS = 6000;
  const fmt = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const say = (text, values) => text.replace(/\{(\w+)\}/g, (_, k) => values[k]);
  let shown = "";
  let pages = [];
  let page = 0;
  let turner = null;

  function cell(tag, text, className) {
    const element = document.createElement(tag);
    element.textContent = text;
    if (className) element.className = className;
    return element;
  }

  function column(rows) {
    const table = document.createElement("table");
    table.className = "projector-list";
    const head = document.createElement("tr");
    head.append(cell("th", words.number, "num"), cell("th", words.name), cell("th", words.votes, "num"),
      cell("th", words.percent, "num"));
    table.appendChild(head);
    rows.forEach(([c, i]) => {
      const tr = document.createElement("tr");
      if (c.elected) tr.className = "elected";
      const name = cell("td", "", "name");
      name.appendChild(cell("span", c.name));
      if (c.elected) name.appendChild(cell("span", " ✓", "mark"));
      tr.append(cell("td", String(i + 1), "num"), name, cell("td", fmt(c.votes), "num"),
        cell("td", c.percent ? c.percent + "%" : "—", "num"));
      table.appendChild(tr);
    });
    return table;
  }

  // How many rows one column holds, and how many columns the screen's width holds: measured on
  // the names themselves, not guessed, so nothing is ever cut or pushed off the screen.
  function measure(numbered) {
    screen.textContent = "";
    const probe = column(numbered);
    probe.classList.add("measuring");
    screen.appendChild(probe);
    const rows = probe.querySelectorAll("tr");
    const rowHeight = Math.max(...Array.from(rows).slice(1).map((r) => r.getBoundingClientRect().height));
    const headHeight = rows[0].getBoundingClientRect().height;
    const width = probe.getBoundingClientRect().width;
    const room = footer.getBoundingClientRect().top - screen.getBoundingClientRect().top;
    const gap = parseFloat(getComputedStyle(screen).columnGap) || 0;
    screen.dataset.measured = [room, headHeight, rowHeight, width, screen.clientWidth, gap].map(Math.round).join(" ");
    screen.textContent = "";
    return {
      perColumn: Math.max(1, Math.floor((room - headHeight - 4) / rowHeight)),
      columns: Math.max(1, Math.min(3, Math.floor((screen.clientWidth + gap) / (width + gap)))),
    };
  }

  function showPage() {
    screen.textContent = "";
    (pages[page] || []).forEach((rows) => screen.appendChild(column(rows)));
    footer.textContent = pages.length > 1 ? say(words.page, { page: page + 1, pages: pages.length }) : "";
  }

  // The largest type that puts every name on one page; below the smallest readable size, pages.
  const SIZES_VH = [5, 4.5, 4, 3.6, 3.3, 3, 2.7, 2.5, 2.3];
  function fit(numbered) {
    for (const size of SIZES_VH) {
      screen.style.setProperty("--list-font", "max(20px, " + size + "vh)");
      const found = measure(numbered);
      if (found.perColumn * found.columns >= numbered.length) return found;
    }
    return measure(numbered);
  }

  function layout(candidates) {
    const numbered = candidates.map((c, i) => [c, i]);
    const { perColumn, columns } = fit(numbered);
    const perPage = perColumn * columns;
    const pageCount = Math.ceil(numbered.length / perPage) || 1;
    // Even pages and columns: 49 names on two pages are 25 + 24, never 48 + 1.
    const onPage = Math.ceil(numbered.length / pageCount);
    const inColumn = Math.ceil(onPage / columns);
    pages = [];
    for (let start = 0; start < numbered.length; start += onPage) {
      const rows = numbered.slice(start, start + onPage);
      const split = [];
      for (let s = 0; s < rows.length; s += inColumn) split.push(rows.slice(s, s + inColumn));
      pages.push(split);
    }
    if (page >= pages.length) page = 0;
    clearInterval(turner);
    turner = pages.length > 1 ? setInterval(() => { page = (page + 1) % pages.length; showPage(); }, TURN_MS) : null;
    showPage();
  }

  function render(s) {
    screen.dataset.state = s.state;
    if (s.state === "idle") {
      title.textContent = "";
      summary.textContent = "";
      footer.textContent = "";
      clearInterval(turner);
      screen.className = "projector-body progress";
      screen.textContent = words.idle;
      return;
    }
    title.textContent = s.title;
    if (s.tampered) {  // the stored result differs from its frozen file: nothing of it shown
      clearInterval(turner);
      summary.textContent = "";
      footer.textContent = "";
      screen.className = "projector-body progress";
      screen.textContent = words.tampered;
      return;
    }
    if (!s.result) {
      clearInterval(turner);
      summary.textContent = "";
      footer.textContent = "";
      screen.className = "projector-body progress";
      screen.textContent = "";
      screen.append(cell("div", fmt(s.entered) + " / " + fmt(s.collected), "projector-count"),
        cell("div", words.counted, "projector-caption"));
      return;
    }
    const r = s.result;
    const parts = [r.elected_count ? say(words.elected, { n: r.elected_count }) : words.none_elected];
    if (r.alternates_count) parts.push(say(words.alternates, { n: r.alternates_count }));
    summary.textContent = "";
    summary.append(cell("strong", parts.join(" · "), "projector-elected"),
      cell("span", " — " + say(words.needed, { votes: fmt(r.votes_needed), base: fmt(r.base) })));
    screen.className = "projector-body result";
    layout(r.candidates);
  }

  let last = null;
  async function tick() {
    try {
      const text = await (await fetch(url, { cache: "no-store" })).text();
      if (text !== shown) { shown = text; last = JSON.parse(text); render(last); }
    } catch (e) { /* keep the last screen */ }
    setTimeout(tick, 1000);
  }
  window.addEventListener("resize", () => { if (last) render(last); });
  tick();
})();
