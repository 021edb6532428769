/* Keep <html lang> and the document title in step with the page language. */
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  gealc: {
    setLanguage: function (lang) {
      if (lang) { document.documentElement.lang = lang; }
      return window.dash_clientside.no_update;
    }
  }
});
