// Signing in to the workbench. With an OIDC provider configured (GET /workbench/login-config answers mode "oidc"),
// the agent signs in there: authorization-code flow with PKCE as a public client (no secret in the page), the code
// comes back to this page and is exchanged for the access token, which workbench.js then uses. Without a provider
// (HS256 local mode, bin/local) the pasted-token form stays.
(function () {
  'use strict';
  var KEY = 'workbench-oidc';

  function b64url(bytes) {
    var s = '';
    new Uint8Array(bytes).forEach(function (b) { s += String.fromCharCode(b); });
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function random(n) { var a = new Uint8Array(n); crypto.getRandomValues(a); return b64url(a); }
  function here() { return location.origin + location.pathname; }
  function say(text) { var m = document.getElementById('message'); m.textContent = text; m.className = 'error'; }

  function discover(config) {
    return fetch(config.issuer.replace(/\/$/, '') + '/.well-known/openid-configuration').then(function (r) {
      if (!r.ok) { throw new Error('identity provider discovery: ' + r.status); }
      return r.json();
    });
  }

  function signIn(config) {
    var verifier = random(48);
    var state = random(16);
    return crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)).then(function (digest) {
      return discover(config).then(function (provider) {
        sessionStorage.setItem(KEY, JSON.stringify({ verifier: verifier, state: state, hash: location.hash }));
        var query = new URLSearchParams({ response_type: 'code', client_id: config.clientId, redirect_uri: here(),
          scope: config.scope, state: state, code_challenge: b64url(digest), code_challenge_method: 'S256' });
        location.assign(provider.authorization_endpoint + '?' + query.toString());
      });
    });
  }

  function finish(config, params) {
    var pending = JSON.parse(sessionStorage.getItem(KEY) || 'null');
    sessionStorage.removeItem(KEY);
    history.replaceState(null, '', location.pathname + (pending && pending.hash ? pending.hash : ''));
    if (params.get('error')) { return Promise.reject(new Error('sign-in refused: ' + params.get('error'))); }
    if (!pending || pending.state !== params.get('state')) { return Promise.reject(new Error('sign-in answer does not match the request (state)')); }
    return discover(config).then(function (provider) {
      return fetch(provider.token_endpoint, { method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'authorization_code', code: params.get('code'), redirect_uri: here(),
          client_id: config.clientId, code_verifier: pending.verifier }).toString() });
    }).then(function (r) {
      return r.json().then(function (json) {
        if (!r.ok || !json.access_token) { throw new Error('token request: ' + r.status + ' ' + (json.error || '')); }
        return json.access_token;
      });
    });
  }

  fetch('/workbench/login-config').then(function (r) { return r.json(); }).then(function (config) {
    if (config.mode !== 'oidc') { return; }
    var form = document.getElementById('login');
    form.querySelector('#token').hidden = true;
    var button = form.querySelector('button[type=submit]');
    button.textContent = 'Sign in 登录';
    button.id = 'sign-in';
    form.onsubmit = function (ev) { ev.preventDefault(); signIn(config).catch(function (e) { say(e.message); }); };
    var params = new URLSearchParams(location.search);
    if (params.get('code') || params.get('error')) {
      finish(config, params).then(function (token) { window.workbench.useToken(token); })
        .catch(function (e) { say(e.message); });
    }
  }).catch(function () { /* no config: keep the pasted token */ });
})();
