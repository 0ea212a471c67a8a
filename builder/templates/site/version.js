// 职标 Zhibiao：切换版本时留在同一页（builder/site/config.py 加载）。
// Material's version selector looks the page up in the other version's sitemap.xml, which
// holds no page when the site has no site_url, so it always landed on the other version's
// home. Here a click on a version in the selector goes to the same path in that version
// when the page exists there (a same-origin HEAD request), and to its home otherwise.
(function () {
  "use strict";

  function base() {
    var config = document.getElementById("__config");
    try {
      return new URL(JSON.parse(config.textContent).base + "/", location.href);
    } catch (error) {
      return null;
    }
  }

  document.addEventListener(
    "click",
    function (event) {
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
      var link = event.target instanceof Element ? event.target.closest("a.md-version__link") : null;
      var current = base();
      if (!link || !current || !location.pathname.startsWith(current.pathname)) return;
      var home = new URL(link.href);
      var target = new URL(location.pathname.slice(current.pathname.length), home);
      target.hash = location.hash;
      event.preventDefault();
      event.stopPropagation();
      fetch(target.href, { method: "HEAD" })
        .then(function (response) {
          location.assign(response.ok ? target.href : home.href);
        })
        .catch(function () {
          location.assign(home.href);
        });
    },
    true
  );
})();
