// Show the passkey controls only where they can work: this script runs
// (JavaScript is on) and the browser speaks WebAuthn. Elements marked
// data-passkey are hidden in the HTML; data-passkey-fallback explains their
// absence and goes. A failed or cancelled passkey shows data-passkey-error
// rather than nothing (allauth's script only logs it).
(function () {
  'use strict'
  if (!window.PublicKeyCredential) return
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
