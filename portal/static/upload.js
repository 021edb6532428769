/* Upload with drag and drop and a progress bar. Without JavaScript the form posts as usual. */
(function () {
  var form = document.getElementById("upload-form");
  if (!form || !window.FormData || !window.XMLHttpRequest) { return; }
  var zone = document.getElementById("dropzone");
  var input = document.getElementById("file");
  var bar = document.getElementById("upload-progress");
  var status = document.getElementById("upload-status");
  var button = document.getElementById("upload-button");
  var words = document.getElementById("upload-words").dataset;
  var limit = parseInt(form.dataset.limit, 10);

  ["dragenter", "dragover"].forEach(function (name) {
    zone.addEventListener(name, function (event) { event.preventDefault(); zone.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (name) {
    zone.addEventListener(name, function (event) { event.preventDefault(); zone.classList.remove("over"); });
  });
  zone.addEventListener("drop", function (event) {
    if (event.dataTransfer && event.dataTransfer.files.length) { input.files = event.dataTransfer.files; }
  });

  form.addEventListener("submit", function (event) {
    var file = input.files[0];
    if (!file) { return; }
    event.preventDefault();
    if (file.size > limit) { status.textContent = words.tooLarge; return; }
    var request = new XMLHttpRequest();
    request.open("POST", form.action);
    request.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) { bar.value = Math.round(100 * e.loaded / e.total); }
    });
    request.addEventListener("load", function () {
      // Show the page the upload led to as received: fetching it again would lose its notice
      // ("this same file was already received", "the file is empty", …), shown only once.
      document.open(); document.write(request.responseText); document.close();
      if (request.status < 400 && request.responseURL) { history.replaceState(null, "", request.responseURL); }
    });
    request.addEventListener("error", function () { status.textContent = words.failed; button.disabled = false; });
    bar.hidden = false; bar.value = 0; button.disabled = true; status.textContent = words.uploading;
    request.send(new FormData(form));
  });
})();
