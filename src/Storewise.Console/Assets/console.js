// The console's only script (no framework): import progress polling and carts saved in this browser.
(function () {
  "use strict";

  // Import progress: reload the progress section from the page itself until the import has finished.
  function pollImport() {
    var section = document.getElementById("import-progress");
    if (!section || !section.hasAttribute("data-poll")) { return; }
    setTimeout(function () {
      fetch(location.href, { credentials: "same-origin" })
        .then(function (r) { return r.text(); })
        .then(function (html) {
          var next = new DOMParser().parseFromString(html, "text/html");
          var fresh = next.getElementById("import-progress");
          if (!fresh) { return; }
          if (fresh.hasAttribute("data-poll")) {
            section.innerHTML = fresh.innerHTML;
            pollImport();
          } else {
            location.reload();
          }
        })
        .catch(function () { pollImport(); });
    }, 700);
  }

  // Saved carts: the simulator's inputs by name, in localStorage; loading posts them back to be drawn again.
  var storageKey = "storewise.console.carts";
  function readCarts() {
    try { return JSON.parse(localStorage.getItem(storageKey) || "{}"); } catch (e) { return {}; }
  }
  function cartForm() {
    var forms = document.querySelectorAll("form");
    for (var i = 0; i < forms.length; i++) {
      var handler = forms[i].querySelector("input[name=_handler]");
      if (handler && handler.value === "cart") { return forms[i]; }
    }
    return null;
  }
  function listCarts(panel) {
    var list = panel.querySelector("[data-cart-list]");
    var carts = readCarts();
    list.innerHTML = "";
    Object.keys(carts).sort().forEach(function (name) {
      var item = document.createElement("li");
      var load = document.createElement("button");
      load.type = "button";
      load.className = "link";
      load.textContent = "Load " + name;
      load.addEventListener("click", function () { loadCart(carts[name]); });
      var remove = document.createElement("button");
      remove.type = "button";
      remove.className = "link";
      remove.textContent = "Delete " + name;
      remove.style.marginLeft = "12px";
      remove.addEventListener("click", function () {
        var all = readCarts();
        delete all[name];
        localStorage.setItem(storageKey, JSON.stringify(all));
        listCarts(panel);
      });
      item.appendChild(load);
      item.appendChild(remove);
      list.appendChild(item);
    });
  }
  function saveCart(panel) {
    var form = cartForm();
    var name = panel.querySelector("[data-cart-name]").value.trim();
    if (!form || !name) { return; }
    var fields = {};
    new FormData(form).forEach(function (value, key) {
      if (key.indexOf("f.") === 0 || key === "explain") { fields[key] = String(value); }
    });
    var all = readCarts();
    all[name] = fields;
    localStorage.setItem(storageKey, JSON.stringify(all));
    listCarts(panel);
  }
  function loadCart(fields) {
    var form = cartForm();
    if (!form) { return; }
    var post = document.createElement("form");
    post.method = "post";
    post.action = location.pathname;
    post.hidden = true;
    var carry = { "_handler": "cart", "_row": "redraw|" };
    var token = form.querySelector("input[name=__RequestVerificationToken]");
    if (token) { carry.__RequestVerificationToken = token.value; }
    Object.keys(fields).forEach(function (key) { carry[key] = fields[key]; });
    Object.keys(carry).forEach(function (key) {
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = key;
      input.value = carry[key];
      post.appendChild(input);
    });
    document.body.appendChild(post);
    post.submit();
  }

  document.addEventListener("DOMContentLoaded", function () {
    pollImport();
    var panel = document.querySelector("[data-cart-form]");
    if (panel) {
      listCarts(panel);
      panel.querySelector("[data-cart-save]").addEventListener("click", function () { saveCart(panel); });
    }
  });
})();
