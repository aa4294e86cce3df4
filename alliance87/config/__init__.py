"""
The settings of a few concerns, each read from its environment variables
in a module of its own, and imported name by name by alliance87/settings.py
(whose header lists every variable): caches.py (the caches, Redis and the
rate limits' counts), tasks.py (background tasks and their schedule),
mail.py (outgoing email and the mail provider's webhook), community.py
(reply by email, new accounts' posts, attachments), logs.py (logging) and
accounts.py (django-allauth, multi-factor authentication and passwords,
which no variable changes).

Each name a module sets is set whatever the environment, to Django's own
default when its feature is off, so that settings.py can import it.
"""
