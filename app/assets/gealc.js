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
