/* okrdesk.js: small conveniences over pages that work without it.
 * - the import page: a chosen file is read into the text area;
 * - filter forms: changing a select shows the result at once. */
(function () {
  "use strict";
  var file = document.getElementById("import-file");
  var data = document.getElementById("import-data");
  if (file && data) {
    file.addEventListener("change", function () {
      var f = file.files && file.files[0];
      if (!f) return;
      var rd = new FileReader();
      rd.onload = function () { data.value = rd.result; };
      rd.readAsText(f);
    });
  }
  var forms = document.querySelectorAll("form.filters");
  Array.prototype.forEach.call(forms, function (form) {
    Array.prototype.forEach.call(form.querySelectorAll("select"),
      function (s) {
        s.addEventListener("change", function () { form.submit(); });
      });
  });
})();
