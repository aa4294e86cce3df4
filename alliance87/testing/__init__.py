"""
Test support, in one place; imported by tests, never by the Hub itself.

- personas.py: the personas every test speaks of, and how to make them.
- factories.py: test data built through the services.
- fixtures.py: the shared pytest fixtures (a plugin of the root conftest),
  among them `personas`, `world` and `demo`.
- pages.py: the page audit (accessibility and CSP rules) and the site walk.
- translations.py: the values of a translated field in each language.
- webauthn_device.py: a software passkey, browser and authenticator in one.
- One module per helper that several test modules share: png.py (a real
  PNG), sdmx.py (SDMX messages and the import page), surveys.py,
  api.py (a token and a call), community_api.py (the community API's
  scene), countries.py (the `countries` fixture), queries.py (a page's
  queries counted as the bench counts them).

No module imports from a conftest.py or a test_*.py module
(core/tests/test_test_support_imports.py).
"""
