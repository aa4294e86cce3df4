// Show the passkey controls only where they can work: this script runs
// (JavaScript is on), the browser speaks WebAuthn, and the page is served
// under a name: a passkey belongs to a domain, and browsers refuse one for
// a numeric address such as 127.0.0.1. Elements marked
// data-passkey are hidden in the HTML; data-passkey-fallback explains their
// absence and goes. A failed or cancelled passkey shows data-passkey-error
// rather than nothing (allauth's script only logs it).
(function () {
  'use strict'
  var host = window.location.hostname
  var numeric = /^[0-9.]+$/.test(host) || host.indexOf(':') !== -1 || host.charAt(0) === '['
  if (!window.PublicKeyCredential || !window.isSecureContext || numeric) return
  function show () {
    document.querySelectorAll('[data-passkey]').forEach(function (e) { e.hidden = false })
    document.querySelectorAll('[data-passkey-fallback]').forEach(function (e) { e.hidden = true })
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', show)
  } else {
    show()
  }
  document.addEventListener('allauth.error', function (event) {
    event.preventDefault()
    document.querySelectorAll('[data-passkey-error]').forEach(function (e) { e.hidden = false })
  })
})()
