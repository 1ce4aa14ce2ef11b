// Progressive enhancement for the report form; the form works fully without it.
(function () {
  "use strict";
  var form = document.getElementById("report-form");
  if (!form) { return; }
  document.documentElement.classList.add("js");

  // Show contact details only once the person says we may contact them.
  var contact = document.getElementById("contact-details");
  function syncContact() {
    var yes = form.querySelector("input[name=may_contact][value=yes]");
    if (contact && yes) { contact.hidden = !yes.checked && !contact.querySelector(".errors"); }
  }
  form.querySelectorAll("input[name=may_contact]").forEach(function (input) {
    input.addEventListener("change", syncContact);
  });
  syncContact();

  // Check the number and size of files before a long upload on a slow phone connection.
  var files = form.querySelector("input[type=file]");
  if (files) {
    var maxFiles = parseInt(form.dataset.maxFiles, 10);
    var maxBytes = parseInt(form.dataset.maxBytes, 10);
    files.addEventListener("change", function () {
      var tooMany = files.files.length > maxFiles;
      var tooBig = Array.prototype.some.call(files.files, function (f) { return f.size > maxBytes; });
      files.setCustomValidity(tooMany || tooBig ? (files.dataset.tooLarge || "") : "");
      if (tooMany || tooBig) { files.reportValidity(); }
    });
  }

  // Send the person straight to the first problem after a failed submission.
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }

  // Disable the button while sending so an impatient second tap does not send twice.
  form.addEventListener("submit", function () {
    var button = form.querySelector("button[type=submit]");
    if (button) { window.setTimeout(function () { button.disabled = true; }, 0); }
  });
}());
