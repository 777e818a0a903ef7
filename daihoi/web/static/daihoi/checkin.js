// A door: a handheld scanner types the badge code and Enter; a phone camera reads the QR code
// (jsQR, vendored); a search finds a name. No scan is ever dropped: each one joins a queue, sent
// in order, one at a time, and keeps its line with its answer; when the network is down the line
// says "not sent yet" and the queue waits to be sent again.
(function () {
  const root = document.getElementById("checkin");
  if (!root) return;
  const words = JSON.parse(document.getElementById("door-words").textContent);
  const input = document.getElementById("token");
  const answer = document.getElementById("answer");
  const list = document.getElementById("queue");
  const offline = document.getElementById("offline");
  const csrf = document.querySelector("input[name=csrfmiddlewaretoken]").value;
  const say = (text, values) => text.replace(/\{(\w+)\}/g, (_, k) => values[k]);
  const queue = [];
  let sending = false;
  let blocked = false; // the network failed: later scans wait behind the failed one

  function line(className, text) {
    const element = document.createElement("div");
    element.className = className;
    element.textContent = text;
    return element;
  }

  function kind(data) {
    if (!data.ok) return "error";
    return data.new && data.counted !== false ? "success" : "warning";
  }

  // The big confirmation at the top: the latest answer, readable at arm's length.
  function show(item) {
    const data = item.answer;
    answer.className = "answer " + kind(data);
    answer.textContent = "";
    answer.appendChild(line("who", data.message));
    if (data.ok && data.delegation) answer.appendChild(line("where", data.delegation + (data.new ? " · " + data.at : "")));
    if (data.note) answer.appendChild(line("note", data.note));
    if (data.ok && data.absence) askAbsence(data);
  }

  // Someone recorded absent for the whole congress came after all: ask before changing the record.
  function askAbsence(data) {
    const box = line("ask", say(words.absence, { name: data.name, reason: data.absence }));
    const yes = document.createElement("button");
    yes.type = "button";
    yes.textContent = words.withdraw;
    const no = document.createElement("button");
    no.type = "button";
    no.textContent = words.keep;
    const buttons = document.createElement("div");
    buttons.append(yes, no);
    box.appendChild(buttons);
    answer.appendChild(box);
    no.addEventListener("click", () => { box.textContent = words.kept; input.focus(); });
    yes.addEventListener("click", async () => {
      yes.disabled = no.disabled = true;
      try {
        const response = await fetch(root.dataset.withdraw, {
          method: "POST", headers: { "X-CSRFToken": csrf }, credentials: "same-origin",
          body: new URLSearchParams({ delegate: data.delegate }),
        });
        if (!response.ok) throw new Error(String(response.status));
        box.textContent = words.withdrawn;
      } catch (error) {
        yes.disabled = no.disabled = false;
      }
      input.focus();
    });
  }

  function draw(item) {
    item.row.className = "scan " + (item.answer ? kind(item.answer) : item.state);
    item.row.textContent = "";
    const text = item.answer ? item.answer.message : item.label + " — " + words[item.state];
    item.row.appendChild(document.createTextNode(text));
    if (item.state === "failed") {
      const again = document.createElement("button");
      again.type = "button";
      again.textContent = words.retry;
      again.addEventListener("click", retry);
      item.row.appendChild(again);
    }
  }

  function add(fields, label) {
    const item = { fields, label, state: "waiting", answer: null, row: document.createElement("li") };
    queue.push(item);
    list.prepend(item.row);
    draw(item);
    pump();
  }

  // One request at a time, in the order scanned; a network failure stops the queue (order kept).
  async function pump() {
    if (sending || blocked) return;
    const item = queue.find((i) => i.state === "waiting");
    if (!item) return;
    sending = true;
    item.state = "sending";
    draw(item);
    try {
      const response = await fetch(root.dataset.scan, {
        method: "POST",
        headers: { "X-CSRFToken": csrf },
        body: new URLSearchParams({ door: root.dataset.door, ...item.fields }),
        credentials: "same-origin",
      });
      if (response.status >= 500) throw new Error(String(response.status));
      item.answer = await response.json();
      item.state = "done";
      draw(item);
      show(item);
      sending = false;
      pump();
    } catch (error) {
      item.state = "failed";
      draw(item);
      queue.filter((i) => i.state === "waiting").forEach(draw);
      blocked = true;
      offline.hidden = false;
      document.getElementById("offline-text").textContent = words.offline;
      sending = false;
    }
  }

  function retry() {
    queue.filter((i) => i.state === "failed").forEach((i) => { i.state = "waiting"; draw(i); });
    offline.hidden = true;
    blocked = false;
    pump();
    input.focus();
  }
  document.getElementById("retry").addEventListener("click", retry);
  window.addEventListener("online", retry);

  document.getElementById("scan-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    input.value = "";
    input.focus();
    if (text) add({ token: text }, words.badge + " " + text.replace(/^DH:/, "").slice(0, 6) + "…");
  });
  document.getElementById("found").addEventListener("click", (event) => {
    const button = event.target.closest(".checkin-button");
    if (!button) return;
    add({ delegate: button.dataset.delegate }, button.dataset.name || "");
    document.getElementById("search").value = "";
    document.getElementById("found").textContent = "";
    input.focus();
  });

  // The camera: one stream and one decode loop, at most 8 decodes a second; a badge held in view
  // is read once (the same code is ignored until it has been out of view for 3 s).
  const video = document.getElementById("camera");
  const canvas = document.getElementById("frame");
  const cameraButton = document.getElementById("camera-button");
  const DECODE_MS = 125;
  const HOLD_MS = 3000;
  let stream = null;
  let timer = null;
  let starting = false;
  let lastCode = "";
  let lastSeen = 0;
  window.doorDecodes = 0;
  function decode() {
    timer = setTimeout(decode, DECODE_MS);
    if (video.readyState !== video.HAVE_ENOUGH_DATA) return;
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    const context = canvas.getContext("2d", { willReadFrequently: true });
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    window.doorDecodes += 1;
    const code = window.jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
    if (!code || !code.data.startsWith("DH:")) return;
    const now = Date.now();
    const held = code.data === lastCode && now - lastSeen < HOLD_MS;
    lastCode = code.data;
    lastSeen = now;
    if (!held) add({ token: code.data }, words.badge + " " + code.data.slice(3, 9) + "…");
  }
  function stop() {
    clearTimeout(timer);
    timer = null;
    if (stream) stream.getTracks().forEach((track) => track.stop());
    stream = null;
    video.hidden = true;
    cameraButton.textContent = words.camera_on;
    cameraButton.setAttribute("aria-pressed", "false");
  }
  cameraButton.addEventListener("click", async () => {
    if (starting) return;
    if (stream) { stop(); return; }
    starting = true;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
      video.srcObject = stream;
      video.hidden = false;
      await video.play();
      cameraButton.textContent = words.camera_off;
      cameraButton.setAttribute("aria-pressed", "true");
      clearTimeout(timer);
      decode();
    } catch (error) {
      stop();
      answer.className = "answer error";
      answer.textContent = words.camera_error;
    } finally {
      starting = false;
    }
  });
})();
