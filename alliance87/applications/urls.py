from django.urls import path

from alliance87.applications import views

app_name = "applications"
urlpatterns = [
    path("apply/", views.apply, name="apply"),
    path("apply/sent/", views.sent, name="sent"),
    path("applications/", views.review_list, name="review-list"),
    path("applications/<int:pk>/", views.review, name="review"),
]
