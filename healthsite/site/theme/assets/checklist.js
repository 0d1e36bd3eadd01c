/* The "Which of these apply to you?" checklist (page: healthsite/render/templates/checklist.md.j2).
   The page already lists every item with a link; this script only enhances it: it shows
   what may help for the ticked boxes, reveals the care card for red flags, and keeps the
   answers in this browser's localStorage. Plain JavaScript: no dependencies, no requests. */
(function () {
  "use strict";

  // Bump the version when the stored shape changes: answers saved under other versions are dropped.
  var KEY_PREFIX = "healthsite:checklist:";
  var KEY_VERSION = "v1";

  function start(root) {
    var checklist = {
      root: root,
      boxes: Array.prototype.slice.call(root.querySelectorAll(".hs-checklist__box")),
      // Which ticks point to which kind, and under what heading: from the kinds registry (checklist.py).
      groups: JSON.parse(root.getAttribute("data-hs-groups") || "[]"),
      store: openStore(root.getAttribute("data-hs-topic")),
      card: document.getElementById("hs-checklist-care"),
    };
    restore(checklist);
    root.querySelector(".hs-checklist__static").hidden = true;
    root.querySelector(".hs-checklist__actions").hidden = false;
    root.addEventListener("change", function () {
      checklist.store.save(tickedKeys(checklist));
      show(checklist);
    });
    root.querySelector("[data-hs-clear]").addEventListener("click", function () {
      checklist.boxes.forEach(function (box) { box.checked = false; });
      checklist.store.clear();
      show(checklist);
    });
    root.querySelector("[data-hs-print]").addEventListener("click", function () { window.print(); });
    show(checklist);
  }

  // --- Saved answers --------------------------------------------------------------------

  function openStore(topic) {
    var key = KEY_PREFIX + KEY_VERSION + ":" + topic;
    var storage = localStorageOrNull();
    if (!storage) {
      return { load: function () { return []; }, save: function () {}, clear: function () {} };
    }
    dropOtherVersions(storage, topic, key);
    return {
      load: function () { return readKeys(storage, key); },
      save: function (keys) { write(storage, key, keys); },
      clear: function () { storage.removeItem(key); },
    };
  }

  function localStorageOrNull() {
    try {
      return window.localStorage; // the getter throws where the reader has blocked site storage
    } catch (blocked) {
      return null;
    }
  }

  function dropOtherVersions(storage, topic, key) {
    for (var i = storage.length - 1; i >= 0; i--) {
      var name = storage.key(i);
      if (name && name !== key && name.indexOf(KEY_PREFIX) === 0 && name.slice(-topic.length - 1) === ":" + topic) {
        storage.removeItem(name);
      }
    }
  }

  // Anything but {"ticked": [strings]} is corrupt: it is removed and the list starts empty.
  function readKeys(storage, key) {
    var raw = storage.getItem(key);
    if (raw === null) return [];
    var saved = null;
    try {
      saved = JSON.parse(raw);
    } catch (notJson) {
      saved = null;
    }
    var valid = saved && Array.isArray(saved.ticked) && saved.ticked.every(function (k) { return typeof k === "string"; });
    if (!valid) {
      storage.removeItem(key);
      return [];
    }
    return saved.ticked;
  }

  function write(storage, key, keys) {
    try {
      if (keys.length) storage.setItem(key, JSON.stringify({ ticked: keys }));
      else storage.removeItem(key);
    } catch (full) {
      // Storage full or refused: the page still works, the answers are just not kept, and
      // older saved answers are dropped so that a reload does not bring back a stale list.
      try { storage.removeItem(key); } catch (refused) { /* nothing more to do */ }
    }
  }

  // Boxes for items that no longer exist are dropped, and the stored list rewritten to match.
  function restore(checklist) {
    var saved = checklist.store.load();
    checklist.boxes.forEach(function (box) { box.checked = saved.indexOf(box.value) !== -1; });
    if (tickedKeys(checklist).length !== saved.length) checklist.store.save(tickedKeys(checklist));
  }

  // --- Results --------------------------------------------------------------------------

  function tickedKeys(checklist) {
    return checked(checklist).map(function (box) { return box.value; });
  }

  function checked(checklist) {
    return checklist.boxes.filter(function (box) { return box.checked; });
  }

  function show(checklist) {
    var ticked = checked(checklist);
    var answers = checklist.root.querySelector(".hs-checklist__answers");
    answers.replaceChildren.apply(answers, resultNodes(checklist, ticked));
    showCareCard(checklist, ticked);
  }

  function resultNodes(checklist, ticked) {
    var text = function (name) { return checklist.root.getAttribute("data-hs-text-" + name); };  // in the page's language
    if (!ticked.length) return [paragraph(text("empty"))];
    var nodes = [heading(text("ticked")), list(ticked.map(function (box) { return titleOf(checklist, box.value); }))];
    checklist.groups.forEach(function (group) {
      var keys = leadsTo(checklist, ticked, group);
      if (keys.length) nodes.push(heading(group.heading), list(keys.map(function (key) { return pageLink(checklist, key); })));
    });
    // A question can ask to be answered too ("Tick any possible causes ..."), while none of its boxes is ticked.
    Array.prototype.forEach.call(checklist.root.querySelectorAll("[data-hs-nudge]"), function (question) {
      if (!question.querySelector(".hs-checklist__box:checked")) nodes.push(paragraph(question.getAttribute("data-hs-nudge")));
    });
    return nodes;
  }

  // The items the ticked boxes of one group point to: no duplicates, in the page's order.
  function leadsTo(checklist, ticked, group) {
    var wanted = {};
    ticked.forEach(function (box) {
      if (box.value.indexOf(group.from + "/") !== 0) return;
      box.getAttribute("data-hs-leads-to").split(" ").forEach(function (key) { if (key) wanted[key] = true; });
    });
    return items(checklist, group.to).filter(function (key) { return wanted[key]; });
  }

  function items(checklist, kind) {
    var found = checklist.root.querySelectorAll('[data-hs-item^="' + kind + '/"]');
    return Array.prototype.map.call(found, function (el) { return el.getAttribute("data-hs-item"); });
  }

  function itemElement(checklist, key) {
    return checklist.root.querySelector('[data-hs-item="' + key + '"]');
  }

  function titleOf(checklist, key) {
    return document.createTextNode(itemElement(checklist, key).getAttribute("data-hs-title"));
  }

  // A link to the item's page, with the full address so that a printout shows where to read it.
  function pageLink(checklist, key) {
    var element = itemElement(checklist, key);
    var link = document.createElement("a");
    link.href = element.querySelector("a").href;
    link.textContent = element.getAttribute("data-hs-title");
    return link;
  }

  function showCareCard(checklist, ticked) {
    if (!checklist.card) return;
    var flagged = ticked.filter(function (box) { return box.hasAttribute("data-hs-red-flag"); })
      .map(function (box) { return itemElement(checklist, box.value).getAttribute("data-hs-title"); });
    checklist.card.hidden = flagged.length === 0;
    // The card lists every red flag; the reader sees the ones they ticked.
    Array.prototype.forEach.call(checklist.card.querySelectorAll("li"), function (reason) {
      reason.hidden = flagged.indexOf(reason.textContent.trim()) === -1;
    });
  }

  // --- Small DOM helpers ----------------------------------------------------------------

  function heading(text) {
    var h = document.createElement("h3");
    h.textContent = text;
    return h;
  }

  function paragraph(text) {
    var p = document.createElement("p");
    p.textContent = text;
    return p;
  }

  function list(children) {
    var ul = document.createElement("ul");
    children.forEach(function (child) {
      var li = document.createElement("li");
      li.appendChild(child);
      ul.appendChild(li);
    });
    return ul;
  }

  // Material's document$ emits on the first load and after each instant navigation.
  function onEveryPage() {
    var root = document.querySelector(".hs-checklist");
    if (root) start(root);
  }

  if (window.document$) window.document$.subscribe(onEveryPage);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", onEveryPage);
  else onEveryPage();
})();
