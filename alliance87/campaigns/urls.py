from django.urls import path

from alliance87.campaigns import views

app_name = "campaigns"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/activities.ics", views.activities_ics, name="activities-ics"),
    path("<slug:slug>/activities/new/", views.add_activity, name="activity-new"),
    path("<slug:slug>/activities/<int:pk>/remove/", views.remove_activity, name="activity-remove"),
    path("<slug:slug>/submit/", views.submit, name="submit"),
    path("<slug:slug>/review/", views.review, name="review"),
    path("<slug:slug>/review/<int:pk>/", views.decide, name="decide"),
    path("<slug:slug>/images/new/", views.add_image, name="image-new"),
]
