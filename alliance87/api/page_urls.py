"""The API's pages among the Hub's, under the language prefix."""

from django.urls import path

from alliance87.api import views

urlpatterns = [
    path("", views.docs, name="api-docs"),
    path("tokens/", views.tokens, name="api-tokens"),
    path("tokens/<int:pk>/revoke/", views.revoke, name="api-token-revoke"),
]
