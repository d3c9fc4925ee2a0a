// The Promote tab's search appearance panel (practice/panels.py): counts the search title
// (or the page title while it is empty) and the search description as the editor types.
(function () {
  "use strict";

  function field(form, name) {
    return form.querySelector('[name="' + name + '"]');
  }

  function update(panel, form) {
    var seoTitle = field(form, "seo_title");
    var title = field(form, "title");
    var description = field(form, "search_description");
    var counts = {
      title: ((seoTitle && seoTitle.value.trim()) || (title && title.value.trim()) || "").length,
      description: description ? description.value.trim().length : 0,
    };
    var limits = {
      title: Number(panel.dataset.titleLimit),
      description: Number(panel.dataset.descriptionLimit),
    };
    Object.keys(counts).forEach(function (name) {
      panel.querySelector('[data-count="' + name + '"]').textContent = counts[name];
      panel.querySelector('[data-warning="' + name + '"]').hidden = counts[name] <= limits[name];
    });
    panel.querySelector('[data-empty="description"]').hidden = counts.description > 0;
  }

  function start() {
    document.querySelectorAll("[data-search-appearance]").forEach(function (panel) {
      var form = panel.closest("form");
      if (!form) {
        return;
      }
      form.addEventListener("input", function (event) {
        if (["title", "seo_title", "search_description"].indexOf(event.target.name) !== -1) {
          update(panel, form);
        }
      });
      update(panel, form);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
