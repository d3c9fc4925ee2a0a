/* Suggestions as you type in the header search: page titles from this site's own
   /search-suggestions/ endpoint, shown with the ARIA combobox pattern (arrow keys move through
   them, Enter opens one, Escape closes the list). Progressive enhancement: without this script,
   or when the endpoint is busy, the form searches as before. Keystrokes go nowhere else. */
(function () {
  "use strict";

  var WAIT_MS = 200;

  function enhance(form) {
    var input = form.querySelector('input[name="q"]');
    var endpoint = form.getAttribute("data-suggestions");
    if (!input || !endpoint || !window.fetch) return;

    var list = document.createElement("ul");
    list.id = input.id + "-suggestions";
    list.className = "search-suggestions-list";
    list.setAttribute("role", "listbox");
    // What the screen reader says comes from the page, in its language (search_form.html).
    var words = form.dataset;
    list.setAttribute("aria-label", words.suggestionsLabel || "Suggested pages");
    list.hidden = true;
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    form.appendChild(list);
    form.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);

    var timer = null;
    var pending = null;
    var items = [];
    var active = -1;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function choose(index) {
      active = index;
      items.forEach(function (item, n) {
        item.option.setAttribute("aria-selected", n === index ? "true" : "false");
      });
      if (index < 0) {
        input.removeAttribute("aria-activedescendant");
      } else {
        input.setAttribute("aria-activedescendant", items[index].option.id);
      }
    }

    function show(suggestions) {
      list.textContent = "";
      items = suggestions.map(function (suggestion, n) {
        var option = document.createElement("li");
        option.id = list.id + "-" + n;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.className = "search-suggestions-list__option";
        option.textContent = suggestion.title;
        var type = document.createElement("span");
        type.className = "search-suggestions-list__type";
        type.textContent = suggestion.type;
        option.appendChild(type);
        option.addEventListener("click", function () {
          window.location.href = suggestion.url;
        });
        list.appendChild(option);
        return { option: option, url: suggestion.url };
      });
      active = -1;
      if (items.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        status.textContent = items.length === 1
          ? words.suggestionsOne || "1 suggestion. Use the up and down arrows to review, Enter to open."
          : (words.suggestionsMany ||
            "{count} suggestions. Use the up and down arrows to review, Enter to open.")
            .replace("{count}", items.length);
      } else {
        close();
        status.textContent = "";
      }
    }

    function ask() {
      var query = input.value.trim();
      if (pending) pending.abort();
      if (query.length < 2) {
        show([]);
        return;
      }
      pending = new AbortController();
      fetch(endpoint + "?q=" + encodeURIComponent(query), {
        signal: pending.signal,
        credentials: "omit",
        headers: { Accept: "application/json" }
      })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (data) {
          show(Array.isArray(data.suggestions) ? data.suggestions.slice(0, 6) : []);
        })
        .catch(function () { /* aborted or offline: the plain search still works */ });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, WAIT_MS);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && items.length) {
        event.preventDefault();
        if (list.hidden) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
        choose((active + 1) % items.length);
      } else if (event.key === "ArrowUp" && items.length && !list.hidden) {
        event.preventDefault();
        choose(active <= 0 ? items.length - 1 : active - 1);
      } else if (event.key === "Enter" && active >= 0 && !list.hidden) {
        event.preventDefault();
        window.location.href = items[active].url;
      } else if (event.key === "Escape" && !list.hidden) {
        event.preventDefault();
        close();
      }
    });
    // A click on an option must land before the list closes.
    list.addEventListener("mousedown", function (event) { event.preventDefault(); });
    input.addEventListener("blur", close);
  }

  Array.prototype.forEach.call(document.querySelectorAll("form[data-suggestions]"), enhance);
})();
