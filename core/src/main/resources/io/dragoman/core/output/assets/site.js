/* Dragoman reader site: filters and search on the index. No network: data comes from script files beside it. */
'use strict';
(function () {
  var D = (window.DRAGOMAN = window.DRAGOMAN || {});
  var rowShards = {};
  var termShards = {}; // shard number → Map of term → positions of the articles holding it
  var waiting = {};
  var loading = {}; // data file → the promise of its arrival
  var root = '';
  var versionsOf = null; // story id → the rows of its other versions, newest first
  /** Other versions listed under a story's row; the article page lists as many. */
  var LISTED = 20;

  D.rows = function (n, rows) { rowShards[n] = rows; settle('rows-' + n); };
  D.terms = function (n, terms) {
    var map = new Map();
    terms.forEach(function (t) { map.set(t[0], t[1]); });
    termShards[n] = map;
    settle('terms-' + n);
  };

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

  /** Loads a data file once: a second search asking for it while it loads waits for the same script. */
  function load(name) {
    if (!loading[name]) {
      loading[name] = new Promise(function (resolve, reject) {
        waiting[name] = resolve;
        var s = document.createElement('script');
        s.src = root + 'data/' + name + '.js';
        s.onerror = function () { delete loading[name]; reject(new Error('cannot load ' + name)); };
        document.head.appendChild(s);
      });
    }
    return loading[name];
  }

  function loadAll(prefix, count, have) {
    var pending = [];
    for (var i = 0; i < count; i++) {
      if (!(i in have)) { pending.push(load(prefix + i)); }
    }
    return Promise.all(pending);
  }

  /** The query's terms as Lunr makes them: its tokenizer, then its search pipeline (the stemmer). */
  function queryTerms(q) {
    return window.lunr.tokenizer(q).map(function (t) { return window.lunr.stemmer(t).toString(); });
  }

  /** The term shard holding a term: Java's String.hashCode, as the site was written with, modulo the shards. */
  function shardOf(term, count) {
    var h = 0;
    for (var i = 0; i < term.length; i++) { h = (Math.imul(31, h) + term.charCodeAt(i)) | 0; }
    return ((h % count) + count) % count;
  }

  /** Loads the term shards the query's words are in. */
  function loadTerms(terms, count) {
    var pending = [];
    terms.forEach(function (t) {
      var n = shardOf(t, count);
      if (!(n in termShards)) { pending.push(load('terms-' + n)); }
    });
    return Promise.all(pending);
  }

  /** The positions of a term's articles, from its gaps. */
  function positions(term, count) {
    var gaps = termShards[shardOf(term, count)].get(term) || [];
    var out = new Set();
    var p = -1;
    for (var i = 0; i < gaps.length; i++) { p += gaps[i]; out.add(p); }
    return out;
  }

  /** The positions of the articles whose text holds every word of the query, in English or the original. */
  function matching(terms, count) {
    if (terms.length === 0) { return new Set(); }
    var found = null;
    terms.forEach(function (t) {
      var these = positions(t, count);
      found = found === null ? these : new Set(Array.from(found).filter(function (p) { return these.has(p); }));
    });
    return found;
  }

  /** The id of the newest version of the row's story: the row that stands for the story. */
  function storyOf(row) { return row[13] || row[0]; }

  /** Visits every row with its position on the list. */
  function eachRow(count, visit) {
    var position = 0;
    for (var n = 0; n < count; n++) {
      rowShards[n].forEach(function (row) { visit(row, position++); });
    }
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

  function accepts(c, row, position, matched) {
    if (matched && !matched.has(position)) { return false; }
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
    var termCount = Number(form.dataset.termShards);
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
      var terms = null;
      var ready = [loadAll('rows-', rowCount, rowShards)];
      if (c.q) {
        ready.push(loadLunr().then(function () {
          terms = queryTerms(c.q);
          return loadTerms(terms, termCount);
        }));
      }
      Promise.all(ready).then(function () {
        var matched = c.q ? matching(terms, termCount) : null;
        // a story matches when any of its versions does, and shows as its newest version's row
        var stories = new Set();
        eachRow(rowCount, function (row, position) {
          if (accepts(c, row, position, matched)) { stories.add(storyOf(row)); }
        });
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
