// What pages once wrote inline (onsubmit, onchange, javascript: links): the Content-Security-Policy
// runs no inline script, so each page marks the element and this file does the rest.
// <form data-confirm="question">, <select data-autosubmit>, <a data-back href="fallback">.
"use strict";

document.addEventListener(
  "submit",
  (event) => {
    const question = event.target.dataset ? event.target.dataset.confirm : undefined;
    if (question && !window.confirm(question)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  },
  true,
);

document.addEventListener("change", (event) => {
  const field = event.target;
  if (field.matches && field.matches("select[data-autosubmit]") && field.form) {
    field.form.requestSubmit ? field.form.requestSubmit() : field.form.submit();
  }
});

document.addEventListener("click", (event) => {
  const link = event.target.closest ? event.target.closest("a[data-back]") : null;
  if (link && window.history.length > 1) {
    event.preventDefault();
    window.history.back();
  }
});
