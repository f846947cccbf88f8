(function () {
  'use strict';
  // Sorts a table's body rows by the clicked column: numbers (commas dropped) or text.
  function cellKey(row, index, numeric) {
    var cell = row.cells[index];
    var text = cell ? cell.textContent : '';
    if (!numeric) {
      return text;
    }
    var n = parseFloat(text.replace(/,/g, ''));
    return isNaN(n) ? -Infinity : n;
  }
  function sortBy(table, th, index) {
    var numeric = th.classList.contains('num');
    var current = th.getAttribute('aria-sort');
    var order = current === 'descending' ? 'ascending' : current === 'ascending' ? 'descending' : (numeric ? 'descending' : 'ascending');
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) { other.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', order);
    var sign = order === 'ascending' ? 1 : -1;
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellKey(a, index, numeric);
      var y = cellKey(b, index, numeric);
      return x < y ? -sign : x > y ? sign : 0;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  document.querySelectorAll('table.sortable').forEach(function (table) {
    if (!table.tHead || !table.tBodies.length) {
      return;
    }
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      var button = th.querySelector('button');
      if (button) {
        button.addEventListener('click', function () { sortBy(table, th, index); });
      }
    });
  });
  // A printed report shows the folded rows too.
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details').forEach(function (d) { d.open = true; });
  });
}());
