// Conditional questions: hidden until the answer they depend on is given. Without this script every question is
// shown with "Answer this only if…", and the server ignores answers whose condition is not met.
(function () {
  "use strict";
  var blocks = Array.prototype.slice.call(document.querySelectorAll("[data-show-if-field]"));
  if (!blocks.length) {
    return;
  }
  var form = blocks[0].closest("form");

  function chosen(name) {
    var values = [];
    form.querySelectorAll("input").forEach(function (input) {
      if (input.name === name && (input.type === "radio" || input.type === "checkbox") && input.checked) {
        values.push(input.value);
      }
    });
    return values;
  }

  function update() {
    blocks.forEach(function (block) {
      var name = block.getAttribute("data-show-if-field");
      var wanted = block.getAttribute("data-show-if").split(" ");
      var controlling = form.querySelector("[data-question-field='" + name + "']");
      var parentShown = !controlling || !controlling.hidden;
      var show = parentShown && chosen(name).some(function (value) { return wanted.indexOf(value) !== -1; });
      block.hidden = !show;
      var hint = block.querySelector(".condition-hint");
      if (hint) {
        hint.hidden = true;
      }
    });
  }

  form.addEventListener("change", update);
  update();
})();
