// The page of tqc serve: sends the article to POST /api/check, highlights the findings,
// lets the editor accept or reject each fix, and builds the corrected text and its diff
// from the accepted ones. Offsets from the server are bytes of the UTF-8 text, so the
// text is kept as bytes and sliced as bytes. No library, no build step.
(function () {
  'use strict';
  var errs = 0;
  window.addEventListener('error', function () { document.body.setAttribute('data-errors', ++errs); });
  var enc = new TextEncoder(), dec = new TextDecoder();
  var $ = function (id) { return document.getElementById(id); };
  var state = { bytes: null, res: null, rules: {}, decision: [], name: 'article.txt' };

  function el(tag, attrs, kids) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) {
      if (k === 'text') e.textContent = attrs[k];
      else if (k === 'cls') e.className = attrs[k];
      else e.setAttribute(k, attrs[k]);
    }
    (kids || []).forEach(function (c) { if (c) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return e;
  }
  function slice(a, b) { return dec.decode(state.bytes.subarray(a, b)); }
  function status(msg, bad) { $('status').textContent = msg; $('status').className = bad ? 'bad' : ''; }

  fetch('/v2/languages').then(function (r) { return r.json(); }).then(function (langs) {
    langs.forEach(function (l) { $('lang').appendChild(el('option', { value: l.code, text: l.name + ' (' + l.code + ')' })); });
  }).catch(function () {});
  fetch('/api/rules').then(function (r) { return r.json(); }).then(function (rules) {
    rules.forEach(function (r) { state.rules[r.id] = r; });
  }).catch(function () {});

  $('file').addEventListener('change', function () {
    var f = this.files[0];
    if (!f) return;
    state.name = f.name;
    var ext = (f.name.split('.').pop() || '').toLowerCase();
    var fmt = { html: 'html', htm: 'html', xlf: 'xliff', xliff: 'xliff', txt: 'text', md: 'text' }[ext];
    $('format').value = fmt || 'auto';
    f.text().then(function (t) { $('src').value = t; check(); });
  });
  $('check').addEventListener('click', check);
  $('src').addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); check(); }
  });

  function check() {
    var text = $('src').value;
    if (!text.trim()) { status('Paste an article first.', true); return; }
    document.body.removeAttribute('data-ready');
    status('Checking…');
    var q = '?lang=' + encodeURIComponent($('lang').value) + '&format=' + encodeURIComponent($('format').value);
    fetch('/api/check' + q, { method: 'POST', headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: text })
      .then(function (r) { return r.ok ? r.json() : r.text().then(function (t) { throw new Error(t.trim()); }); })
      .then(function (res) {
        state.bytes = enc.encode(text);
        state.res = res;
        state.decision = res.fixes.map(function () { return null; });
        render();
        var n = res.findings.length;
        var k = res.fixes.length;
        status(n + (n === 1 ? ' finding' : ' findings') + ', ' + k + (k === 1 ? ' fix' : ' fixes') + ' (' + res.lang + ', ' + res.format + ').');
        document.body.setAttribute('data-ready', '1');
      })
      .catch(function (e) { status(e.message || 'The check failed.', true); });
  }

  function tip(f) {
    var r = state.rules[f.rule] || {};
    var t = el('span', { cls: 'tip', role: 'tooltip' }, [
      el('span', { cls: 'th' }, [el('span', { cls: 'sv ' + f.severity, text: f.severity }), el('code', { text: f.rule })]),
      el('span', { cls: 'tm', text: f.message }),
      r.summary ? el('span', { cls: 'tf', text: 'Rule: ' + r.summary + '.' }) : null,
      r.bad ? el('span', { cls: 'tf', text: 'For example, “' + r.bad + '” rather than “' + r.good + '”.' }) : null,
      f.suggestions.length ? el('span', { cls: 'ts' }, ['Suggested: ', el('b', { text: f.suggestions.join(' · ') })]) : null,
      f.fix ? el('span', { cls: 'tf' + (f.fix.safe ? ' ok' : ''), text: f.fix.safe ? 'A safe fix: see Fixes below.' : 'A fix that needs an editor: see Fixes below.' }) : null
    ]);
    return t;
  }

  function render() {
    var res = state.res, text = $('text'), counts = { error: 0, warning: 0, info: 0 }, byRule = {};
    text.textContent = '';
    var pos = 0;
    res.findings.forEach(function (f, i) {
      counts[f.severity]++;
      byRule[f.rule] = (byRule[f.rule] || 0) + 1;
      if (f.offset < pos) return;   // overlaps the previous highlight: listed below only
      text.appendChild(document.createTextNode(slice(pos, f.offset)));
      var m = el('mark', { cls: 'f' + (f.length ? '' : ' pt'), tabindex: '0', 'data-sev': f.severity, 'data-rule': f.rule, id: 'f' + i },
                 [slice(f.offset, f.offset + f.length), tip(f)]);
      text.appendChild(m);
      pos = f.offset + f.length;
    });
    text.appendChild(document.createTextNode(slice(pos, state.bytes.length)));
    ['error', 'warning', 'info'].forEach(function (s) { $('n-' + s).textContent = counts[s]; });
    $('totals').textContent = '';
    ['error', 'warning', 'info'].forEach(function (s) {
      if (counts[s]) $('totals').appendChild(el('span', { cls: 'pill ' + s, text: counts[s] + ' ' + s + (counts[s] > 1 ? 's' : '') }));
    });
    if (!res.findings.length) $('totals').appendChild(el('span', { cls: 'pill clean', text: 'clean' }));
    $('stats').innerHTML = $('totals').innerHTML;
    // Rules: one filter each, with its explanation.
    var ul = $('rules');
    ul.textContent = '';
    Object.keys(byRule).sort().forEach(function (id) {
      var cb = el('input', { type: 'checkbox', 'data-rule': id });
      cb.checked = true;
      ul.appendChild(el('li', {}, [
        el('label', { cls: 'chk' }, [cb, el('code', { text: id }), el('span', { cls: 'n', text: String(byRule[id]) })]),
        state.rules[id] ? el('span', { cls: 'sum', text: state.rules[id].summary }) : null]));
    });
    $('no-rules').hidden = Object.keys(byRule).length > 0;
    // Every finding with its explanation.
    var tb = $('findings');
    tb.textContent = '';
    res.findings.forEach(function (f, i) {
      var r = state.rules[f.rule] || {};
      tb.appendChild(el('tr', { 'data-sev': f.severity, 'data-rule': f.rule }, [
        el('td', {}, [el('a', { href: '#f' + i, text: String(f.line) })]),
        el('td', {}, [el('span', { cls: 'sv ' + f.severity, text: f.severity })]),
        el('td', {}, [el('code', { text: f.rule })]),
        el('td', {}, [f.message, r.summary ? el('br') : null, r.summary ? el('small', { text: r.summary }) : null])]));
    });
    $('n-findings').textContent = '(' + res.findings.length + ')';
    // The fixes, each to accept or reject.
    var fb = $('fixes');
    fb.textContent = '';
    res.fixes.forEach(function (x, i) {
      var acc = el('button', { type: 'button', cls: 'acc', 'aria-pressed': 'false', 'data-fix': i, 'data-act': 'accept', text: 'Accept' });
      var rej = el('button', { type: 'button', cls: 'rej', 'aria-pressed': 'false', 'data-fix': i, 'data-act': 'reject', text: 'Reject' });
      fb.appendChild(el('tr', { id: 'fix' + i }, [
        el('td', {}, [el('code', { text: x.rules.join(', ') })]),
        el('td', {}, [el('del', { text: slice(x.offset, x.offset + x.length) }), ' → ', el('ins', { text: x.replacement })]),
        el('td', { text: x.messages.join('; ') + (x.safe ? '' : ' (needs an editor)') }),
        el('td', {}, [el('span', { cls: 'btns' }, [acc, rej])])]));
    });
    $('n-fixes').textContent = '(' + res.fixes.length + ')';
    $('result').hidden = false;
    filter();
    update();
  }

  // Hides what the severity and rule filters leave out.
  function filter() {
    var off = {};
    document.querySelectorAll('#sevs input, #rules input').forEach(function (cb) {
      if (!cb.checked) off[cb.dataset.sev ? 'sev:' + cb.dataset.sev : 'rule:' + cb.dataset.rule] = 1;
    });
    document.querySelectorAll('#text mark.f, #findings tr').forEach(function (e) {
      var hide = off['sev:' + e.dataset.sev] || off['rule:' + e.dataset.rule];
      e.classList.toggle('off', !!hide);
      if (e.tagName === 'MARK') e.tabIndex = hide ? -1 : 0;
    });
  }
  document.addEventListener('change', function (e) {
    if (e.target.matches('#sevs input, #rules input')) filter();
  });

  document.addEventListener('click', function (e) {
    var b = e.target.closest('button[data-fix]');
    if (!b) return;
    var i = +b.dataset.fix, act = b.dataset.act === 'accept' ? 'accepted' : 'rejected';
    state.decision[i] = state.decision[i] === act ? null : act;
    update();
  });
  function decideAll(d) { if (state.res) { state.decision = state.res.fixes.map(function () { return d; }); update(); } }
  $('accept-all').addEventListener('click', function () { decideAll('accepted'); });
  $('reject-all').addEventListener('click', function () { decideAll('rejected'); });

  // The original bytes with the accepted fixes applied (fixes are sorted and apart).
  function corrected() {
    var parts = [], at = 0, total = 0;
    state.res.fixes.forEach(function (x, i) {
      if (state.decision[i] !== 'accepted') return;
      parts.push(state.bytes.subarray(at, x.offset), enc.encode(x.replacement));
      at = x.offset + x.length;
    });
    parts.push(state.bytes.subarray(at));
    parts.forEach(function (p) { total += p.length; });
    var out = new Uint8Array(total), k = 0;
    parts.forEach(function (p) { out.set(p, k); k += p.length; });
    return out;
  }

  function update() {
    if (!state.res) return;
    state.res.fixes.forEach(function (x, i) {
      document.querySelectorAll('#fix' + i + ' button').forEach(function (b) {
        b.setAttribute('aria-pressed', String(state.decision[i] === (b.dataset.act === 'accept' ? 'accepted' : 'rejected')));
      });
    });
    state.fixedBytes = corrected();
    $('fixed').textContent = dec.decode(state.fixedBytes);
    $('diff').textContent = diff(dec.decode(state.bytes), dec.decode(state.fixedBytes), state.name);
  }

  // A unified diff of two texts, line by line (an LCS table: articles are short).
  function diff(a, b, name) {
    if (a === b) return '';
    var A = a.split('\n'), B = b.split('\n'), n = A.length, m = B.length, ops = [];
    if (n * m > 4e6) { // too large for the table: one hunk replacing everything
      A.forEach(function (l) { ops.push(['-', l]); });
      B.forEach(function (l) { ops.push(['+', l]); });
    } else {
      var L = [];
      for (var i = n; i >= 0; i--) {
        L[i] = new Uint32Array(m + 1);
        for (var j = m - 1; i < n && j >= 0; j--)
          L[i][j] = A[i] === B[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
      }
      var x = 0, y = 0;
      while (x < n || y < m) {
        if (x < n && y < m && A[x] === B[y]) { ops.push([' ', A[x]]); x++; y++; }
        else if (y < m && (x === n || L[x][y + 1] >= L[x + 1][y])) ops.push(['+', B[y++]]);
        else ops.push(['-', A[x++]]);
      }
    }
    var out = '--- a/' + name + '\n+++ b/' + name + '\n', C = 3, k = 0, la = 1, lb = 1;
    var pos = ops.map(function (o) { var p = [la, lb]; if (o[0] !== '+') la++; if (o[0] !== '-') lb++; return p; });
    while (k < ops.length) {
      if (ops[k][0] === ' ') { k++; continue; }
      var s = Math.max(0, k - C), e = k;
      for (var q = k; q < ops.length; q++) {
        if (ops[q][0] !== ' ') e = q;
        else if (q - e > 2 * C) break;
      }
      e = Math.min(ops.length - 1, e + C);
      var h = ops.slice(s, e + 1);
      var na = h.filter(function (o) { return o[0] !== '+'; }).length, nb = h.filter(function (o) { return o[0] !== '-'; }).length;
      out += '@@ -' + pos[s][0] + ',' + na + ' +' + pos[s][1] + ',' + nb + ' @@\n';
      h.forEach(function (o) { out += o[0] + o[1] + '\n'; });
      k = e + 1;
    }
    return out;
  }

  function download(bytes, name, type) {
    var a = el('a', { href: URL.createObjectURL(new Blob([bytes], { type: type })), download: name });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  function base() { return state.name.replace(/\.[^.]*$/, ''); }
  $('dl-text').addEventListener('click', function () {
    if (!state.res) return status('Check an article first.', true);
    var ext = (state.name.match(/\.[^.]*$/) || ['.txt'])[0];
    download(state.fixedBytes, base() + '.fixed' + ext, 'text/plain;charset=utf-8');
  });
  $('dl-diff').addEventListener('click', function () {
    if (!state.res) return status('Check an article first.', true);
    download(enc.encode($('diff').textContent), base() + '.diff', 'text/x-diff;charset=utf-8');
  });
})();
