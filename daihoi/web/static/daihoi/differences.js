// One key settles the first difference: press a team's number to choose the entry that matches
// the paper (the buttons stay for the mouse; typing in a field never triggers it).
(function () {
  document.addEventListener("keydown", (event) => {
    const target = event.target;
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA")) return;
    const button = document.querySelector(
      'section.difference.current button[data-key="' + event.key + '"]'
    );
    if (!button) return;
    event.preventDefault();
    button.click();
  });
})();
