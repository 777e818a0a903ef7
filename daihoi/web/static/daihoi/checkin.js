// A door: a handheld scanner types the badge code and Enter; a phone camera reads the QR code
// (jsQR, vendored); a search finds a name. Every way ends in one POST, answered in a few ms.
(function () {
  const root = document.getElementById("checkin");
  if (!root) return;
  const input = document.getElementById("token");
  const answer = document.getElementById("answer");
  const csrf = document.querySelector("input[name=csrfmiddlewaretoken]").value;
  let busy = false;

  function show(data) {
    answer.className = "answer " + (data.ok ? (data.new ? "success" : "warning") : "error");
    answer.textContent = "";
    const line = document.createElement("div");
    line.className = "who";
    line.textContent = data.message;
    answer.appendChild(line);
    if (data.ok && data.delegation) {
      const where = document.createElement("div");
      where.textContent = data.delegation + (data.new ? " · " + data.at : "");
      answer.appendChild(where);
    }
    if (data.note) {
      const note = document.createElement("div");
      note.className = "warning";
      note.textContent = data.note;
      answer.appendChild(note);
    }
  }

  async function send(fields) {
    if (busy) return;
    busy = true;
    const body = new URLSearchParams({ door: root.dataset.door, ...fields });
    try {
      const response = await fetch(root.dataset.scan, {
        method: "POST",
        headers: { "X-CSRFToken": csrf },
        body: body,
        credentials: "same-origin",
      });
      show(await response.json());
    } catch (error) {
      show({ ok: false, message: "Mất kết nối — thử lại / connection lost — try again" });
    } finally {
      busy = false;
      input.value = "";
      input.focus();
    }
  }

  document.getElementById("scan-form").addEventListener("submit", (event) => {
    event.preventDefault();
    if (input.value.trim()) send({ token: input.value.trim() });
  });
  document.getElementById("found").addEventListener("click", (event) => {
    const button = event.target.closest(".checkin-button");
    if (!button) return;
    send({ delegate: button.dataset.delegate }).then(() => {
      const search = document.getElementById("search");
      search.value = "";
      document.getElementById("found").textContent = "";
    });
  });

  // The camera: read frames until a QR code starting "DH:" appears; pause 2 s after each.
  const video = document.getElementById("camera");
  const canvas = document.getElementById("frame");
  let last = "";
  let lastAt = 0;
  function tick() {
    if (video.readyState === video.HAVE_ENOUGH_DATA) {
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      const context = canvas.getContext("2d", { willReadFrequently: true });
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      const image = context.getImageData(0, 0, canvas.width, canvas.height);
      const code = window.jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
      const now = Date.now();
      if (code && code.data.startsWith("DH:") && (code.data !== last || now - lastAt > 2000)) {
        last = code.data;
        lastAt = now;
        send({ token: code.data });
      }
    }
    requestAnimationFrame(tick);
  }
  document.getElementById("camera-button").addEventListener("click", async () => {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
      video.srcObject = stream;
      video.hidden = false;
      await video.play();
      requestAnimationFrame(tick);
    } catch (error) {
      show({ ok: false, message: "Không mở được camera (cần HTTPS hoặc localhost) / the camera cannot open (needs HTTPS or localhost)" });
    }
  });
})();
