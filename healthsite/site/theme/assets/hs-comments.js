/* Comments: load Giscus only when the reader asks for it, so no page contacts a
   third party on its own. Runs again after each instant navigation (document$). */
(function () {
  "use strict";

  var GISCUS = "https://giscus.app/client.js";

  function loadComments(button) {
    var thread = button.parentNode.querySelector(".hs-comments__thread");
    var script = document.createElement("script");
    script.src = GISCUS;
    script.async = true;
    script.crossOrigin = "anonymous";
    var settings = {
      "data-repo": button.dataset.repo,
      "data-repo-id": button.dataset.repoId,
      "data-category": button.dataset.category,
      "data-category-id": button.dataset.categoryId,
      "data-mapping": "pathname",
      "data-strict": "1",
      "data-reactions-enabled": "0",
      "data-emit-metadata": "0",
      "data-input-position": "top",
      "data-theme": "preferred_color_scheme",
      "data-lang": button.dataset.lang || "en",
    };
    Object.keys(settings).forEach(function (name) {
      script.setAttribute(name, settings[name]);
    });
    thread.appendChild(script);
    button.hidden = true;
    thread.setAttribute("tabindex", "-1");
    thread.focus();
  }

  function enhance() {
    document.querySelectorAll("[data-hs-comments-load]").forEach(function (button) {
      button.addEventListener("click", function () {
        loadComments(button);
      }, { once: true });
    });
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(enhance);
  } else {
    document.addEventListener("DOMContentLoaded", enhance);
  }
})();
