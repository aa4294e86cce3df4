from django.urls import path

from alliance87.api import views
from alliance87.api.api import api

urlpatterns = [
    # The documentation lives among the Hub's pages, in the reader's
    # language (/en/api/); this address leads there.
    path("docs", views.docs_redirect, name="api-docs-redirect"),
    path("", api.urls),
]
