from django.urls import path

from alliance87.library import views

app_name = "library"
urlpatterns = [
    path("", views.index, name="index"),
    path("glossary/", views.glossary, name="glossary"),
    path("submit/", views.submit, name="submit"),
    path("review/", views.review_list, name="review-list"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/edit/", views.edit, name="edit"),
    path("<slug:slug>/publish/", views.publish, name="publish"),
]
