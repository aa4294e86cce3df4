"""
Test support, in one place; imported by tests, never by the Hub itself.

- personas.py: the personas every test speaks of, and how to make them.
- factories.py: test data built through the services.
- fixtures.py: the shared pytest fixtures (a plugin of the root conftest),
  among them `personas`, `world` and `demo`.
- pages.py: the page audit (accessibility and CSP rules) and the site walk.
- translations.py: the values of a translated field in each language.
- webauthn_device.py: a software passkey, browser and authenticator in one.
"""
