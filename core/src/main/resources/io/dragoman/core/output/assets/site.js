/* Dragoman reader site: filters and search on the index. No network: data comes from script files beside it. */
'use strict';
(function () {
  var D = (window.DRAGOMAN = window.DRAGOMAN || {});
  var rowShards = {};
  var searchShards = {};
  var indexes = {};
  var waiting = {};
  var root = '';
  var versionsOf = null; // story id → the rows of its other versions, newest first
  /** Other versions listed under a story's row; the article page lists as many. */
  var LISTED = 20;

  D.rows = function (n, rows) { rowShards[n] = rows; settle('rows-' + n); };
  D.search = function (n, docs) { searchShards[n] = docs; settle('search-' + n); };

  function settle(name) {
    var callback = waiting[name];
    delete waiting[name];
    if (callback) { callback(); }
  }

  function script(src, onload, reject) {
    var s = document.createElement('script');
    s.src = src;
    if (onload) { s.onload = onload; }
    s.onerror = function () { reject(new Error('cannot load ' + src)); };
    document.head.appendChild(s);
  }

  function loadLunr() {
    return window.lunr ? Promise.resolve() : new Promise(function (resolve, reject) {
      script(root + 'assets/lunr.min.js', resolve, reject);
    });
  }

  function load(name) {
    return new Promise(function (resolve, reject) {
      waiting[name] = resolve;
      var s = document.createElement('script');
      s.src = root + 'data/' + name + '.js';
      s.onerror = function () { reject(new Error('cannot load ' + name)); };
      document.head.appendChild(s);
    });
  }

  function loadAll(prefix, count, have) {
    var pending = [];
    for (var i = 0; i < count; i++) {
      if (!(i in have)) { pending.push(load(prefix + i)); }
    }
    return Promise.all(pending);
  }

  function lunrIndex(n) {
    if (!indexes[n]) {
      var docs = searchShards[n];
      indexes[n] = window.lunr(function () {
        var builder = this;
        builder.ref('i');
        builder.field('e');
        builder.field('s');
        builder.field('o');
        docs.forEach(function (d) { builder.add(d); });
      });
    }
    return indexes[n];
  }

  /** The ids of the articles whose text holds every word of the query, in English or the original. */
  function matching(q, count) {
    var terms = window.lunr.tokenizer(q).map(function (t) { return t.toString(); });
    var ids = new Set();
    for (var n = 0; n < count; n++) {
      var results = lunrIndex(n).query(function (query) {
        terms.forEach(function (t) {
          query.term(t, { presence: window.lunr.Query.presence.REQUIRED });
        });
      });
      results.forEach(function (r) { ids.add(r.ref); });
    }
    return ids;
  }

  /** The id of the newest version of the row's story: the row that stands for the story. */
  function storyOf(row) { return row[13] || row[0]; }

  function eachRow(count, visit) {
    for (var n = 0; n < count; n++) { rowShards[n].forEach(visit); }
  }

  function otherVersions(count) {
    if (!versionsOf) {
      versionsOf = {};
      eachRow(count, function (row) {
        var story = storyOf(row);
        if (story !== row[0]) { (versionsOf[story] = versionsOf[story] || []).push(row); }
      });
    }
    return versionsOf;
  }

  function contains(list, wanted) {
    wanted = wanted.toLowerCase();
    return list.some(function (name) { return name.toLowerCase().indexOf(wanted) >= 0; });
  }

  function accepts(c, row, ids) {
    if (ids && !ids.has(row[0])) { return false; }
    if (c.from && (!row[1] || row[1] < c.from)) { return false; }
    if (c.until && (!row[1] || row[1] > c.until)) { return false; }
    if (c.source && row[3] !== c.source) { return false; }
    if (c.section && row[4] !== c.section) { return false; }
    if (c.topic && !contains(row[7], c.topic)) { return false; }
    if (c.person && !contains(row[8], c.person)) { return false; }
    if (c.organization && !contains(row[9], c.organization)) { return false; }
    if (c.place && !contains(row[10], c.place)) { return false; }
    if (c.status && row[11] !== c.status) { return false; }
    return true;
  }

  function element(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function rowElement(row, others) {
    var li = element('li', 'row');
    li.dataset.id = row[0];
    var meta = element('div', 'meta');
    meta.appendChild(element('time', '', row[2]));
    meta.appendChild(document.createTextNode(' · '));
    meta.appendChild(element('span', 'src', row[3]));
    if (row[4]) { meta.appendChild(document.createTextNode(' · ')); meta.appendChild(element('span', 'sec', row[4])); }
    if (row[11] === 'needs-review') { meta.appendChild(element('span', 'badge review', 'needs review')); }
    if (row[11] === 'failed') { meta.appendChild(element('span', 'badge failed', 'failed')); }
    li.appendChild(meta);
    var a = element('a', 'headline', row[5]);
    a.href = 'article/' + encodeURIComponent(row[0]) + '.html';
    a.dir = 'auto';
    li.appendChild(a);
    if (row[6]) { var p = element('p', 'lede', row[6]); p.dir = 'auto'; li.appendChild(p); }
    if (row[12] > 1) { li.appendChild(versionsElement(row, others[row[0]] || [])); }
    return li;
  }

  /** The story's other versions, as the index page lists them: date, source and linked headline. */
  function versionsElement(row, rows) {
    var details = element('details', 'versions');
    details.appendChild(element('summary', 'badge versions', row[12] + ' versions'));
    var ul = element('ul');
    rows.slice(0, LISTED).forEach(function (v) {
      var li = element('li');
      li.appendChild(element('time', '', v[2]));
      li.appendChild(document.createTextNode(' · '));
      li.appendChild(element('span', 'src', v[3]));
      li.appendChild(document.createTextNode(' · '));
      var a = element('a', '', v[5]);
      a.href = 'article/' + encodeURIComponent(v[0]) + '.html';
      a.dir = 'auto';
      li.appendChild(a);
      ul.appendChild(li);
    });
    var more = row[12] - 1 - Math.min(rows.length, LISTED);
    if (more > 0) { ul.appendChild(element('li', 'more', 'and ' + more + ' more on the article page')); }
    details.appendChild(ul);
    return details;
  }

  function criteria(form) {
    var c = {};
    ['q', 'from', 'until', 'source', 'section', 'topic', 'person', 'organization', 'place', 'status']
      .forEach(function (name) {
        var v = form.elements[name].value.trim();
        if (v) { c[name] = v; }
      });
    return c;
  }

  function setUp(form) {
    var list = document.getElementById('rows');
    var count = document.getElementById('count');
    var pager = document.getElementById('pager');
    var more = document.getElementById('more');
    var original = list.cloneNode(true);
    var originalCount = count.textContent;
    var rowCount = Number(form.dataset.shards);
    var searchCount = Number(form.dataset.searchShards);
    var found = [];
    var shown = 0;

    function showMore() {
      var end = Math.min(found.length, shown + 50);
      var others = otherVersions(rowCount);
      for (; shown < end; shown++) { list.appendChild(rowElement(found[shown], others)); }
      more.hidden = shown >= found.length;
    }

    function apply() {
      var c = criteria(form);
      if (Object.keys(c).length === 0) {
        list.replaceWith(original.cloneNode(true));
        list = document.getElementById('rows');
        count.textContent = originalCount;
        pager.hidden = false;
        more.hidden = true;
        return;
      }
      count.textContent = 'Searching…';
      var ready = [loadAll('rows-', rowCount, rowShards)];
      if (c.q) { ready.push(loadLunr(), loadAll('search-', searchCount, searchShards)); }
      Promise.all(ready).then(function () {
        var ids = c.q ? matching(c.q, searchCount) : null;
        // a story matches when any of its versions does, and shows as its newest version's row
        var stories = new Set();
        eachRow(rowCount, function (row) { if (accepts(c, row, ids)) { stories.add(storyOf(row)); } });
        found = [];
        eachRow(rowCount, function (row) { if (stories.has(row[0])) { found.push(row); } });
        list.textContent = '';
        shown = 0;
        pager.hidden = true;
        count.textContent = found.length + (found.length === 1 ? ' story matches' : ' stories match');
        showMore();
      }).catch(function (e) { count.textContent = 'The search data could not be read: ' + e.message; });
    }

    form.addEventListener('submit', function (event) { event.preventDefault(); apply(); });
    form.addEventListener('reset', function () { setTimeout(apply, 0); });
    document.getElementById('more-button').addEventListener('click', showMore);
    var params = new URLSearchParams(window.location.search);
    var any = false;
    params.forEach(function (value, name) {
      if (form.elements[name]) { form.elements[name].value = value; any = true; }
    });
    if (any) { apply(); }
  }

  document.addEventListener('DOMContentLoaded', function () {
    root = document.body.dataset.root || '';
    var form = document.getElementById('filters');
    if (form) { setUp(form); }
  });
})();
