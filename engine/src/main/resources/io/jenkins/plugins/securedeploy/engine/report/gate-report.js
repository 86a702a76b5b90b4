/*
 * Secure Deploy gate report: sorting and filtering of the findings table. Loaded as an external file so the page
 * works under "script-src 'self'" (no inline script, no on* attributes, no style attributes). Reads everything
 * from the rows' data-* attributes, so it also works from file:// without fetching anything.
 */
(function () {
  'use strict';

  function init() {
    var table = document.getElementById('findings-table');
    if (!table) {
      return;
    }
    var tbody = table.tBodies[0];
    var rows = Array.prototype.slice.call(tbody.rows);
    var filter = document.getElementById('filter');
    var severity = document.getElementById('severity-filter');
    var status = document.getElementById('status-filter');
    var count = document.getElementById('count');
    var sortKey = 'rank';
    var sortNumeric = true;
    var sortDescending = true;

    function value(row, key) {
      return row.getAttribute('data-' + key) || '';
    }

    function compare(a, b) {
      var x = value(a, sortKey);
      var y = value(b, sortKey);
      var result;
      if (sortNumeric) {
        result = (parseFloat(x) || 0) - (parseFloat(y) || 0);
      } else {
        result = x.localeCompare(y);
      }
      if (result === 0) {
        result = value(a, 'fingerprint').localeCompare(value(b, 'fingerprint'));
        return result;
      }
      return sortDescending ? -result : result;
    }

    function apply() {
      var text = (filter && filter.value || '').toLowerCase();
      var sev = severity ? severity.value : '';
      var st = status ? status.value : '';
      var shown = 0;
      rows.sort(compare);
      rows.forEach(function (row) {
        var haystack = [value(row, 'tool'), value(row, 'rule'), value(row, 'title'), value(row, 'where'),
          value(row, 'severity'), value(row, 'fingerprint')].join(' ').toLowerCase();
        var visible = (!text || haystack.indexOf(text) >= 0) && (!sev || value(row, 'severity') === sev)
          && (!st || value(row, 'status') === st);
        row.hidden = !visible;
        if (visible) {
          shown++;
        }
        tbody.appendChild(row);
      });
      if (count) {
        var total = parseInt(count.getAttribute('data-total'), 10) || rows.length;
        count.textContent = 'Showing ' + shown + ' of ' + rows.length + ' findings'
          + (total > rows.length ? ' (the top ' + rows.length + ' of ' + total + ')' : '');
        count.setAttribute('data-shown', String(shown));
      }
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
        var key = th.getAttribute('data-sort');
        th.setAttribute('aria-sort', key === sortKey ? (sortDescending ? 'descending' : 'ascending') : 'none');
      });
      table.setAttribute('data-sorted-by', sortKey + (sortDescending ? ':desc' : ':asc'));
    }

    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      var key = th.getAttribute('data-sort');
      if (!key) {
        return;
      }
      th.tabIndex = 0;
      th.classList.add('sortable');
      function sortHere() {
        if (sortKey === key) {
          sortDescending = !sortDescending;
        } else {
          sortKey = key;
          sortNumeric = th.getAttribute('data-type') === 'number';
          sortDescending = sortNumeric;
        }
        apply();
      }
      th.addEventListener('click', sortHere);
      th.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          sortHere();
        }
      });
    });
    [filter, severity, status].forEach(function (input) {
      if (input) {
        input.addEventListener('input', apply);
        input.addEventListener('change', apply);
      }
    });
    Array.prototype.forEach.call(document.querySelectorAll('button.copy'), function (button) {
      button.addEventListener('click', function () {
        var source = document.getElementById(button.getAttribute('data-copy'));
        if (!source || !navigator.clipboard) {
          return;
        }
        navigator.clipboard.writeText(source.textContent).then(function () {
          button.textContent = 'Copied';
        }, function () {
          button.textContent = 'Select and copy';
        });
      });
    });
    apply();
    if (window.performance && performance.now) {
      document.body.setAttribute('data-ready-ms', String(Math.round(performance.now())));
    }
    document.body.setAttribute('data-script', 'ready');
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
