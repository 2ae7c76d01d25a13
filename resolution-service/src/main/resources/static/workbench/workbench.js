// The agents' workbench: the queue, a case with its deadlines, evidence and timeline, and the actions the API says the
// agent may take. Everything shown comes from /api/v1 with the agent's bearer token; text is always set as text.
(function () {
  'use strict';
  var token = null;
  var current = null;

  var FORMS = {
    ACCEPT: { path: 'accept', label: 'Accept 接单', fields: ['note?'] },
    ADD_EVIDENCE: { path: 'evidence', label: 'Add evidence 补充证据', fields: ['kind:EvidenceKind', 'url', 'replayOffsetSeconds?:number', 'description?'] },
    PROGRESS_NOTE: { path: 'progress', label: 'Progress update 进度告知', fields: ['note'] },
    REQUEST_MERCHANT_RESPONSE: { path: 'merchant-request', label: 'Ask merchant 请商家处理', fields: ['remedy:Remedy', 'refundFen?:number', 'compensationFen?:number', 'reason', 'note?'] },
    PROPOSE_REMEDY: { path: 'proposal', label: 'Propose 提交审批', fields: ['remedy:Remedy', 'refundFen?:number', 'compensationFen?:number', 'liableParty:LiableParty', 'reason', 'ruleId?', 'penaltyLevel?:PenaltyLevel', 'penaltyDays?:number', 'platformAdvance?:boolean', 'note?'] },
    RESOLVE: { path: 'resolve', label: 'Resolve 处理完结', fields: ['remedy:Remedy', 'refundFen?:number', 'compensationFen?:number', 'liableParty:LiableParty', 'reason', 'ruleId?', 'penaltyLevel?:PenaltyLevel', 'penaltyDays?:number', 'platformAdvance?:boolean', 'note?'] },
    APPROVE: { path: 'approve', label: 'Approve 批准', fields: ['note?'] },
    DENY: { path: 'deny', label: 'Deny 驳回', fields: ['note'] },
    ESCALATE: { path: 'escalate', label: 'Escalate 升级', fields: ['note'] },
    REJECT: { path: 'reject', label: 'Reject 不予支持', fields: ['ruleId', 'reason', 'liableParty?:LiableParty'] },
    REOPEN: { path: 'reopen', label: 'Reopen 重开', fields: ['note'] },
    CLOSE: { path: 'close', label: 'Close 结案', fields: ['note?'] },
    REASSIGN: { path: 'reassign', label: 'Reassign 转派', fields: ['agentId', 'note?'] },
    INTERNAL_NOTE: { path: 'notes', label: 'Internal note 内部备注', fields: ['text'] },
    TRANSFER: { path: 'transfer', label: 'Transfer 转组', fields: ['team:Team', 'reason'] },
    RECLASSIFY: { path: 'reclassify', label: 'Reclassify 改分类', fields: ['type:ComplaintType', 'reason'] }
  };
  var TEAMS = ['after-sales', 'logistics', 'anchor-governance', 'tech-support', 'funds-risk'];
  var STATES = ['RECEIVED', 'TRIAGED', 'ASSIGNED', 'IN_PROGRESS', 'AWAITING_APPROVAL', 'AWAITING_MERCHANT', 'ESCALATED', 'RESOLVED', 'CLOSED', 'REJECTED', 'REOPENED'];
  var ENUMS = {
    EvidenceKind: ['SCREENSHOT', 'RECORDING', 'LIVE_REPLAY', 'PRODUCT_SNAPSHOT', 'CHAT_LOG', 'DELIVERY_PROOF', 'PHOTO', 'OTHER'],
    Remedy: ['FULL_REFUND', 'PARTIAL_REFUND', 'COUPON', 'RESHIP', 'EXCHANGE', 'APOLOGY', 'ANCHOR_PENALTY', 'TECH_FIX'],
    LiableParty: ['MERCHANT', 'ANCHOR', 'LOGISTICS', 'PLATFORM', 'USER', 'NONE'],
    PenaltyLevel: ['WARNING', 'TRAFFIC_LIMIT', 'SUSPENSION', 'BAN'],
    Team: TEAMS,
    ComplaintType: ['PRODUCT_QUALITY', 'LOGISTICS', 'AFTER_SALES_POLICY', 'PROMISE_BREACH', 'FALSE_ADVERTISING', 'PRICE', 'ANCHOR_CONDUCT', 'STREAM_QUALITY', 'SERVICE', 'FUNDS_SAFETY']
  };
  var supervisor = false;

  function el(tag, attrs) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') { node.textContent = attrs[k]; } else if (k === 'onclick' || k === 'onsubmit') { node[k] = attrs[k]; } else { node.setAttribute(k, attrs[k]); }
    });
    for (var i = 2; i < arguments.length; i++) { if (arguments[i] != null) { node.appendChild(arguments[i]); } }
    return node;
  }
  function fen(v) { return v == null ? '—' : '¥' + (v / 100).toFixed(2); }
  function time(v) { return v ? new Date(v).toLocaleString() : '—'; }
  function say(text, ok) { var m = document.getElementById('message'); m.textContent = text; m.className = ok ? 'ok' : 'error'; }

  function api(method, path, body, version) {
    var headers = { 'Authorization': 'Bearer ' + token };
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    if (version != null) { headers['If-Match'] = '"' + version + '"'; }
    return fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (r) {
        return r.text().then(function (t) {
          var json = t ? JSON.parse(t) : null;
          if (!r.ok) {
            var detail = json && (json.detail || json.title) || r.statusText;
            if (json && json.errors) { detail += ' — ' + json.errors.map(function (e) { return e.field + ' ' + e.message; }).join('; '); }
            throw new Error(r.status + ' ' + detail);
          }
          return { status: r.status, json: json };
        });
      });
  }

  function loadQueue() {
    return api('GET', '/api/v1/queue').then(function (r) {
      var body = document.querySelector('#queue tbody');
      body.textContent = '';
      r.json.forEach(function (item) {
        var row = el('tr', { 'data-case': item.complaintId, onclick: function () { openCase(item.complaintId); } },
          el('td', { text: item.complaintId }), el('td', {}, document.createTextNode(item.reason), item.newInput ? el('span', { 'class': 'tag warn', text: 'new input 用户补充' }) : null),
          el('td', {}, el('span', { 'class': 'state ' + item.state, text: item.state })),
          el('td', { text: String(item.priority) }), el('td', { text: item.severity }), el('td', { text: item.type }),
          el('td', { text: item.nextDueAt ? (item.nextClock + ' ' + time(item.nextDueAt)) : '—' }),
          el('td', { text: String(item.escalationLevel) }));
        if (current && current.complaintId === item.complaintId) { row.className = 'selected'; }
        body.appendChild(row);
      });
      if (!r.json.length) { body.appendChild(el('tr', {}, el('td', { colspan: '8', 'class': 'hint', text: 'Nothing in your queue.' }))); }
    }).catch(function (e) { say(e.message); });
  }

  function openCase(id) {
    return api('GET', '/api/v1/cases/' + encodeURIComponent(id)).then(function (r) { render(r.json); loadQueue(); })
      .catch(function (e) { say(e.message); });
  }

  function render(c) {
    current = c;
    var d = document.getElementById('detail');
    d.textContent = '';
    d.appendChild(el('h2', {}, document.createTextNode(c.complaintId + ' '), el('span', { id: 'case-state', 'class': 'state ' + c.state, 'data-state': c.state, text: c.state }),
      document.createTextNode(' v' + c.version)));
    d.appendChild(complaintBlock(c));
    if (c.newInputAt) { d.appendChild(el('div', { 'class': 'new-input', text: 'The user added material at ' + time(c.newInputAt) + ' — see the timeline. 用户有新的补充材料' })); }
    if (c.withdrawn) { d.appendChild(el('div', { 'class': 'new-input', text: 'Withdrawn by the user 用户已撤诉' })); }
    var facts = [['Type', c.type], ['Severity', c.severity], ['Channel', c.channel], ['Priority', c.priority], ['Team', c.team], ['Assignee', c.assigneeId],
      ['Order', c.orderId], ['Merchant', c.merchantId], ['Anchor', c.anchorId], ['Session', c.sessionId], ['Paid', fen(c.amountPaidFen)], ['Claimed', fen(c.claimedAmountFen)],
      ['Received', time(c.receivedAt)], ['First response', time(c.firstRespondedAt)], ['Escalation', c.escalationLevel], ['Reopened', c.reopenCount],
      ['Transferred from', c.transferredFrom], ['Version', c.version]];
    var dl = el('dl', { 'class': 'facts' });
    facts.forEach(function (f) { dl.appendChild(el('dt', { text: f[0] })); dl.appendChild(el('dd', { text: f[1] == null ? '—' : String(f[1]) })); });
    d.appendChild(dl);
    if (c.pendingDecision) {
      d.appendChild(el('p', { text: 'Pending: ' + c.pendingDecision.remedy + ' ' + fen(c.pendingDecision.refundFen + c.pendingDecision.compensationFen)
        + ' by ' + c.pendingProposedBy + (c.requiredTier ? ' — needs ' + c.requiredTier : '') + (c.platformAdvanced ? ' (先行赔付)' : '') }));
    }
    if (c.decision) {
      d.appendChild(el('p', { text: 'Decision: ' + c.decision.remedy + ' ' + fen(c.decision.refundFen + c.decision.compensationFen) + ', liable ' + c.decision.liableParty
        + ' — ' + c.decision.reason + (c.decision.ruleId ? ' [' + c.decision.ruleId + ']' : '') + (c.fastPath ? ' · ' + c.fastPath : '') + (c.autoApproved ? ' · 超时自动同意' : '') }));
    }
    d.appendChild(el('h3', { text: 'Actions' }));
    var actions = el('div', { id: 'actions' });
    (c.allowedActions || []).filter(function (a) { return FORMS[a]; }).forEach(function (a) {
      actions.appendChild(el('button', { type: 'button', 'data-action': a, text: FORMS[a].label, onclick: function () { showForm(a); } }));
    });
    if (!actions.childNodes.length) { actions.appendChild(el('span', { 'class': 'hint', text: 'No action is yours to take in this state.' })); }
    d.appendChild(actions);
    d.appendChild(el('div', { id: 'action-form' }));
    d.appendChild(el('h3', { text: 'SLA clocks' }));
    var clocks = el('table', {}, el('tr', {}, el('th', { text: 'Clock' }), el('th', { text: 'Due' }), el('th', { text: 'Status' })));
    c.slaClocks.forEach(function (s) {
      var status = s.breachedAt ? 'breached' : s.metAt ? 'met' : s.warnedAt ? 'warned' : 'running';
      clocks.appendChild(el('tr', { 'class': status }, el('td', { text: s.clock }), el('td', { text: time(s.dueAt) }), el('td', { text: status })));
    });
    d.appendChild(clocks);
    d.appendChild(el('h3', { text: 'Evidence' }));
    var ev = el('ul', {});
    c.evidence.forEach(function (e) { ev.appendChild(el('li', { text: e.kind + ' ' + e.url + (e.replayOffsetSeconds != null ? ' @' + e.replayOffsetSeconds + 's' : '') + (e.description ? ' — ' + e.description : '') })); });
    if (!c.evidence.length) { ev.appendChild(el('li', { 'class': 'hint', text: 'none' })); }
    d.appendChild(ev);
    d.appendChild(el('h3', { text: 'Timeline' }));
    var tl = el('table', { id: 'timeline' });
    c.timeline.forEach(function (t) {
      var internal = t.visibility === 'INTERNAL';
      tl.appendChild(el('tr', { 'class': (internal ? 'internal ' : '') + t.action, 'data-visibility': t.visibility || '' }, el('td', { text: time(t.at) }),
        el('td', {}, document.createTextNode(t.action + ' '), el('span', { 'class': 'vis ' + t.visibility, text: internal ? 'internal 内部' : 'shared 可见' })),
        el('td', { text: (t.fromState || '') + ' → ' + t.toState }), el('td', { text: t.actorId }), el('td', { text: t.note || '' })));
    });
    d.appendChild(tl);
    if (c.corrections && c.corrections.length) {
      d.appendChild(el('h3', { text: 'Corrections 纠正记录' }));
      var cl = el('ul', { id: 'corrections' });
      c.corrections.forEach(function (k) { cl.appendChild(el('li', { text: k.kind + ' ' + k.from + ' → ' + k.to + ' by ' + k.actorId + ': ' + k.reason })); });
      d.appendChild(cl);
    }
  }

  // The complaint as the user filed it comes first: their words, what they want, what they showed, what triage found.
  function complaintBlock(c) {
    var k = c.complaint;
    var box = el('div', { 'class': 'complaint', id: 'complaint' });
    box.appendChild(el('h3', { text: 'Complaint 投诉内容' }));
    if (!k) { box.appendChild(el('p', { 'class': 'hint', text: 'This case was opened before cases kept the complaint.' })); return box; }
    box.appendChild(el('blockquote', { id: 'complaint-text', text: k.text }));
    var tags = el('div', {});
    (k.demands || []).forEach(function (x) { tags.appendChild(el('span', { 'class': 'tag', text: 'demand ' + x })); });
    if (k.claimedAmountFen != null) { tags.appendChild(el('span', { 'class': 'tag', text: 'claims ' + fen(k.claimedAmountFen) })); }
    if (k.repeat) { tags.appendChild(el('span', { 'class': 'tag warn', text: 'repeat 重复投诉' })); }
    (k.secondaryTypes || []).forEach(function (x) { tags.appendChild(el('span', { 'class': 'tag', text: 'also ' + x })); });
    if (k.incidentId) { tags.appendChild(el('span', { 'class': 'tag danger', text: 'incident ' + k.incidentId })); }
    box.appendChild(tags);
    var rows = [['Product 商品', (k.productName || '—') + (k.skuId ? ' (' + k.skuId + ')' : '')], ['Happened 发生时间', time(k.incidentAt)],
      ['Anchor promised 直播间承诺', (k.sessionPromises || []).join('；') || '—'],
      ['Priority because 优先级原因', (k.priorityReasons || []).join('；') || '—'],
      ['Diagnosis QoS诊断', k.diagnosis ? k.diagnosis.verdict + (k.diagnosis.cdnNode ? ' @' + k.diagnosis.cdnNode : '') + ((k.diagnosis.findings || []).length ? ' — ' + k.diagnosis.findings.join('; ') : '') : '—'],
      ['Contact 联系方式', k.contact ? [k.contact.name, k.contact.phone, k.contact.email].filter(function (x) { return x; }).join(' · ') + (k.contact.consent ? ' (agreed to be contacted 同意联系)' : ' (no consent 未同意联系)') : '—']];
    var dl = el('dl', { 'class': 'facts' });
    rows.forEach(function (f) { dl.appendChild(el('dt', { text: f[0] })); dl.appendChild(el('dd', { text: f[1] })); });
    box.appendChild(dl);
    var ev = el('ul', { id: 'user-evidence' });
    (k.evidence || []).forEach(function (e) { ev.appendChild(el('li', { text: e.kind + ' ' + e.url + (e.description ? ' — ' + e.description : '') })); });
    if ((k.evidence || []).length) { box.appendChild(el('div', { 'class': 'hint', text: 'The user\'s evidence 用户证据' })); box.appendChild(ev); }
    return box;
  }

  function search(ev) {
    if (ev) { ev.preventDefault(); }
    var form = document.getElementById('search');
    var params = new URLSearchParams();
    ['q', 'orderId', 'userId', 'merchantId', 'state'].forEach(function (n) { if (form.elements[n].value.trim()) { params.set(n, form.elements[n].value.trim()); } });
    if (form.elements.atRisk.checked) { params.set('dueBefore', new Date(Date.now() + 2 * 3600 * 1000).toISOString()); }
    params.set('size', '50');
    return api('GET', '/api/v1/cases?' + params.toString()).then(function (r) {
      var body = document.querySelector('#results tbody');
      body.textContent = '';
      r.json.items.forEach(function (item) {
        body.appendChild(el('tr', { 'data-case': item.complaintId, onclick: function () { openCase(item.complaintId); } },
          el('td', { text: item.complaintId }), el('td', { text: time(item.receivedAt) }),
          el('td', {}, el('span', { 'class': 'state ' + item.state, text: item.state })), el('td', { text: item.type }), el('td', { text: item.team }),
          el('td', { text: item.excerpt || '' })));
      });
      if (!r.json.items.length) { body.appendChild(el('tr', {}, el('td', { colspan: '6', 'class': 'hint', text: 'No case matches.' }))); }
      say(r.json.total + ' case(s) found 条结果', true);
    }).catch(function (e) { say(e.message); });
  }

  function loadBoard() {
    var team = document.getElementById('board-team').value;
    return api('GET', '/api/v1/teams/' + encodeURIComponent(team) + '/board').then(function (r) {
      var b = r.json, box = document.getElementById('board');
      box.textContent = '';
      var grid = el('div', { 'class': 'board-grid' });
      [['open 未结', b.open], ['unassigned 未分配', b.unassigned], ['at risk 即将超时', b.atRisk.length], ['breached 已超时', b.breached.length],
        ['escalations 升级待办', b.escalations.length], ['new input 用户补充', b.newInput.length]].forEach(function (x) {
        grid.appendChild(el('div', {}, el('b', { text: String(x[1]) }), document.createTextNode(x[0])));
      });
      box.appendChild(grid);
      box.appendChild(el('p', { text: 'By state: ' + Object.keys(b.byState).map(function (s) { return s + ' ' + b.byState[s]; }).join(', ') }));
      box.appendChild(el('p', { text: 'Load: ' + (b.agents.map(function (a) { return a.agentId + ' ' + a.open + (a.escalated ? ' (' + a.escalated + ' escalated)' : ''); }).join(', ') || '—') }));
      if (b.oldestOpen) { box.appendChild(el('p', { text: 'Oldest open: ' + b.oldestOpen.complaintId + ' since ' + time(b.oldestOpen.receivedAt) })); }
      [['Escalations waiting 升级待办', b.escalations], ['Breached 已超时', b.breached], ['Deadline near 即将超时', b.atRisk],
        ['New input from the user 用户补充', b.newInput]].forEach(function (group) {
        if (!group[1].length) { return; }
        box.appendChild(el('h3', { text: group[0] }));
        var list = el('ul', {});
        group[1].forEach(function (i) {
          list.appendChild(el('li', { 'data-case': i.complaintId, onclick: function () { openCase(i.complaintId); },
            text: i.complaintId + ' ' + i.state + ' · level ' + i.escalationLevel + ' · ' + (i.assigneeId || 'unassigned')
              + (i.nextDueAt ? ' · next ' + i.nextClock + ' ' + time(i.nextDueAt) : '') }));
        });
        box.appendChild(list);
      });
    }).catch(function (e) { say(e.message); });
  }

  function showForm(action) {
    var spec = FORMS[action];
    var holder = document.getElementById('action-form');
    holder.textContent = '';
    var form = el('form', { 'class': 'action', 'data-form': action });
    spec.fields.forEach(function (f) {
      var parts = f.split(':'), name = parts[0].replace('?', ''), type = parts[1], input;
      if (ENUMS[type]) {
        input = el('select', { name: name });
        if (f.indexOf('?') >= 0) { input.appendChild(el('option', { value: '', text: '—' })); }
        ENUMS[type].forEach(function (v) { input.appendChild(el('option', { value: v, text: v })); });
      } else if (type === 'boolean') {
        input = el('input', { name: name, type: 'checkbox' });
      } else if (name === 'note' || name === 'reason' || name === 'text') {
        input = el('textarea', { name: name, rows: '2' });
      } else {
        input = el('input', { name: name, type: type === 'number' ? 'number' : 'text' });
      }
      form.appendChild(el('label', {}, document.createTextNode(name + (f.indexOf('?') >= 0 ? ' (optional)' : '')), input));
    });
    form.appendChild(el('button', { type: 'submit', text: spec.label }));
    form.onsubmit = function (ev) {
      ev.preventDefault();
      var body = {};
      Array.prototype.forEach.call(form.elements, function (i) {
        if (!i.name) { return; }
        if (i.type === 'checkbox') { body[i.name] = i.checked; } else if (i.value !== '') { body[i.name] = i.type === 'number' ? Number(i.value) : i.value; }
      });
      // an ANCHOR_PENALTY's level (警告/限流/停播/封禁) and, for a traffic limit or suspension, its days
      if (body.penaltyLevel || body.penaltyDays !== undefined) {
        body.anchorPenalty = { level: body.penaltyLevel || null, durationDays: body.penaltyDays === undefined ? null : body.penaltyDays };
      }
      delete body.penaltyLevel;
      delete body.penaltyDays;
      api('POST', '/api/v1/cases/' + encodeURIComponent(current.complaintId) + '/' + spec.path, body, current.version).then(function (r) {
        if (r.status === 202) { say('Accepted; the case will show it shortly (command ' + r.json.commandId + ').', true); setTimeout(function () { openCase(current.complaintId); }, 1000); return; }
        say(spec.label + ' done.', true);
        render(r.json);
        loadQueue();
      }).catch(function (e) { say(e.message); });
    };
    holder.appendChild(form);
  }

  function useToken(t) {
    token = t;
    sessionStorage.setItem('workbench-token', t);
    // who the service says the caller is (GET /api/v1/me, after its claim mapping), not the raw token's claims:
    // a provider names the tier and team claims its own way
    return api('GET', '/api/v1/me').then(function (r) {
      var me = r.json;
      document.getElementById('who').textContent = me.id + ' · ' + (me.tier || '') + ' · ' + (me.team || 'all teams');
      supervisor = (me.roles || []).indexOf('SUPERVISOR') >= 0;
    }, function (e) {
      document.getElementById('who').textContent = '';
      supervisor = false;
      say(e.message);
    }).then(function () {
      document.getElementById('board-panel').hidden = !supervisor;
      return loadQueue();
    });
  }

  // login.js signs in with the OIDC provider when one is configured and hands the token over here
  window.workbench = { useToken: useToken };
  document.getElementById('login').onsubmit = function (ev) { ev.preventDefault(); useToken(document.getElementById('token').value.trim()); };
  document.getElementById('refresh').onclick = loadQueue;
  document.getElementById('search').onsubmit = search;
  document.getElementById('board-refresh').onclick = loadBoard;
  document.getElementById('board-team').onchange = loadBoard;
  TEAMS.forEach(function (t) { document.getElementById('board-team').appendChild(el('option', { value: t, text: t })); });
  STATES.forEach(function (s) { document.querySelector('#search select[name=state]').appendChild(el('option', { value: s, text: s })); });
  var params = new URLSearchParams(location.hash.replace(/^#/, ''));
  var initial = params.get('token') || sessionStorage.getItem('workbench-token');
  if (params.get('token')) { history.replaceState(null, '', location.pathname + (params.get('case') ? '#case=' + params.get('case') : '')); }
  if (initial) {
    useToken(initial).then(function () { if (params.get('case')) { openCase(params.get('case')); } });
  }
})();
