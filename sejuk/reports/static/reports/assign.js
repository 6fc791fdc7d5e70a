// Assigning a case: as the operator types in the search box, ask the server for the
// matching officers and units and put them in the list. Without JavaScript the same
// search works by submitting the box (the page comes back with the results).
(function () {
  var form = document.querySelector("form[data-assignees]");
  var list = document.getElementById("assignees");
  if (!form || !list || !window.fetch) return;
  var box = form.querySelector("input[name=cari]");
  var timer = null;
  var asked = 0;
  function search() {
    var mine = ++asked;
    fetch(form.dataset.assignees + "?q=" + encodeURIComponent(box.value), {
      credentials: "same-origin",
      headers: {"Accept": "text/html"}
    }).then(function (response) {
      return response.ok ? response.text() : Promise.reject(response.status);
    }).then(function (options) {
      if (mine === asked) list.innerHTML = options;  // our own escaped template
    }).catch(function () { /* keep the list as it was; the button still searches */ });
  }
  box.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 250);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    search();
  });
})();
