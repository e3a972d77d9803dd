// Enhancement only: pages work and print without it. Shows the print buttons and makes them print.
document.querySelectorAll("button[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
