// Upload with a progress bar. Without JavaScript the form posts as usual; with it, the same form is sent
// with XMLHttpRequest so the bar can show how far the upload is, and the answer replaces the page's main.
document.querySelectorAll("form[data-upload]").forEach((form) => {
  const progress = form.querySelector(".upload-progress");
  const status = form.querySelector(".upload-status");
  form.addEventListener("submit", (event) => {
    if (!window.FormData || !window.XMLHttpRequest) return;
    event.preventDefault();
    const request = new XMLHttpRequest();
    request.open("POST", form.action || window.location.href);
    progress.hidden = false;
    request.upload.addEventListener("progress", (e) => {
      if (!e.lengthComputable) return;
      const percent = Math.round((e.loaded / e.total) * 100);
      progress.value = percent;
      status.textContent = percent + "% verzonden";
    });
    request.addEventListener("load", () => {
      const answer = new DOMParser().parseFromString(request.responseText, "text/html").querySelector("main");
      const main = document.querySelector("main");
      if (!answer || !main) { window.location.reload(); return; }
      main.replaceWith(answer);
      answer.focus();
    });
    request.addEventListener("error", () => {
      status.textContent = "De upload is afgebroken. Er is niets opgeslagen; probeer het opnieuw.";
      progress.hidden = true;
    });
    request.send(new FormData(form));
  });
});
