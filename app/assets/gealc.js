/* Keep <html lang> and the document title in step with the page language. */
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  gealc: {
    setLanguage: function (lang) {
      if (lang) { document.documentElement.lang = lang; }
      // The tab's title is the site's name as the page's header writes it in its language.
      var brand = document.querySelector(".site-header .brand");
      if (brand) { document.title = brand.textContent.trim(); }
      return window.dash_clientside.no_update;
    }
  }
});

/* dcc.Dropdown (Dash 4) puts the Tab stop on a hidden <input aria-hidden="true"> that hands focus
   on to the real trigger, a <button tabindex="-1">: a focusable element hidden from screen
   readers (WCAG 4.1.2, axe's aria-hidden-focus). Make the button itself the Tab stop and disable
   the stand-in, for each dropdown as it appears; the button opens its list with Enter, Space or
   ArrowDown as before. (Dash rewrites the stand-in's tabindex on blur, never its `disabled`.) */
(function () {
  function fix(root) {
    var stand = root.querySelectorAll ? root.querySelectorAll("input.dash-dropdown-focus-target:not([disabled])") : [];
    for (var i = 0; i < stand.length; i++) {
      var button = stand[i].nextElementSibling;
      if (!button || button.tagName !== "BUTTON") { continue; }
      stand[i].disabled = true;
      stand[i].tabIndex = -1;
      button.tabIndex = 0;  // a disabled button stays out of the Tab order all the same
    }
  }
  function start() {
    fix(document);
    new MutationObserver(function () { fix(document); })
      .observe(document.body, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); }
  else { start(); }
})();
