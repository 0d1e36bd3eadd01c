// The home page's "Search" button opens the site search in the header (Material's own,
// which runs in the reader's browser). Without JavaScript there is no search, so the
// button stays hidden and the A-Z list below it is the way in.
document$.subscribe(function () {
  var button = document.querySelector(".hs-search-launch");
  var toggle = document.getElementById("__search");
  if (!button || !toggle) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    toggle.checked = true;
    toggle.dispatchEvent(new Event("change"));
    var input = document.querySelector(".md-search__input");
    if (input) input.focus();
  });
});
